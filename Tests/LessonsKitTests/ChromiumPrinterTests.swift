import Testing
@testable import Browser

/// Tagged PDFs' node numbers are renumbered in order of first appearance, keeping their length.
/// Many ids in a large PDF once made every replacement copy the whole document (the keys were
/// slices of it), and the course's handout took 20 GB: this one would take a gigabyte that way.
@Test func nodeIDsAreRenumberedInPlaceWithoutCopyingThePDFPerID() {
    let filler = [UInt8](repeating: UInt8(ascii: " "), count: 1_000)
    var pdf: [UInt8] = []
    for k in 0..<1_000 { pdf += Array("(node\(String(format: "%08d", 90_000_000 - k)))".utf8) + filler }
    pdf += Array("(node89999999)".utf8)
    let out = ChromiumPrinter.renumberedNodeIDs(pdf)
    #expect(out.count == pdf.count)
    let text = String(decoding: out, as: UTF8.self)
    #expect(text.hasPrefix("(node00000001)") && text.contains("(node00001000)"))
    #expect(text.hasSuffix("(node00000002)"), "a repeated id keeps its first number")
}
