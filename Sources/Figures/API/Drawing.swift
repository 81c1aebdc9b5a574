/// A figure recorded on a canvas but not yet rendered, and what to do to the bytes Cairo writes
/// for it (the boundary chart puts its heatmap images in the SVG). Charts hand these out so a
/// figure's light and dark drawings can be rendered as one (`ThemedSVG.render`).
package struct Drawing {
    /// The recorded figure.
    package let canvas: Canvas
    let finish: ([UInt8]) throws(FigureError) -> [UInt8]

    /// A drawing whose rendered bytes go through `finish` (by default, unchanged).
    init(canvas: Canvas, finish: @escaping ([UInt8]) throws(FigureError) -> [UInt8] = { $0 }) {
        self.canvas = canvas
        self.finish = finish
    }

    /// The file bytes in the canvas's format.
    package func render() throws(FigureError) -> [UInt8] {
        try finish(try canvas.render())
    }
}
