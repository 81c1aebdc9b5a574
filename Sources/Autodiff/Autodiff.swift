// Autodiff: tensors, a small set of primitive ops, and reverse-mode gradients.
//
// Build a graph with `GraphBuilder` (shapes are checked as nodes are added), compile it once
// into a `Plan` (one flat storage for every value and gradient, one step per node), then call
// `forward()` / `backward()` as often as needed. `OpTable.swift` is the heart of it: each
// primitive's forward rule next to its local derivative.
