/// Random well-formed blocks, so the fuzzer also reaches what comes after parsing: shapes,
/// the engine, NaN and gradient checks, training, and drawing. Mutations of valid seeds mostly
/// end in syntax errors; these mostly parse, and many run.
enum Generator {
    static func graph(_ random: inout FuzzRandom) -> [UInt8] {
        var lines: [String] = []
        var names: [String] = []
        for k in 0..<(1 + random.below(4)) {
            let name = "x\(k)"
            lines.append((random.oneIn(3) ? "param " : "") + "\(name) = \(literal(&random))")
            names.append(name)
        }
        for k in 0..<(1 + random.below(8)) {
            let name = "y\(k)"
            lines.append("\(name) = \(expression(&random, names, depth: 3))")
            names.append(name)
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    static func model(_ random: inout FuzzRandom) -> [UInt8] {
        let data = random.pick(["data xor", "data and", "data moons(n: \(4 + random.below(60)), noise: 0.1)",
                                "data circles(n: \(4 + random.below(40)))", "data spiral(n: \(6 + random.below(40)), classes: \(1 + random.below(4)))",
                                "data line(n: \(2 + random.below(30)))", "data sine(n: \(2 + random.below(30)), noise: 0)"])
        var lines = [data]
        if random.oneIn(3) { lines.append("split \(random.pick(["0.25", "0.5", "0.01", "0.99"]))") }
        let inputs = data.hasPrefix("data line") || data.hasPrefix("data sine") ? 1 : 2
        let outputs = data.contains("classes") && random.oneIn(2) ? data.split(separator: " ").last.map { String($0.prefix { $0.isNumber }) } ?? "1" : "1"
        var sizes = [String(inputs)]
        for _ in 0..<random.below(3) { sizes.append("\(1 + random.below(8)) \(random.pick(["tanh", "relu", "sigmoid", ""]))") }
        sizes.append(outputs)
        lines.append("layers " + sizes.joined(separator: " -> "))
        lines.append("loss = " + random.pick(["mean((out - y)^2)", "mean(bce_logits(out, y))", "mean(softmax_cross_entropy(out, y))",
                                              "sum(relu(out) - y)", "mean(log(out))", "mean(exp(out * 100))"]))
        let optimizer = random.pick(["sgd(lr: \(random.pick(["0.1", "1", "10", "1e300", "0"])))", "momentum(lr: 0.1, beta: 0.9)",
                                     "adam(lr: 0.01)", "adam(lr: 0.1, beta1: 0.5, beta2: 0.9, eps: 1e-8)"])
        var train = "train \(optimizer) epochs \(1 + random.below(40))"
        if random.oneIn(2) { train += " batch \(1 + random.below(10))" }
        if random.oneIn(2) { train += " seed \(random.below(5))" }
        lines.append(train)
        if random.oneIn(2) { lines.append(random.pick(["trace every \(1 + random.below(5))", "trace log \(2 + random.below(5))"])) }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    private static func number(_ random: inout FuzzRandom) -> String {
        random.oneIn(8) ? random.pick(["1e308", "-1e308", "1e-320", "0", "-0", "1e-8", "709", "710"])
            : String(Double(random.below(2001) - 1000) / 100)
    }

    private static func literal(_ random: inout FuzzRandom) -> String {
        switch random.below(3) {
        case 0: return number(&random)
        case 1: return "[" + (0..<(1 + random.below(4))).map { _ in number(&random) }.joined(separator: ", ") + "]"
        default:
            let columns = 1 + random.below(3)
            return "[" + (0..<(1 + random.below(3))).map { _ in
                "[" + (0..<columns).map { _ in number(&random) }.joined(separator: ", ") + "]"
            }.joined(separator: ", ") + "]"
        }
    }

    private static func expression(_ random: inout FuzzRandom, _ names: [String], depth: Int) -> String {
        if depth == 0 || random.oneIn(4) { return random.oneIn(4) ? number(&random) : random.pick(names) }
        let a = expression(&random, names, depth: depth - 1)
        switch random.below(6) {
        case 0, 1: return "(\(a) \(random.pick(["+", "-", "*", "/", "@"])) \(expression(&random, names, depth: depth - 1)))"
        case 2: return "\(random.pick(["exp", "log", "sigmoid", "tanh", "relu", "sum", "mean", "transpose"]))(\(a))"
        case 3: return "max(\(a), \(expression(&random, names, depth: depth - 1)))"
        case 4: return "\(a)^\(random.pick(["2", "0.5", "-1", "3", "0"]))"
        default: return "-\(a)"
        }
    }
}
