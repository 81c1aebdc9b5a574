/// The heatmap of a boundary grid as a few merged rectangles per colour.
///
/// Values are quantized to a small number of colour levels; equal neighbours in a row merge into
/// runs, and equal runs in consecutive rows into taller rectangles. Cell edges are snapped to
/// whole pixels, so PNG output has no seams. If the result has more than `maxRects` rectangles
/// (a noisy grid), the levels are halved until it fits, keeping the SVG small.
struct Heatmap: Sendable {
    /// Rectangles of one colour, in creation order.
    var layers: [(color: Color, rects: [Rect])]
    /// Levels per half of the diverging map (binary) or confidence steps per class (multi-class).
    var levels: Int

    static let maxRects = 2000
    /// A small plot (a phone's drawing) gets fewer: one rectangle per this many px² at most,
    /// as finer detail would not show.
    static let pixelsPerRect = 50.0

    /// The most rectangles a heatmap over `plot` may have.
    static func rectLimit(_ plot: Rect) -> Int {
        min(maxRects, max(100, Int(plot.width * plot.height / pixelsPerRect)))
    }
    static let binaryLevels = 16
    static let confidenceLevels = 6

    var rectCount: Int { layers.reduce(0) { $0 + $1.rects.count } }

    /// The heatmap of `grid` over `plot` (whole-pixel corners), extending each rectangle by
    /// `overlap` px right and down inside the plot so anti-aliased viewers show no hairline gaps.
    static func make(_ grid: BoundaryChart.Grid, plot: Rect, theme: ChartTheme, overlap: Double) -> Heatmap {
        var levels = 0
        var colors: [Int: Color] = [:]
        var rects: [(level: Int, rect: Rect)] = []
        // Coarser colours first; a grid that is still too busy (noise) is averaged over 2×2 cells.
        var source = grid
        let limit = rectLimit(plot)
        search: while true {
            for attempt in 0..<4 {
                levels = switch source.values {
                case .probability: max(binaryLevels >> attempt, 1)
                case .classIndex: 0
                case .classProbabilities: max(confidenceLevels >> attempt, 1)
                }
                let cells: [Int]
                (cells, colors) = quantize(source, levels: levels, theme: theme)
                rects = merge(cells, columns: source.columns, rows: source.rows, plot: plot, overlap: overlap)
                if rects.count <= limit { break search }
                if case .classIndex = source.values { break }
            }
            guard let coarser = source.halved() else { break }
            source = coarser
        }
        var byLevel: [Int: [Rect]] = [:]
        for r in rects { byLevel[r.level, default: []].append(r.rect) }
        let layers = byLevel.keys.sorted().map { (color: colors[$0] ?? theme.heatmapMiddle, rects: byLevel[$0] ?? []) }
        return Heatmap(layers: layers, levels: levels)
    }

    /// The binary map: p = 0 → tint of class 0, 0.5 → the neutral middle, 1 → tint of class 1.
    static func diverging(_ p: Double, theme: ChartTheme) -> Color {
        let p = min(max(p, 0), 1)
        let end = p < 0.5 ? theme.classColor(0) : theme.classColor(1)
        return ChartColor.mix(theme.heatmapMiddle, end, theme.heatmapStrength * abs(2 * p - 1))
    }

    /// A class tint at `confidence` (0...1: from barely winning to certain).
    static func tint(classIndex: Int, confidence: Double, theme: ChartTheme) -> Color {
        ChartColor.mix(theme.heatmapMiddle, theme.classColor(classIndex), theme.heatmapStrength * (0.3 + 0.7 * confidence))
    }

