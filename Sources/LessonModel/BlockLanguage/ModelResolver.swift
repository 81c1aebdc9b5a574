/// Turns a model block's statements into a `ModelProgram`: checks that its lines fit together
/// (one data source, one train line, a `loss`), resolves the graph, and picks the prediction node.
enum ModelResolver {
    /// The program, or nil if there were errors (added to `errors`). `fence` is where errors
    /// about something missing from the whole block point.
    static func resolve(_ statements: [Statement], arena: ExpressionArena, fence: SourcePosition,
                        errors: inout BlockErrors) -> ModelProgram? {
        var lines = ModelLines()
        let kept = statements.filter { lines.keep($0, errors: &errors) }
        let context = context(lines, kept, fence: fence, errors: &errors)
        let resolver = GraphResolver.resolveModel(kept, arena: arena, context: context, errors: &errors)
        let nodes = resolver.nodes
        func node(named name: String) -> Int? {
            if case .node(let index) = resolver.bindings[name], nodes.indices.contains(index) { return index }
            return nil
        }
        if lines.train == nil {
            errors.error(fence, "a model block needs a train line, like 'train sgd(lr: 0.1) epochs 1000'")
        }
        let loss = node(named: "loss")
        switch resolver.bindings["loss"] {
        case nil:
            errors.error(lines.train?.position ?? fence, "a model needs a node named 'loss' to minimize")
        case .node(let index) where nodes.indices.contains(index):
            if case .operation = nodes[index].kind { break }
            errors.error(nodes[index].position, "'loss' must be computed from the model's prediction and the targets, "
                + "like 'loss = mean((out - y)^2)'")
        default:
            break
        }
        if lines.data == nil, let x = node(named: "X"), let y = node(named: "y"),
           case .input(let inputs) = nodes[x].kind, case .input(let targets) = nodes[y].kind,
           let rows = inputs.dims.first, let targetRows = targets.dims.first, rows != targetRows {
            errors.error(nodes[y].position, "y has \(targetRows) row" + (targetRows == 1 ? "" : "s")
                + " but X has \(rows); give one row of targets per example")
        }
        guard !errors.diagnostics.hasErrors, let loss, let train = lines.train?.value else { return nil }
        let data: DataSource
        if let given = lines.data {
            guard let source = given.source else { return nil }
            data = source
        } else {
            data = .literals
        }
        // The teacher's groups, if any, replace the automatic ones (one node, one group).
        let groups = resolver.groups.isEmpty ? DenseLayers.groups(in: nodes) : resolver.groups
        return ModelProgram(graph: GraphProgram(nodes: nodes, output: loss, groups: groups), data: data, split: lines.split?.value,
                            layers: lines.layers?.spec, expansion: lines.layers?.expansion ?? [], train: train,
                            schedule: lines.schedule?.value, trace: lines.trace?.value, loss: loss,
                            output: node(named: "out") ?? prediction(nodes, loss: loss, x: node(named: "X"), y: node(named: "y")))
    }

    /// The first line of each kind; a second one is reported and dropped.
    private struct ModelLines {
        var data: DataStatement?
        var split: ModelLine<Double>?
        var layers: LayersStatement?
        var train: ModelLine<TrainSpec>?
        var schedule: ModelLine<ScheduleSpec>?
        var trace: ModelLine<TraceSpec>?

        mutating func keep(_ statement: Statement, errors: inout BlockErrors) -> Bool {
            func once(_ keyword: String, _ first: SourcePosition?, _ position: SourcePosition) -> Bool {
                guard let first else { return true }
                errors.error(position, "a model block has one '\(keyword)' line; the first is on line \(first.line)")
                return false
            }
            switch statement {
            case .data(let line):
                guard once("data", data?.position, line.position) else { return false }
                data = line
            case .split(let line):
                guard once("split", split?.position, line.position) else { return false }
                split = line
            case .layers(let line):
                guard once("layers", layers?.position, line.position) else { return false }
                layers = line
            case .train(let line):
                guard once("train", train?.position, line.position) else { return false }
                train = line
            case .schedule(let line):
                guard once("schedule", schedule?.position, line.position) else { return false }
                schedule = line
            case .trace(let line):
                guard once("trace", trace?.position, line.position) else { return false }
                trace = line
            case .assignment, .broken, .group, .descent:
                break
            }
            return true
        }
    }

    /// Which names the data and layers lines define, and which data is missing (reported here).
    private static func context(_ lines: ModelLines, _ statements: [Statement], fence: SourcePosition,
                                errors: inout BlockErrors) -> GraphResolver.ModelContext {
        var context = GraphResolver.ModelContext()
        if let data = lines.data {
            for name in ["X", "y"] { context.definedBy[name] = "the data line on line \(data.position.line)" }
        } else {
            context.literalData = true
            var given: [String: SourcePosition] = [:]
            for statement in statements {
                switch statement {
                case .assignment(let a) where a.isAssignable && (a.name == "X" || a.name == "y"):
                    if given[a.name] == nil { given[a.name] = a.namePosition }
                case .broken(let name, let position) where name == "X" || name == "y":
                    if given[name] == nil { given[name] = position }
                default: break
                }
            }
            switch (given["X"], given["y"]) {
            case (nil, nil):
                errors.error(lines.train?.position ?? fence,
                             "a model needs data: add a line like 'data xor', or give X and y as literals")
                context.missing = ["X", "y"]
            case (nil, let y?):
                errors.error(y, "'y' is given but 'X' is not; add the inputs, one row per example, like "
                    + "'X = [[0, 0], [0, 1], [1, 0], [1, 1]]', or use a data line")
                context.missing = ["X"]
            case (let x?, nil):
                errors.error(x, "'X' is given but 'y' is not; add the targets, one row per example, like "
                    + "'y = [[0], [1], [1], [0]]', or use a data line")
                context.missing = ["y"]
            default:
                break
            }
        }
        if let layers = lines.layers {
            if layers.spec == nil {
                context.hasBrokenLayers = true
            } else {
                for a in layers.assignments { context.definedBy[a.name] = "the layers line on line \(layers.position.line)" }
            }
        }
        return context
    }

    /// The prediction when no node is named `out`: the last node before `loss` computed from `X`
    /// and not from `y` (what the loss compares with the targets); else `loss` itself.
    private static func prediction(_ nodes: [ProgramNode], loss: Int, x: Int?, y: Int?) -> Int {
        var fromX = [Bool](repeating: false, count: nodes.count)
        var fromY = fromX
        var best: Int?
        for (i, node) in nodes.enumerated() where i < loss {
            fromX[i] = i == x
            fromY[i] = i == y
            if case .operation(_, let inputs, _) = node.kind {
                for input in inputs where input >= 0 && input < i {
                    fromX[i] = fromX[i] || fromX[input]
                    fromY[i] = fromY[i] || fromY[input]
                }
                if fromX[i] && !fromY[i] { best = i }
            }
        }
        return best ?? loss
    }
}
