import Testing
@testable import LessonModel

@Test func invalidUTF8IsLocatedAtItsLineAndColumn() {
    let bytes = Array("ok\nab".utf8) + [0xC3, 0x28] + Array("\n".utf8)
    guard case .failure(let d) = SourceText.decode(bytes, path: "x.md") else { Issue.record("accepted"); return }
    #expect(d.description == "x.md:2:3: error: invalid UTF-8 at byte offset 5; lessons must be UTF-8 text")
}

@Test func binaryFileIsRejected() {
    let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0A, 0x00, 0x01]
    guard case .failure(let d) = SourceText.decode(bytes, path: "x.md") else { Issue.record("accepted"); return }
    #expect(d.description == "x.md:2:1: error: binary file: NUL byte at byte offset 5; expected UTF-8 text")
}

@Test func overlongAndSurrogateEncodingsAreInvalid() {
    #expect(UTF8Validator.firstInvalidOffset(in: [0x41, 0xC0, 0xAF][...]) == 1)
    #expect(UTF8Validator.firstInvalidOffset(in: [0xED, 0xA0, 0x80][...]) == 0)
    #expect(UTF8Validator.firstInvalidOffset(in: Array("反向传播 ok".utf8)[...]) == nil)
}

@Test func crlfAndBOMAreNormalised() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\r\nb".utf8)
    let text = try SourceText.decode(bytes, path: "x").get().text
    #expect(text == "a\nb")
}
