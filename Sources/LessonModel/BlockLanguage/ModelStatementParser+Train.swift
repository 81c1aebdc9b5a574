/// The `train` and `schedule` lines of a model block: the optimizer with its hyperparameters,
/// the epochs, batch and seed, and how the learning rate changes over the epochs.
extension BlockParser {

    mutating func parseTrain(_ keyword: Token) throws(SyntaxError) -> Statement {
        let errorsBefore = errors.count
        let optimizer = peek()
        guard optimizer.kind == .name, !Self.trainClauses.contains(text(optimizer)) else {
            throw expected("an optimizer after 'train' (\(OptimizerSpec.signatures.map(\.name).joined(separator: ", "))), "
                + "like 'sgd(lr: 0.1)'")
        }
        advance()
        let arguments = peekKind() == .leftParen ? try parseArguments() : nil
        var clauses: [String: NumberArgument] = [:]
        while !peek().isLineEnd {
            let clause = peek()
            let name = text(clause)
            guard clause.kind == .name, Self.trainClauses.contains(name) else { throw unknownClause(clause) }
            advance()
            let number = try parseNumberArgument("a number after '\(name)'")
            if clauses[name] != nil {
                errors.error(clause.position, "'\(name)' is given twice")
            } else {
                clauses[name] = number
            }
        }
        advance()
        let spec = trainSpec(keyword, optimizer, arguments, clauses)
        return .train(ModelLine(value: errors.count == errorsBefore ? spec : nil, position: keyword.position))
    }

    private static let trainClauses = ["epochs", "batch", "seed"]

    private mutating func trainSpec(_ keyword: Token, _ optimizer: Token, _ arguments: [CallArgument]?,
                                    _ clauses: [String: NumberArgument]) -> TrainSpec? {
        let spec = optimizerSpec(optimizer, arguments)
        let maxEpochs = BlockLanguage.maxEpochs
        var epochs: Int?
        if let given = clauses["epochs"] {
            epochs = given.whole(in: 1...maxEpochs)
            if epochs == nil {
                errors.error(given.position, "epochs must be a whole number from 1 to \(maxEpochs) (the limit), "
                    + "found \(Quote.text(given.text))")
            }
        } else {
            errors.error(keyword.position, "train needs a number of epochs, like 'train sgd(lr: 0.1) epochs 1000'")
        }
        var batch: Int?
        if let given = clauses["batch"] {
            batch = given.whole(in: 1...BlockLanguage.maxTensorElements)
            if batch == nil {
                errors.error(given.position, "batch must be a whole number from 1 to "
                    + "\(BlockLanguage.maxTensorElements), found \(Quote.text(given.text))")
            }
        }
        var seed: UInt64? = 0
        if let given = clauses["seed"] {
            seed = seedValue(given)
            if seed == nil {
                errors.error(given.position, "seed must be a whole number from 0 to \(UInt64.max), found \(Quote.text(given.text))")
            }
        }
        guard let spec, let epochs, let seed else { return nil }
        return TrainSpec(optimizer: spec, epochs: epochs, batch: batch, seed: seed, position: keyword.position)
    }

    private mutating func unknownClause(_ clause: Token) -> SyntaxError {
        var error = expected("'epochs', 'batch' or 'seed'")
        if clause.kind == .name, let near = Suggestions.closest(to: text(clause), among: Self.trainClauses) {
            error.message += "; did you mean '\(near)'?"
        }
        return error
    }

    /// Exact for every `UInt64` written in digits; otherwise the number must be whole and fit.
    private func seedValue(_ number: NumberArgument) -> UInt64? {
        if number.text.unicodeScalars.allSatisfy(Lexer.isDigit) { return UInt64(number.text) }
        return UInt64(exactly: number.value)
    }

    private mutating func optimizerSpec(_ token: Token, _ arguments: [CallArgument]?) -> OptimizerSpec? {
        let name = text(token)
        guard let signature = OptimizerSpec.signature(name) else {
            reportUnknown(token, kind: "optimizer", plural: "optimizers", among: OptimizerSpec.signatures.map(\.name))
            return nil
        }
        guard let given = namedNumbers(arguments ?? [], of: name, allowed: signature.arguments.map(\.name)) else { return nil }
        guard given["lr"] != nil else {
            errors.error(token.position, "\(name) needs a learning rate, like '\(signature.example)'")
            return nil
        }
        let errorsBefore = errors.count
        var values: [String: Double] = [:]
        for argument in signature.arguments {
            guard let number = given[argument.name] else { continue }
            if argument.range.contains(number.value) {
                values[argument.name] = number.value
            } else {
                errors.error(number.position, "\(argument.name) must be \(argument.range.words), found \(Quote.text(number.text))")
            }
        }
        guard errors.count == errorsBefore else { return nil }
        return OptimizerSpec.make(name, values: values)
    }

    // MARK: schedule

    mutating func parseSchedule(_ keyword: Token) throws(SyntaxError) -> Statement {
        let names = ScheduleSpec.signatures.map(\.name)
        let head = peek()
        guard head.kind == .name else {
            throw expected("a learning-rate schedule after 'schedule' (\(names.joined(separator: ", "))), like 'schedule cosine()'")
        }
        advance()
        let arguments = peekKind() == .leftParen ? try parseArguments() : nil
        try endStatement(after: "the schedule")
        let spec = scheduleSpec(head, arguments ?? [])
        return .schedule(ModelLine(value: spec, position: keyword.position))
    }

    private mutating func scheduleSpec(_ head: Token, _ arguments: [CallArgument]) -> ScheduleSpec? {
        let name = text(head)
        guard let signature = ScheduleSpec.signatures.first(where: { $0.name == name }) else {
            reportUnknown(head, kind: "schedule", plural: "schedules", among: ScheduleSpec.signatures.map(\.name))
            return nil
        }
        guard let given = namedNumbers(arguments, of: name, allowed: signature.arguments.map(\.name)) else { return nil }
        for argument in signature.arguments where argument.defaultValue == nil && given[argument.name] == nil {
            errors.error(head.position, "\(name) needs '\(argument.name)', like 'schedule \(signature.example)'")
            return nil
        }
        let errorsBefore = errors.count
        func value(_ label: String, _ range: OptimizerSpec.Range) -> Double {
            let fallback = signature.arguments.first { $0.name == label }?.defaultValue ?? .nan
            guard let number = given[label] else { return fallback }
            guard range.contains(number.value) else {
                errors.error(number.position, "\(label) must be \(range.words), found \(Quote.text(number.text))")
                return fallback
            }
            return number.value
        }
        let spec: ScheduleSpec
        switch name {
        case "step":
            var every = 1
            if let number = given["every"] {
                if let whole = number.whole(in: 1...BlockLanguage.maxEpochs) {
                    every = whole
                } else {
                    errors.error(number.position, "every must be a whole number of epochs from 1 to \(BlockLanguage.maxEpochs), "
                        + "found \(Quote.text(number.text))")
                }
            }
            spec = .step(every: every, gamma: value("gamma", .positive))
        case "exponential":
            spec = .exponential(gamma: value("gamma", .positive))
        default:
            spec = .cosine(minimum: value("min_lr", .nonNegative))
        }
        return errors.count == errorsBefore ? spec : nil
    }
}
