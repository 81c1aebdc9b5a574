/// The shape rules of `concat(a, b, axis: 0)` (NumPy's `concatenate` for ranks 1 and 2, two or
/// three operands: a step carries at most three). Every output row is a row of each operand in
/// turn: joining along axis 0 is one long row of each operand's numbers (row-major storage makes
/// them contiguous), along axis 1 each of the m rows is the operands' rows side by side.
package enum ConcatRules {
    /// The result, how many rows the kernels walk, and each operand's width within a row.
    package struct Layout: Equatable, Sendable {
        package var result: Shape
        package var rows: Int
        package var widths: [Int]
    }

    /// The most operands one concat takes (a step has three operand offsets).
    package static let maxOperands = 3

    /// The layout of joining `shapes` along `axis` (negative counts from the last), or an error
    /// saying which sizes differ.
    package static func layout(_ shapes: [Shape], axis: Int) throws(ShapeError) -> Layout {
        guard shapes.count >= 2, shapes.count <= maxOperands else {
            throw ShapeError("concat joins two or three tensors, got \(shapes.count)")
        }
        let listed = shapes.map(\.description).joined(separator: ", ")
        guard let rank = shapes.first?.dims.count, rank > 0, shapes.allSatisfy({ $0.dims.count == rank }) else {
            throw ShapeError(shapes.contains(where: \.isScalar)
                ? "concat joins vectors or matrices, got \(listed)"
                : "concat needs tensors with the same number of axes, got \(listed)")
        }
        let resolved = axis < 0 ? axis + rank : axis
        guard resolved >= 0, resolved < rank else {
            let axes = rank == 1 ? "whose one axis is 0 (or -1)" : "whose axes are 0 and 1 (or -2 and -1)"
            throw ShapeError("axis \(axis) of concat is out of range for \(shapes[0]), \(axes)")
        }
        if rank == 1 {
            let counts = shapes.map(\.count)
            return Layout(result: .vector(counts.reduce(0, +)), rows: 1, widths: counts)
        }
        let other = 1 - resolved
        guard shapes.allSatisfy({ $0.dims[other] == shapes[0].dims[other] }) else {
            let noun = other == 1 ? "columns" : "rows"
            throw ShapeError("cannot concat \(listed) along axis \(resolved): they need the same number of \(noun)")
        }
        let along = shapes.map { $0.dims[resolved] }.reduce(0, +)
        if resolved == 0 {
            return Layout(result: .matrix(along, shapes[0].dims[1]), rows: 1, widths: shapes.map(\.count))
        }
        return Layout(result: .matrix(shapes[0].dims[0], along), rows: shapes[0].dims[0], widths: shapes.map { $0.dims[1] })
    }
}
