/// A layered layout (Sugiyama style) for computational graphs, left to right or top to bottom:
/// each source beside the operation that first uses it (LayerAssignment), long edges routed
/// through reserved slots so they never cross a box, crossings reduced by barycentre sweeps, and
/// edge labels kept apart in the gaps between layers (EdgeLabelPlacer), never on a box.
/// It knows only boxes with sizes, so a group of nodes can be laid out as one box.
/// Everything is deterministic: ties are broken by node index.
package struct LayeredLayout: Sendable {
    /// What to lay out: node sizes, edges (from an earlier node to a later one), label sizes.
    package struct Input: Sendable {
        package var nodeSizes: [Size]
        package var edges: [(from: Int, to: Int)]
        /// One per edge; nil for an edge without a label.
        package var labelSizes: [Size?]
        /// Nodes drawn in the first layer whatever their depth.
        package var pinnedFirst: Set<Int>
        package var direction: Direction
        /// The widest the drawing may be across the flow (its height left to right, its width top
        /// to bottom), margins included; layers that would be wider spill into the next ones.
        package var maxBreadth: Double?

        package init(nodeSizes: [Size], edges: [(from: Int, to: Int)], labelSizes: [Size?], pinnedFirst: Set<Int> = [],
                     direction: Direction = .leftToRight, maxBreadth: Double? = nil) {
            self.nodeSizes = nodeSizes
            self.edges = edges
            self.labelSizes = labelSizes
            self.pinnedFirst = pinnedFirst
            self.direction = direction
            self.maxBreadth = maxBreadth
        }
    }

    /// Which way the layers follow each other.
    package enum Direction: String, Sendable { case leftToRight, topToBottom }

    /// Spacing, in px.
    package struct Spacing: Sendable {
        package var margin = 16.0
        package var layerGap = 56.0
        package var nodeGap = 22.0
        package var labelPadding = 6.0
        package var slotHeight = 10.0  // the room a long edge takes where it passes a layer

        package init() {}
    }

    package var nodeFrames: [Rect]
    /// One polyline per edge, from the source's right side to the target's left side.
    package var edgeRoutes: [[Point]]
    package var labelFrames: [Rect?]
    package var size: Size
    package var direction: Direction = .leftToRight

    /// Lays out `input`; edges that do not go from an earlier to a later node are ignored.
    package static func compute(_ input: Input, spacing: Spacing = Spacing()) -> LayeredLayout {
        guard input.direction == .topToBottom else {
            var builder = LayoutBuilder(input: input, spacing: spacing, stackLabels: false)
            return builder.run()
        }
        // Top to bottom is left to right with x and y swapped, before and after.
        var flipped = input
        flipped.nodeSizes = input.nodeSizes.map(\.transposed)
        flipped.labelSizes = input.labelSizes.map { $0?.transposed }
        var builder = LayoutBuilder(input: flipped, spacing: spacing, stackLabels: true)
        var result = builder.run().transposed
        result.direction = .topToBottom
        return result
    }
}

extension LayeredLayout {
    /// Moves everything so the top edge sits at the margin, and sizes the picture to fit.
    mutating func fitToMargins(_ margin: Double) {
        let rects = nodeFrames + labelFrames.compactMap { $0 }
        let points = edgeRoutes.flatMap { $0 }
        let top = min(rects.map(\.minY).min() ?? margin, points.map(\.y).min() ?? margin)
        let dy = margin - top
        if dy != 0 {
            nodeFrames = nodeFrames.map { $0.offsetBy(dy: dy) }
            labelFrames = labelFrames.map { $0?.offsetBy(dy: dy) }
            edgeRoutes = edgeRoutes.map { $0.map { Point(x: $0.x, y: $0.y + dy) } }
        }
        let all = nodeFrames + labelFrames.compactMap { $0 }
        let right = max(all.map(\.maxX).max() ?? 0, edgeRoutes.flatMap { $0 }.map(\.x).max() ?? 0)
        let bottom = max(all.map(\.maxY).max() ?? 0, edgeRoutes.flatMap { $0 }.map(\.y).max() ?? 0)
        size = Size(width: right + margin, height: bottom + margin)
    }
}

extension Rect {
    func offsetBy(dy: Double) -> Rect { Rect(x: minX, y: minY + dy, width: width, height: height) }
}

