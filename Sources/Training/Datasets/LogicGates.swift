/// The built-in data sets. Each returns X (n×d) and y (n×1, or n×k one-hot for k classes);
/// random ones draw from `SeededRandom(seed:)`, so a seed fixes every number.
package enum Datasets {}

extension Datasets {
    /// XOR's truth table: X = (0,0), (0,1), (1,0), (1,1) and y = 0, 1, 1, 0 (4×2 and 4×1).
    package static func xor() throws(ArgumentError) -> Dataset {
        try truthTable("xor", "XOR truth table: y = 1 when exactly one input is 1", [0, 1, 1, 0])
    }

    /// AND's truth table: y = 0, 0, 0, 1 for (0,0), (0,1), (1,0), (1,1).
    package static func and() throws(ArgumentError) -> Dataset {
        try truthTable("and", "AND truth table: y = 1 when both inputs are 1", [0, 0, 0, 1])
    }

    /// OR's truth table: y = 0, 1, 1, 1 for (0,0), (0,1), (1,0), (1,1).
    package static func or() throws(ArgumentError) -> Dataset {
        try truthTable("or", "OR truth table: y = 1 when at least one input is 1", [0, 1, 1, 1])
    }

    /// The four input pairs in counting order, with the given outputs.
    private static func truthTable(_ name: String, _ description: String, _ outputs: [Double]) throws(ArgumentError) -> Dataset {
        try Dataset(name: name, description: "4 points (0,0), (0,1), (1,0), (1,1); " + description,
                    X: try matrix(4, 2, [0, 0, 0, 1, 1, 0, 1, 1]), y: try matrix(4, 1, outputs))
    }
}
