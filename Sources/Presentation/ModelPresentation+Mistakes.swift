import Figures
import Site
import Training

extension ModelPresentation {
    /// The examples the trained model gets wrong, as pictures marked label → prediction, at a
    /// desktop's row width and a phone's column, each as tall as its rows of pictures need.
    func addMistakesChart(_ mistakes: Mistakes, files: inout [(String, [UInt8])], charts: inout [ModelWidget.Chart]) throws(FigureError) {
        let confidence = mistakes.examples.contains { $0.confidence != nil }
        let pictures = mistakes.examples.map { example in
            PictureGrid.Picture(pixels: example.pixels, height: mistakes.height, width: mistakes.width,
                                caption: "\(example.label) → \(example.predicted)",
                                note: example.confidence.map { DisplayNumber.percent($0) })
        }
        let total = DisplayNumber.count(mistakes.total), wrong = DisplayNumber.count(mistakes.wrong)
        let grid = PictureGrid(pictures: pictures, range: mistakes.pixelRange,
                               emptyNote: words.mistakesNone(total, mistakes.validation))
        func fitted(width: Double) -> PictureGrid {
            var copy = grid
            copy.size = Size(width: width, height: 1)
            return copy.fitted()
        }
        let wide = fitted(width: ChartFiles.Sizes.row.wide.width)
        let narrow = ChartFiles.Sizes.row.narrow.map { fitted(width: $0.width) }
        let sizes = ChartFiles.Sizes(wide: wide.size, narrow: narrow?.size)
        let shown = mistakes.wrong > mistakes.examples.count ? mistakes.examples.count : nil
        let caption = mistakes.wrong == 0 ? words.mistakesNone(total, mistakes.validation)
            : words.mistakesCaption(wrong, total, mistakes.validation, shown, confidence)
        try addChart(kind: "mistakes", sizes: sizes, caption: caption, alt: words.mistakesAlt(wrong, total, mistakes.validation),
                     files: &files, charts: &charts) { theme, size, prefix throws(FigureError) in
            var chart = grid
            chart.size = size
            return try chart.drawing(theme: theme, format: .svg, idPrefix: prefix)
        }
    }
}
