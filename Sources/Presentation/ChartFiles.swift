import Figures
import Site

/// A chart's files: one SVG serving light and dark at the size the page shows it on a desktop,
/// and, for charts a desktop shows wider than a phone's column, a narrow drawing for phones.
struct ChartFiles {
    /// The sizes a chart is drawn at (px): text is the same size in both, so a phone reads it at
    /// the size a desktop does.
    struct Sizes {
        var wide: Size
        var narrow: Size?

        /// Two to a row on a desktop, one on a phone: the same drawing serves both.
        static let column = Sizes(wide: Size(width: 300, height: 220), narrow: nil)
        /// A whole row of the charts (network, comparison) and a phone's column.
        static let row = Sizes(wide: Size(width: 640, height: 400), narrow: Size(width: 300, height: 260))
        /// The decision boundary: a whole row, and a phone's column with the legend above the plot.
        static let boundary = Sizes(wide: Size(width: 640, height: 440), narrow: Size(width: 300, height: 340))
    }

    var files: [(String, [UInt8])] = []
    var svg: String
    var narrow: ModelWidget.Drawing?

    /// Draws `draw(theme, size, idPrefix)` at each size in both themes; files go to `path.svg`
    /// and `path-narrow.svg`.
    init(path: String, prefix: String, sizes: Sizes,
         draw: (ChartTheme, Size, String) throws(FigureError) -> Drawing) throws(FigureError) {
        svg = path + ".svg"
        files.append((svg, try Self.themed(prefix: prefix) { theme throws(FigureError) in try draw(theme, sizes.wide, prefix) }))
        if let size = sizes.narrow {
            let narrowPrefix = prefix + "-narrow", narrowPath = path + "-narrow.svg"
            files.append((narrowPath, try Self.themed(prefix: narrowPrefix) { theme throws(FigureError) in
                try draw(theme, size, narrowPrefix)
            }))
            narrow = ModelWidget.Drawing(svg: narrowPath, width: size.width, height: size.height)
        }
    }

    /// A loss chart drawn at `size` in `theme`, laid out once per size (`layouts`) for both themes.
    static func drawing(_ chart: LossChart, theme: ChartTheme, size: Size, prefix: String,
                        layouts: inout [Size: LossChart.Layout]) throws(FigureError) -> Drawing {
        var chart = chart
        chart.size = size
        let layout: LossChart.Layout
        if let known = layouts[size] { layout = known } else {
            layout = try chart.layout()
            layouts[size] = layout
        }
        return try chart.drawing(theme: theme, layout: layout, format: .svg, idPrefix: prefix)
    }

    /// One SVG for both colour schemes (the light drawing if the two cannot be combined).
    static func themed(prefix: String, _ draw: (ChartTheme) throws(FigureError) -> Drawing) throws(FigureError) -> [UInt8] {
        try ThemedSVG.render(light: try draw(.light), dark: try draw(.dark), scope: prefix)
    }
}
