import Autodiff
import Foundation
import Training

/// The benchmark's two training workloads, built on our engine from the same fixtures the
/// peers in benchmarks/ read, so every implementation trains on identical numbers:
/// - W1, the seed's XOR network: 2-3-1, sigmoid hidden, linear output, half sum of squared
///   errors, the 4 XOR points, SGD lr 0.1, 50,000 epochs, NumPy's seed-0 uniform weights
///   (Tests/TrainingTests/Fixtures/xor-reference.json, scripts/xor_reference.py);
/// - W3: 2-16-16-1, tanh, tanh, bce_logits on 200 two-moons points, SGD lr 0.5, 2,000 epochs
///   (Tests/TrainingTests/Fixtures/w3-reference.json, scripts/moons_reference.py);
/// - W5: the 8x8 digits (lessons/data/digits.csv), MLP 64-64-10, ReLU, softmax cross-entropy,
///   minibatches of 64 in the file's order, Adam lr 0.001, 20 epochs = 560 steps
///   (Tests/TrainingTests/Fixtures/w5-reference.json, scripts/digits_reference.py);
/// - W6: the same digits and training, conv 3x3 with 8 channels, ReLU, max pool 2x2, dense 72 -> 10
///   (Tests/TrainingTests/Fixtures/w6-reference.json, scripts/digits_cnn_reference.py).
enum TrainingWorkload: String, CaseIterable, Sendable {
    case w1 = "W1", w3 = "W3", w5 = "W5", w6 = "W6"

    /// Where the fixtures are by default: next to the tests, found from this source file (as
    /// MathBenchmark finds its corpus), so `make bench` needs no arguments.
    static let defaultFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Tests/TrainingTests/Fixtures").standardizedFileURL
    /// W5's images, in the repository with their source and licence (lessons/data/_digits-source.md).
    static let digitsFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../lessons/data/digits.csv").standardizedFileURL

    /// A compiled, ready-to-train instance: a fresh plan holds the initial weights.
    struct Instance {
        let plan: Plan
        let loss: NodeID
        let parameters: [NodeID]
        let rule: OptimizerRule
        let epochs: Int
        /// The reference's loss at the last step (the NumPy textbook run), to check our run.
        let referenceFinalLoss: Double?
        /// Loads step k's minibatch into the plan before its forward pass (W5); nil for full batches.
        var prepare: ((Int) -> Void)? = nil
    }

    /// The fixture's contents, decoded once; building an instance from it is cheap.
    enum Source {
        case w1(XORFixture)
        case w3(MoonsFixture)
        case w5(DigitsFixture<W5Network.Weights>, W5Network.Digits)
        case w6(DigitsFixture<W6Network.Weights>, W5Network.Digits)
    }

    struct XORFixture: Decodable {
        struct Run: Decodable { let loss: [String: Double] }
        let epochs: Int
        let lr: Double
        let W1_initial: [[Double]]
        let W2_initial: [[Double]]
        let textbook: Run
    }

    struct MoonsFixture: Decodable {
        let epochs: Int
        let lr: Double
        let X, y: [[Double]]
        let initial: W3Network.Weights
        let loss: [String: Double]
    }

    struct DigitsFixture<Weights: Decodable>: Decodable {
        let steps: Int
        let lr, eps: Double
        let betas: [Double]
        let initial: Weights
        let loss: [String: Double]

        var rule: OptimizerRule {
            get throws {
                guard betas.count == 2 else { throw BenchError("the fixture's betas must be two numbers") }
                return .adam(lr: lr, beta1: betas[0], beta2: betas[1], eps: eps, weightDecay: 0)
            }
        }
    }

    var fixtureName: String {
        switch self {
        case .w1: "xor-reference.json"
        case .w3: "w3-reference.json"
        case .w5: "w5-reference.json"
        case .w6: "w6-reference.json"
        }
    }

    /// Reads and decodes this workload's fixture; the error says which file and why.
    func load(from directory: URL) throws -> Source {
        let url = directory.appendingPathComponent(fixtureName)
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw BenchError("cannot read \(url.path): \(error.localizedDescription)") }
        do {
            switch self {
            case .w1: return .w1(try JSONDecoder().decode(XORFixture.self, from: data))
            case .w3: return .w3(try JSONDecoder().decode(MoonsFixture.self, from: data))
            case .w5: return .w5(try JSONDecoder().decode(DigitsFixture.self, from: data), try Self.digits())
            case .w6: return .w6(try JSONDecoder().decode(DigitsFixture.self, from: data), try Self.digits())
            }
        } catch {
            throw BenchError("\(url.path) is not a \(rawValue) fixture: \(error)")
        }
    }

    /// W5's and W6's images.
    static func digits() throws -> W5Network.Digits {
        let csv: String
        do { csv = try String(contentsOf: digitsFile, encoding: .utf8) } catch {
            throw BenchError("cannot read \(digitsFile.path): \(error.localizedDescription)")
        }
        return try W5Network.digits(csv: csv)
    }

    /// The XOR points in the order of scripts/xor_reference.py.
    static let xorX: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1]]
    static let xorY: [[Double]] = [[0], [1], [1], [0]]

    /// Builds the graph and compiles a plan holding the initial weights.
    static func instance(_ source: Source) throws -> Instance {
        var g = GraphBuilder()
        switch source {
        case .w1(let f):
            // out = sigmoid(X W1) W2; loss = 0.5 · Σ (y − out)², as TrainingLoopTests and the lesson.
            let x = g.leaf(.input, value: try Tensor(matrix: xorX))
            let y = g.leaf(.input, value: try Tensor(matrix: xorY))
            let w1 = g.leaf(.parameter, value: try Tensor(matrix: f.W1_initial))
            let w2 = g.leaf(.parameter, value: try Tensor(matrix: f.W2_initial))
            let out = try g.apply(.matmul, try g.apply(.sigmoid, try g.apply(.matmul, x, w1)), w2)
            let squares = try g.apply(.sum, try g.apply(.power(2), try g.apply(.subtract, y, out)))
            let loss = try g.apply(.multiply, g.leaf(.constant, value: Tensor(scalar: 0.5)), squares)
            return Instance(plan: try Plan(g, output: loss), loss: loss, parameters: [w1, w2], rule: .sgd(lr: f.lr),
                            epochs: f.epochs, referenceFinalLoss: f.textbook.loss[String(f.epochs - 1)])
        case .w3(let f):
            // The network W3ReferenceTests checks against NumPy.
            let network = try W3Network(x: f.X, y: f.y, initial: f.initial)
            return Instance(plan: network.plan, loss: network.loss, parameters: network.parameters, rule: .sgd(lr: f.lr),
                            epochs: f.epochs, referenceFinalLoss: f.loss[String(f.epochs - 1)])
        case .w5(let f, let digits):
            let network = try W5Network(digits: digits, initial: f.initial)
            return Instance(plan: network.plan, loss: network.loss, parameters: network.parameters, rule: try f.rule,
                            epochs: f.steps, referenceFinalLoss: f.loss[String(f.steps - 1)], prepare: network.load(step:))
        case .w6(let f, let digits):
            let network = try W6Network(digits: digits, initial: f.initial)
            return Instance(plan: network.plan, loss: network.loss, parameters: network.parameters, rule: try f.rule,
                            epochs: f.steps, referenceFinalLoss: f.loss[String(f.steps - 1)], prepare: network.load(step:))
        }
    }
}

/// A benchmark failure with a message for the person running it.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
