import Testing
@testable import Figures

private func png(_ draw: (Canvas) -> Void) throws -> PNGPixels {
    let canvas = try Canvas(size: Size(width: 40, height: 40), format: .png)
    draw(canvas)
    return try PNGPixels(canvas.render())
}

@Test func hexColourSplitsIntoComponents() {
    let color = Color(hex: 0x336699, alpha: 0.5)
    #expect(abs(color.red - 0x33 / 255.0) < 1e-12 && abs(color.green - 0x66 / 255.0) < 1e-12)
    #expect(abs(color.blue - 0x99 / 255.0) < 1e-12 && color.alpha == 0.5)
}

@Test func filledRectangleHasTheExactColour() throws {
    let image = try png { $0.fill(Rect(x: 0, y: 0, width: 40, height: 40), color: Color(hex: 0x336699)) }
    #expect(image.pixel(x: 20, y: 20) == 0xFF33_6699)
}

@Test func clipConfinesDrawingToTheRectangle() throws {
    let image = try png { canvas in
        canvas.withClip(Rect(x: 0, y: 0, width: 10, height: 40)) { canvas.paint(.black) }
    }
    #expect(image.alpha(x: 5, y: 20) == 255)
    #expect(image.alpha(x: 15, y: 20) == 0)
}

@Test func savedStateUndoesTranslationAndClip() throws {
    let image = try png { canvas in
        canvas.withSavedState {
            canvas.translate(by: Point(x: 20, y: 0))
            canvas.withClip(Rect(x: 0, y: 0, width: 5, height: 5)) {}
            canvas.fill(Rect(x: 0, y: 0, width: 10, height: 10), color: .black)
        }
        canvas.fill(Rect(x: 0, y: 30, width: 10, height: 10), color: .black)
    }
    #expect(image.alpha(x: 25, y: 5) == 255)
    #expect(image.alpha(x: 5, y: 5) == 0)
    #expect(image.alpha(x: 5, y: 35) == 255)
}

@Test func scaleEnlargesLaterDrawing() throws {
    let image = try png { canvas in
        canvas.withSavedState {
            canvas.scale(x: 4, y: 4)
            canvas.fill(Rect(x: 0, y: 0, width: 5, height: 5), color: .black)
        }
    }
    #expect(image.alpha(x: 18, y: 18) == 255)
    #expect(image.alpha(x: 22, y: 22) == 0)
}

@Test func roundedRectangleLeavesItsCornersEmpty() throws {
    let image = try png { $0.fill(Rect(x: 0, y: 0, width: 40, height: 40), color: .black, cornerRadius: 12) }
    #expect(image.alpha(x: 0, y: 0) == 0)
    #expect(image.alpha(x: 20, y: 20) == 255)
}

@Test func dashedLineLeavesGaps() throws {
    let image = try png { canvas in
        canvas.line(from: Point(x: 0, y: 20), to: Point(x: 40, y: 20), style: StrokeStyle(width: 4, dash: [5, 5]))
    }
    #expect(image.alpha(x: 2, y: 20) == 255)
    #expect(image.alpha(x: 7, y: 20) == 0)
}

@Test func evenOddFillLeavesAHoleWhereSubpathsOverlap() throws {
    var path = Path.rect(Rect(x: 0, y: 0, width: 40, height: 40))
    for element in Path.rect(Rect(x: 10, y: 10, width: 20, height: 20)).elements { path = Path(path.elements + [element]) }
    let image = try png { $0.fill(path, color: .black, rule: .evenOdd) }
    #expect(image.alpha(x: 5, y: 5) == 255)
    #expect(image.alpha(x: 20, y: 20) == 0)
}

@Test func strokedAndFilledPathDrawsTheStrokeOverTheFill() throws {
    let image = try png { canvas in
        canvas.draw(.circle(center: Point(x: 20, y: 20), radius: 15), fill: .white,
                    stroke: StrokeStyle(width: 4, color: .black))
    }
    #expect(image.pixel(x: 20, y: 20) == 0xFFFF_FFFF)
    #expect(image.pixel(x: 35, y: 20) == 0xFF00_0000)
}