/// The working state of one layout run.
private struct LayoutBuilder {
    let input: Input
    let spacing: LayeredLayout.Spacing
    typealias Input = LayeredLayout.Input

    /// Real nodes first (0..<n), then one slot per layer crossed by a long edge.
    var layerOf: [Int] = []
    var heights: [Double] = []
    var widths: [Double] = []
    var layers: [[Int]] = []
    /// Each edge as a chain of vertices (source, slots..., target).
    var chains: [[Int]] = []
    var up: [[Int]] = []    // neighbours in the previous layer
    var down: [[Int]] = []  // neighbours in the next layer
    var y: [Double] = []

    /// Labels crossing the gaps as tall boxes (top to bottom, flipped): room to stack a few side by side.
    let stackLabels: Bool

    init(input: Input, spacing: LayeredLayout.Spacing, stackLabels: Bool) {
        self.input = input
        self.spacing = spacing
        self.stackLabels = stackLabels
    }

    mutating func run() -> LayeredLayout {
        let n = input.nodeSizes.count
        guard n > 0 else { return LayeredLayout(nodeFrames: [], edgeRoutes: [], labelFrames: [], size: Size(width: 2 * spacing.margin, height: 2 * spacing.margin)) }
        assignLayers()
        insertSlots()
        orderLayers()
        let columnX = placeColumns()
        placeVertically()
        return finish(columnX: columnX)
    }

    private func validEdge(_ e: (from: Int, to: Int)) -> Bool {
        e.from >= 0 && e.to < input.nodeSizes.count && e.from < e.to
    }

    private mutating func assignLayers() {
        layerOf = LayerAssignment(breadths: input.nodeSizes.map(\.height), edges: input.edges, gap: spacing.nodeGap,
                                  maxBreadth: input.maxBreadth.map { $0 - 2 * spacing.margin },
                                  pinnedFirst: input.pinnedFirst, slotBreadth: 1.5 * spacing.slotHeight).layers()
        heights = input.nodeSizes.map(\.height)
        widths = input.nodeSizes.map(\.width)
    }

    /// Splits every edge that spans several layers with one slot per crossed layer.
    private mutating func insertSlots() {
        let layerCount = (layerOf.max() ?? 0) + 1
        layers = Array(repeating: [], count: layerCount)
        for v in 0..<input.nodeSizes.count { layers[layerOf[v]].append(v) }
        for e in input.edges {
            guard validEdge(e) else { chains.append([]); continue }
            var chain = [e.from]
            var layer = layerOf[e.from] + 1
            while layer < layerOf[e.to] {
                let slot = layerOf.count
                layerOf.append(layer)
                heights.append(spacing.slotHeight)
                widths.append(0)
                layers[layer].append(slot)
                chain.append(slot)
                layer += 1
            }
            chain.append(e.to)
            chains.append(chain)
        }
        up = Array(repeating: [], count: layerOf.count)
        down = Array(repeating: [], count: layerOf.count)
        for chain in chains where chain.count >= 2 {
            for (a, b) in zip(chain, chain.dropFirst()) {
                down[a].append(b)
                up[b].append(a)
            }
        }
    }

    /// Barycentre sweeps down and up; keeps the ordering with the fewest crossings seen.
    private mutating func orderLayers() {
        var best = layers
        var bestCrossings = crossings(layers)
        for iteration in 0..<12 where bestCrossings > 0 {
            let downward = iteration % 2 == 0
            let order = downward ? Array(layers.indices.dropFirst()) : Array(layers.indices.dropLast().reversed())
            for l in order {
                let reference = downward ? layers[l - 1] : layers[l + 1]
                var position: [Int: Double] = [:]
                for (i, v) in reference.enumerated() { position[v] = Double(i) }
                let current = layers[l]
                let keyed = current.enumerated().map { i, v -> (Double, Int, Int) in
                    let neighbours = (downward ? up[v] : down[v]).compactMap { position[$0] }
                    let bary = neighbours.isEmpty ? Double(i) : neighbours.reduce(0, +) / Double(neighbours.count)
                    return (bary, i, v)
                }
                layers[l] = keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
            }
            let c = crossings(layers)
            if c < bestCrossings { bestCrossings = c; best = layers }
        }
        layers = best
    }

