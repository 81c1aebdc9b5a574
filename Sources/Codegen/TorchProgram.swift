/// A block as a PyTorch program: the same data, starting values and equations, with autograd
/// doing the backward pass (`requires_grad`, `loss.backward()`) and `torch.optim` the updates,
/// all in float64.
package enum TorchProgram {
    /// The program of a model block; `notebook`: as the lesson's notebook runs it, after the NumPy
    /// cells, whose data and starting values it takes (`ModelCode.leaves`).
    package static func model(_ m: ModelCode, notebook: Bool = false) -> String {
        let graph = m.graph
        var w = PythonWriter()
        var namer = graph.namer
        let batchX = namer.claim("X_batch"), batchY = namer.claim("y_batch")
        let optimizer = OptimizerCode(m.optimizer, schedule: m.schedule, parameters: m.parameters.map { graph.names[$0] }, namer: &namer)
        let forward = ForwardExpressions(graph: graph, dialect: .torch, named: m.named, keep: [], everyNode: false)

        m.docstring(&w, framework: "PyTorch", what: "Autograd computes the gradients; torch.optim moves the weights.")
        let dropout = graph.roles.indices.contains { graph.dropout($0) != nil }
        imports(&w, graph: graph, numpy: m.data.csv != nil || m.data.orders != nil || !m.parameterFiles.isEmpty || dropout,
                why: dropout ? "for np.loadtxt and the dropout masks" : nil)
        m.hyperparameters(&w, optimizer: optimizer)
        m.dataSection(&w, open: "torch.tensor(", torch: true, notebook: notebook)
        m.leaves(&w, torch: true, notebook: notebook)
        if dropout {
            for definition in PythonHelpers.definitions(["dropout_mask"]) {
                w.blank(2)
                w.lines(definition)
            }
        }
        w.blank(2)
        w.block("def forward(X, y):") { w in
            w.comment("The model's equations, as in the lesson.")
            NumPyProgram.writeForward(&w, graph: graph, forward: forward, model: m)
            w.line("return " + graph.names[graph.output])
        }
        w.blank(2)
        w.line("optimizer = " + optimizer.torchOptimizer)
        if let scheduler = optimizer.torchScheduler { w.line(scheduler, comment: "changes lr once per epoch") }
        w.blank()
        m.trainingLoop(&w, batchNames: (batchX, batchY), torch: true,
                       epochEnd: optimizer.torchScheduler == nil ? [] : ["scheduler.step()"]) { w, step, x, y in
            m.dropoutMasks(&w, step: step, torch: true)
            w.line("\(graph.names[graph.output]) = forward(\(x), \(y))")
            m.printLoss(&w, step: step, loss: "\(graph.names[graph.output]).item()")
            w.line("optimizer.zero_grad()")
            w.line("\(graph.names[graph.output]).backward()", comment: "autograd: every gradient, by the chain rule")
            w.line("optimizer.step()")
        }
        return w.text
    }

    /// The program of a graph block: every node's value and gradient, printed; `notebook`: as the
    /// lesson's notebook runs it, after the NumPy cells, whose arrays it takes (`GraphCode.leavesFromNumPy`).
    package static func graph(_ g: GraphCode, notebook: Bool = false) -> String {
        let graph = g.graph
        var w = PythonWriter()
        let forward = ForwardExpressions(graph: graph, dialect: .torch, named: g.named, keep: [], everyNode: true)
        let leaves = graph.roles.indices.filter { graph.roles[$0] == .input || graph.roles[$0] == .parameter }
        let operations = graph.roles.indices.filter(graph.isOperation)
        // Nodes computed from constants alone are plain numbers: autograd has no gradient for them.
        let tracked = graph.roles.indices.filter { graph.needsGradient[$0] && !graph.constantOnly[$0] }
        let output = graph.names[graph.output]

        g.docstring(&w, framework: "PyTorch", what: "Autograd computes the gradients.")
        imports(&w, graph: graph, numpy: false)
        if notebook {
            g.leavesFromNumPy(&w)
        } else {
            g.leaves(&w, open: "torch.tensor(", gradientSuffix: ", requires_grad=True",
                     scalar: { "torch.tensor(\($0), requires_grad=True)" })
        }
        w.blank(2)
        if !operations.isEmpty {  // a graph of inputs alone has nothing to compute
            w.sequence("def forward(", leaves.map { graph.names[$0] }, "):")
            w.indented { w in
                w.comment("Every node of the graph, in order.")
                for i in operations { w.line("\(graph.names[i]) = \(forward.expression(i).text)") }
                w.sequence("return ", operations.map { graph.names[$0] }, "", bare: true)
            }
            w.blank(2)
            w.sequence("", operations.map { graph.names[$0] }, " = forward(\(leaves.map { graph.names[$0] }.joined(separator: ", ")))",
                       bare: true)
        }
        let intermediate = tracked.filter(graph.isOperation).map { graph.names[$0] }
        if !intermediate.isEmpty {
            w.sequence("for node in (", intermediate, (intermediate.count == 1 ? "," : "") + "):")
            w.indented { w in w.line("node.retain_grad()", comment: "keep the gradients of intermediate nodes too") }
        }
        if graph.constantOnly[graph.output] {
            w.comment("\(output) is computed from constants alone: there is nothing to differentiate.")
        } else if graph.shapes[graph.output].isEmpty {
            w.line("\(output).backward()", comment: "autograd: every gradient, from \(output) back")
        } else {
            w.line("\(output).backward(torch.ones_like(\(output)))", comment: "the gradient of the sum of \(output)'s entries")
        }
        w.blank()
        let pairs = tracked.map { "(\(PythonLiteral.string(graph.traceNames[$0])), \(graph.names[$0]))" }
        w.lines(PythonLiteral.wrapped(pairs, first: "for name, node in [", indent: 20, last: "]:"))
        w.indented { w in
            var grad = "node.grad"
            // A comparison passes nothing back, so what feeds only masks gets no gradient either.
            let masks = graph.roles.contains { if case .operation(let op, _, _) = $0 { op.isComparison || op == .embedding } else { false } }
            if masks || tracked.contains(where: { !graph.reachesOutput[$0] }) {
                w.line("grad = node.grad if node.grad is not None else torch.zeros_like(node)",
                       comment: masks ? (graph.roles.contains { if case .operation(.embedding, _, _) = $0 { true } else { false } }
                                          ? "no gradient to ids or through a comparison: zero" : "no gradient through a comparison: zero")
                         : "no path to \(output): zero")
                grad = "grad"
            }
            w.line("print(\"value\", name, *node.detach().reshape(-1).tolist())")
            w.line("print(\"grad\", name, *\(grad).reshape(-1).tolist())")
        }
        return w.text
    }

    private static func imports(_ w: inout PythonWriter, graph: CodeGraph, numpy: Bool, why: String? = nil) {
        if numpy { w.line("import numpy as np", comment: why ?? "only for np.loadtxt") }
        w.line("import torch")
        let losses = graph.roles.contains {
            if case .operation(let op, _, _) = $0 { return op.isLoss || [.layerNorm, .batchNorm, .conv2d, .maxPool, .avgPool].contains(op) }
            return false
        }
        if losses { w.line("import torch.nn.functional as F") }
        w.blank()
        w.line("torch.set_default_dtype(torch.float64)", comment: "float64 everywhere, as the lesson computes")
        w.blank()
    }
}
