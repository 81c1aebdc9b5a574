import Foundation
import Testing
@testable import Figures
import TestSupport

/// Realistic chart inputs shared by the chart tests, and the dump of every chart for a human look.
enum ChartSamples {
    /// Doubles from the shared SplitMix64, so fixtures never change.
    struct Random {
        private var stream: SplitMix64
        init(state: UInt64) { stream = SplitMix64(seed: state) }
        mutating func next() -> Double { stream.unit() }
        mutating func normal() -> Double {
            let u = max(next(), 1e-12), v = next()
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
    }

    /// XOR training: 2.4 at step 0, a plateau near 0.5, then a fall to about 1e-4 by step 50,000.
    static func xorLoss(steps: Int = 50_000) -> [Double] {
        var rng = Random(state: 7)
        return (0..<steps).map { s in
            let u = Double(s) / Double(steps - 1)
            let start = log10(2.4), plateau = log10(0.5), end = -4.0
            let early = plateau + (start - plateau) * exp(-u * 120)
            let fall = 1 / (1 + exp(-(u - 0.22) * 14))
            let fall0 = 1 / (1 + exp(0.22 * 14))
            let f = (fall - fall0) / (1 - fall0)
            let noise = 0.04 * rng.normal() * (0.3 + f)
            return pow(10, early + (end - plateau) * f + noise)
        }
    }

    static func xorChart(title: String? = "XOR, 2-3-1 sigmoid network") -> LossChart {
        let training = xorLoss()
        let validation = stride(from: 0, to: 50_000, by: 5_000).map { training[$0] * 1.3 } + [training[49_999] * 1.3]
        let validationSteps = stride(from: 0.0, to: 50_000, by: 5_000).map { $0 } + [49_999]
        return LossChart(series: [
            .init(name: "training loss", values: training),
            .init(name: "validation loss", steps: validationSteps, values: validation),
        ], title: title)
    }

    /// SGD, momentum and Adam on the same problem (log y: Adam gets three decades lower).
    static func optimizerChart() -> LossChart {
        var rng = Random(state: 11)
        func run(_ rate: Double, _ floor: Double) -> [Double] {
            (0..<2_000).map { s in (0.69 - floor) * exp(-Double(s) * rate) + floor + 0.01 * abs(rng.normal()) * exp(-Double(s) * rate) }
        }
        return LossChart(series: [
            .init(name: "SGD", values: run(0.0015, 0.08)),
            .init(name: "SGD + momentum", values: run(0.005, 0.01)),
            .init(name: "Adam", values: run(0.02, 0.0004)),
        ], title: "Optimizers on two moons")
    }

    /// Two interleaved half circles with noise, labels 0 and 1.
    static func moons(count: Int = 200, noise: Double = 0.12) -> [BoundaryChart.Sample] {
        var rng = Random(state: 3)
        return (0..<count).map { i in
            let upper = i % 2 == 0
            let t = Double.pi * rng.next()
            let x = upper ? cos(t) : 1 - cos(t)
            let y = upper ? sin(t) : 0.5 - sin(t)
            return BoundaryChart.Sample(x: x + noise * rng.normal(), y: y + noise * rng.normal(), label: upper ? 0 : 1)
        }
    }

    /// Distance from (x, y) to the half circle of radius 1 around (cx, cy) on the upper (or lower) side.
    static func arcDistance(_ x: Double, _ y: Double, cx: Double, cy: Double, upper: Bool) -> Double {
        let dx = x - cx, dy = y - cy
        if (dy >= 0) == upper { return abs((dx * dx + dy * dy).squareRoot() - 1) }
        let ends = [(1.0, 0.0), (-1.0, 0.0)].map { ((dx - $0.0) * (dx - $0.0) + (dy - $0.1) * (dy - $0.1)).squareRoot() }
        return ends.min() ?? 0
    }

    /// A smooth stand-in for a trained classifier of the moons: P(class 1) on a 100×100 grid.
    static func moonsChart() throws -> BoundaryChart {
        let grid = try BoundaryChart.Grid(columns: 100, rows: 100, x: -1.5...2.5, y: -1.0...1.5) { x, y in
            let d0 = arcDistance(x, y, cx: 0, cy: 0, upper: true), d1 = arcDistance(x, y, cx: 1, cy: 0.5, upper: false)
            return 1 / (1 + exp(-(d0 - d1) * 5))
        }
        return BoundaryChart(grid: grid, samples: moons(), classNames: ["class 0", "class 1"],
                             title: "Two moons: decision boundary")
    }

