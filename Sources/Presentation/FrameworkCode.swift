import Codegen
import LessonModel
import Site
import Training

/// The framework tabs of a block: its source ("Lesson") and the generated NumPy and PyTorch
/// programs, written to `code/<stem>.py` and `code/<stem>_torch.py` (with the data and batch
/// orders they read, when those are files).
package enum FrameworkCode {
    /// Files relative to the lesson's output folder, and the tabs for the page.
    package struct Output {
        package var files: [(String, [UInt8])]
        package var tabs: CodeTabs
    }

    /// The programs of a graph block.
    package static func graph(_ program: GraphProgram, trace: Trace, source: String, lesson: String, block: String, stem: String,
                      words: Words = .english) -> Output {
        let code = GraphCode(program: program, trace: trace, lesson: lesson, block: block)
        let note = words.graphCodeNote
        return output(source: source, numpy: NumPyProgram.graph(code), torch: TorchProgram.graph(code), stem: stem,
                      extra: [], note: note, printed: NumPyProgram.graphOutput(code),
                      notebook: (numpy: nil, torch: TorchProgram.graph(code, notebook: true)))
    }

    /// The programs of a trained model block; nil if the model has no `X` and `y` (it could not have trained).
    package static func model(_ model: ModelProgram, run: ModelRun, source: String, lesson: String, block: String, stem: String,
                      words: Words = .english) -> Output? {
        guard let code = ModelCode(model: model, run: run, lesson: lesson, block: block, stem: stem) else { return nil }
        var extra: [(String, String, String)] = []
        if let csv = code.data.csv { extra.append((csv.name, csv.text, words.examplesFile(code.data.X.rows))) }
        if let orders = code.data.orders { extra.append((orders.name, orders.text, words.ordersFile)) }
        for i in code.parameters {
            if let file = code.parameterFiles[i] { extra.append((file.name, file.text, words.startingFile(code.graph.names[i]))) }
        }
        let note = code.data.isExact ? words.modelCodeNote : words.shuffledCodeNote
        return output(source: source, numpy: NumPyProgram.model(code), torch: TorchProgram.model(code), stem: stem,
                      extra: extra, note: note, printed: NumPyProgram.modelOutput(code),
                      notebook: (numpy: NumPyProgram.model(code, notebook: true), torch: TorchProgram.model(code, notebook: true)))
    }

    private static func output(source: String, numpy: String, torch: String, stem: String,
                               extra: [(name: String, text: String, purpose: String)], note: String, printed: String?,
                               notebook: (numpy: String?, torch: String?)) -> Output {
        let numpyFile = "code/\(stem).py", torchFile = "code/\(stem)_torch.py"
        var files = [(numpyFile, Array(numpy.utf8)), (torchFile, Array(torch.utf8))]
        files += extra.map { ("code/\($0.name)", Array($0.text.utf8)) }
        var tabs = CodeTabs(tabs: [
            CodeTabs.Tab(label: CodeTabs.lessonLabel, language: "lessons", source: source, download: nil),
            // The notebook's PyTorch cell takes the NumPy cells' arrays rather than write every number twice.
            CodeTabs.Tab(label: "NumPy", language: "python", source: numpy, download: numpyFile, notebook: notebook.numpy),
            CodeTabs.Tab(label: "PyTorch", language: "python", source: torch, download: torchFile, notebook: notebook.torch),
        ], files: extra.map { CodeTabs.File(href: "code/\($0.name)", purpose: $0.purpose, text: $0.text) }, note: note)
        tabs.printed = printed
        return Output(files: files, tabs: tabs)
    }
}
