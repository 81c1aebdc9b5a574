import Operations

/// What a kernel needs of a node's op, as plain data. `Op` holds arrays (reshape's dims,
/// index's spec) that only compilation reads; a `Step` holding `Op` had every copy in the hot
/// loop check and retain that payload (W1, 50,000 steps of four-point kernels, took 43.5 ms
/// untraced with `Op` in its steps and 33.4 ms with this).
struct KernelOp: Equatable {
    /// The registry's op; a step is never a leaf.
    let operation: Operation
    /// power's exponent, a norm's eps, dropout's p; 0 for every other op.
    let constant: Double
    /// Dropout's seed (moved on every training step, Plan+Dropout); 0 for every other op.
    var seed: Int

    /// The kernel form of `op`; nil for leaves.
    init?(_ op: Op) {
        guard let operation = op.operation else { return nil }
        self.operation = operation
        constant = op.constant ?? 0
        seed = op.seed ?? 0
    }

    var kind: Op.Kind { Op.Kind(operation.family) }
}