    /// Three interleaved spiral arms, labels 0, 1, 2.
    static func spiral(perClass: Int = 100) -> [BoundaryChart.Sample] {
        var rng = Random(state: 5)
        var out: [BoundaryChart.Sample] = []
        for c in 0..<3 {
            for i in 0..<perClass {
                let r = Double(i) / Double(perClass)
                let t = Double(c) * 4 + 4 * r + 0.2 * rng.normal()
                out.append(.init(x: r * sin(t), y: r * cos(t), label: c))
            }
        }
        return out
    }

    /// Per-class probabilities from a nearest-arm softmax, like a trained spiral classifier.
    static func spiralChart() throws -> BoundaryChart {
        let columns = 100, rows = 100, classes = 3
        let points = spiral()
        var probabilities: [Double] = []
        let grid0 = try BoundaryChart.Grid(columns: columns, rows: rows, x: -1.1...1.1, y: -1.1...1.1,
                                           values: .classIndex(Array(repeating: 0, count: columns * rows), classes: classes))
        for row in 0..<rows {
            for column in 0..<columns {
                let (x, y) = grid0.center(column: column, row: row)
                var d = [Double](repeating: 1e9, count: classes)
                for p in points {
                    d[p.label] = min(d[p.label], (p.x - x) * (p.x - x) + (p.y - y) * (p.y - y))
                }
                let scores = d.map { exp(-$0 * 40) }
                let total = scores.reduce(0, +)
                probabilities += total > 0 ? scores.map { $0 / total } : Array(repeating: 1 / Double(classes), count: classes)
            }
        }
        let grid = try BoundaryChart.Grid(columns: columns, rows: rows, x: -1.1...1.1, y: -1.1...1.1,
                                          values: .classProbabilities(probabilities, classes: classes))
        return BoundaryChart(grid: grid, samples: points, classNames: ["arm 0", "arm 1", "arm 2"], title: "Spiral, 3 classes")
    }

    /// A 2-3-1 network with mixed-sign weights and biases.
    static func xorNetwork() -> NetworkChart {
        NetworkChart(layers: [
            .init(size: 2, name: "input"),
            .init(size: 3, name: "hidden", activation: "sigmoid"),
            .init(size: 1, name: "output", activation: "linear"),
        ], weights: [
            [4.83, -5.21, 0.37, 4.91, -5.02, 0.41],
            [7.12, -6.85, -0.12],
        ], biases: [[-2.31, 7.44, -0.05], [-3.02]])
    }

