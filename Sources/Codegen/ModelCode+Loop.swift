/// The training loop both model programs share: epochs (and batches in the lesson's order), and
/// the loss printed at exactly the steps the page traces.
extension ModelCode {
    /// The loop over epochs (and batches), calling `body` with the step's variable and the
    /// expressions of its inputs and targets; `epochStart` and `epochEnd` lines open and close
    /// each epoch (a learning-rate schedule's).
    func trainingLoop(_ w: inout PythonWriter, batchNames: (String, String), torch: Bool,
                      epochStart: [String] = [], epochEnd: [String] = [],
                      body: (inout PythonWriter, String, String, String) -> Void) {
        if case .set(let steps) = traceTest, steps.count > 8 {
            w.lines(PythonLiteral.wrapped(steps.map(String.init), first: "traced = {", indent: 11, last: "}"))
            w.blank()
        }
        guard data.batch != nil else {
            w.comment("Training: one step per epoch, on all the examples")
            w.block("for epoch in range(epochs):") { w in
                for line in epochStart { w.line(line) }
                body(&w, "epoch", xName, yName)
                for line in epochEnd { w.line(line) }
            }
            return
        }
        w.comment("Training: one step per batch")
        if let orders = data.orders {
            let load = "np.loadtxt(\(PythonLiteral.string(orders.name)), delimiter=\",\", dtype=int, ndmin=2)"
            w.comment("The lesson's shuffle: the order of the examples in each epoch, one row per epoch.")
            w.line("orders = " + (torch ? "torch.from_numpy(\(load))" : load))
        } else if torch {
            w.line("torch.manual_seed(\(seed))")
        } else {
            w.line("rng = np.random.default_rng(\(seed))")
        }
        w.line("steps = epochs * (len(\(xName)) // batch)", comment: "a last partial batch is dropped")
        w.line("step = 0")
        w.block("for epoch in range(epochs):") { w in
            for line in epochStart { w.line(line) }
            if data.orders != nil {
                w.line("order = orders[epoch]")
            } else {
                w.line("order = " + (torch ? "torch.randperm(len(\(xName)))" : "rng.permutation(len(\(xName)))"))
            }
            w.block("for start in range(0, len(\(xName)) - batch + 1, batch):") { w in
                w.line("rows = order[start:start + batch]")
                w.line("\(batchNames.0), \(batchNames.1) = \(xName)[rows], \(yName)[rows]")
                body(&w, "step", batchNames.0, batchNames.1)
                w.line("step += 1")
            }
            for line in epochEnd { w.line(line) }
        }
    }

    /// Each dropout's mask for the step `step` names, drawn as the engine draws it (seed + step).
    func dropoutMasks(_ w: inout PythonWriter, step: String, torch: Bool) {
        let nodes = graph.roles.indices.filter { graph.dropout($0) != nil }
        guard !nodes.isEmpty else { return }
        w.comment("Dropout: a new mask every step, from the lesson's seed plus the step")
        for i in nodes {
            guard let d = graph.dropout(i) else { continue }
            let call = "dropout_mask(\(ForwardExpressions.tuple(graph.shapes[i])), \(PythonLiteral.number(d.p)), \(d.seed) + \(step))"
            w.line("\(graph.masks[i]) = " + (torch ? "torch.from_numpy(\(call))" : call))
        }
    }

    /// Which steps print their loss: all, every k-th (and the last), or a list.
    enum TraceTest: Equatable {
        case every
        case modulo(Int, withLast: Bool)
        case set([Int])
    }

    var traceTest: TraceTest {
        let total = totalSteps
        guard traced != Array(0..<total) else { return .every }
        if traced.count >= 2, traced[0] == 0, traced[1] > 0 {
            let k = traced[1]
            var regular = Array(stride(from: 0, to: total, by: k))
            if regular.last != total - 1 { regular.append(total - 1) }
            if regular == traced { return .modulo(k, withLast: (total - 1) % k != 0) }
        }
        return .set(traced)
    }

    /// `if epoch % 5000 == 0 or epoch == epochs - 1: print(...)`: the traced steps.
    func printLoss(_ w: inout PythonWriter, step v: String, loss: String) {
        let print = "print(f\"step {\(v)} loss {\(loss)}\")"
        let last = data.batch == nil ? "epochs - 1" : "steps - 1"
        let test: String
        switch traceTest {
        case .every:
            w.line(print)
            return
        case .modulo(let k, let withLast):
            test = "\(v) % \(k) == 0" + (withLast ? " or \(v) == \(last)" : "")
        case .set(let steps):
            test = steps.count > 8 ? "\(v) in traced" : "\(v) in {" + steps.map(String.init).joined(separator: ", ") + "}"
        }
        w.block("if \(test):") { w in w.line(print) }
    }
}
