import Operations

/// How an op that works along an axis walks its operand: `groups` slices of `length` elements,
/// element k of slice g at `g * groupStride + k * elementStride` from the operand's start. A
/// reduction writes slice g's result at offset g of its output (with or without keepdims the
/// layout is the same); a normalization writes each element where it read it.
struct Slices: Equatable {
    let groups: Int
    let length: Int
    let groupStride: Int
    let elementStride: Int
    let result: Shape
}

/// The shape rules of `axis:` and `keepdims:` (NumPy's, for ranks up to 2).
enum AxisRules {
    /// The slices of `input` that `op` works along, and its result's shape; an error names the
    /// function and why the axis does not fit.
    static func slices(of op: Op, _ input: Shape) throws(ShapeError) -> Slices {
        let option = op.axisOption ?? .none
        let function = op.operation.flatMap(\.functionName) ?? op.name
        let dims = input.dims, rank = dims.count
        guard let written = option.axis ?? op.operation?.defaultAxis else {
            // Every element at once: one slice.
            let result: Shape = option.keepdims ? shape(dims.map { _ in 1 }) : .scalar
            return Slices(groups: 1, length: input.count, groupStride: 0, elementStride: 1, result: result)
        }
        guard rank > 0 else {
            throw ShapeError(option.axis == nil
                ? "\(function) needs a vector or a matrix, got a scalar"
                : "\(function) of a scalar cannot take axis \(written): a scalar has no axes")
        }
        guard written >= -rank, written < rank else {
            let axes = rank == 1 ? "whose one axis is 0 (or -1)" : "whose axes are 0 and 1 (or -2 and -1)"
            let operand = rank == 2 ? "\(input) matrix" : "\(input)"
            throw ShapeError("axis \(written) of \(function) is out of range for a \(operand), \(axes)")
        }
        let axis = written < 0 ? written + rank : written
        let isNormalization = op.kind == .normalization
        var kept = dims
        if option.keepdims { kept[axis] = 1 } else { kept.remove(at: axis) }
        let result = isNormalization ? input : shape(kept)
        if rank == 1 {
            return Slices(groups: 1, length: dims[0], groupStride: 0, elementStride: 1, result: result)
        }
        // A matrix: along its rows (axis 1) each row is a slice; down its columns (axis 0) each column.
        return axis == 1
            ? Slices(groups: dims[0], length: dims[1], groupStride: dims[1], elementStride: 1, result: result)
            : Slices(groups: dims[1], length: dims[0], groupStride: 1, elementStride: dims[1], result: result)
    }

    private static func shape(_ dims: [Int]) -> Shape {
        switch dims.count {
        case 0: .scalar
        case 1: .vector(dims[0])
        default: .matrix(dims[0], dims[1])
        }
    }
}
