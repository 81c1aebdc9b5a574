/// The shape of a tensor: a scalar, a vector or a row-major matrix.
package struct Shape: Hashable, Sendable, CustomStringConvertible {
    /// `[]` for a scalar, `[n]` for a vector, `[rows, cols]` for a matrix.
    package let dims: [Int]

    private init(dims: [Int]) { self.dims = dims }

    /// A single number.
    package static let scalar = Shape(dims: [])

    /// A vector of `n` elements.
    package static func vector(_ n: Int) -> Shape { Shape(dims: [n]) }

    /// A `rows`×`cols` matrix, stored row by row.
    package static func matrix(_ rows: Int, _ cols: Int) -> Shape { Shape(dims: [rows, cols]) }

    /// Number of elements (wrapping arithmetic, so an absurd shape cannot trap here;
    /// `Tensor` rejects such shapes with `elementCount`).
    package var count: Int {
        // An index loop, not `reduce`: optimizer updates read this every step, and the
        // unspecialized `reduce` of a debug build allocates.
        var total = 1
        for i in 0..<dims.count { total &*= dims[i] }
        return total
    }

    /// `true` for the 0-dimensional shape.
    package var isScalar: Bool { dims.isEmpty }

    /// "scalar", "vector of 3" or "2x3": the wording used in error messages.
    package var description: String {
        switch dims.count {
        case 0: return "scalar"
        case 1: return "vector of \(dims[0])"
        default: return dims.map(String.init).joined(separator: "x")
        }
    }

    /// The element count if every dimension is at least 1 and the product does not overflow.
    var elementCount: Int? {
        var total = 1
        for d in dims {
            guard d >= 1 else { return nil }
            let (product, overflow) = total.multipliedReportingOverflow(by: d)
            if overflow { return nil }
            total = product
        }
        return total
    }

    /// The shape seen as rows×cols (a scalar or vector is one row): how kernels walk it.
    var rowsAndCols: (rows: Int, cols: Int) {
        dims.count == 2 ? (dims[0], dims[1]) : (1, count)
    }
}
