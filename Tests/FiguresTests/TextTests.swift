import Testing
@testable import Figures

private let cjk = "反向传播"

/// Renders `string` alone on a transparent PNG, left end of the baseline at (10, 60).
private func textPNG(_ string: String, style: TextStyle) throws -> PNGPixels {
    let canvas = try Canvas(size: Size(width: 320, height: 90), format: .png)
    canvas.text(string, at: Point(x: 10, y: 60), style: style)
    return try PNGPixels(canvas.render())
}

private func scratch() throws -> Canvas { try Canvas(size: Size(width: 10, height: 10)) }

@Test func cjkTextHasNoUnknownGlyphs() throws {
    #expect(try scratch().unknownGlyphCount(cjk) == 0)
}

/// Negative control: without it, a counter stuck at 0 would pass the test above. A plane-15
/// private-use character: KaTeX's fonts (installed with the `katex` package) cover U+E000.
@Test func privateUseCharacterCountsAsAnUnknownGlyph() throws {
    #expect(try scratch().unknownGlyphCount("a\u{F0000}b") == 1)
}

/// Catches "nothing drawn": four dense CJK glyphs cover at least half the pixels that
/// eight Latin letters of the same size cover (measured: about 1.2x).
@Test func cjkTextInksAtLeastHalfAsMuchAsLatinTextOfTheSameSize() throws {
    let style = TextStyle(size: 32)
    let cjkInk = try textPNG(cjk, style: style).inkedPixelCount
    let latinInk = try textPNG("Backprop", style: style).inkedPixelCount
    #expect(latinInk > 0)
    #expect(Double(cjkInk) > 0.5 * Double(latinInk))
}

/// Catches tofu and wrong fallbacks: with the default Latin-first family list, each CJK
/// character must be drawn with exactly the pixels of the CJK face named on its own.
@Test func cjkFallbackDrawsTheSamePixelsAsTheCJKFaceNamedExplicitly() throws {
    let viaFallback = try textPNG(cjk, style: TextStyle(size: 32))
    let explicit = try textPNG(cjk, style: TextStyle(family: "Noto Sans CJK SC", size: 32))
    let tofu = try textPNG("\u{E000}\u{E001}\u{E002}\u{E003}", style: TextStyle(size: 32))
    #expect(viaFallback == explicit)
    #expect(viaFallback != tofu)
}

@Test func longerStringMeasuresWider() throws {
    let canvas = try scratch()
    #expect(try canvas.measure("loss").width < canvas.measure("loss curve").width)
}

@Test func measuredHeightGrowsWithFontSize() throws {
    let canvas = try scratch()
    #expect(try canvas.measure("x", style: TextStyle(size: 10)).height < canvas.measure("x", style: TextStyle(size: 20)).height)
}

@Test func maxWidthEllipsizesTextToFitTheLimit() throws {
    let canvas = try scratch()
    let text = "a rather long axis label that cannot possibly fit"
    let limited = try canvas.measure(text, style: TextStyle(maxWidth: 80))
    #expect(try canvas.measure(text).width > 80)
    #expect(limited.width <= 80)
    #expect(limited.width > 40)
}

@Test func boldTextIsWiderThanRegular() throws {
    let canvas = try scratch()
    #expect(try canvas.measure("weights").width < canvas.measure("weights", style: TextStyle(weight: .bold)).width)
}

@Test func markupTagsAreNotMeasuredAsText() throws {
    let canvas = try scratch()
    let markup = "x<sub>1</sub>"
    #expect(try canvas.measure(markup: markup).width < canvas.measure(markup).width)
}

@Test func invalidMarkupThrowsFromMeasure() throws {
    let error = #expect(throws: FigureError.self) { try scratch().measure(markup: "x<sub>1") }
    #expect(error?.message.hasPrefix("invalid Pango markup") == true)
}

@Test func invalidMarkupMakesRenderThrowNamingTheCall() throws {
    let canvas = try scratch()
    canvas.text(markup: "<b>unclosed", at: Point(x: 1, y: 1))
    let error = #expect(throws: FigureError.self) { try canvas.render() }
    #expect(error?.operation == "text(markup:at:style:anchor:)")
}

@Test func centreAnchoredTextIsHorizontallyCentredOnThePoint() throws {
    let canvas = try Canvas(size: Size(width: 200, height: 60), format: .png)
    canvas.text("HIH", at: Point(x: 100, y: 30), style: TextStyle(size: 24), anchor: .center)
    let png = try PNGPixels(canvas.render())
    let inkedColumns = (0..<png.width).filter { x in (0..<png.height).contains { png.alpha(x: x, y: $0) > 0 } }
    let mid = Double(try #require(inkedColumns.first) + #require(inkedColumns.last) + 1) / 2
    #expect(abs(mid - 100) <= 2, "ink centre \(mid) should be within 2 px of 100")
}

@Test func topAnchoredTextStartsBelowThePoint() throws {
    let canvas = try Canvas(size: Size(width: 200, height: 60), format: .png)
    canvas.text("HIH", at: Point(x: 10, y: 20), style: TextStyle(size: 24), anchor: .topLeft)
    let png = try PNGPixels(canvas.render())
    let inkedRows = (0..<png.height).filter { y in (0..<png.width).contains { png.alpha(x: $0, y: y) > 0 } }
    let top = try #require(inkedRows.first)
    #expect(top >= 20)
    #expect(top <= 20 + 12, "cap height starts within half the font size below the top")
}

/// Pango 1.50 mis-sizes <sub> under a scaled context matrix; layout must happen in user space.
@Test func markupMeasuresTheSameInsideAScaledState() throws {
    let canvas = try scratch()
    let markup = "h<sub>1</sub>x<sup>2</sup>"
    let plain = try canvas.measure(markup: markup, style: TextStyle(size: 20))
    let scaled = try canvas.withSavedState { () throws(FigureError) -> Size in
        canvas.scale(x: 2, y: 2)
        return try canvas.measure(markup: markup, style: TextStyle(size: 20))
    }
    #expect(abs(scaled.width - plain.width) < 0.01, "scaled \(scaled.width) vs plain \(plain.width)")
}

@Test func scaledTextIsDrawnLarger() throws {
    func inkedRows(scale: Double) throws -> Int {
        let canvas = try Canvas(size: Size(width: 200, height: 100), format: .png)
        canvas.withSavedState {
            canvas.scale(x: scale, y: scale)
            canvas.text("H", at: Point(x: 5, y: 5), style: TextStyle(size: 20), anchor: .topLeft)
        }
        let png = try PNGPixels(canvas.render())
        return (0..<png.height).count { y in (0..<png.width).contains { png.alpha(x: $0, y: y) > 128 } }
    }
    let single = try inkedRows(scale: 1), double = try inkedRows(scale: 2)
    #expect(abs(Double(double) - 2 * Double(single)) <= 2, "cap height \(double) px should be twice \(single) px, ±2")
}
