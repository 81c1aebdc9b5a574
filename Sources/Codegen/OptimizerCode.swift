import LessonModel

/// A block's optimizer in Python: its hyperparameters, NumPy's state and update lines (the
/// textbook formulas, equal to PyTorch's rules), the `torch.optim` call, and the learning-rate
/// schedule (NumPy's formula at the top of each epoch; PyTorch's `lr_scheduler`, stepped at the end).
struct OptimizerCode {
    let spec: OptimizerSpec
    let schedule: ScheduleSpec?
    /// `lr = 0.1`, `beta = 0.9`, ...: name, value, comment.
    let hyperparameters: [(name: String, value: String, comment: String)]
    /// NumPy's per-parameter state, zero at the start (`v_W1 = np.zeros_like(W1)`).
    let initialization: [String]
    let stateComment: String
    private let parameters: [String]
    private let first: [String], second: [String]

    init(_ spec: OptimizerSpec, schedule: ScheduleSpec?, parameters: [String], namer: inout PythonNames) {
        self.spec = spec
        self.schedule = schedule
        self.parameters = parameters
        let number = PythonLiteral.float
        var lines: [(name: String, value: String, comment: String)] = [("lr", number(spec.lr), "learning rate")]
        let comments = ["beta": "momentum", "beta1": "decay of the mean of the gradients",
                        "beta2": "decay of the mean of their squares", "eps": "keeps the division safe",
                        "alpha": "decay of the mean of the squared gradients",
                        "weight_decay": spec.name == "adamw" ? "shrinks the weights at every step" : "added to each gradient, times the weight"]
        for argument in spec.arguments.dropFirst() where argument.name != "weight_decay" || argument.value != 0 {
            lines.append((argument.name, number(argument.value), comments[argument.name] ?? ""))
        }
        switch schedule {
        case .step(let every, let gamma)?:
            lines += [("every", String(every), "epochs between cuts of the learning rate"), ("gamma", number(gamma), "each cut multiplies it by gamma")]
        case .exponential(let gamma)?:
            lines.append(("gamma", number(gamma), "the learning rate is multiplied by gamma every epoch"))
        case .cosine(let minimum)?:
            lines.append(("min_lr", number(minimum), "the learning rate at the end of the cosine"))
        case nil: break
        }
        hyperparameters = lines
        switch spec {
        case .sgd:
            first = []; second = []
            stateComment = ""
        case .momentum:
            first = parameters.map { namer.claim("v_" + $0) }
            second = []
            stateComment = "Momentum keeps a velocity per parameter, zero at the start."
        case .adam, .adamw:
            first = parameters.map { namer.claim("m_" + $0) }
            second = parameters.map { namer.claim("v_" + $0) }
            stateComment = "Adam keeps running means of each parameter's gradient and of its square, zero at the start."
        case .rmsprop:
            first = parameters.map { namer.claim("s_" + $0) }
            second = []
            stateComment = "RMSprop keeps a running mean of each parameter's squared gradient, zero at the start."
        }
        initialization = zip(parameters, first).map { "\($1) = np.zeros_like(\($0))" }
            + zip(parameters, second).map { "\($1) = np.zeros_like(\($0))" }
    }

    /// The learning rate's name in NumPy's update lines: `lr`, or the epoch's rate under a schedule.
    private var rate: String { schedule == nil ? "lr" : "lr_epoch" }

    /// NumPy's lines at the top of each epoch: the epoch's learning rate, if it has a schedule.
    var epochStart: [String] {
        switch schedule {
        case .step?: ["lr_epoch = lr * gamma ** (epoch // every)"]
        case .exponential?: ["lr_epoch = lr * gamma ** epoch"]
        case .cosine?: ["lr_epoch = min_lr + (lr - min_lr) * (1 + np.cos(np.pi * epoch / epochs)) / 2"]
        case nil: []
        }
    }

    /// NumPy's update lines after a step's gradients (`step` is the 0-based step's variable).
    func updates(gradients: [String], step: String) -> [String] {
        let lr = rate
        var lines: [String] = []
        if spec.weightDecay != 0, spec.name != "adamw" {
            lines += zip(parameters, gradients).map { "\($1) = \($1) + weight_decay * \($0)" }
        }
        switch spec {
        case .sgd:
            lines += zip(parameters, gradients).map { "\($0) -= \(lr) * \($1)" }
        case .momentum(_, _, let nesterov, _):
            lines += parameters.indices.flatMap { i in
                ["\(first[i]) = beta * \(first[i]) + \(gradients[i])",
                 nesterov ? "\(parameters[i]) -= \(lr) * (\(gradients[i]) + beta * \(first[i]))" : "\(parameters[i]) -= \(lr) * \(first[i])"]
            }
        case .adam, .adamw:
            lines.append("t = \(step) + 1  # Adam counts steps from 1")
            lines += parameters.indices.flatMap { i in
                let (p, g, m, v) = (parameters[i], gradients[i], first[i], second[i])
                let decay = spec.name == "adamw" && spec.weightDecay != 0 ? ["\(p) *= 1 - \(lr) * weight_decay"] : []
                return decay + ["\(m) = beta1 * \(m) + (1 - beta1) * \(g)",
                                "\(v) = beta2 * \(v) + (1 - beta2) * \(g) ** 2",
                                "\(p) -= \(lr) * (\(m) / (1 - beta1 ** t)) / (np.sqrt(\(v) / (1 - beta2 ** t)) + eps)"]
            }
        case .rmsprop:
            lines += parameters.indices.flatMap { i in
                let (p, g, s) = (parameters[i], gradients[i], first[i])
                return ["\(s) = alpha * \(s) + (1 - alpha) * \(g) ** 2", "\(p) -= \(lr) * \(g) / (np.sqrt(\(s)) + eps)"]
            }
        }
        return lines
    }

    /// `torch.optim.SGD([W1, W2], lr=lr)` and its kin: the same rules, by name.
    var torchOptimizer: String {
        let list = "[" + parameters.joined(separator: ", ") + "]"
        let decay = spec.weightDecay != 0 ? ", weight_decay=weight_decay" : ""
        switch spec {
        case .sgd: return "torch.optim.SGD(\(list), lr=lr\(decay))"
        case .momentum(_, _, let nesterov, _):
            return "torch.optim.SGD(\(list), lr=lr, momentum=beta\(nesterov ? ", nesterov=True" : "")\(decay))"
        case .adam: return "torch.optim.Adam(\(list), lr=lr, betas=(beta1, beta2), eps=eps\(decay))"
        case .adamw: return "torch.optim.AdamW(\(list), lr=lr, betas=(beta1, beta2), eps=eps, weight_decay=weight_decay)"
        case .rmsprop: return "torch.optim.RMSprop(\(list), lr=lr, alpha=alpha, eps=eps\(decay))"
        }
    }

    /// `scheduler = torch.optim.lr_scheduler.StepLR(...)`, if the block has a schedule.
    var torchScheduler: String? {
        let make = "scheduler = torch.optim.lr_scheduler."
        switch schedule {
        case .step?: return make + "StepLR(optimizer, step_size=every, gamma=gamma)"
        case .exponential?: return make + "ExponentialLR(optimizer, gamma=gamma)"
        case .cosine?: return make + "CosineAnnealingLR(optimizer, T_max=epochs, eta_min=min_lr)"
        case nil: return nil
        }
    }
}
