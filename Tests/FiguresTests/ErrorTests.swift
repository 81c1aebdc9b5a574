import Testing
@testable import Figures

@Test(arguments: [0, -1, Double.nan, Double.infinity, 1_000_001])
func invalidCanvasSizeThrows(bad: Double) {
    #expect(throws: FigureError.self) { try Canvas(size: Size(width: bad, height: 10)) }
    #expect(throws: FigureError.self) { try Canvas(size: Size(width: 10, height: bad)) }
}

@Test func largestAllowedSizeIsAccepted() throws {
    let canvas = try Canvas(size: Size(width: Canvas.maxDimension, height: Canvas.maxDimension), format: .svg)
    #expect(canvas.size.width == 1_000_000)
}

@Test func canvasesBeyondTheRasterLimitsArePNGsScaledDownToFit() throws {
    let wide = try Canvas(size: Size(width: 80_000, height: 100), format: .png)
    wide.fill(Rect(x: 0, y: 0, width: 80_000, height: 100), color: .black)
    let png = try wide.render()
    // IHDR: width and height, big-endian, at bytes 16..<24.
    let field = { (at: Int) in png[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
    #expect(field(16) == 16_384 && field(20) == 21)
    let square = try Canvas(size: Size(width: 10_000, height: 10_000), format: .png)
    #expect(abs(square.rasterScale - (0.5).squareRoot()) < 1e-12)
    #expect(try Canvas(size: Size(width: 4_000, height: 1_000)).rasterScale == 1)
}

@Test func nanCoordinateMakesRenderThrowNamingTheCall() throws {
    let canvas = try Canvas(size: Size(width: 20, height: 20), format: .png)
    canvas.line(from: Point(x: .nan, y: 0), to: Point(x: 10, y: 10), style: StrokeStyle())
    let error = #expect(throws: FigureError.self) { try canvas.render() }
    #expect(error?.operation == "line(from:to:style:)")
    #expect(error?.message == "path has a non-finite number nan")
}

@Test(arguments: Format.allCases)
func nonFiniteInputToEveryDrawingCallDoesNotCrash(format: Format) throws {
    let canvas = try Canvas(size: Size(width: 20, height: 20), format: format)
    let nan = Double.nan, inf = Double.infinity
    canvas.withSavedState {
        canvas.translate(by: Point(x: nan, y: 0))
        canvas.scale(x: inf, y: 1)
        canvas.rotate(by: nan)
    }
    canvas.withClip(Rect(x: nan, y: 0, width: 5, height: 5)) {
        canvas.paint(Color(red: nan, green: 0, blue: 0))
    }
    canvas.fill(Rect(x: 0, y: 0, width: inf, height: 5), color: .black, cornerRadius: nan)
    canvas.fillCircle(center: Point(x: 5, y: 5), radius: nan, color: .black)
    canvas.polyline([Point(x: 0, y: 0), Point(x: -inf, y: 3)], style: StrokeStyle(width: nan, dash: [nan]))
    canvas.fill(Path([.move(.zero), .curve(control1: .zero, control2: Point(x: nan, y: 0), end: .zero)]), color: .black)
    canvas.text("nan", at: Point(x: nan, y: nan))
    canvas.text("nan", at: .zero, style: TextStyle(size: nan, maxWidth: -inf))
    #expect(throws: FigureError.self) { try canvas.render() }
    #expect(throws: FigureError.self) { try canvas.measure("x", style: TextStyle(size: nan)) }
}

@Test func zeroScaleIsRejectedBecauseItWouldMakeTheTransformSingular() throws {
    let canvas = try Canvas(size: Size(width: 20, height: 20))
    canvas.withSavedState { canvas.scale(x: 0, y: 1) }
    let error = #expect(throws: FigureError.self) { try canvas.render() }
    #expect(error?.description == "scale(x:y:): scale factors must not be 0")
}

@Test func renderReportsTheFirstRejectedCall() throws {
    let canvas = try Canvas(size: Size(width: 20, height: 20))
    canvas.stroke(Rect(x: 0, y: 0, width: 5, height: 5), style: StrokeStyle(width: -1))
    canvas.fillCircle(center: .zero, radius: -3, color: .black)
    let error = #expect(throws: FigureError.self) { try canvas.render() }
    #expect(error?.operation == "stroke(_:style:cornerRadius:)")
}

@Test func allZeroDashPatternIsRejected() throws {
    let canvas = try Canvas(size: Size(width: 20, height: 20))
    canvas.line(from: .zero, to: Point(x: 10, y: 0), style: StrokeStyle(dash: [0, 0]))
    let error = #expect(throws: FigureError.self) { try canvas.render() }
    #expect(error?.message == "dash lengths must not all be 0")
}

@Test func colourComponentOutsideUnitRangeIsRejected() throws {
    let canvas = try Canvas(size: Size(width: 20, height: 20))
    canvas.paint(Color(red: 2, green: 0, blue: 0))
    #expect(throws: FigureError.self) { try canvas.render() }
}

@Test func textWithEmbeddedNULIsRejected() throws {
    #expect(throws: FigureError.self) { try Canvas(size: Size(width: 20, height: 20)).measure("a\0b") }
}

@Test func hugeLineCoordinatesRender() throws {
    let canvas = try Canvas(size: Size(width: 20, height: 20), format: .png)
    canvas.line(from: Point(x: -1e300, y: 0), to: Point(x: 1e300, y: 1e300), style: StrokeStyle())
    #expect(try canvas.render().count > 0)
}

/// Cairo's arc flattening takes unbounded time for huge radii, so they are rejected up front.
@Test func hugeArcRadiusIsRejectedInsteadOfHanging() throws {
    let canvas = try Canvas(size: Size(width: 20, height: 20), format: .png)
    canvas.fillCircle(center: .zero, radius: 1e100, color: .black)
    let error = #expect(throws: FigureError.self) { try canvas.render() }
    #expect(error?.operation == "fillCircle(center:radius:color:)")
}

@Test func arcRadiusLimitAppliesAfterScaling() throws {
    let canvas = try Canvas(size: Size(width: 20, height: 20), format: .png)
    canvas.withSavedState {
        canvas.scale(x: 1000, y: 1000)
        canvas.scale(x: 1000, y: 1000)
        canvas.scale(x: 10, y: 10)
    }
    let error = #expect(throws: FigureError.self) { try canvas.render() }
    #expect(error?.description == "scale(x:y:): total magnification must stay <= 1000000")
}

@Test func fontSizeIsLimitedOnTheOutput() throws {
    let canvas = try Canvas(size: Size(width: 20, height: 20))
    #expect(throws: Never.self) { try canvas.measure("x", style: TextStyle(size: 2_000)) }
    canvas.withSavedState {
        canvas.scale(x: 2, y: 2)
        #expect(throws: FigureError.self) { try canvas.measure("x", style: TextStyle(size: 1_500)) }
    }
}
