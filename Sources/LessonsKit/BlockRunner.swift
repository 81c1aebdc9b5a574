import LessonModel
import Site
import Training

/// The "run" step of a build: executes every `graph` block of a lesson and renders its figures.
struct BlockRunner {
    /// What running a lesson's blocks produced.
    struct Result {
        var widgets: [Int: GraphWidget] = [:]
        /// Files relative to the lesson's output folder.
        var files: [(String, [UInt8])] = []
        /// The text of each quoted result (`{{ xor.loss }}`), by reference index.
        var quotes: [Int: String] = [:]
        var models: [Int: ModelWidget] = [:]
    }

    static func run(_ lesson: Lesson, data: DataResolver, diagnostics: inout Diagnostics) -> Result {
        var result = Result()
        var stems: [String: Int] = [:]
        var traces: [String: Trace] = [:]
        var unnamed = 0
        for block in lesson.lessonBlocks {
            let stem: String
            if let name = block.name {
                stem = Slug.make(name, fallback: block.kind.rawValue)
            } else {
                unnamed += 1
                stem = "\(block.kind.rawValue)-\(unnamed)"
            }
            if let first = stems[stem] {
                diagnostics.error(SourcePosition(line: block.fenceLine, column: 1),
                                  "another block on line \(first) is also named '\(stem)'; block names must be unique in a lesson")
                continue
            }
            stems[stem] = block.fenceLine
            if block.kind == .model {
                if let trace = runModel(block, stem: stem, lesson: lesson, data: data, into: &result, diagnostics: &diagnostics) {
                    traces[block.name ?? stem] = trace
                }
                continue
            }
            let (program, parseDiagnostics) = BlockLanguage.parseGraph(block, path: lesson.path)
            parseDiagnostics.forEach { diagnostics.append($0) }
            guard let program else { continue }
            let (trace, runDiagnostics) = GraphRunner.run(program, lesson: lesson.slug, block: block.name ?? stem, path: lesson.path)
            runDiagnostics.forEach { diagnostics.append($0) }
            guard let trace else { continue }
            traces[block.name ?? stem] = trace
            do {
                var output = try GraphPresentation(trace: trace, source: block.source, stem: stem).render()
                let code = FrameworkCode.graph(program, trace: trace, source: block.source, title: lesson.title,
                                               block: block.name ?? stem, stem: stem)
                output.widget.code = code.tabs
                result.files += output.files + code.files
                result.widgets[block.fenceLine] = output.widget
            } catch {
                diagnostics.error(SourcePosition(line: block.fenceLine, column: 1), "cannot draw this graph: \(error)")
            }
        }
        if !lesson.references.isEmpty {
            // A block that failed has reported its error; references to it would only repeat it.
            let failed = Set(lesson.lessonBlocks.map { $0.name ?? "" }).subtracting(traces.keys)
            result.quotes = ReferenceResolver.resolve(lesson, traces: traces, skipping: failed, diagnostics: &diagnostics)
        }
        return result
    }

    /// Parses, trains and draws one model block; returns its trace for references.
    private static func runModel(_ block: LessonBlock, stem: String, lesson: Lesson, data: DataResolver,
                                 into result: inout Result, diagnostics: inout Diagnostics) -> Trace? {
        let (program, parseDiagnostics) = BlockLanguage.parseModel(block, path: lesson.path)
        parseDiagnostics.forEach { diagnostics.append($0) }
        guard let program, let dataset = data.dataset(for: program, lesson: lesson, diagnostics: &diagnostics) else { return nil }
        let bar = ProgressBar(label: block.name ?? stem, total: program.train.epochs)
        let (run, runDiagnostics) = ModelRunner.run(program, data: dataset, lesson: lesson.slug, block: block.name ?? stem,
                                                    path: lesson.path, progress: { done, total in bar.update(done * program.train.epochs / max(1, total)) })
        bar.finish()
        runDiagnostics.forEach { diagnostics.append($0) }
        guard let run else { return nil }
        do {
            var output = try ModelPresentation(run: run, model: program, source: block.source, stem: stem).render()
            if let code = FrameworkCode.model(program, run: run, source: block.source, title: lesson.title,
                                              block: block.name ?? stem, stem: stem) {
                output.widget.graph.code = code.tabs
                result.files += code.files
            }
            result.files += output.files
            result.models[block.fenceLine] = output.widget
        } catch {
            diagnostics.error(SourcePosition(line: block.fenceLine, column: 1), "cannot draw this model: \(error)")
        }
        return run.trace
    }
}
