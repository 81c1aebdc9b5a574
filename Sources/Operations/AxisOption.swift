/// The `axis:` and `keepdims:` options of a call, as the block wrote them: `sum(x, axis: 1)`,
/// `softmax(z, axis: 0)`, `max(x, axis: -1, keepdims: true)`. Tensors have at most two axes, so
/// `axis` is 0 or 1 for a matrix and 0 for a vector; a negative axis counts from the last (-1).
/// Whether it fits the operand is decided where shapes are known (Autodiff's ShapeRules).
public struct AxisOption: Hashable, Sendable {
    /// The axis as written, or nil: every element for sum, mean, max and min, the last axis for
    /// softmax, log_softmax and logsumexp.
    public var axis: Int?
    /// Keep the reduced axis with size 1 (NumPy's `keepdims`, PyTorch's `keepdim`), so the
    /// result broadcasts against the operand: `z - max(z, axis: 1, keepdims: true)`.
    public var keepdims: Bool

    public init(axis: Int? = nil, keepdims: Bool = false) {
        self.axis = axis
        self.keepdims = keepdims
    }

    /// No options: the op's default.
    public static let none = AxisOption()

    public var isNone: Bool { self == .none }
}
