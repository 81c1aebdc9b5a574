import Autodiff
import LessonModel
import Training

/// `lessons check`: everything `build` verifies about blocks except running them — syntax,
/// names, data files, shapes (by compiling the plan) and quoted results — in milliseconds.
enum BlockChecker {
    static func check(_ lesson: Lesson, data: DataResolver, diagnostics: inout Diagnostics) {
        var nodes: [String: (names: Set<String>, isModel: Bool)] = [:]
        for (block, stem) in BlockNaming.stems(lesson, diagnostics: &diagnostics) {
            let program: GraphProgram?
            switch block.kind {
            case .graph:
                let (parsed, found) = BlockLanguage.parseGraph(block, path: lesson.path)
                found.forEach { diagnostics.append($0) }
                program = parsed
                if let parsed {
                    switch GraphCompiler.compile(parsed, path: lesson.path) {
                    case .failure(let d): diagnostics.append(d)
                    case .success(let compiled):
                        if let d = GraphRunner.workDiagnostic(parsed, compiled: compiled, path: lesson.path) { diagnostics.append(d) }
                    }
                }
            case .compare:
                continue  // checked when the models it names have run
            case .model:
                let (parsed, found) = BlockLanguage.parseModel(block, path: lesson.path)
                found.forEach { diagnostics.append($0) }
                program = parsed?.graph
                if let parsed, let dataset = data.dataset(for: parsed, lesson: lesson, diagnostics: &diagnostics) {
                    checkShapes(parsed, dataset: dataset, path: lesson.path, diagnostics: &diagnostics)
                }
            }
            if let program { nodes[block.name ?? stem] = (Set(program.nodes.map(\.name)), block.kind == .model) }
        }
        checkReferences(lesson, nodes: nodes, diagnostics: &diagnostics)
    }

    /// Compiles a model's graph with its real data shapes (one batch of rows) and zero-filled
    /// parameters, and checks the work of training it against the budget.
    private static func checkShapes(_ model: ModelProgram, dataset: Dataset, path: String, diagnostics: inout Diagnostics) {
        let model = ModelRunner.withDataNodes(model)
        var rng = SeededRandom(seed: 0)
        let batch = ModelRunner.batching(model, data: dataset)?.batch ?? dataset.count
        let X = ModelRunner.rows(dataset.X, count: batch), y = ModelRunner.rows(dataset.y, count: batch)
        var parameters = 0
        let result = GraphCompiler.compile(model.graph, path: path) { _, node in
            if case .initialized(let spec) = node.kind, let shape = try? Initializers.shape(spec.dims),
               let zeros = try? Initializers.zeros(shape: shape) {
                parameters += shape.count
                return .success((.parameter, zeros))
            }
            return ModelRunner.leaf(node, X: X, y: y, rng: &rng, path: path)
        }
        switch result {
        case .failure(let d): diagnostics.append(d)
        case .success(let compiled):
            guard let (train, batch) = ModelRunner.batching(model, data: dataset), model.graph.nodes.indices.contains(model.loss) else { return }
            for (i, node) in model.graph.nodes.enumerated() {
                if case .parameter = node.kind { parameters += compiled.builder.shape(of: compiled.ids[i])?.count ?? 0 }
            }
            let steps = model.train.epochs * max(1, train / max(1, batch))
            if let d = ModelRunner.workDiagnostic(model, graph: compiled.builder, loss: compiled.ids[model.loss],
                                                  parameters: parameters, steps: steps, path: path) {
                diagnostics.append(d)
            }
        }
    }

    private static func checkReferences(_ lesson: Lesson, nodes: [String: (names: Set<String>, isModel: Bool)],
                                        diagnostics: inout Diagnostics) {
        let blockNames = Set(lesson.lessonBlocks.compactMap(\.name))
        for reference in lesson.references {
            guard let block = nodes[reference.block] else {
                if blockNames.contains(reference.block) { continue }  // the block has its own error
                let hint = Suggestions.closest(to: reference.block, among: Array(nodes.keys)).map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.error(reference.position, "no block named '\(reference.block)' in this lesson\(hint)")
                continue
            }
            guard let name = reference.path.first else { continue }
            if name == "loss" && (block.isModel || !block.names.contains("loss")) { continue }
            if !block.names.contains(name) {
                let hint = Suggestions.closest(to: name, among: Array(block.names)).map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.error(reference.position, "cannot quote '\(reference.dotted)': block '\(reference.block)' has no node named '\(name)'\(hint)")
            }
        }
    }
}
