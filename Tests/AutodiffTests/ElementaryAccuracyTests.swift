import Foundation
import Testing
@testable import Autodiff

// DeterministicMath's exp, log, log1p, tanh and sigmoid against mpmath's exact values
// (Fixtures/elementary.txt, made by scripts/elementary_reference.py): the error of each result,
// in units in the last place of the correctly rounded value, is at most 1.

/// One argument of the fixture: the function, x, the correctly rounded f(x), and where the true
/// value lies from it in ulp (−0.5...0.5).
private struct Sample {
    let function: String
    let x: Double
    let rounded: Double
    let fraction: Double
}

private func fixtureSamples() throws -> [Sample] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/elementary.txt")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    var samples: [Sample] = []
    var pending: [(String, Double)] = []  // arguments of the last range line still to be read
    for line in lines where !line.hasPrefix("#") {
        let fields = line.split(separator: " ").map(String.init)
        func value(_ bitsField: String, _ fractionField: String) throws -> (Double, Double) {
            let bits = try #require(UInt64(bitsField, radix: 16), "bad bits in \(line)")
            let fraction = try #require(Double(fractionField), "bad fraction in \(line)")
            return (Double(bitPattern: bits), fraction / 1000)
        }
        switch fields.first {
        case "range":
            let (start, step, count, offset) = (Double(fields[2])!, Double(fields[3])!, Int(fields[4])!, Double(fields[5])!)
            pending = (0..<count).reversed().map { (fields[1], start + Double($0) * step + offset) }
        case "point":
            let (rounded, fraction) = try value(fields[3], fields[4])
            samples.append(Sample(function: fields[1], x: Double(bitPattern: UInt64(fields[2], radix: 16)!),
                                  rounded: rounded, fraction: fraction))
        default:
            guard let (function, x) = pending.popLast() else { throw FixtureError(line: String(line)) }
            let (rounded, fraction) = try value(fields[0], fields[1])
            samples.append(Sample(function: function, x: x, rounded: rounded, fraction: fraction))
        }
    }
    return samples
}

private struct FixtureError: Error { let line: String }

private let functions: [String: @Sendable (Double) -> Double] = [
    "exp": DeterministicMath.exp, "log": DeterministicMath.log, "log1p": DeterministicMath.log1p,
    "tanh": DeterministicMath.tanh, "sigmoid": DeterministicMath.sigmoid,
]

/// |ours − true value| in ulp of the correctly rounded value (infinite results must match exactly).
private func ulpError(_ ours: Double, _ sample: Sample) -> Double {
    if sample.rounded.isInfinite { return ours == sample.rounded ? 0 : .infinity }
    return abs((ours - sample.rounded) / sample.rounded.ulp - sample.fraction)
}

@Test("exp, log, log1p, tanh and sigmoid are within 1 ulp of mpmath on the dense sample", arguments: ["exp", "log", "log1p", "tanh", "sigmoid"])
func withinOneULP(_ name: String) throws {
    let samples = try fixtureSamples().filter { $0.function == name }
    #expect(samples.count > 1000, "the fixture should hold a dense sample of \(name)")
    let f = try #require(functions[name])
    var worst = (error: 0.0, at: 0.0), worstNormal = 0.0  // the latter where the result is a normal double
    for sample in samples {
        let error = ulpError(f(sample.x), sample)
        if !(error <= worst.error) { worst = (error, sample.x) }
        if abs(sample.rounded) >= Double.leastNormalMagnitude { worstNormal = max(worstNormal, error) }
    }
    #expect(worst.error <= 1, "\(name): worst error \(worst.error) ulp at x = \(worst.at)")
    print("\(name): \(samples.count) arguments, worst error \(worst.error) ulp at x = \(worst.at), \(worstNormal) for normal results")
}

@Test("every fixture function is tested and every sample has its function")
func fixtureCoverage() throws {
    let names = Set(try fixtureSamples().map(\.function))
    #expect(names == Set(functions.keys))
}

