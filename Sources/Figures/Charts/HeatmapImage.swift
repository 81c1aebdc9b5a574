import Foundation

/// The heatmap of an SVG boundary chart as embedded images, one pixel per grid cell, in place of
/// rectangles: the rectangles were nine tenths of every boundary chart's bytes (100 KB each, a
/// tenth of the site), the palette PNGs take a few kilobytes and show no seams.
///
/// The document carries the light and the dark image in both themes' drawings, each with an
/// `opacity` that `ThemedSVG` turns into a colour-scheme property, so one file still serves both.
/// Cairo cannot place an image of ours in its SVG, so the renderer fills the plot with
/// `placeholder` and the images replace that element afterwards.
enum HeatmapImage {
    /// A colour no chart theme uses: the element painted with it becomes the images.
    static let placeholder = Color(red: 0.0625, green: 0.125, blue: 0.1875)
    static let placeholderStyle = Array("fill:rgb(6.25%,12.5%,18.75%)".utf8)

    /// The colour levels the image uses (the finest the rectangles would have).
    static func levels(_ grid: BoundaryChart.Grid) -> Int {
        switch grid.values {
        case .probability: Heatmap.binaryLevels
        case .classIndex: 0
        case .classProbabilities: Heatmap.confidenceLevels
        }
    }

    /// The palette PNG of `grid` in `theme`'s colours, top row first; nil beyond 256 colours.
    static func png(_ grid: BoundaryChart.Grid, theme: ChartTheme) throws(FigureError) -> [UInt8]? {
        let (cells, colors) = Heatmap.quantize(grid, levels: levels(grid), theme: theme)
        let used = colors.keys.sorted()
        guard used.count <= 256, cells.count == grid.columns * grid.rows else { return nil }
        var slot: [Int: UInt8] = [:]
        for (i, level) in used.enumerated() { slot[level] = UInt8(i) }
        var indices: [UInt8] = []
        indices.reserveCapacity(cells.count)
        var last = (level: Int.min, index: UInt8(0))  // the dictionary is asked only when the level changes
        for row in stride(from: grid.rows - 1, through: 0, by: -1) {
            for column in 0..<grid.columns {
                let level = cells[row * grid.columns + column]
                if level != last.level { last = (level, slot[level] ?? 0) }
                indices.append(last.index)
            }
        }
        return try PNGEncoder.encodeIndexed(width: grid.columns, height: grid.rows, indices: indices,
                                            palette: used.map { colors[$0] ?? theme.heatmapMiddle })
    }

    /// The images over `plot`: every scheme's image, the one of the drawing's own scheme shown.
    static func markup(plot: Rect, images: [(png: [UInt8], shown: Bool)]) -> [UInt8] {
        func n(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.2f", v) }
        let place = "x=\"\(n(plot.minX))\" y=\"\(n(plot.minY))\" width=\"\(n(plot.width))\" height=\"\(n(plot.height))\""
        return Array(images.map { image in
            "<image \(place) preserveAspectRatio=\"none\" style=\"opacity:\(image.shown ? 1 : 0)\" "
                + "xlink:href=\"data:image/png;base64,\(Data(image.png).base64EncodedString())\"/>"
        }.joined(separator: "\n").utf8)
    }

    /// `svg` with the one element painted with `placeholder` replaced by `markup`; nil if there
    /// is not exactly one such element.
    static func replacingPlaceholder(in svg: [UInt8], with markup: [UInt8]) -> [UInt8]? {
        guard let at = ByteSearch.first(placeholderStyle, in: svg),
              ByteSearch.first(placeholderStyle, in: svg, from: at + 1) == nil,
              let start = ByteSearch.last(Array("<path".utf8), in: svg, before: at),
              let slash = ByteSearch.first(Array("/>".utf8), in: svg, from: at) else { return nil }
        return Array(svg[..<start]) + markup + Array(svg[(slash + 2)...])
    }
}
