import Testing
@testable import Figures

@Test(arguments: Format.allCases)
func buildingTheSameFigureTwiceGivesIdenticalBytes(format: Format) throws {
    let first = try SampleFigures.diagram(format: format).render()
    let second = try SampleFigures.diagram(format: format).render()
    #expect(firstDifference(first, second) == nil)
}

@Test(arguments: Format.allCases)
func renderingOneCanvasTwiceGivesIdenticalBytes(format: Format) throws {
    let canvas = try SampleFigures.diagram(format: format)
    #expect(try firstDifference(canvas.render(), canvas.render()) == nil)
}

@Test func drawingAfterRenderShowsUpInTheNextRender() throws {
    let canvas = try Canvas(size: Size(width: 20, height: 20), format: .png)
    let before = try PNGPixels(canvas.render())
    canvas.fill(Rect(x: 0, y: 0, width: 20, height: 20), color: .black)
    let after = try PNGPixels(canvas.render())
    #expect(before.alpha(x: 10, y: 10) == 0)
    #expect(after.alpha(x: 10, y: 10) == 255)
}

/// Cairo's SVG surface ids come from process-wide counters; rendering other figures in
/// between must not change a figure's bytes.
@Test(arguments: Format.allCases)
func bytesDoNotDependOnWhatWasRenderedBefore(format: Format) throws {
    let alone = try SampleFigures.diagram(format: format, prefix: "b").render()
    for noiseFormat in Format.allCases {
        _ = try SampleFigures.textHeavy(format: noiseFormat).render()
    }
    _ = try SampleFigures.diagram(format: format, prefix: "a").render()
    let afterOthers = try SampleFigures.diagram(format: format, prefix: "b").render()
    #expect(firstDifference(alone, afterOthers) == nil)
}