@Test("special values: zeros, infinities and NaN")
func specialValues() {
    typealias M = DeterministicMath
    #expect(M.exp(0) == 1 && M.exp(-.infinity) == 0 && M.exp(.infinity) == .infinity && M.exp(.nan).isNaN)
    #expect(M.exp(709.79) == .infinity && M.exp(-745.2) == 0 && M.exp(-745.1) > 0)
    #expect(M.tanh(0) == 0 && M.tanh(-0.0).sign == .minus && M.tanh(.infinity) == 1 && M.tanh(-.infinity) == -1)
    #expect(M.tanh(.nan).isNaN && M.tanh(1e-300) == 1e-300 && M.tanh(0x1p-1074) == 0x1p-1074)
    #expect(M.sigmoid(0) == 0.5 && M.sigmoid(.infinity) == 1 && M.sigmoid(-.infinity) == 0 && M.sigmoid(.nan).isNaN)
    #expect(M.sigmoid(800) == 1 && M.sigmoid(-800) == 0)
    #expect(M.log1p(0) == 0 && M.log1p(1e-300) == 1e-300 && M.log1p(.infinity) == .infinity && M.log1p(.nan).isNaN)
}

@Test("the Lanes functions give each lane the scalar function's bits")
func lanesMatchScalars() {
    let table = DeterministicMath.exp2Table
    var x = -30.0
    while x < 30 {
        let arguments = [x, -x / 3, x * 7, 0.01 * x]
        let pair = Lanes(arguments[0], arguments[1], arguments[2], arguments[3])
        let results: [(Lanes, (Double) -> Double)] = [
            (DeterministicMath.exp(pair, table), { DeterministicMath.exp($0) }),
            (DeterministicMath.tanh(pair, table), { DeterministicMath.tanh($0) }),
            (DeterministicMath.sigmoid(pair, table), { DeterministicMath.sigmoid($0) }),
        ]
        for (lanes, scalar) in results {
            for (lane, argument) in arguments.enumerated() { #expect(lanes[lane].bitPattern == scalar(argument).bitPattern) }
        }
        x += 0.377
    }
}

@Test("log, log1p and the square root on Lanes give each lane the scalar function's bits, special values included")
func logLanesMatchScalars() {
    let specials: [Double] = [0, -0.0, 1, -1, .infinity, -.infinity, .nan, 0x1p-1074, 0x1p-1022, Double.leastNormalMagnitude.nextDown,
                              .greatestFiniteMagnitude, 0x1.6a09e667f3bcdp0, 0x1.6a09e667f3bcep0, 0x1.6a09e667f3bccp0, 2, 0.5]
    var samples = specials
    var x = 1e-300
    while x < 1e300 { samples.append(x); samples.append(x * 1.000_000_1); x *= 1.37 }
    var u = 1e-20
    while u < 10 { samples.append(u); samples.append(1 - u); u *= 1.11 }
    // Four at a time, and every special value beside ordinary ones, so one odd lane cannot hide.
    for start in 0..<samples.count {
        let arguments = (0..<4).map { samples[(start + $0 * 7) % samples.count] }
        let lanes = Lanes(arguments[0], arguments[1], arguments[2], arguments[3])
        let (log, log1p, root) = (DeterministicMath.log(lanes), DeterministicMath.log1p(lanes), DeterministicMath.squareRoot(lanes))
        for (lane, argument) in arguments.enumerated() {
            #expect(log[lane].bitPattern == DeterministicMath.log(argument).bitPattern || (log[lane].isNaN && argument.isNaN), "log(\(argument))")
            if argument >= 0 || argument.isNaN {  // log1p's domain (bce_logits gives it e^−|z|)
                let expected = DeterministicMath.log1p(argument)
                #expect(log1p[lane].bitPattern == expected.bitPattern || (log1p[lane].isNaN && expected.isNaN), "log1p(\(argument))")
            }
            let expectedRoot = argument.squareRoot()
            #expect(root[lane].bitPattern == expectedRoot.bitPattern || (root[lane].isNaN && expectedRoot.isNaN), "√\(argument)")
        }
    }
}
