/// The rules of `embedding(W, ids)`: W is a table of rows (a matrix), the ids a scalar or a
/// vector of whole numbers, each a row of W (from 0). A scalar id gives one row (a vector), a
/// vector of n ids an n×d matrix, as NumPy's `W[ids]` and PyTorch's `F.embedding(ids, W)`.
package enum EmbeddingRules {
    /// The result's shape, or an error saying what the table or the ids must be.
    package static func result(table: Shape, ids: Shape) throws(ShapeError) -> Shape {
        guard table.dims.count == 2 else {
            throw ShapeError("embedding needs a table of rows (a matrix) first, got \(table)")
        }
        switch ids.dims.count {
        case 0: return .vector(table.dims[1])
        case 1: return .matrix(ids.dims[0], table.dims[1])
        default: throw ShapeError("embedding takes a scalar or a vector of ids, got \(ids)")
        }
    }

    /// Checks that the ids are known (written in the block, not computed) and are whole numbers
    /// from 0 to `rows` - 1; `table` names W in the message.
    package static func check(ids: Tensor?, rows: Int, table: String?) throws(ShapeError) {
        guard let ids else {
            throw ShapeError("the ids of embedding must be whole numbers written in the block (an input or a constant), not computed")
        }
        let owner = table.map { "\($0)'s" } ?? "the table's"
        for (k, id) in ids.scalars.enumerated() {
            guard id == id.rounded(), id.isFinite else {
                throw ShapeError("the ids of embedding must be whole numbers, got \(id) at position \(k)")
            }
            guard id >= 0, id < Double(rows) else {
                throw ShapeError("id \(Int(exactly: id).map(String.init) ?? "\(id)") is out of range for \(owner) \(rows) rows")
            }
        }
    }

    /// The row an id picks, or nil for an id that is not a whole number in 0..<rows (the kernels give NaN).
    static func row(_ id: Double, rows: Int) -> Int? {
        id == id.rounded() && id >= 0 && id < Double(rows) ? Int(id) : nil
    }
}
