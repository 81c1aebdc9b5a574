/// Which layer each box of a layered drawing goes in.
///
/// Operations sit one layer after their latest operand (longest path). Sources (inputs,
/// parameters, constants: boxes without incoming edges) are not gathered in a first layer: each
/// goes in the layer just before the first box that uses it, so its wire is short and it is read
/// next to its operation. With a `maxBreadth`, a layer that would grow wider than that across the
/// flow spills its boxes into later layers (a width-bounded layering, as Coffman–Graham bound
/// theirs), which is how a wide graph wraps into a narrow column. Deterministic: boxes are taken
/// in index order, and edges must go from a lower index to a higher one.
struct LayerAssignment {
    /// Each box's size across the flow (its height when the flow runs left to right).
    let breadths: [Double]
    let edges: [(from: Int, to: Int)]
    /// The room between two boxes of a layer.
    let gap: Double
    /// The most a layer may take across the flow; nil for no bound.
    let maxBreadth: Double?
    /// Boxes drawn in the first layer whatever their depth.
    let pinnedFirst: Set<Int>
    /// The room an edge takes in each layer it passes through.
    var slotBreadth = 0.0

    /// How many layers before its user a source may go.
    static let reach = 3

    func layers() -> [Int] {
        let n = breadths.count
        var incoming = Array(repeating: [Int](), count: n)
        for e in edges where e.from >= 0 && e.to < n && e.from < e.to { incoming[e.to].append(e.from) }
        let isSource = incoming.map(\.isEmpty)
        var layerOf = Array(repeating: -1, count: n)
        var used: [Double] = []
        func fits(_ v: Int, in layer: Int) -> Bool {
            guard let bound = maxBreadth, layer < used.count, used[layer] > 0 else { return true }
            return used[layer] + gap + breadths[v] <= bound
        }
        func put(_ v: Int, in layer: Int) {
            while used.count <= layer { used.append(0) }
            used[layer] += (used[layer] > 0 ? gap : 0) + breadths[v]
            layerOf[v] = layer
        }
        for v in pinnedFirst.sorted() where v >= 0 && v < n && isSource[v] { put(v, in: 0) }
        for v in 0..<n where !isSource[v] {
            let operands = incoming[v]
            let fresh = operands.filter { isSource[$0] && layerOf[$0] < 0 }
            var layer = max(fresh.isEmpty ? 0 : 1, operands.filter { layerOf[$0] >= 0 }.map { layerOf[$0] + 1 }.max() ?? 0)
            // The first layer where it fits with room for its new sources at most `reach` layers before it.
            var spots: [Int] = []
            while true {
                if fits(v, in: layer), let found = spotsFor(fresh, before: layer) { spots = found; break }
                if layer > used.count + Self.reach {
                    spots = fresh.map { _ in layer - 1 }  // wider than the bound allows: no better place exists
                    break
                }
                layer += 1
            }
            put(v, in: layer)
            for (s, l) in zip(fresh, spots) { put(s, in: l) }
            for u in operands where layerOf[u] + 1 < layer {
                for l in (layerOf[u] + 1)..<layer { used[l] += slotBreadth }
            }
        }
        /// Layers for `sources`, the nearest first, within `reach` layers before `layer`; nil if they do not fit.
        func spotsFor(_ sources: [Int], before layer: Int) -> [Int]? {
            var extra: [Int: Double] = [:]
            var spots: [Int] = []
            for s in sources {
                var found: Int?
                for l in stride(from: layer - 1, through: max(0, layer - Self.reach), by: -1) {
                    let taken = (l < used.count ? used[l] : 0) + (extra[l] ?? 0)
                    if taken == 0 || maxBreadth.map({ taken + gap + breadths[s] <= $0 }) ?? true { found = l; break }
                }
                guard let l = found else { return nil }
                extra[l, default: 0] += ((l < used.count ? used[l] : 0) + (extra[l] ?? 0) > 0 ? gap : 0) + breadths[s]
                spots.append(l)
            }
            return spots
        }
        // Sources that nothing uses.
        for v in 0..<n where layerOf[v] < 0 {
            var layer = 0
            while !fits(v, in: layer) { layer += 1 }
            put(v, in: layer)
        }
        return layerOf
    }
}
