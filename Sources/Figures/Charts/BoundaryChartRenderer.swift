import Foundation

/// Draws a laid-out `BoundaryChart`: heatmap, contour, samples, axes, legend.
struct BoundaryChartRenderer {
    let chart: BoundaryChart
    let layout: BoundaryChart.Layout
    let theme: ChartTheme

    /// Marker shapes by class, so colour is never the only cue.
    enum Marker: CaseIterable {
        case circle, square, triangle, diamond, triangleDown, pentagon, hexagon

        init(classIndex: Int) { self = Marker.allCases[classIndex % Marker.allCases.count] }

        /// The outline, centred on `c`, sized so every shape covers about the same area.
        func path(at c: Point, size r: Double) -> Path {
            switch self {
            case .circle: return .circle(center: c, radius: r)
            case .square: return .rect(Rect(x: c.x - r * 0.89, y: c.y - r * 0.89, width: r * 1.78, height: r * 1.78))
            case .triangle: return Self.polygon(c, r * 1.3, sides: 3, rotation: -Double.pi / 2, dy: r * 0.2)
            case .diamond: return Self.polygon(c, r * 1.22, sides: 4, rotation: -Double.pi / 2)
            case .triangleDown: return Self.polygon(c, r * 1.3, sides: 3, rotation: Double.pi / 2, dy: -r * 0.2)
            case .pentagon: return Self.polygon(c, r * 1.1, sides: 5, rotation: -Double.pi / 2)
            case .hexagon: return Self.polygon(c, r * 1.05, sides: 6, rotation: 0)
            }
        }

        private static func polygon(_ c: Point, _ r: Double, sides: Int, rotation: Double, dy: Double = 0) -> Path {
            .polyline((0..<sides).map { k in
                let a = rotation + 2 * Double.pi * Double(k) / Double(sides)
                return Point(x: c.x + r * cos(a), y: c.y + dy + r * sin(a))
            }, closed: true)
        }
    }

    static let markerSize = 4.2
    /// Smaller markers on a phone-sized plot, so a few hundred examples do not cover it.
    static let compactMarkerSize = 3.3

    var markerSize: Double { chart.isCompact ? Self.compactMarkerSize : Self.markerSize }

    func drawing(format: Format, idPrefix: String) throws(FigureError) -> Drawing {
        let canvas = try Canvas(size: layout.size, format: format, idPrefix: idPrefix)
        let frame = layout.frame
        let plot = frame.plot
        canvas.paint(theme.background)
        // An SVG gets the heatmap as images (see HeatmapImage); a PNG or PDF, as rectangles.
        let images = format == .svg ? try heatmapImages() : nil
        let heatmap = images == nil ? Heatmap.make(chart.grid, plot: plot, theme: theme, overlap: format == .png ? 0 : 0.5)
                                    : Heatmap(layers: [(HeatmapImage.placeholder, [plot])], levels: HeatmapImage.levels(chart.grid))
        canvas.withClip(plot) {
            for layer in heatmap.layers {
                var path = Path()
                for r in layer.rects {
                    path.move(to: Point(x: r.minX, y: r.minY))
                    path.line(to: Point(x: r.maxX, y: r.minY))
                    path.line(to: Point(x: r.maxX, y: r.maxY))
                    path.line(to: Point(x: r.minX, y: r.maxY))
                    path.close()
                }
                canvas.fill(path, color: layer.color)
            }
            let pen = StrokeStyle(width: 1.8, color: theme.contour, cap: .round, join: .round)
            for line in Self.contour(chart.grid, plot: plot) where line.count >= 2 { canvas.polyline(line, style: pen) }
            let outline = StrokeStyle(width: 1, color: theme.markerOutline, join: .round)
            for sample in Self.drawnSamples(chart.samples) {
                guard let p = layout.pixel(x: sample.x, y: sample.y) else { continue }
                canvas.draw(Marker(classIndex: sample.label).path(at: p, size: markerSize),
                            fill: theme.classColor(sample.label), stroke: outline)
            }
        }
        frame.drawAxes(on: canvas, theme: theme, title: chart.title, xTitle: chart.xLabel, yTitle: chart.yLabel, fullFrame: true)
        drawLegend(on: canvas, heatmap: heatmap)
        guard let images else { return Drawing(canvas: canvas) }
        return Drawing(canvas: canvas) { svg throws(FigureError) in
            guard let out = HeatmapImage.replacingPlaceholder(in: svg, with: HeatmapImage.markup(plot: plot, images: images)) else {
                throw FigureError(operation: "draw boundary chart", message: "the heatmap's place was not found in the SVG")
            }
            return out
        }
    }