    /// A colour level per cell (row-major, row 0 at the bottom) and the colour of each level.
    static func quantize(_ grid: BoundaryChart.Grid, levels: Int, theme: ChartTheme) -> ([Int], [Int: Color]) {
        var colors: [Int: Color] = [:]
        var cells: [Int] = []
        cells.reserveCapacity(grid.columns * grid.rows)
        // Neighbouring cells mostly share a level: the dictionary is asked only when it changes
        // (a lookup per cell was most of drawing a boundary chart's heatmap).
        var last: Int? = nil
        switch grid.values {
        case .probability(let p):
            // Level 0 ... 2·levels; level `levels` is exactly p = 0.5.
            for v in p {
                let level = Int((v * Double(2 * levels)).rounded())
                cells.append(level)
                guard level != last else { continue }
                last = level
                if colors[level] == nil { colors[level] = ChartColor.quantized(diverging(Double(level) / Double(2 * levels), theme: theme)) }
            }
        case .classIndex(let c, _):
            for k in c {
                cells.append(k)
                guard k != last else { continue }
                last = k
                if colors[k] == nil { colors[k] = ChartColor.quantized(tint(classIndex: k, confidence: 1, theme: theme)) }
            }
        case .classProbabilities(let p, let classes):
            let uniform = 1 / Double(classes)
            for cell in 0..<(p.count / classes) {
                var best = 0
                for k in 1..<classes where p[cell * classes + k] > p[cell * classes + best] { best = k }
                let confidence = min(max((p[cell * classes + best] - uniform) / (1 - uniform), 0), 1)
                let step = Int((confidence * Double(levels)).rounded())
                let level = best * (levels + 1) + step
                cells.append(level)
                guard level != last else { continue }
                last = level
                if colors[level] == nil {
                    colors[level] = ChartColor.quantized(tint(classIndex: best, confidence: Double(step) / Double(levels), theme: theme))
                }
            }
        }
        return (cells, colors)
    }

    /// Runs of equal level per row, merged downwards with identical runs of the next row.
    static func merge(_ cells: [Int], columns: Int, rows: Int, plot: Rect, overlap: Double) -> [(level: Int, rect: Rect)] {
        let xs = (0...columns).map { (plot.minX + Double($0) * plot.width / Double(columns)).rounded() }
        // Row r's cells span ys[r + 1] (top) ... ys[r] (bottom).
        let ys = (0...rows).map { (plot.maxY - Double($0) * plot.height / Double(rows)).rounded() }
        struct Run: Hashable { var start: Int; var end: Int; var level: Int }
        var out: [(level: Int, rect: Rect)] = []
        var open: [Run: Int] = [:]   // run -> index in `out` of the rectangle it extends
        for row in stride(from: rows - 1, through: 0, by: -1) {   // top to bottom
            var next: [Run: Int] = [:]
            var column = 0
            while column < columns {
                let level = cells[row * columns + column]
                var end = column + 1
                while end < columns && cells[row * columns + end] == level { end += 1 }
                let run = Run(start: column, end: end, level: level)
                if let index = open[run] {
                    out[index].rect.size.height = ys[row] - out[index].rect.minY
                    next[run] = index
                } else {
                    out.append((level, Rect(x: xs[column], y: ys[row + 1], width: xs[end] - xs[column], height: ys[row] - ys[row + 1])))
                    next[run] = out.count - 1
                }
                column = end
            }
            open = next
        }
        guard overlap > 0 else { return out }
        return out.map { item in
            var r = item.rect
            if r.maxX < plot.maxX { r.size.width += overlap }
            if r.maxY < plot.maxY { r.size.height += overlap }
            return (item.level, r)
        }
    }
}

