/// What `X[...]` picks, as the block wrote it: one item per axis, rows first (`X[0]`, `X[:, 1]`,
/// `X[1, 2]`, `X[-1]`, `X[0:2]`, `X[:, 1:3]`); axes not written are taken whole. Negative
/// positions count from the end, as in NumPy; ranges have step 1. Bounds are checked against
/// the operand's shape when the graph is built (`ShapeRules.indexed` in Autodiff).
public struct IndexSpec: Equatable, Sendable {
    /// One axis of an index.
    public enum Item: Equatable, Sendable {
        /// One position; the axis is dropped from the result (`X[0]` of a matrix is a vector).
        case at(Int)
        /// Positions from `start` up to, not including, `end` (nil: from the first, to the last); the axis is kept.
        case range(Int?, Int?)
    }

    public var items: [Item]

    /// An index of `items`, rows first.
    public init(_ items: [Item] = []) { self.items = items }

    /// The index as Python (NumPy and PyTorch alike) writes it: `[:, 1]`, `[0:2]`, `[-1]`.
    public var python: String {
        "[" + items.map { item in
            switch item {
            case .at(let i): String(i)
            case .range(let start, let end): (start.map(String.init) ?? "") + ":" + (end.map(String.init) ?? "")
            }
        }.joined(separator: ", ") + "]"
    }

    /// The index as the trace stores it: `[i]` for a position, `[start, end]` for a range (nil bounds kept).
    public var numbers: [[Int?]] {
        items.map { item in
            switch item {
            case .at(let i): [i]
            case .range(let start, let end): [start, end]
            }
        }
    }

    /// The index a trace stored (`numbers`); nil for a malformed entry.
    public init?(numbers: [[Int?]]) {
        var items: [Item] = []
        for entry in numbers {
            switch entry.count {
            case 1:
                guard let i = entry[0] else { return nil }
                items.append(.at(i))
            case 2: items.append(.range(entry[0], entry[1]))
            default: return nil
            }
        }
        self.items = items
    }
}
