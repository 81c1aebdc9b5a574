/// A shape and its elements in row-major order; the element count always matches the shape.
package struct Tensor: Equatable, Sendable {
    /// The shape; every dimension is at least 1.
    package private(set) var shape: Shape
    /// The elements, row by row.
    package private(set) var scalars: [Double]

    /// A tensor of the given shape; throws if a dimension is below 1 or the count differs.
    package init(shape: Shape, scalars: [Double]) throws(ShapeError) {
        guard shape.dims.allSatisfy({ $0 >= 1 }) else {
            throw ShapeError("shape \(shape) is not valid: every dimension must be at least 1")
        }
        guard let count = shape.elementCount else {
            throw ShapeError("shape \(shape) is too large")
        }
        guard count == scalars.count else {
            throw ShapeError("shape \(shape) needs \(count) numbers, got \(scalars.count)")
        }
        self.shape = shape
        self.scalars = scalars
    }

    /// A scalar tensor.
    package init(scalar: Double) {
        shape = .scalar
        scalars = [scalar]
    }

    /// A vector; throws if `elements` is empty.
    package init(vector elements: [Double]) throws(ShapeError) {
        try self.init(shape: .vector(elements.count), scalars: elements)
    }

    /// A matrix from its rows; throws if there are no rows, no columns, or rows differ in length.
    package init(matrix rows: [[Double]]) throws(ShapeError) {
        let cols = rows.first?.count ?? 0
        for (i, row) in rows.enumerated() where row.count != cols {
            throw ShapeError("matrix rows differ in length: row 1 has \(cols), row \(i + 1) has \(row.count)")
        }
        try self.init(shape: .matrix(rows.count, cols), scalars: rows.flatMap { $0 })
    }

    /// For shapes and counts the engine already checked (copies out of a plan).
    init(checkedShape shape: Shape, scalars: [Double]) {
        self.shape = shape
        self.scalars = scalars
    }
}
