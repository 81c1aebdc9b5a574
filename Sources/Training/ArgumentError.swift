import Autodiff

/// A bad argument to a data set, initializer or optimizer: which argument, and why. Thrown
/// instead of trapping, so the lesson's author sees `file:line:column: error: <message>`.
package struct ArgumentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The argument as a lesson names it ("n", "noise", "lr"), so the caller can point at it;
    /// nil when the problem is not one argument's (a name, a combination).
    package let argument: String?
    /// A readable sentence, e.g. "noise must be at least 0, got -0.5".
    package let message: String
    /// An error about `argument` (nil for none).
    package init(_ argument: String?, _ message: String) {
        self.argument = argument
        self.message = message
    }
    /// The message itself.
    package var description: String { message }
}

/// The checks every builder shares, with one wording for each kind of mistake.
enum Check {
    /// A count within `range` (e.g. n in 1...100,000).
    static func count(_ value: Int, _ name: String, in range: ClosedRange<Int>) throws(ArgumentError) {
        guard range.contains(value) else {
            throw ArgumentError(name, "\(name) must be between \(show(range.lowerBound)) and \(show(range.upperBound)), got \(show(value))")
        }
    }

    /// Any finite number.
    static func finite(_ value: Double, _ name: String) throws(ArgumentError) {
        guard value.isFinite else { throw ArgumentError(name, "\(name) must be a finite number, got \(show(value))") }
    }

    /// A finite number ≥ `low`.
    static func atLeast(_ value: Double, _ low: Double, _ name: String) throws(ArgumentError) {
        try finite(value, name)
        guard value >= low else { throw ArgumentError(name, "\(name) must be at least \(show(low)), got \(show(value))") }
    }

    /// A finite number > `low`.
    static func above(_ value: Double, _ low: Double, _ name: String) throws(ArgumentError) {
        try finite(value, name)
        guard value > low else { throw ArgumentError(name, "\(name) must be greater than \(show(low)), got \(show(value))") }
    }

    /// A number in [low, high): rates such as β.
    static func inHalfOpen(_ value: Double, _ low: Double, _ high: Double, _ name: String) throws(ArgumentError) {
        guard value >= low, value < high else {
            throw ArgumentError(name, "\(name) must be at least \(show(low)) and below \(show(high)), got \(show(value))")
        }
    }

    /// A whole number in `range`, given as a Double (lessons write `n: 200`).
    static func whole(_ value: Double, _ name: String, in range: ClosedRange<Int>) throws(ArgumentError) -> Int {
        guard value.isFinite, value == value.rounded(), abs(value) < 0x1p53 else {
            throw ArgumentError(name, "\(name) must be a whole number, got \(show(value))")
        }
        let n = Int(value)
        try count(n, name, in: range)
        return n
    }
}

/// "2" for 2.0, "0.1" for 0.1, "100,000" for 100000: numbers as messages and descriptions show them.
func show(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return show(Int(x)) }
    return x.description
}

/// An integer with thousands separators: "100,000".
func show(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return n < 0 ? "-" + out : out
}

/// A matrix from row-major numbers the caller has already counted; a ShapeError cannot happen,
/// but if it did it would surface as an error, not a trap.
func matrix(_ rows: Int, _ cols: Int, _ scalars: [Double]) throws(ArgumentError) -> Tensor {
    do {
        return try Tensor(shape: .matrix(rows, cols), scalars: scalars)
    } catch {
        throw ArgumentError(nil, error.message)
    }
}
