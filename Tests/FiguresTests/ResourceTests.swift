import Testing
@testable import Figures

/// Creates and frees Cairo and Pango objects 1,000 times; a leak or double free shows up as a
/// crash here or under valgrind/ASan.
@Test func thousandSmallCanvasesRenderWithoutCrashing() throws {
    var total = 0
    for i in 0..<1_000 {
        let canvas = try Canvas(size: Size(width: 32, height: 16), format: Format.allCases[i % 3], idPrefix: "c\(i)")
        canvas.fill(Rect(x: 1, y: 1, width: 30, height: 14), color: Color(hex: 0x336699), cornerRadius: 3)
        canvas.text("\(i)", at: Point(x: 16, y: 8), style: TextStyle(size: 9, color: .white), anchor: .center)
        total += try canvas.render().count
    }
    #expect(total > 0)
}

/// Figures may be drawn on several threads at once (`--jobs`); Pango is shared behind a lock.
@Test(arguments: Format.allCases)
func figuresDrawnInParallelMatchTheSequentialBytes(format: Format) async throws {
    let expected = try SampleFigures.diagram(format: format).render()
    let differences = try await withThrowingTaskGroup(of: Int?.self) { group in
        for _ in 0..<16 {
            group.addTask { firstDifference(try SampleFigures.diagram(format: format).render(), expected) }
        }
        return try await group.reduce(into: [Int?]()) { $0.append($1) }
    }
    #expect(differences.count == 16)
    #expect(differences.allSatisfy { $0 == nil })
}
