import Figures
import Site

/// The widths a graph diagram is laid out for: a desktop column and a phone. Both drawings are
/// made at build time; the page shows the one that fits (see GraphWidgetHTML+Diagram).
enum GraphDrawings {
    /// At most this wide the drawing is shown whole, unscaled, at 1280 px (the widget grows to
    /// 100vw − 2.5rem); wider graphs are drawn top to bottom, wrapped to this width.
    static let wide = 1200.0
    /// A phone's diagram box is about 324 px (390 px less the page's and the widget's padding):
    /// at most this wide, a drawing is shown there at 0.6 of its size or more.
    static let narrow = 520.0

    /// The phone drawing of `diagram`, when the main `layout` is too wide for a phone and a
    /// narrower one exists (from the main layout's `measured` texts when given).
    static func narrowLayout(of diagram: GraphDiagram, main layout: GraphDiagram.Layout,
                             measured: GraphDiagram.Measurements? = nil) throws(FigureError) -> GraphDiagram.Layout? {
        guard layout.size.width > narrow else { return nil }
        let measurements: GraphDiagram.Measurements
        if let measured { measurements = measured } else { measurements = try diagram.measure() }
        let phone = diagram.layout(measurements, maxWidth: narrow)
        return phone.size.width < layout.size.width ? phone : nil
    }

    /// Where a layout put everything, in the widget's terms.
    static func drawing(_ layout: GraphDiagram.Layout, svg: String) -> GraphWidget.Drawing {
        let nodes = layout.layered.nodeFrames.indices.map { i in
            GraphWidget.Drawing.Placement(card: frame(layout.layered.nodeFrames[i]), valueArea: frame(layout.valueFrames[i]),
                                          gradientArea: frame(layout.gradientFrames[i]))
        }
        return GraphWidget.Drawing(svg: svg, width: layout.size.width, height: layout.size.height, nodes: nodes,
                                   edges: layout.layered.edgeRoutes.map { $0.map { GraphWidget.Point(x: $0.x, y: $0.y) } },
                                   labels: layout.layered.labelFrames.map { $0.map(frame) })
    }

    static func frame(_ r: Rect) -> GraphWidget.Frame { GraphWidget.Frame(x: r.minX, y: r.minY, width: r.width, height: r.height) }
}