    /// The number of edge crossings between adjacent layers.
    func crossings(_ layers: [[Int]]) -> Int {
        var total = 0
        for l in layers.indices.dropLast() {
            var position: [Int: Int] = [:]
            for (i, v) in layers[l + 1].enumerated() { position[v] = i }
            var segments: [(Int, Int)] = []
            for (i, v) in layers[l].enumerated() {
                for w in down[v] { if let j = position[w] { segments.append((i, j)) } }
            }
            for a in segments.indices {
                for b in segments.indices where b > a {
                    let (s1, t1) = segments[a], (s2, t2) = segments[b]
                    if (s1 < s2 && t1 > t2) || (s1 > s2 && t1 < t2) { total += 1 }
                }
            }
        }
        return total
    }

    /// The left x of every layer; a gap is wide enough for the labels of the edges that end after it.
    private func placeColumns() -> [Double] {
        var gapWidth = Array(repeating: spacing.layerGap, count: layers.count)
        var labelsInto = Array(repeating: 0, count: layers.count)
        for (e, chain) in chains.enumerated() where chain.count >= 2 {
            guard e < input.labelSizes.count, let label = input.labelSizes[e] else { continue }
            let targetLayer = layerOf[chain[chain.count - 1]]
            gapWidth[targetLayer] = max(gapWidth[targetLayer], label.width + 2 * spacing.labelPadding + 16)
            if stackLabels { labelsInto[targetLayer] += 1 }
        }
        for l in layers.indices where labelsInto[l] > 1 {
            // Up to three labels side by side along the gap, so crowded ones need not spill sideways.
            let widest = chains.indices.compactMap { e -> Double? in
                guard chains[e].count >= 2, e < input.labelSizes.count, layerOf[chains[e][chains[e].count - 1]] == l else { return nil }
                return input.labelSizes[e]?.width
            }.max() ?? 0
            gapWidth[l] = max(gapWidth[l], Double(min(labelsInto[l], 3)) * (widest + 4) + 2 * spacing.labelPadding + 8)
        }
        var x = spacing.margin
        var columnX: [Double] = []
        for l in layers.indices {
            if l > 0 { x += gapWidth[l] }
            columnX.append(x)
            x += layers[l].map { widths[$0] }.max() ?? 0
        }
        return columnX
    }

    /// Stacks each layer, then nudges vertices towards their neighbours without breaking the order.
    private mutating func placeVertically() {
        y = Array(repeating: 0, count: layerOf.count)
        for layer in layers { pack(layer, desired: [:]) }
        for sweep in 0..<8 {
            let downward = sweep % 2 == 0
            let order = downward ? Array(layers.indices) : Array(layers.indices.reversed())
            for l in order {
                var desired: [Int: Double] = [:]
                for v in layers[l] {
                    let neighbours = up[v] + down[v]
                    guard !neighbours.isEmpty else { continue }
                    desired[v] = neighbours.map { y[$0] + heights[$0] / 2 }.reduce(0, +) / Double(neighbours.count) - heights[v] / 2
                }
                pack(layers[l], desired: desired)
                keepWithinBreadth(layers[l])
            }
        }
        let top = y.min() ?? 0
        for i in y.indices { y[i] += spacing.margin - top }
    }

    /// With a bound on the breadth, slides a layer back inside it: layers that each fit would
    /// otherwise drift apart while following their neighbours, and together be far wider.
    private mutating func keepWithinBreadth(_ layer: [Int]) {
        guard let bound = input.maxBreadth.map({ $0 - 2 * spacing.margin }), let first = layer.first, let last = layer.last else { return }
        let low = y[first], high = y[last] + heights[last]
        if high - low > bound {
            pack(layer, desired: [:])  // as tight as the gaps allow, from the top
        } else if low < 0 {
            for v in layer { y[v] -= low }
        } else if high > bound {
            for v in layer { y[v] -= high - bound }
        }
    }