    /// The heatmap images for an SVG: the light and the dark scheme's, this theme's shown (only
    /// its own for a theme of neither scheme); nil beyond a palette's 256 colours.
    private func heatmapImages() throws(FigureError) -> [(png: [UInt8], shown: Bool)]? {
        let schemes: [ChartTheme] = theme == .light || theme == .dark ? [.light, .dark] : [theme]
        var images: [(png: [UInt8], shown: Bool)] = []
        for scheme in schemes {
            guard let png = try HeatmapImage.png(chart.grid, theme: scheme) else { return nil }
            images.append((png, scheme == theme))
        }
        return images
    }

    /// Most markers drawn: 100,000 examples made two 40 MB SVGs of overlapping markers. Beyond
    /// this an even spread of each class's samples is drawn, each class keeping its share.
    static let maxMarkers = 5000

    static func drawnSamples(_ samples: [BoundaryChart.Sample]) -> [BoundaryChart.Sample] {
        guard samples.count > maxMarkers else { return samples }
        // Per class, so labels that repeat with the stride (0, 1, 0, 1, ...) all stay.
        var byClass: [Int: [Int]] = [:]
        for (i, sample) in samples.enumerated() { byClass[sample.label, default: []].append(i) }
        var kept: [Int] = []
        for indices in byClass.values {
            let share = max(1, indices.count * maxMarkers / samples.count)
            kept += (0..<min(share, indices.count)).map { indices[$0 * indices.count / share] }
        }
        return kept.sorted().map { samples[$0] }
    }

    /// Most contour points drawn; a busier contour (a noisy model) is traced on a coarser grid.
    static let maxContourPoints = 1500

    /// The p = 0.5 line of a binary grid in pixels, simplified; empty for multi-class grids.
    static func contour(_ grid: BoundaryChart.Grid, plot: Rect) -> [[Point]] {
        var source = grid
        while case .probability(let p) = source.values {
            // Values sit at cell centres; a border copy of the outer cells on the frame lets the
            // line run all the way to the edge of the plot instead of stopping half a cell short.
            let columns = source.columns + 2, rows = source.rows + 2
            var padded: [Double] = []
            padded.reserveCapacity(columns * rows)
            for r in 0..<rows {
                let row = min(max(r - 1, 0), source.rows - 1)
                for c in 0..<columns { padded.append(p[row * source.columns + min(max(c - 1, 0), source.columns - 1)]) }
            }
            let cellWidth = plot.width / Double(source.columns), cellHeight = plot.height / Double(source.rows)
            var xs: [Double] = [plot.minX], ys: [Double] = [plot.maxY]
            for c in 0..<source.columns { xs.append(plot.minX + (Double(c) + 0.5) * cellWidth) }
            for r in 0..<source.rows { ys.append(plot.maxY - (Double(r) + 0.5) * cellHeight) }
            xs.append(plot.maxX)
            ys.append(plot.minY)
            func along(_ table: [Double], _ f: Double) -> Double {
                let i = min(max(Int(f.rounded(.down)), 0), table.count - 2)
                return table[i] + (f - Double(i)) * (table[i + 1] - table[i])
            }
            let lines = MarchingSquares.contour(padded, columns: columns, rows: rows, level: 0.5) { c, r in
                Point(x: along(xs, c), y: along(ys, r))
            }.map { Decimation.simplified($0, tolerance: 0.2) }
            guard lines.reduce(0, { $0 + $1.count }) > maxContourPoints, let coarser = source.halved() else { return lines }
            source = coarser
        }
        return []
    }