    /// Writes `bytes` to `$LESSONS_DUMP_FIGURES/name` when that variable is set.
    static func dump(_ bytes: [UInt8], as name: String) throws {
        guard let dir = ProcessInfo.processInfo.environment["LESSONS_DUMP_FIGURES"] else { return }
        try Data(bytes).write(to: URL(fileURLWithPath: dir).appendingPathComponent(name))
    }
}

/// Renders every chart in both themes (and dumps PNG and SVG when LESSONS_DUMP_FIGURES is set).
@Test func everyChartRendersInBothThemesAndFormats() throws {
    let charts: [(String, (ChartTheme, Format) throws -> [UInt8])] = [
        ("loss-xor", { try ChartSamples.xorChart().render(theme: $0, format: $1, idPrefix: "loss") }),
        ("loss-optimizers", { try ChartSamples.optimizerChart().render(theme: $0, format: $1, idPrefix: "opt") }),
        ("network-xor", { try ChartSamples.xorNetwork().render(theme: $0, format: $1, idPrefix: "net") }),
        ("boundary-moons", { try ChartSamples.moonsChart().render(theme: $0, format: $1, idPrefix: "moons") }),
        ("boundary-spiral", { try ChartSamples.spiralChart().render(theme: $0, format: $1, idPrefix: "spiral") }),
    ]
    for (name, render) in charts {
        for (theme, suffix) in [(ChartTheme.light, "light"), (.dark, "dark")] {
            for format in [Format.png, .svg] {
                let bytes = try render(theme, format)
                #expect(bytes.count > 1000, "\(name)-\(suffix).\(format.fileExtension) is suspiciously small")
                try ChartSamples.dump(bytes, as: "\(name)-\(suffix).\(format.fileExtension)")
            }
        }
    }
}

/// The awkward inputs, dumped for a look: nothing to plot, one point, a constant, extremes, a noisy model.
@Test func edgeCaseChartsRenderAndCanBeInspected() throws {
    var rng = ChartSamples.Random(state: 2)
    let charts: [(String, LossChart)] = [
        ("loss-empty", LossChart(series: [.init(name: "diverged", values: [.nan, .nan])])),
        ("loss-single", LossChart(series: [.init(name: "train", steps: [5000], values: [0.69])])),
        ("loss-constant", LossChart(series: [.init(name: "train", values: Array(repeating: 0.6931, count: 500))])),
        ("loss-extremes", LossChart(series: [.init(name: "wild", values: [1e300, 1, 1e-300, .nan, 1e-12])])),
        ("loss-million", LossChart(series: [.init(name: "train", values: (0..<1_000_000).map { i in
            (i == 700_000 ? 3 : 1) * (0.1 + 1 / (1 + Double(i) / 5000)) + 0.02 * rng.next() })],
            title: "A million steps with one spike", size: Size(width: 480, height: 300))),
        ("loss-six", LossChart(series: (0..<6).map { k in
            .init(name: "run \(k + 1)", values: (0..<300).map { 0.7 * exp(-Double($0) * 0.004 * Double(k + 1)) + 0.05 })
        }, title: "Six learning rates")),
    ]
    for (name, chart) in charts {
        for (theme, suffix) in [(ChartTheme.light, "light"), (.dark, "dark")] {
            let png = try chart.render(theme: theme, format: .png, idPrefix: name)
            try ChartSamples.dump(png, as: "\(name)-\(suffix).png")
        }
    }
}

/// More awkward drawings: hard class labels, a deep narrow network, a squashed input range.
@Test func edgeCaseDiagramsRenderAndCanBeInspected() throws {
    let spiral = try ChartSamples.spiralChart()
    guard case .classProbabilities(let p, let classes) = spiral.grid.values else { return }
    let hard = (0..<(p.count / classes)).map { cell in (0..<classes).max { p[cell * classes + $0] < p[cell * classes + $1] } ?? 0 }
    var hardChart = spiral
    hardChart.grid = try .init(columns: 100, rows: 100, x: spiral.grid.x, y: spiral.grid.y, values: .classIndex(hard, classes: classes))
    hardChart.title = nil
    let wide = try BoundaryChart.Grid(columns: 50, rows: 10, x: 0...100, y: 0...1) { x, y in x / 100 * y }
    let squashed = BoundaryChart(grid: wide, samples: [.init(x: 10, y: 0.5, label: 0), .init(x: 90, y: 0.9, label: 1)],
                                 xLabel: "epoch", yLabel: "rate")
    var deep = ChartSamples.xorNetwork()
    let sizes = [2, 8, 8, 8, 8, 8, 8, 8, 8, 1]
    deep.layers = sizes.enumerated().map { .init(size: $0.element, name: "L\($0.offset)", activation: $0.offset == 0 ? nil : "tanh") }
    deep.weights = zip(sizes, sizes.dropFirst()).map { a, b in (0..<(a * b)).map { sin(Double($0) * 1.7) } }
    deep.biases = nil
    let drawings: [(String, (ChartTheme) throws -> [UInt8])] = [
        ("boundary-spiral-hard", { try hardChart.render(theme: $0, format: .png, idPrefix: "hard") }),
        ("boundary-squashed", { try squashed.render(theme: $0, format: .png, idPrefix: "sq") }),
        ("network-deep", { try deep.render(theme: $0, format: .png, idPrefix: "deep") }),
    ]
    for (name, render) in drawings {
        for (theme, suffix) in [(ChartTheme.light, "light"), (.dark, "dark")] {
            try ChartSamples.dump(try render(theme), as: "\(name)-\(suffix).png")
        }
    }
}
