import LessonModel

/// A block as a plain NumPy program that a student could have written: the data and the
/// starting weights as literals, `forward` with the block's equations in its own names,
/// `backward` written out by the chain rule node by node, and the training loop with the
/// block's optimizer. Every gradient is computed before any weight moves (textbook order).
package enum NumPyProgram {
    /// The program of a model block; `notebook`: as the lesson's notebook runs it, keeping the
    /// parameters' starting values for its PyTorch cell (`ModelCode.leaves`).
    package static func model(_ m: ModelCode, notebook: Bool = false) -> String {
        let graph = m.graph
        var w = PythonWriter()
        let backward = NumPyBackward(graph: graph, forward: ForwardExpressions(graph: graph, dialect: .numpy,
                                                                              named: m.named, keep: [], everyNode: false))
        // A node the backward pass reads gets a line of its own in the forward pass.
        let forward = ForwardExpressions(graph: graph, dialect: .numpy, named: m.named,
                                         keep: backward.reads.filter(graph.isOperation), everyNode: false)
        var namer = graph.namer
        let batchX = namer.claim("X_batch"), batchY = namer.claim("y_batch")
        let state = OptimizerCode(m.optimizer, schedule: m.schedule, parameters: m.parameters.map { graph.names[$0] }, namer: &namer)

        m.docstring(&w, framework: "NumPy", what: "The backward pass is written out by the chain rule, node by node, as on the page.")
        w.line("import numpy as np")
        w.blank()
        m.hyperparameters(&w, optimizer: state)
        m.dataSection(&w, open: "np.array(", torch: false)
        m.leaves(&w, torch: false, notebook: notebook)
        if !state.initialization.isEmpty {
            w.blank()
            w.comment(state.stateComment)
            for line in state.initialization { w.line(line) }
        }
        var helpers = usedHelpers(graph).union(backward.helpers)
        if graph.roles.indices.contains(where: { graph.dropout($0) != nil }) { helpers.insert("dropout_mask") }
        for definition in PythonHelpers.definitions(helpers) {
            w.blank(2)
            w.lines(definition)
        }

        // forward(X, y) returns what backward reads, and the loss.
        let returned = graph.roles.indices.filter { forward.materialized[$0] && backward.reads.contains($0) && $0 != graph.output }
            .map { graph.names[$0] } + [graph.names[graph.output]]
        w.blank(2)
        w.block("def forward(X, y):") { w in
            w.comment("The model's equations, as in the lesson.")
            writeForward(&w, graph: graph, forward: forward, model: m)
            w.sequence("return ", returned, "", bare: true)
        }
        let data = [m.x, m.y].filter { backward.reads.contains($0) }.map { graph.names[$0] }
        let arguments = data + returned.dropLast().filter { name in !data.contains(name) }
        let parameterGradients = m.parameters.map { graph.gradients[$0] }
        writeBackward(&w, arguments: arguments, from: "the loss back to the weights", backward: backward,
                      returns: parameterGradients)

        w.blank(2)
        m.trainingLoop(&w, batchNames: (batchX, batchY), torch: false, epochStart: state.epochStart) { w, epoch, x, y in
            let call = { (names: [String]) in names.map { $0 == m.xName ? x : $0 == m.yName ? y : $0 } }
            m.dropoutMasks(&w, step: epoch, torch: false)
            w.comment("Forward")
            w.sequence("", returned, " = forward(\(x), \(y))", bare: true)
            m.printLoss(&w, step: epoch, loss: "float(\(graph.names[graph.output]))")
            w.comment("Backward: every gradient, from the weights as they are now")
            w.sequence("", parameterGradients, " = backward(\(call(arguments).joined(separator: ", ")))", bare: true)
            w.comment("Update: only now do the weights move")
            for line in state.updates(gradients: parameterGradients, step: epoch) { w.line(line) }
        }
        return w.text
    }

    /// The program of a graph block: every node's value and gradient, printed.
    package static func graph(_ g: GraphCode) -> String {
        let graph = g.graph
        var w = PythonWriter()
        let forward = ForwardExpressions(graph: graph, dialect: .numpy, named: g.named, keep: [], everyNode: true)
        let backward = NumPyBackward(graph: graph, forward: forward)
        let leaves = graph.roles.indices.filter { !graph.isOperation($0) && graph.scalarConstant($0) == nil }
        let operations = graph.roles.indices.filter(graph.isOperation)
        let arguments = leaves.filter { graph.needsGradient[$0] }.map { graph.names[$0] }

        g.docstring(&w, framework: "NumPy", what: "The backward pass is written out by the chain rule, node by node, as on the page.")
        w.line("import numpy as np")
        w.blank()
        g.leaves(&w, open: "np.array(", gradientSuffix: "", scalar: { $0 })
        for definition in PythonHelpers.definitions(usedHelpers(graph).union(backward.helpers)) {
            w.blank(2)
            w.lines(definition)
        }
        if !operations.isEmpty {  // a graph of inputs alone has nothing to compute
            w.blank(2)
            w.sequence("def forward(", arguments, "):")
            w.indented { w in
                w.comment("Every node of the graph, in order.")
                for i in operations { w.line("\(graph.names[i]) = \(forward.expression(i).text)") }
                w.sequence("return ", operations.map { graph.names[$0] }, "", bare: true)
            }
        }
        let reads = graph.roles.indices.filter { backward.reads.contains($0) && graph.needsGradient[$0] }.map { graph.names[$0] }
        let gradients = graph.roles.indices.filter { graph.needsGradient[$0] }
        writeBackward(&w, arguments: reads, from: "\(graph.names[graph.output]) back to the inputs", backward: backward,
                      returns: gradients.map { graph.gradients[$0] })
        w.blank(2)
        w.block("def show(name, value, grad):") { w in
            w.comment("Row-major, every digit, as in the page's trace.")
            w.line("print(\"value\", name, *np.ravel(value).tolist())")
            w.line("print(\"grad\", name, *np.ravel(grad).tolist())")
        }
        w.blank(2)
        if !operations.isEmpty {
            w.sequence("", operations.map { graph.names[$0] }, " = forward(\(arguments.joined(separator: ", ")))", bare: true)
        }
        w.sequence("", gradients.map { graph.gradients[$0] }, " = backward(\(reads.joined(separator: ", ")))", bare: true)
        for i in gradients {
            w.line("show(\(PythonLiteral.string(graph.traceNames[i])), \(graph.names[i]), \(graph.gradients[i]))")
        }
        return w.text
    }

    /// The most numbers `graphOutput` writes: a notebook stores no output longer than a listing
    /// the page shows whole (64 KB), so a block with a huge literal is not written out for nothing.
    static let maxPrintedNumbers = 4000

    /// What `graph(_:)`'s program prints, written from the trace: the page's numbers, as Python
    /// prints them; nil when that would be more than `maxPrintedNumbers` numbers.
    package static func graphOutput(_ g: GraphCode) -> String? {
        let graph = g.graph
        let count = graph.roles.indices.filter { graph.needsGradient[$0] }.reduce(0) { $0 + 2 * (($1 < g.values.count) ? g.values[$1].count : 0) }
        guard count <= maxPrintedNumbers else { return nil }
        var out = ""
        for i in graph.roles.indices where graph.needsGradient[i] {
            let value = i < g.values.count ? g.values[i] : []
            let traced = i < g.gradients.count ? g.gradients[i] : []
            let grad = traced.count == value.count ? traced : Array(repeating: 0, count: value.count)
            out += (["value", graph.traceNames[i]] + value.map(PythonLiteral.repr)).joined(separator: " ") + "\n"
            out += (["grad", graph.traceNames[i]] + grad.map(PythonLiteral.repr)).joined(separator: " ") + "\n"
        }
        return out
    }

    /// What `model(_:)`'s program prints, written from the trace (the loss at each traced step);
    /// nil when the program shuffles its own batches and so prints other losses.
    package static func modelOutput(_ m: ModelCode) -> String? {
        guard m.data.isExact else { return nil }
        return zip(m.traced, m.losses).compactMap { step, loss in loss.map { "step \(step) loss \(PythonLiteral.repr($0))\n" } }.joined()
    }

    /// The forward lines of a model; a line computing the prediction's error says so.
    static func writeForward(_ w: inout PythonWriter, graph: CodeGraph, forward: ForwardExpressions, model: ModelCode) {
        for i in graph.roles.indices where graph.isOperation(i) && forward.materialized[i] {
            var comment: String?
            if case .operation(.subtract, let inputs, _) = graph.roles[i], Set(inputs) == [model.y, model.output], !model.named[i] {
                comment = "the error"
            }
            w.line("\(graph.names[i]) = \(forward.expression(i).text)", comment: comment)
        }
    }

    /// The helpers the forward pass calls.
    static func usedHelpers(_ graph: CodeGraph) -> Set<String> {
        var used: Set<String> = []
        for (i, role) in graph.roles.enumerated() {
            guard case .operation(let op, _, _) = role else { continue }
            switch op {
            case .conv2d, .maxPool, .avgPool:
                used.insert(WindowCode.helper(op, graph.window(i)))
            case .sigmoid, .relu, .softmax, .logSoftmax, .logsumexp, .bceLogits, .softmaxCrossEntropy, .layerNorm, .batchNorm:
                used.insert(op.rawValue)
            case .add, .subtract, .multiply, .divide, .negate, .matmul, .power, .exp, .log, .tanh, .sqrt, .abs, .sum,
                 .mean, .maximum, .minimum, .amax, .amin, .transpose, .greater, .less, .greaterEqual, .lessEqual, .equal,
                 .notEqual, .where, .clip, .reshape, .index, .concat, .embedding, .dropout: break
            }
        }
        return used
    }

    /// `def backward(arguments):` with the chain rule's lines, returning `returns`.
    private static func writeBackward(_ w: inout PythonWriter, arguments: [String], from path: String,
                                      backward: NumPyBackward, returns: [String]) {
        w.blank(2)
        w.sequence("def backward(", arguments, "):")
        w.indented { w in
            w.comment("The chain rule, one node at a time, from \(path):")
            w.comment("each line is what the node's users pass back to it.")
            for line in backward.lines { w.line(line.code, comment: line.comment) }
            w.sequence("return ", returns, "", bare: true)
        }
    }
}