/// The p = 0.5 line of a binary grid by marching squares over the cell centres.
enum MarchingSquares {
    /// Polylines (in the coordinates `position` gives) where `values` crosses `level`; each
    /// crossing lies on a grid edge, linearly interpolated; saddles are split by the centre average.
    static func contour(_ values: [Double], columns: Int, rows: Int, level: Double,
                        position: (_ column: Double, _ row: Double) -> Point) -> [[Point]] {
        guard columns >= 2, rows >= 2, values.count == columns * rows else { return [] }
        func v(_ c: Int, _ r: Int) -> Double { values[r * columns + c] }
        // Edge ids: 2·(r·columns + c) is the edge from (c, r) to (c + 1, r); + 1 the one to (c, r + 1).
        func horizontal(_ c: Int, _ r: Int) -> Int { 2 * (r * columns + c) }
        func vertical(_ c: Int, _ r: Int) -> Int { 2 * (r * columns + c) + 1 }
        var segments: [(Int, Int)] = []
        for r in 0..<(rows - 1) {
            for c in 0..<(columns - 1) {
                let bl = v(c, r) >= level, br = v(c + 1, r) >= level
                let tr = v(c + 1, r + 1) >= level, tl = v(c, r + 1) >= level
                let bottom = horizontal(c, r), top = horizontal(c, r + 1)
                let left = vertical(c, r), right = vertical(c + 1, r)
                let code = (bl ? 1 : 0) | (br ? 2 : 0) | (tr ? 4 : 0) | (tl ? 8 : 0)
                switch code {
                case 0, 15: break
                case 1, 14: segments.append((left, bottom))
                case 2, 13: segments.append((bottom, right))
                case 3, 12: segments.append((left, right))
                case 4, 11: segments.append((right, top))
                case 6, 9: segments.append((bottom, top))
                case 7, 8: segments.append((left, top))
                case 5, 10:
                    // Saddle: the centre decides whether the two "inside" corners connect.
                    let centreInside = (v(c, r) + v(c + 1, r) + v(c + 1, r + 1) + v(c, r + 1)) / 4 >= level
                    if (code == 5) == centreInside {
                        segments.append((left, top))
                        segments.append((bottom, right))
                    } else {
                        segments.append((left, bottom))
                        segments.append((right, top))
                    }
                default: break
                }
            }
        }
        func point(_ edge: Int) -> Point {
            let cell = edge / 2
            let c = cell % columns, r = cell / columns
            let (c2, r2) = edge % 2 == 0 ? (c + 1, r) : (c, r + 1)
            let a = v(c, r), b = v(c2, r2)
            let t = a == b ? 0.5 : min(max((level - a) / (b - a), 0), 1)
            return position(Double(c) + t * Double(c2 - c), Double(r) + t * Double(r2 - r))
        }
        // Join segments that share an edge into polylines (each edge belongs to at most two).
        var byEdge: [Int: [Int]] = [:]
        for (i, s) in segments.enumerated() {
            byEdge[s.0, default: []].append(i)
            byEdge[s.1, default: []].append(i)
        }
        var used = [Bool](repeating: false, count: segments.count)
        var lines: [[Point]] = []
        func follow(from edge: Int) -> [Int] {
            var chain: [Int] = []
            var current = edge
            while let next = byEdge[current]?.first(where: { !used[$0] }) {
                used[next] = true
                let s = segments[next]
                current = s.0 == current ? s.1 : s.0
                chain.append(current)
            }
            return chain
        }
        for i in segments.indices where !used[i] {
            used[i] = true
            let forward = follow(from: segments[i].1)
            let backward = follow(from: segments[i].0)
            let edges = backward.reversed() + [segments[i].0, segments[i].1] + forward
            lines.append(edges.map(point))
        }
        return lines
    }
}

extension BoundaryChart.Grid {
    /// The grid at half the resolution (each cell the average of up to 2×2 cells; for class
    /// indices the most frequent, lowest on ties); nil when it cannot shrink further.
    func halved() -> BoundaryChart.Grid? {
        guard columns >= 4, rows >= 4 else { return nil }
        let c2 = (columns + 1) / 2, r2 = (rows + 1) / 2
        func block(_ c: Int, _ r: Int) -> [Int] {
            var cells: [Int] = []
            for rr in (2 * r)..<min(2 * r + 2, rows) {
                for cc in (2 * c)..<min(2 * c + 2, columns) { cells.append(rr * columns + cc) }
            }
            return cells
        }
        let values: Values
        switch self.values {
        case .probability(let p):
            var out: [Double] = []
            for r in 0..<r2 { for c in 0..<c2 { let b = block(c, r); out.append(b.map { p[$0] }.reduce(0, +) / Double(b.count)) } }
            values = .probability(out)
        case .classIndex(let k, let classes):
            var out: [Int] = []
            for r in 0..<r2 {
                for c in 0..<c2 {
                    var counts = [Int](repeating: 0, count: classes)
                    for i in block(c, r) { counts[k[i]] += 1 }
                    out.append(counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) } ?? 0)
                }
            }
            values = .classIndex(out, classes: classes)
        case .classProbabilities(let p, let classes):
            var out: [Double] = []
            for r in 0..<r2 {
                for c in 0..<c2 {
                    let b = block(c, r)
                    for k in 0..<classes { out.append(b.map { p[$0 * classes + k] }.reduce(0, +) / Double(b.count)) }
                }
            }
            values = .classProbabilities(out, classes: classes)
        }
        return try? BoundaryChart.Grid(columns: c2, rows: r2, x: x, y: y, values: values)
    }
}
