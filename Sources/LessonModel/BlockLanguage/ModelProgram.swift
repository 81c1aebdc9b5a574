/// A `model` block as the trainer runs it: the graph (data, parameters, equations, loss) and the
/// data, training and tracing statements around it. Made by `BlockLanguage.parseModel`.
public struct ModelProgram: Equatable, Sendable {
    /// Every node in evaluation order, `X` and `y` included; `graph.output` is `loss`.
    public var graph: GraphProgram
    public var data: DataSource
    /// The fraction of the examples held out for validation (`split 0.25`), strictly between 0 and 1.
    public var split: Double?
    /// The `layers` shorthand, if the block has one. Its first size must equal the number of
    /// input features, which only the trainer knows: it checks it at `layers.position`.
    public var layers: LayerSpec?
    /// The statements `layers` expanded to, one per line (`param W1 = xavier([2, 3])`, ...), for display.
    public var expansion: [String]
    public var train: TrainSpec
    /// How the learning rate changes from epoch to epoch (`schedule cosine()`); nil keeps it constant.
    public var schedule: ScheduleSpec?
    public var trace: TraceSpec?
    /// The index in `graph.nodes` of the node named `loss`, which training minimizes.
    public var loss: Int
    /// The index in `graph.nodes` of the prediction: the node named `out` if there is one; else
    /// the last node before `loss` (in evaluation order) computed from `X` and not from `y`,
    /// which is what the loss compares with the targets; else `loss` itself.
    public var output: Int

    public init(graph: GraphProgram, data: DataSource, split: Double?, layers: LayerSpec?, expansion: [String],
                train: TrainSpec, schedule: ScheduleSpec? = nil, trace: TraceSpec?, loss: Int, output: Int) {
        self.graph = graph
        self.data = data
        self.split = split
        self.layers = layers
        self.expansion = expansion
        self.train = train
        self.schedule = schedule
        self.trace = trace
        self.loss = loss
        self.output = output
    }
}

/// Where a model's examples come from. `X` (inputs, one row per example) and `y` (targets, one
/// row per example) are the graph's data nodes, or its literal inputs for `.literals`.
public enum DataSource: Equatable, Sendable {
    /// `data moons(n: 200, noise: 0.1)`: a built-in set (see `builtinSets`) with the arguments
    /// the teacher gave (the trainer supplies the others); `position` is the set's name.
    case builtin(name: String, arguments: [String: Double], position: SourcePosition)
    /// `data csv("points.csv", x: [x1, x2], y: [label])`: a file inside the lessons folder and
    /// the columns to read from it (see `CSVSource`).
    case csv(CSVSource)
    /// `X = [[...]]` and `y = [[...]]` written in the block.
    case literals

    /// A built-in data set and the names of the arguments it accepts.
    public struct BuiltinSet: Equatable, Sendable {
        public var name: String
        public var arguments: [String]
    }

    /// The built-in data sets, in the order messages list them.
    public static let builtinSets: [BuiltinSet] = [
        BuiltinSet(name: "xor", arguments: []),
        BuiltinSet(name: "and", arguments: []),
        BuiltinSet(name: "or", arguments: []),
        BuiltinSet(name: "moons", arguments: ["n", "noise"]),
        BuiltinSet(name: "circles", arguments: ["n", "noise", "factor"]),
        BuiltinSet(name: "spiral", arguments: ["n", "classes"]),
        BuiltinSet(name: "line", arguments: ["n", "slope", "intercept", "noise"]),
        BuiltinSet(name: "sine", arguments: ["n", "noise"]),
    ]
}

/// `csv("digits.csv", y: [label], classes: 10, image: [8, 8])`: a CSV file and how to read it.
public struct CSVSource: Equatable, Sendable {
    /// Relative to the lessons folder (never absolute, never with a `..` part).
    public var path: String
    /// The input columns by header name; empty: every column that is not a target.
    public var x: [String]
    /// The target columns by header name.
    public var y: [String]
    /// With `classes: k`, `y` is one column of class numbers 0 to k − 1, which become one-hot
    /// rows of k (what `softmax_cross_entropy` compares its logits with).
    public var classes: Int?
    /// With `image: [height, width]`, each row of X is a grey-scale picture of that many pixels,
    /// row by row; the page shows the examples the trained model gets wrong as pictures.
    public var image: ImageShape?
    /// The path string.
    public var position: SourcePosition