    private func drawLegend(on canvas: Canvas, heatmap: Heatmap) {
        let outline = StrokeStyle(width: 1, color: theme.markerOutline, join: .round)
        layout.legend.draw(on: canvas, theme: theme, filled: false) { key, rect in
            switch key {
            case .marker(let k):
                let swatch = Rect(x: rect.minX + 2, y: rect.midY - 7, width: rect.width - 4, height: 14)
                let tint = chart.isBinary ? Heatmap.diverging(k == 0 ? 0 : 1, theme: theme)
                                          : Heatmap.tint(classIndex: k, confidence: 1, theme: theme)
                canvas.fill(swatch, color: tint, cornerRadius: 2)
                canvas.draw(Marker(classIndex: k).path(at: Point(x: swatch.midX, y: swatch.midY), size: Self.markerSize),
                            fill: theme.classColor(k), stroke: outline)
            case .contour:
                canvas.line(from: Point(x: rect.minX + 2, y: rect.midY), to: Point(x: rect.maxX - 2, y: rect.midY),
                            style: StrokeStyle(width: 1.8, color: theme.contour, cap: .round))
            case .line, .edge, .edgeWidths, .bias:
                break
            }
        }
        guard let bar = layout.colorBarFrame else { return }
        let caption = chart.probabilityLabel ?? "P(\(chart.className(1)))"
        let captionStyle = ChartType.styled(ChartType.legend, theme.text, maxWidth: 150)
        let steps = 2 * max(heatmap.levels, 1)
        let tickStyle = ChartType.styled(ChartType.tick, theme.text)
        let tickPen = StrokeStyle(width: 1, color: theme.axis)
        let labels = [(0.0, "0"), (0.5, "0.5"), (1.0, "1")]
        if bar.width > bar.height {
            // Horizontal (compact charts): p = 0 on the left, the caption before the bar.
            canvas.text(caption, at: Point(x: bar.minX - 8, y: bar.midY), style: captionStyle, anchor: TextAnchor(.right, .middle))
            let cell = bar.width / Double(steps + 1)
            for i in 0...steps {
                let x0 = (bar.minX + Double(i) * cell).rounded(), x1 = (bar.minX + Double(i + 1) * cell).rounded()
                canvas.fill(Rect(x: x0, y: bar.minY, width: x1 - x0 + (i < steps ? 0.5 : 0), height: bar.height),
                            color: ChartColor.quantized(Heatmap.diverging(Double(i) / Double(steps), theme: theme)))
            }
            canvas.stroke(Rect(x: bar.minX - 0.5, y: bar.minY - 0.5, width: bar.width + 1, height: bar.height + 1), style: tickPen)
            for (p, label) in labels {
                let x = (bar.minX + (p * Double(steps) + 0.5) * cell).rounded() + 0.5
                canvas.line(from: Point(x: x, y: bar.maxY), to: Point(x: x, y: bar.maxY + 3), style: tickPen)
                canvas.text(label, at: Point(x: x, y: bar.maxY + 4), style: tickStyle, anchor: TextAnchor(.center, .top))
            }
            return
        }
        canvas.text(caption, at: Point(x: bar.minX, y: bar.minY - 6), style: captionStyle, anchor: TextAnchor(.left, .bottom))
        // The same quantized colours as the heatmap, p = 1 at the top.
        for i in 0...steps {
            let p = Double(i) / Double(steps)
            let y0 = (bar.maxY - (Double(i) + 0.5) * bar.height / Double(steps + 1)).rounded()
            let y1 = (bar.maxY - (Double(i) - 0.5) * bar.height / Double(steps + 1)).rounded()
            canvas.fill(Rect(x: bar.minX, y: y0 - (i < steps ? 0.5 : 0), width: bar.width, height: y1 - y0 + (i < steps ? 0.5 : 0)),
                        color: ChartColor.quantized(Heatmap.diverging(p, theme: theme)))
        }
        canvas.stroke(Rect(x: bar.minX - 0.5, y: bar.minY - 0.5, width: bar.width + 1, height: bar.height + 1), style: tickPen)
        for (p, label) in labels {
            let y = bar.maxY - (p * Double(steps) + 0.5) * bar.height / Double(steps + 1)
            canvas.line(from: Point(x: bar.maxX, y: y.rounded() + 0.5), to: Point(x: bar.maxX + 3, y: y.rounded() + 0.5), style: tickPen)
            canvas.text(label, at: Point(x: bar.maxX + 6, y: y), style: tickStyle, anchor: TextAnchor(.left, .middle))
        }
    }
}
