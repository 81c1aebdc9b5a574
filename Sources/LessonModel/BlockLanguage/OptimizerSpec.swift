/// An optimizer with its hyperparameters, as a lesson writes it (`adam(lr: 0.01)`), defaults
/// filled in. The update rules are PyTorch's (`torch.optim`), so every number can be checked
/// against it; weight decay is PyTorch's too: added to the gradient (L2), except in AdamW,
/// where it shrinks the weights directly (decoupled).
public enum OptimizerSpec: Equatable, Sendable {
    /// p −= lr · g (torch.optim.SGD).
    case sgd(lr: Double, weightDecay: Double = 0)
    /// v = β · v + g; p −= lr · v, or p −= lr · (g + β · v) with Nesterov (torch.optim.SGD with
    /// momentum β, no dampening).
    case momentum(lr: Double, beta: Double = 0.9, nesterov: Bool = false, weightDecay: Double = 0)
    /// Adam with bias correction (torch.optim.Adam).
    case adam(lr: Double, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, weightDecay: Double = 0)
    /// Adam with decoupled weight decay: p −= lr · wd · p before the Adam step (torch.optim.AdamW).
    case adamw(lr: Double, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, weightDecay: Double = 0.01)
    /// v = α · v + (1 − α) · g²; p −= lr · g / (√v + ε) (torch.optim.RMSprop, not centered).
    case rmsprop(lr: Double, alpha: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0)

    /// The name a lesson writes: sgd, momentum, nesterov, adam, adamw or rmsprop.
    public var name: String {
        switch self {
        case .sgd: "sgd"
        case .momentum(_, _, let nesterov, _): nesterov ? "nesterov" : "momentum"
        case .adam: "adam"
        case .adamw: "adamw"
        case .rmsprop: "rmsprop"
        }
    }

    /// Every argument with its value, in the signature's order (`lr` first).
    public var arguments: [(name: String, value: Double)] {
        switch self {
        case .sgd(let lr, let wd): [("lr", lr), ("weight_decay", wd)]
        case .momentum(let lr, let beta, _, let wd): [("lr", lr), ("beta", beta), ("weight_decay", wd)]
        case .adam(let lr, let b1, let b2, let eps, let wd), .adamw(let lr, let b1, let b2, let eps, let wd):
            [("lr", lr), ("beta1", b1), ("beta2", b2), ("eps", eps), ("weight_decay", wd)]
        case .rmsprop(let lr, let alpha, let eps, let wd): [("lr", lr), ("alpha", alpha), ("eps", eps), ("weight_decay", wd)]
        }
    }

    /// The learning rate (read straight from the case: `arguments` builds an array, and
    /// optimizers read this every step).
    public var lr: Double {
        switch self {
        case .sgd(let lr, _), .momentum(let lr, _, _, _), .adam(let lr, _, _, _, _), .adamw(let lr, _, _, _, _),
             .rmsprop(let lr, _, _, _): lr
        }
    }

    /// The weight decay (0 for none).
    public var weightDecay: Double {
        switch self {
        case .sgd(_, let wd), .momentum(_, _, _, let wd), .adam(_, _, _, _, let wd), .adamw(_, _, _, _, let wd),
             .rmsprop(_, _, _, let wd): wd
        }
    }

    /// The arguments that differ from their defaults (lr always), as `name: value` pairs.
    public var nonDefaultArguments: [(name: String, value: Double)] {
        let signature = Self.signature(name)
        return arguments.filter { argument in
            argument.name == "lr" || signature?.arguments.first(where: { $0.name == argument.name })?.defaultValue != argument.value
        }
    }

    // MARK: signatures

    /// What values an argument accepts.
    public enum Range: Sendable {
        /// Greater than 0 (learning rates, ε).
        case positive
        /// At least 0 (weight decay).
        case nonNegative
        /// At least 0 and below 1 (the β's, α).
        case fraction
        /// Above 0 and below 1 (Nesterov's β: PyTorch refuses 0).
        case openFraction