    public init(path: String, x: [String], y: [String], classes: Int? = nil, image: ImageShape? = nil, position: SourcePosition) {
        self.path = path
        self.x = x
        self.y = y
        self.classes = classes
        self.image = image
        self.position = position
    }
}

/// The height and width, in pixels, of the pictures a data set's rows hold.
public struct ImageShape: Equatable, Sendable {
    public var height: Int
    public var width: Int
    /// The `image:` argument, where a mismatch with the number of input columns is reported.
    public var position: SourcePosition

    public init(height: Int, width: Int, position: SourcePosition) {
        self.height = height
        self.width = width
        self.position = position
    }

    /// The largest picture side: enough for MNIST's 28 × 28 and a readable figure.
    public static let maxSide = 64
}

/// How a parameter with an initializer call starts. `dims` has 1 or 2 positive sizes.
public enum InitializerSpec: Equatable, Sendable {
    /// Uniform on [lo, hi).
    case uniform(lo: Double, hi: Double, dims: [Int])
    /// Gaussian with this mean and standard deviation.
    case normal(mean: Double, std: Double, dims: [Int])
    /// Glorot/Xavier: suited to sigmoid and tanh layers.
    case xavier(dims: [Int])
    /// He/Kaiming: suited to relu layers.
    case he(dims: [Int])
    case zeros(dims: [Int])

    /// The parameter's shape.
    public var dims: [Int] {
        switch self {
        case .uniform(_, _, let dims), .normal(_, _, let dims), .xavier(let dims), .he(let dims), .zeros(let dims):
            return dims
        }
    }

    /// The name the block calls it by: `uniform`, `normal`, `xavier`, `he`, `zeros`.
    public var name: String {
        switch self {
        case .uniform: return "uniform"
        case .normal: return "normal"
        case .xavier: return "xavier"
        case .he: return "he"
        case .zeros: return "zeros"
        }
    }
}

/// `layers 2 -> 3 sigmoid -> 1`: layer sizes from the input features to the output, and the
/// activation after each layer.
public struct LayerSpec: Equatable, Sendable {
    public enum Activation: String, Sendable {
        case linear, sigmoid, tanh, relu
    }

    /// At least two: the number of input features, the hidden sizes, the output size.
    public var sizes: [Int]
    /// One per layer (`sizes.count - 1`): what follows its affine map; `.linear` is none.
    public var activations: [Activation]
    /// The first size, where the trainer reports a mismatch with the data's feature count.
    public var position: SourcePosition

    public init(sizes: [Int], activations: [Activation], position: SourcePosition) {
        self.sizes = sizes
        self.activations = activations
        self.position = position
    }
}

/// `train adam(lr: 0.01) epochs 500 batch 32 seed 1`.
public struct TrainSpec: Equatable, Sendable {
    public var optimizer: OptimizerSpec
    /// 1 through `BlockLanguage.maxEpochs`.
    public var epochs: Int
    /// Examples per step; nil for full-batch training.
    public var batch: Int?
    /// Seeds initializers, data sets and shuffling; 0 unless given.
    public var seed: UInt64
    /// The `train` keyword.
    public var position: SourcePosition

    public init(optimizer: OptimizerSpec, epochs: Int, batch: Int?, seed: UInt64, position: SourcePosition) {
        self.optimizer = optimizer
        self.epochs = epochs
        self.batch = batch
        self.seed = seed
        self.position = position
    }
}

/// `trace every 100` or `trace log 20`: which steps are recorded (the trainer defines the
/// schedules and the default; the first and last steps are always recorded).
public struct TraceSpec: Equatable, Sendable {
    public enum Schedule: Equatable, Sendable {
        /// Steps 0, N, 2N, ...
        case every(Int)
        /// About N steps spread evenly over the logarithm of the step number (the trainer's rule).
        case log(Int)
        /// Only the last step: for a model so big that a second traced step would double the
        /// page's weight; the charts still show every step.
        case last
    }

    public var schedule: Schedule
    /// The `trace` keyword.
    public var position: SourcePosition

    public init(schedule: Schedule, position: SourcePosition) {
        self.schedule = schedule
        self.position = position
    }
}
