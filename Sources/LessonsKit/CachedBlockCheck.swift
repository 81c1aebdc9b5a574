import Foundation
import Presentation
import Site
import Training

/// Checks a cache entry as untrusted input before a build uses it. The cache folder may be shared
/// (a CI cache) and anyone who can write it can also compute a matching SHA-256, so the digest
/// only proves the entry is whole; this proves it is harmless: only the block's own file names,
/// figures without script or outside references, and a widget whose links point at those files
/// and whose numbers the page can print. Widgets are re-rendered from their data with every
/// string escaped, never pasted, so their text cannot inject markup.
enum CachedBlockCheck {
    /// Widget coordinates and sizes beyond this are not something the tool draws.
    static let maxCoordinate = 1e7

    static func isAcceptable(_ block: CachedBlock, expected: BlockFiles) -> Bool {
        var seen: Set<String> = []
        for file in block.files {
            guard expected.names.contains(file.name), BlockFiles.isConfined(file.name), seen.insert(file.name).inserted,
                  isHarmless(file.bytes, name: file.name) else { return false }
        }
        switch expected.kind {
        case .graph:
            guard let graph = block.graph, block.model == nil, block.history == nil,
                  isAcceptable(graph, id: expected.widgetID, files: seen) else { return false }
        case .model:
            guard let model = block.model, block.graph == nil,
                  isAcceptable(model.graph, id: expected.widgetID, files: seen),
                  model.charts.allSatisfy({ isAcceptable($0, files: seen) }) else { return false }
        case .compare:
            return false  // never cached: drawn from the models' histories on every build
        }
        if let trace = block.trace, !isConsistent(trace) { return false }
        if let history = block.history, history.steps.count != history.values.count || !history.values.allSatisfy(\.isFinite) {
            return false
        }
        return true
    }

    /// By kind: SVG figures pass `SVGSafety`, PNGs start as PNGs, gzip traces unpack to JSON, text files are UTF-8.
    static func isHarmless(_ bytes: [UInt8], name: String) -> Bool {
        if name.hasSuffix(".svg") { return SVGSafety.isSafe(bytes) }
        if name.hasSuffix(".png") { return bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) }
        if name.hasSuffix(".json.gz") { return Gzip.decompress(bytes)?.first == UInt8(ascii: "{") }
        guard String(bytes: bytes, encoding: .utf8) != nil else { return false }
        if name.hasSuffix(".json") { return bytes.first == UInt8(ascii: "{") }
        return true
    }

    private static func isAcceptable(_ w: GraphWidget, id: String, files: Set<String>) -> Bool {
        guard w.id == id, [w.svg, w.trace].allSatisfy(files.contains),
              isSize(w.width), isSize(w.height) else { return false }
        for node in w.nodes where !([node.card, node.valueArea, node.gradientArea].allSatisfy(isFrame)) { return false }
        for edge in w.edges where !edge.points.allSatisfy({ isCoordinate($0.x) && isCoordinate($0.y) }) { return false }
        for drawing in w.drawings {
            guard files.contains(drawing.svg), isSize(drawing.width), isSize(drawing.height),
                  drawing.nodes.count == w.nodes.count, drawing.edges.count == w.edges.count, drawing.labels.count == w.edges.count,
                  drawing.nodes.allSatisfy({ [$0.card, $0.valueArea, $0.gradientArea].allSatisfy(isFrame) }),
                  drawing.edges.allSatisfy({ $0.allSatisfy { isCoordinate($0.x) && isCoordinate($0.y) } }),
                  drawing.labels.allSatisfy({ $0.map(isFrame) ?? true }) else { return false }
        }
        for snapshot in w.snapshots where !(snapshot.chartX.map(isCoordinate) ?? true) { return false }
        for view in w.views {
            guard files.contains(view.svg), isSize(view.width), isSize(view.height),
                  view.nodes.allSatisfy({ [$0.card, $0.valueArea, $0.gradientArea].allSatisfy(isFrame) }),
                  view.edges.allSatisfy({ $0.points.allSatisfy { isCoordinate($0.x) && isCoordinate($0.y) } }),
                  isCoordinate(view.collapseAt.x), isCoordinate(view.collapseAt.y) else { return false }
        }
        if let code = w.code {
            guard code.tabs.allSatisfy({ $0.download.map(files.contains) ?? true }),
                  code.files.allSatisfy({ files.contains($0.href) }) else { return false }
        }
        return true
    }

    private static func isAcceptable(_ chart: ModelWidget.Chart, files: Set<String>) -> Bool {
        files.contains(chart.svg) && isSize(chart.width) && isSize(chart.height)
            && (chart.narrow.map { files.contains($0.svg) && isSize($0.width) && isSize($0.height) } ?? true)
            && (chart.plotArea.map(isFrame) ?? true)
    }

    private static func isFrame(_ f: GraphWidget.Frame) -> Bool {
        isCoordinate(f.x) && isCoordinate(f.y) && isSize(f.width) && isSize(f.height)
    }

    private static func isCoordinate(_ v: Double) -> Bool { v.isFinite && abs(v) <= maxCoordinate }
    private static func isSize(_ v: Double) -> Bool { v.isFinite && v >= 0 && v <= maxCoordinate }

    /// Every index in range and every tensor as long as its shape says, so quoting a result
    /// from the trace cannot go out of bounds.
    static func isConsistent(_ trace: Trace) -> Bool {
        let count = trace.nodes.count
        guard count > 0, trace.output >= 0, trace.output < count else { return false }
        var sizes: [Int] = []
        for node in trace.nodes {
            guard node.inputs.allSatisfy({ $0 >= 0 && $0 < count }), node.shape.allSatisfy({ $0 >= 0 }) else { return false }
            let (size, overflow) = node.shape.reduce((1, false)) { acc, d in
                let m = acc.0.multipliedReportingOverflow(by: d)
                return (m.partialValue, acc.1 || m.overflow)
            }
            guard !overflow else { return false }
            sizes.append(size)
        }
        for step in trace.steps {
            guard step.values.count == count, step.gradients.count == count,
                  zip(step.values, sizes).allSatisfy({ $0.count == $1 }),
                  zip(step.gradients, sizes).allSatisfy({ $0.count == $1 }) else { return false }
            for shares in step.shares where !shares.keys.allSatisfy({ $0 >= 0 && $0 < count }) { return false }
        }
        return trace.gradientCheck.allSatisfy { $0.node >= 0 && $0.node < count }
    }
}