        /// True when `value` is in the range.
        public func contains(_ value: Double) -> Bool {
            switch self {
            case .positive: value > 0
            case .nonNegative: value >= 0
            case .fraction: value >= 0 && value < 1
            case .openFraction: value > 0 && value < 1
            }
        }

        /// The range in words, to finish "beta must be ...".
        public var words: String {
            switch self {
            case .positive: "a positive number"
            case .nonNegative: "a number that is at least 0"
            case .fraction: "at least 0 and less than 1"
            case .openFraction: "greater than 0 and less than 1"
            }
        }
    }

    /// One argument of an optimizer: its name, its default (nil: required) and its range.
    public struct Argument: Sendable {
        public var name: String
        public var defaultValue: Double?
        public var range: Range
    }

    /// One optimizer as a lesson calls it.
    public struct Signature: Sendable {
        public var name: String
        public var arguments: [Argument]
        /// A call to show in messages, like `sgd(lr: 0.1)`.
        public var example: String
    }

    private static let lr = Argument(name: "lr", defaultValue: nil, range: .positive)
    private static func decay(_ value: Double) -> Argument { Argument(name: "weight_decay", defaultValue: value, range: .nonNegative) }
    private static let adamArguments = [lr, Argument(name: "beta1", defaultValue: 0.9, range: .fraction),
                                        Argument(name: "beta2", defaultValue: 0.999, range: .fraction),
                                        Argument(name: "eps", defaultValue: 1e-8, range: .positive)]

    /// Every optimizer a `train` line can name, with its arguments and their defaults (PyTorch's).
    public static let signatures: [Signature] = [
        Signature(name: "sgd", arguments: [lr, decay(0)], example: "sgd(lr: 0.1)"),
        Signature(name: "momentum", arguments: [lr, Argument(name: "beta", defaultValue: 0.9, range: .fraction), decay(0)],
                  example: "momentum(lr: 0.1, beta: 0.9)"),
        Signature(name: "nesterov", arguments: [lr, Argument(name: "beta", defaultValue: 0.9, range: .openFraction), decay(0)],
                  example: "nesterov(lr: 0.1, beta: 0.9)"),
        Signature(name: "adam", arguments: adamArguments + [decay(0)], example: "adam(lr: 0.01)"),
        Signature(name: "adamw", arguments: adamArguments + [decay(0.01)], example: "adamw(lr: 0.01, weight_decay: 0.01)"),
        Signature(name: "rmsprop", arguments: [lr, Argument(name: "alpha", defaultValue: 0.99, range: .fraction),
                                               Argument(name: "eps", defaultValue: 1e-8, range: .positive), decay(0)],
                  example: "rmsprop(lr: 0.01)"),
    ]

    /// The signature of the optimizer called `name`, if there is one.
    public static func signature(_ name: String) -> Signature? {
        signatures.first { $0.name == name }
    }

    /// The optimizer `name` with `values` for its arguments; missing ones take their defaults.
    /// Nil for an unknown name or a missing required argument (callers check ranges first).
    public static func make(_ name: String, values: [String: Double]) -> OptimizerSpec? {
        guard let signature = signature(name) else { return nil }
        var filled: [String: Double] = [:]
        for argument in signature.arguments {
            guard let value = values[argument.name] ?? argument.defaultValue else { return nil }
            filled[argument.name] = value
        }
        let v = { (key: String) in filled[key] ?? .nan }
        switch name {
        case "sgd": return .sgd(lr: v("lr"), weightDecay: v("weight_decay"))
        case "momentum", "nesterov":
            return .momentum(lr: v("lr"), beta: v("beta"), nesterov: name == "nesterov", weightDecay: v("weight_decay"))
        case "adam": return .adam(lr: v("lr"), beta1: v("beta1"), beta2: v("beta2"), eps: v("eps"), weightDecay: v("weight_decay"))
        case "adamw": return .adamw(lr: v("lr"), beta1: v("beta1"), beta2: v("beta2"), eps: v("eps"), weightDecay: v("weight_decay"))
        default: return .rmsprop(lr: v("lr"), alpha: v("alpha"), eps: v("eps"), weightDecay: v("weight_decay"))
        }
    }
}
