import Foundation
import LessonModel
import Presentation
import Site
import Training

/// The "run" step of a build: executes every `graph` block and trains every `model` block of a
/// lesson, draws their figures, and resolves the lesson's quoted results. Each block's whole
/// output is cached (see `BlockCache`), so a prose-only edit re-runs nothing.
struct BlockRunner {
    /// What running a lesson's blocks produced.
    struct Result {
        var widgets: [Int: GraphWidget] = [:]
        /// Files relative to the lesson's output folder.
        var files: [(String, [UInt8])] = []
        /// The text of each quoted result (`{{ xor.loss }}`), by reference index.
        var quotes: [Int: String] = [:]
        var models: [Int: ModelWidget] = [:]
        /// `compare` blocks' charts, keyed by fence line.
        var charts: [Int: ModelWidget.Chart] = [:]
        /// Exercises answered on the page, keyed by fence line.
        var exercises: [Int: ExerciseView] = [:]
        /// How many blocks ran, and how many came from the cache.
        var ran = 0
        var cached = 0
    }

    /// What running (or loading from the cache) one block gave, with its own diagnostics, so
    /// blocks of every lesson can run at once and still report in block order.
    struct Outcome: Sendable {
        var output: CachedBlock?
        var diagnostics: [Diagnostic] = []
        var ran = false
    }

    /// Runs a lesson's blocks one after the other (the builder spreads them over its workers).
    static func run(_ lesson: Lesson, data: DataResolver, cache: BlockCache?, diagnostics: inout Diagnostics) -> Result {
        let blocks = plan(lesson, diagnostics: &diagnostics)
        let outcomes = blocks.filter { $0.block.kind != .compare }.map {
            execute($0.block, stem: $0.stem, lesson: lesson, data: data, cache: cache)
        }
        return assemble(lesson, blocks: blocks, outcomes: outcomes, diagnostics: &diagnostics)
    }

    /// The lesson's blocks with their output names, in order.
    static func plan(_ lesson: Lesson, diagnostics: inout Diagnostics) -> [(block: LessonBlock, stem: String)] {
        BlockNaming.stems(lesson, diagnostics: &diagnostics)
    }

    /// Loads one graph or model block from the cache, or runs it (and caches it if it ran cleanly).
    static func execute(_ block: LessonBlock, stem: String, lesson: Lesson, data: DataResolver, cache: BlockCache?) -> Outcome {
        let entry = cache.flatMap { _ in cacheKey(block, stem: stem, lesson: lesson, data: data) }
        if let entry, let hit = cache?.load(entry.key, expected: entry.files) { return Outcome(output: hit) }
        var diagnostics = Diagnostics(path: lesson.path)
        let output = block.kind == .model
            ? runModel(block, stem: stem, lesson: lesson, data: data, diagnostics: &diagnostics)
            : runGraph(block, stem: stem, lesson: lesson, diagnostics: &diagnostics)
        // Only clean runs are kept: a cached block must not hide a warning next time.
        if let entry, let output, diagnostics.all.isEmpty { cache?.store(entry.key, output) }
        return Outcome(output: output, diagnostics: diagnostics.all, ran: true)
    }

    /// Collects the outcomes of the lesson's graph and model blocks (in block order), then draws
    /// its `compare` blocks and resolves its quoted results.
    static func assemble(_ lesson: Lesson, blocks: [(block: LessonBlock, stem: String)], outcomes: [Outcome],
                         diagnostics: inout Diagnostics) -> Result {
        var result = Result()
        var traces: [String: Trace] = [:]
        var histories: [String: LossHistory] = [:]
        let runnable = blocks.filter { $0.block.kind != .compare }
        for ((block, stem), outcome) in zip(runnable, outcomes) {
            outcome.diagnostics.forEach { diagnostics.append($0) }
            if outcome.ran { result.ran += 1 } else if outcome.output != nil { result.cached += 1 }
            guard let output = outcome.output else { continue }
            for file in output.files { result.files.append((file.name, file.bytes)) }
            if let graph = output.graph { result.widgets[block.fenceLine] = graph }
            if let model = output.model { result.models[block.fenceLine] = model }
            if let trace = output.trace { traces[block.name ?? stem] = trace }
            if let history = output.history { histories[block.name ?? stem] = history }
        }
        for (block, stem) in blocks where block.kind == .compare {
            // Drawn once every model has run.
            if let (files, chart) = ComparisonChart.render(block, stem: stem, histories: histories,
                                                           lang: lesson.frontMatter.lang, diagnostics: &diagnostics) {
                result.files += files
                result.charts[block.fenceLine] = chart
            }
        }
        if !lesson.references.isEmpty {
            // A block that failed has reported its error; references to it would only repeat it.
            let failed = Set(lesson.lessonBlocks.map { $0.name ?? "" }).subtracting(traces.keys)
            result.quotes = ReferenceResolver.resolve(lesson, traces: traces, skipping: failed, diagnostics: &diagnostics)
        }
        result.exercises = ExerciseResolver.resolve(lesson, traces: traces, widgets: result.widgets, diagnostics: &diagnostics)
        return result
    }

