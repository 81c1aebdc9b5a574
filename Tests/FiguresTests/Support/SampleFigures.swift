import Figures

/// Figures shared by several tests; each uses text, a clip and a dash so Cairo emits every kind of id.
enum SampleFigures {
    /// A small diagram: two boxes, an arrow, labels (Latin, CJK, markup), a clipped circle.
    static func diagram(format: Format = .svg, prefix: String = "diagram") throws -> Canvas {
        let canvas = try Canvas(size: Size(width: 240, height: 120), format: format, idPrefix: prefix)
        canvas.paint(.white)
        let box = StrokeStyle(width: 1.5, color: Color(hex: 0x336699))
        canvas.fill(Rect(x: 10, y: 30, width: 80, height: 40), color: Color(hex: 0xDDEEFF), cornerRadius: 6)
        canvas.stroke(Rect(x: 10, y: 30, width: 80, height: 40), style: box, cornerRadius: 6)
        canvas.stroke(Rect(x: 150, y: 30, width: 80, height: 40), style: box)
        canvas.line(from: Point(x: 90, y: 50), to: Point(x: 150, y: 50),
                    style: StrokeStyle(width: 1, dash: [4, 2], cap: .round))
        canvas.text("x · W", at: Point(x: 50, y: 50), style: TextStyle(size: 13), anchor: .center)
        canvas.text(markup: "h<sub>1</sub>", at: Point(x: 190, y: 50), style: TextStyle(size: 13), anchor: .center)
        canvas.text("反向传播", at: Point(x: 120, y: 110), style: TextStyle(size: 12, weight: .bold), anchor: TextAnchor(.center, .baseline))
        canvas.withClip(Rect(x: 200, y: 0, width: 40, height: 20)) {
            canvas.fillCircle(center: Point(x: 220, y: 20), radius: 15, color: Color(hex: 0xCC3333, alpha: 0.6))
        }
        return canvas
    }

    /// Unrelated text-heavy figure used to disturb Cairo's process-wide counters.
    static func textHeavy(format: Format = .svg, prefix: String = "noise") throws -> Canvas {
        let canvas = try Canvas(size: Size(width: 400, height: 300), format: format, idPrefix: prefix)
        for row in 0..<12 {
            canvas.withClip(Rect(x: 0, y: Double(row) * 25, width: 400, height: 25)) {
                canvas.text("Row \(row): the quick brown fox 梯度下降 \(row * row)",
                            at: Point(x: 5, y: Double(row) * 25 + 18),
                            style: TextStyle(size: 11 + Double(row % 3), italic: row % 2 == 0))
            }
        }
        return canvas
    }
}
