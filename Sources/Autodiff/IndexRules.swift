import Operations

/// The shape rules of `X[...]` (NumPy's basic indexing for ranks up to 2, step 1). Whatever an
/// index picks is a block of consecutive rows and consecutive columns, so a step walks it as
/// `rows`×`cols` elements, `rowStride` apart row to row, starting `offset` into the operand.
package enum IndexRules {
    /// The block an index picks and the shape NumPy gives it.
    package struct Block: Equatable, Sendable {
        package var result: Shape
        package var offset: Int
        package var rows: Int
        package var cols: Int
        package var rowStride: Int
    }

    /// The block `spec` picks from a tensor of shape `x`, or an error saying which position is
    /// out of range; `name` is the operand as the lesson wrote it ("index 5 is out of range for
    /// X's 3 rows"). A range must keep at least one position (NumPy would give an empty array).
    package static func block(of x: Shape, _ spec: IndexSpec, name: String? = nil) throws(ShapeError) -> Block {
        let owner = name.map { "\($0)'s" } ?? "its"
        let subject = name ?? "the operand"
        let dims = x.dims
        guard !dims.isEmpty else { throw ShapeError("cannot index \(subject): it is a scalar") }
        guard !spec.items.isEmpty else { throw ShapeError("an index needs at least one position, as in \(subject)[0]") }
        guard spec.items.count <= dims.count else {
            throw ShapeError("\(subject) is a \(x), so it takes at most \(counted(dims.count, "index")), got \(spec.items.count)")
        }
        let nouns = dims.count == 2 ? ["row", "column"] : ["element"]
        var picks: [(start: Int, count: Int, kept: Bool)] = []
        for (axis, size) in dims.enumerated() {
            let item = axis < spec.items.count ? spec.items[axis] : .range(nil, nil)
            picks.append(try pick(item, size: size, of: "\(owner) \(counted(size, nouns[axis]))"))
        }
        let cols = x.rowsAndCols.cols
        let row = dims.count == 2 ? picks[0] : (start: 0, count: 1, kept: false)
        let col = picks[dims.count - 1]
        let kept = [row, col].filter(\.kept).map(\.count)
        let result: Shape = kept.isEmpty ? .scalar : kept.count == 1 ? .vector(kept[0]) : .matrix(kept[0], kept[1])
        return Block(result: result, offset: row.start * cols + col.start, rows: row.count, cols: col.count, rowStride: cols)
    }

    /// One axis: a position (negative counts from the end) or a range start..<end, checked against `size`.
    private static func pick(_ item: IndexSpec.Item, size: Int, of what: String) throws(ShapeError) -> (start: Int, count: Int, kept: Bool) {
        switch item {
        case .at(let i):
            let resolved = i < 0 ? i &+ size : i
            guard resolved >= 0, resolved < size else { throw ShapeError("index \(i) is out of range for \(what)") }
            return (resolved, 1, false)
        case .range(let start, let end):
            let from = start.map { $0 < 0 ? $0 &+ size : $0 } ?? 0
            let to = end.map { $0 < 0 ? $0 &+ size : $0 } ?? size
            let written = (start.map(String.init) ?? "") + ":" + (end.map(String.init) ?? "")
            guard from >= 0, from <= size, to >= 0, to <= size else {
                throw ShapeError("range \(written) is out of range for \(what)")
            }
            guard from < to else { throw ShapeError("range \(written) of \(what) is empty") }
            return (from, to - from, true)
        }
    }
}
