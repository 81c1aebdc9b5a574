import LessonModel

/// What a `descend` line needs that only a run knows, the shapes: the output a step minimises
/// must be one number (a tensor's "loss" would be the sum of its entries, which the reader did
/// not write), and each leaf small enough for the page to edit, since a step writes it through
/// the same fields and address an edit does.
enum DescentCheck {
    static func diagnostics(_ program: GraphProgram, shapes: [[Int]], path: String) -> [Diagnostic] {
        guard let descent = program.descent, shapes.indices.contains(descent.target) else { return [] }
        var out: [Diagnostic] = []
        let target = program.nodes[descent.target].name
        let dims = shapes[descent.target]
        if !dims.isEmpty {
            out.append(.error(path, descent.targetPosition, "'\(target)' is \(described(dims)), and a step descends one number; "
                + "make the output a scalar, like 'L = sum(\(target))' or 'L = mean(\(target))'"))
        }
        for (leaf, position) in zip(descent.leaves, descent.leafPositions) where shapes.indices.contains(leaf) {
            let count = shapes[leaf].reduce(1, *)
            if count > BlockLanguage.maxEditableNumbers {
                out.append(.error(path, position, "'\(program.nodes[leaf].name)' holds \(count) numbers; a step moves leaves of at most "
                    + "\(BlockLanguage.maxEditableNumbers), which the page can edit"))
            }
        }
        return out
    }

    private static func described(_ dims: [Int]) -> String {
        dims.count == 1 ? "a vector of \(dims[0])" : "a " + dims.map(String.init).joined(separator: "x") + " matrix"
    }
}
