/// A legend box: one row per entry, a small key drawing on the left and a label on the right.
struct LegendLayout: Sendable {
    /// What the key of a row shows; the chart that owns the legend draws it.
    enum Key: Sendable, Hashable {
        case line(series: Int)
        case marker(classIndex: Int)
        case contour
        case edge(positive: Bool)
        case edgeWidths
        case bias
    }

    struct Entry: Sendable, Hashable {
        var label: String
        var key: Key
    }

    var entries: [Entry]
    var origin: Point = .zero
    var size: Size
    var rowHeight: Double
    var maxTextWidth: Double
    /// Top-left corner of each entry, relative to `origin`.
    var offsets: [Point]

    static let padding = 8.0
    static let keyWidth = 26.0
    static let keyGap = 6.0
    static let inset = 8.0

    var frame: Rect { Rect(origin: origin, size: size) }

    /// The area of entry `i`'s key.
    func keyRect(_ i: Int) -> Rect {
        Rect(x: origin.x + offsets[i].x, y: origin.y + offsets[i].y, width: Self.keyWidth, height: rowHeight)
    }

    /// One entry per row.
    static func measure(_ entries: [Entry], ruler: Canvas, maxTextWidth: Double) throws(FigureError) -> LegendLayout {
        let (widths, rowHeight) = try measureLabels(entries, ruler: ruler, maxTextWidth: maxTextWidth)
        let size = Size(width: (2 * padding + keyWidth + keyGap + (widths.max() ?? 0)).rounded(.up),
                        height: (2 * padding + Double(entries.count) * rowHeight).rounded(.up))
        let offsets = entries.indices.map { Point(x: padding, y: padding + Double($0) * rowHeight) }
        return LegendLayout(entries: entries, size: size, rowHeight: rowHeight, maxTextWidth: maxTextWidth, offsets: offsets)
    }

    /// Entries side by side, wrapping into centred rows no wider than `maxWidth`.
    static func measureFlow(_ entries: [Entry], ruler: Canvas, maxWidth: Double) throws(FigureError) -> LegendLayout {
        let maxText = max(maxWidth - 2 * padding - keyWidth - keyGap, 20)
        let (widths, rowHeight) = try measureLabels(entries, ruler: ruler, maxTextWidth: maxText)
        let itemGap = 18.0
        let items = widths.map { keyWidth + keyGap + $0 }
        var rows: [[Int]] = [[]]
        var rowWidth = 0.0
        for (i, w) in items.enumerated() {
            let needed = rows[rows.count - 1].isEmpty ? w : rowWidth + itemGap + w
            if needed > maxWidth - 2 * padding && !rows[rows.count - 1].isEmpty {
                rows.append([i])
                rowWidth = w
            } else {
                rows[rows.count - 1].append(i)
                rowWidth = needed
            }
        }
        let rowWidths = rows.map { row in row.map { items[$0] }.reduce(0, +) + itemGap * Double(max(row.count - 1, 0)) }
        let width = (rowWidths.max() ?? 0) + 2 * padding
        var offsets = [Point](repeating: .zero, count: entries.count)
        for (r, row) in rows.enumerated() {
            var x = padding + ((width - 2 * padding - rowWidths[r]) / 2).rounded()
            for i in row {
                offsets[i] = Point(x: x, y: padding + Double(r) * rowHeight)
                x += items[i] + itemGap
            }
        }
        return LegendLayout(entries: entries, size: Size(width: width.rounded(.up), height: (2 * padding + Double(rows.count) * rowHeight).rounded(.up)),
                            rowHeight: rowHeight, maxTextWidth: maxText, offsets: offsets)
    }

    private static func measureLabels(_ entries: [Entry], ruler: Canvas, maxTextWidth: Double) throws(FigureError) -> ([Double], Double) {
        let style = ChartType.styled(ChartType.legend, .black, maxWidth: maxTextWidth)
        var widths: [Double] = [], height = 0.0
        for entry in entries {
            let s = try ruler.measure(entry.label.isEmpty ? " " : entry.label, style: style)
            widths.append(s.width)
            height = max(height, s.height)
        }
        return (widths, (max(height, 14) + 4).rounded(.up))
    }

    /// The first corner of `plot` (top right, top left, bottom left, bottom right) where the
    /// legend crosses none of `lines`; nil if every corner is crossed or the legend does not fit.
    func bestCorner(in plot: Rect, avoiding lines: [[Point]]) -> Point? {
        guard size.width + 2 * Self.inset <= plot.width, size.height + 2 * Self.inset <= plot.height else { return nil }
        let left = plot.minX + Self.inset, right = plot.maxX - Self.inset - size.width
        let top = plot.minY + Self.inset, bottom = plot.maxY - Self.inset - size.height
        let corners = [Point(x: right, y: top), Point(x: left, y: top), Point(x: left, y: bottom), Point(x: right, y: bottom)]
        for corner in corners {
            // A little margin so a line does not graze the box.
            let box = Rect(x: corner.x - 3, y: corner.y - 3, width: size.width + 6, height: size.height + 6)
            if !lines.contains(where: { Self.crosses($0, box) }) { return corner }
        }
        return nil
    }

    /// Whether the polyline (or single point) touches `rect`.
    static func crosses(_ line: [Point], _ rect: Rect) -> Bool {
        if line.count == 1 { return contains(rect, line[0]) }
        for i in line.indices.dropFirst() where segmentTouches(line[i - 1], line[i], rect) { return true }
        return false
    }

    private static func contains(_ r: Rect, _ p: Point) -> Bool {
        p.x >= r.minX && p.x <= r.maxX && p.y >= r.minY && p.y <= r.maxY
    }

    /// Liang–Barsky clipping: does any part of segment a–b lie in `r`?
    static func segmentTouches(_ a: Point, _ b: Point, _ r: Rect) -> Bool {
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return false }
            }
        }
        return true
    }

    /// Background, keys (drawn by `key`) and labels.
    func draw(on canvas: Canvas, theme: ChartTheme, filled: Bool, key: (Key, Rect) -> Void) {
        if filled {
            canvas.fill(frame, color: theme.legendFill, cornerRadius: 4)
            canvas.stroke(Rect(x: frame.minX + 0.5, y: frame.minY + 0.5, width: frame.width - 1, height: frame.height - 1),
                          style: StrokeStyle(width: 1, color: theme.grid), cornerRadius: 4)
        }
        let style = ChartType.styled(ChartType.legend, theme.text, maxWidth: maxTextWidth)
        for (i, entry) in entries.enumerated() {
            let k = keyRect(i)
            key(entry.key, k)
            canvas.text(entry.label, at: Point(x: k.maxX + Self.keyGap, y: k.midY), style: style, anchor: TextAnchor(.left, .middle))
        }
    }
}
