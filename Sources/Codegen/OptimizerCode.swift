import LessonModel

/// A block's optimizer in Python: its hyperparameters, NumPy's state and update lines (the
/// textbook formulas, equal to PyTorch's rules), and the `torch.optim` call.
struct OptimizerCode {
    let spec: OptimizerSpec
    /// `lr = 0.1`, `beta = 0.9`, ...: name, value, comment.
    let hyperparameters: [(name: String, value: String, comment: String)]
    /// NumPy's per-parameter state, zero at the start (`v_W1 = np.zeros_like(W1)`).
    let initialization: [String]
    let stateComment: String
    private let parameters: [String]
    private let first: [String], second: [String]

    init(_ spec: OptimizerSpec, parameters: [String], namer: inout PythonNames) {
        self.spec = spec
        self.parameters = parameters
        let number = PythonLiteral.float
        switch spec {
        case .sgd(let lr):
            hyperparameters = [("lr", number(lr), "learning rate")]
            first = []; second = []
            stateComment = ""
        case .momentum(let lr, let beta):
            hyperparameters = [("lr", number(lr), "learning rate"), ("beta", number(beta), "momentum")]
            first = parameters.map { namer.claim("v_" + $0) }
            second = []
            stateComment = "Momentum keeps a velocity per parameter, zero at the start."
        case .adam(let lr, let beta1, let beta2, let eps):
            hyperparameters = [("lr", number(lr), "learning rate"), ("beta1", number(beta1), "decay of the mean of the gradients"),
                               ("beta2", number(beta2), "decay of the mean of their squares"),
                               ("eps", number(eps), "keeps the division safe")]
            first = parameters.map { namer.claim("m_" + $0) }
            second = parameters.map { namer.claim("v_" + $0) }
            stateComment = "Adam keeps running means of each parameter's gradient and of its square, zero at the start."
        }
        initialization = zip(parameters, first).map { "\($1) = np.zeros_like(\($0))" }
            + zip(parameters, second).map { "\($1) = np.zeros_like(\($0))" }
    }

    /// NumPy's update lines after a step's gradients (`step` is the 0-based step's variable).
    func updates(gradients: [String], step: String) -> [String] {
        switch spec {
        case .sgd:
            return zip(parameters, gradients).map { "\($0) -= lr * \($1)" }
        case .momentum:
            return parameters.indices.flatMap { i in
                ["\(first[i]) = beta * \(first[i]) + \(gradients[i])", "\(parameters[i]) -= lr * \(first[i])"]
            }
        case .adam:
            return ["t = \(step) + 1  # Adam counts steps from 1"] + parameters.indices.flatMap { i in
                let (p, g, m, v) = (parameters[i], gradients[i], first[i], second[i])
                return ["\(m) = beta1 * \(m) + (1 - beta1) * \(g)",
                        "\(v) = beta2 * \(v) + (1 - beta2) * \(g) ** 2",
                        "\(p) -= lr * (\(m) / (1 - beta1 ** t)) / (np.sqrt(\(v) / (1 - beta2 ** t)) + eps)"]
            }
        }
    }

    /// `torch.optim.SGD([W1, W2], lr=lr)` and its kin: the same rules, by name.
    var torchOptimizer: String {
        let list = "[" + parameters.joined(separator: ", ") + "]"
        switch spec {
        case .sgd: return "torch.optim.SGD(\(list), lr=lr)"
        case .momentum: return "torch.optim.SGD(\(list), lr=lr, momentum=beta)"
        case .adam: return "torch.optim.Adam(\(list), lr=lr, betas=(beta1, beta2), eps=eps)"
        }
    }
}