    /// Places a layer's vertices in order at their desired y, pushed apart to keep gaps, then
    /// shifted as a block so the pushes balance out.
    private mutating func pack(_ layer: [Int], desired: [Int: Double]) {
        guard !layer.isEmpty else { return }
        var next = -Double.infinity
        var shiftSum = 0.0, counted = 0.0
        for (i, v) in layer.enumerated() {
            let gap = i == 0 ? 0 : gapBetween(layer[i - 1], v)
            let want = desired[v] ?? (next.isFinite ? next + gap : 0)
            let placed = next.isFinite ? max(want, next + gap) : want
            if let d = desired[v] { shiftSum += placed - d; counted += 1 }
            y[v] = placed
            next = placed + heights[v]
        }
        if counted > 0 {
            let shift = shiftSum / counted
            for v in layer { y[v] -= shift }
        }
    }

    private func gapBetween(_ a: Int, _ b: Int) -> Double {
        let realCount = input.nodeSizes.count
        return (a >= realCount || b >= realCount) ? spacing.slotHeight / 2 : spacing.nodeGap
    }

    /// Frames, routes through the slots, and label boxes pushed apart within each gap.
    private func finish(columnX: [Double]) -> LayeredLayout {
        let n = input.nodeSizes.count
        var columnWidth = Array(repeating: 0.0, count: layers.count)
        for (l, layer) in layers.enumerated() { columnWidth[l] = layer.map { widths[$0] }.max() ?? 0 }
        func frame(_ v: Int) -> Rect {
            let l = layerOf[v]
            let x = columnX[l] + (columnWidth[l] - widths[v]) / 2
            return Rect(x: x, y: y[v], width: widths[v], height: heights[v])
        }
        let frames = (0..<n).map(frame)
        // Ports: spread the edges that meet a side along it, in the order of the other ends.
        var inPorts: [Int: [Int]] = [:], outPorts: [Int: [Int]] = [:]
        for (e, chain) in chains.enumerated() where chain.count >= 2 {
            inPorts[chain[chain.count - 1], default: []].append(e)
            outPorts[chain[0], default: []].append(e)
        }
        func portY(_ v: Int, edge: Int, ports: [Int: [Int]], otherEnd: (Int) -> Int) -> Double {
            let f = frame(v)
            let list = (ports[v] ?? []).sorted { (y[otherEnd($0)], $0) < (y[otherEnd($1)], $1) }
            guard list.count > 1, let k = list.firstIndex(of: edge) else { return f.midY }
            let usable = min(f.height * 0.6, Double(list.count - 1) * 12)
            return f.midY - usable / 2 + usable * Double(k) / Double(list.count - 1)
        }
        var routes: [[Point]] = []
        var labels: [Rect?] = Array(repeating: nil, count: input.edges.count)
        var labelsByGap: [Int: [EdgeLabelPlacer.Label]] = [:]
        for (e, chain) in chains.enumerated() {
            guard chain.count >= 2 else { routes.append([]); continue }
            let source = chain[0], target = chain[chain.count - 1]
            var points = [Point(x: frame(source).maxX,
                                y: portY(source, edge: e, ports: outPorts, otherEnd: { chains[$0].count > 1 ? chains[$0][1] : source }))]
            for slot in chain.dropFirst().dropLast() {
                let f = frame(slot)
                points.append(Point(x: columnX[layerOf[slot]], y: f.midY))
                points.append(Point(x: columnX[layerOf[slot]] + columnWidth[layerOf[slot]], y: f.midY))
            }
            let end = Point(x: frame(target).minX,
                            y: portY(target, edge: e, ports: inPorts, otherEnd: { chains[$0][chains[$0].count - 2] }))
            points.append(end)
            routes.append(points)
            if e < input.labelSizes.count, let size = input.labelSizes[e], points.count >= 2 {
                // On the edge's last segment, in the gap before the target's layer.
                labelsByGap[layerOf[target], default: []].append(
                    EdgeLabelPlacer.Label(edge: e, from: points[points.count - 2], to: end, size: size))
            }
        }
        for (l, list) in labelsByGap.sorted(by: { $0.key < $1.key }) where l > 0 {
            let placer = EdgeLabelPlacer(left: columnX[l - 1] + columnWidth[l - 1] + spacing.labelPadding,
                                         right: columnX[l] - spacing.labelPadding, routes: routes)
            for item in placer.place(list) { labels[item.edge] = item.rect }
        }
        var result = LayeredLayout(nodeFrames: frames, edgeRoutes: routes, labelFrames: labels, size: .zero)
        result.fitToMargins(spacing.margin)
        return result
    }
}