    /// Everything a block's output depends on: its text, its place (names of output files), and
    /// the bytes of the data file it reads; with the files the block may write, which its entry
    /// must keep to. Nil when the block cannot even be parsed (no caching).
    static func cacheKey(_ block: LessonBlock, stem: String, lesson: Lesson, data: DataResolver) -> (key: String, files: BlockFiles)? {
        var parts = [block.kind.rawValue, lesson.slug, stem, block.name ?? "", block.source, lesson.frontMatter.lang ?? ""]
        var files = BlockFiles.graph(stem: stem)
        if block.kind == .graph {
            guard let program = BlockLanguage.parseGraph(block, path: lesson.path).0 else { return nil }
            files = BlockFiles.graph(stem: stem, groups: program.groups.count)
        }
        if block.kind == .model {
            guard let program = BlockLanguage.parseModel(block, path: lesson.path).0 else { return nil }
            if case .csv(let source) = program.data {
                guard let bytes = data.bytes(ofDataFile: source.path, lesson: lesson) else { return nil }
                parts += [source.path, SHA256.hex(bytes)]
            }
            files = BlockFiles.model(stem: stem, program: program)
        }
        return (BlockCache.key(parts: parts), files)
    }

    private static func package(_ files: [(String, [UInt8])], graph: GraphWidget? = nil, model: ModelWidget? = nil,
                                trace: Trace?) -> CachedBlock {
        CachedBlock(files: files.map { (name: $0.0, bytes: $0.1) }, graph: graph, model: model, trace: trace?.slimmedForReferences())
    }

    private static func runGraph(_ block: LessonBlock, stem: String, lesson: Lesson, diagnostics: inout Diagnostics) -> CachedBlock? {
        let (program, parseDiagnostics) = BlockLanguage.parseGraph(block, path: lesson.path)
        parseDiagnostics.forEach { diagnostics.append($0) }
        guard let program else { return nil }
        let (trace, runDiagnostics) = GraphRunner.run(program, lesson: lesson.slug, block: block.name ?? stem, path: lesson.path)
        runDiagnostics.forEach { diagnostics.append($0) }
        guard let trace else { return nil }
        do {
            var output = try GraphPresentation(trace: trace, source: block.source, stem: stem,
                                               words: Words.forLang(lesson.frontMatter.lang)).render()
            // The same block as runnable NumPy and PyTorch programs (the tabs under it).
            let code = FrameworkCode.graph(program, trace: trace, source: block.source, lesson: lesson.fileName,
                                           block: block.name ?? stem, stem: stem, words: Words.forLang(lesson.frontMatter.lang))
            output.widget.code = code.tabs
            if let descent = program.descent {
                output.widget.live?.descent = GraphWidget.LiveDescent(leaves: descent.leaves, rate: descent.rate)
            }
            return package(output.files + code.files, graph: output.widget, trace: trace)
        } catch {
            diagnostics.error(SourcePosition(line: block.fenceLine, column: 1), "cannot draw this graph: \(error)")
            return nil
        }
    }

    /// Parses, trains and draws one model block.
    private static func runModel(_ block: LessonBlock, stem: String, lesson: Lesson, data: DataResolver,
                                 diagnostics: inout Diagnostics) -> CachedBlock? {
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
            var output = try ModelPresentation(run: run, model: program, source: block.source, stem: stem,
                                               words: Words.forLang(lesson.frontMatter.lang)).render()
            var files = output.files
            if let code = FrameworkCode.model(program, run: run, source: block.source, lesson: lesson.fileName,
                                              block: block.name ?? stem, stem: stem, words: Words.forLang(lesson.frontMatter.lang)) {
                output.widget.graph.code = code.tabs
                files += code.files
            }
            var block = package(files, model: output.widget, trace: run.trace)
            block.history = run.history
            return block
        } catch {
            diagnostics.error(SourcePosition(line: block.fenceLine, column: 1), "cannot draw this model: \(error)")
            return nil
        }
    }
}
