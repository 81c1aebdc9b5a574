/// Small grey-scale pictures in rows, each with a caption and an optional note under it: the
/// examples a classifier gets wrong, drawn pixel by pixel so the reader sees what the network saw.
package struct PictureGrid: Sendable {
    /// One picture: `height` × `width` grey levels, row by row.
    package struct Picture: Sendable, Hashable {
        package var pixels: [Double]
        package var height: Int
        package var width: Int
        /// Under the picture, e.g. "9 → 3".
        package var caption: String
        /// A second, quieter line, e.g. "62%"; nil for none.
        package var note: String?

        package init(pixels: [Double], height: Int, width: Int, caption: String, note: String? = nil) {
            self.pixels = pixels
            self.height = height
            self.width = width
            self.caption = caption
            self.note = note
        }
    }

    package var pictures: [Picture]
    /// The grey level drawn as the background (lower bound) and as full ink (upper bound).
    package var range: ClosedRange<Double>
    /// Shown instead of the pictures when there are none.
    package var emptyNote: String
    /// Figure size in px; `fitted()` sets the height the pictures need at this width.
    package var size: Size

    package init(pictures: [Picture], range: ClosedRange<Double>, emptyNote: String, size: Size = Size(width: 640, height: 400)) {
        self.pictures = pictures
        self.range = range
        self.emptyNote = emptyNote
        self.size = size
    }

    /// The side the largest picture is drawn at (px), and the least room a cell takes across.
    static let pictureSide = 56.0, minCellWidth = 56.0
    static let gap = 12.0, margin = 12.0, captionGap = 5.0
    static let caption = TextStyle(size: 13), note = TextStyle(size: 11.5)
    /// Grey levels are rounded to this many steps, so equal-looking pixels share one style.
    static let levels = 32.0

    /// Where everything goes at `size.width`.
    struct Layout {
        var pixel: Double
        var cell: Size
        var columns: Int
        var origin: Point
        var height: Double
    }

    func layout() -> Layout {
        let side = Double(pictures.map { max($0.height, $0.width) }.max() ?? 1)
        let pixel = max(1, (Self.pictureSide / side).rounded(.down))
        let tallest = Double(pictures.map(\.height).max() ?? 0) * pixel
        let widest = Double(pictures.map(\.width).max() ?? 0) * pixel
        let notes = pictures.contains { $0.note != nil }
        let cell = Size(width: max(widest, Self.minCellWidth),
                        height: tallest + Self.captionGap + Self.caption.size * 1.3 + (notes ? Self.note.size * 1.3 : 0))
        let room = max(size.width - 2 * Self.margin, cell.width)
        let columns = max(1, min(pictures.count, Int((room + Self.gap) / (cell.width + Self.gap))))
        let rows = (pictures.count + columns - 1) / columns
        let used = Double(columns) * cell.width + Double(columns - 1) * Self.gap
        let height = pictures.isEmpty ? 56 : 2 * Self.margin + Double(rows) * cell.height + Double(max(rows - 1, 0)) * Self.gap
        return Layout(pixel: pixel, cell: cell, columns: columns,
                      origin: Point(x: ((size.width - used) / 2).rounded(), y: Self.margin), height: height.rounded(.up))
    }

    /// This grid with the height its pictures need at its width.
    package func fitted() -> PictureGrid {
        var copy = self
        copy.size.height = layout().height
        return copy
    }

    package func render(theme: ChartTheme, format: Format, idPrefix: String) throws(FigureError) -> [UInt8] {
        try drawing(theme: theme, format: format, idPrefix: idPrefix).render()
    }

    /// The grid drawn, to render (`ThemedSVG.render` renders a light and a dark one together).
    package func drawing(theme: ChartTheme, format: Format, idPrefix: String) throws(FigureError) -> Drawing {
        let layout = layout()
        let canvas = try Canvas(size: size, format: format, idPrefix: idPrefix)
        canvas.paint(theme.background)
        if pictures.isEmpty {
            canvas.text(emptyNote, at: Point(x: size.width / 2, y: size.height / 2),
                        style: ChartType.styled(ChartType.note, theme.muted, maxWidth: size.width - 2 * Self.margin), anchor: .center)
            return Drawing(canvas: canvas)
        }
        let span = range.upperBound - range.lowerBound
        for (i, picture) in pictures.enumerated() {
            let column = i % layout.columns, row = i / layout.columns
            let cellX = layout.origin.x + Double(column) * (layout.cell.width + Self.gap)
            let top = layout.origin.y + Double(row) * (layout.cell.height + Self.gap)
            let box = Rect(x: cellX + ((layout.cell.width - Double(picture.width) * layout.pixel) / 2).rounded(), y: top,
                           width: Double(picture.width) * layout.pixel, height: Double(picture.height) * layout.pixel)
            drawPixels(picture, in: box, pixel: layout.pixel, span: span, theme: theme, on: canvas)
            canvas.stroke(box.insetBy(dx: -0.5, dy: -0.5), style: StrokeStyle(width: 1, color: theme.axis))
            let captionY = box.maxY + Self.captionGap
            canvas.text(picture.caption, at: Point(x: cellX + layout.cell.width / 2, y: captionY),
                        style: ChartType.styled(Self.caption, theme.text, maxWidth: layout.cell.width + Self.gap),
                        anchor: TextAnchor(.center, .top))
            if let note = picture.note {
                canvas.text(note, at: Point(x: cellX + layout.cell.width / 2, y: captionY + Self.caption.size * 1.3),
                            style: ChartType.styled(Self.note, theme.muted, maxWidth: layout.cell.width + Self.gap),
                            anchor: TextAnchor(.center, .top))
            }
        }
        return Drawing(canvas: canvas)
    }

    /// One path per grey level, a rectangle for each run of that grey in a row (a picture is a
    /// few paths, not a rectangle per pixel); background pixels are left unpainted.
    private func drawPixels(_ picture: Picture, in box: Rect, pixel: Double, span: Double, theme: ChartTheme, on canvas: Canvas) {
        func level(_ index: Int) -> Int {
            guard index < picture.pixels.count, span > 0, picture.pixels[index].isFinite else { return 0 }
            return Int((min(max((picture.pixels[index] - range.lowerBound) / span, 0), 1) * Self.levels).rounded())
        }
        var runs: [Int: Path] = [:]
        for r in 0..<picture.height {
            var c = 0
            while c < picture.width {
                let t = level(r * picture.width + c)
                var end = c + 1
                while end < picture.width, level(r * picture.width + end) == t { end += 1 }
                if t > 0 {
                    let x0 = box.minX + Double(c) * pixel, x1 = box.minX + Double(end) * pixel
                    let y0 = box.minY + Double(r) * pixel, y1 = y0 + pixel
                    var path = runs[t] ?? Path()
                    path.move(to: Point(x: x0, y: y0))
                    path.line(to: Point(x: x1, y: y0))
                    path.line(to: Point(x: x1, y: y1))
                    path.line(to: Point(x: x0, y: y1))
                    path.close()
                    runs[t] = path
                }
                c = end
            }
        }
        for (t, path) in runs.sorted(by: { $0.key < $1.key }) {
            canvas.fill(path, color: ChartColor.quantized(ChartColor.mix(theme.background, theme.text, Double(t) / Self.levels)))
        }
    }
}
