import LessonModel
import Site
import Training

/// The framework tabs of a block: its source ("Lesson") and the generated NumPy and PyTorch
/// programs, written to `code/<stem>.py` and `code/<stem>_torch.py` (with the data and batch
/// orders they read, when those are files).
enum FrameworkCode {
    /// Files relative to the lesson's output folder, and the tabs for the page.
    struct Output {
        var files: [(String, [UInt8])]
        var tabs: CodeTabs
    }

    /// The programs of a graph block.
    static func graph(_ program: GraphProgram, trace: Trace, source: String, title: String, block: String, stem: String) -> Output {
        let code = GraphCode(program: program, trace: trace, title: title, block: block)
        let note = "Both programs compute the graph from the same numbers and print every node's value and "
            + "gradient, which agree with the table above."
        return output(source: source, numpy: NumPyProgram.graph(code), torch: TorchProgram.graph(code), stem: stem,
                      extra: [], note: note)
    }

    /// The programs of a trained model block; nil if the model has no `X` and `y` (it could not have trained).
    static func model(_ model: ModelProgram, run: ModelRun, source: String, title: String, block: String, stem: String) -> Output? {
        guard let code = ModelCode(model: model, run: run, title: title, block: block, stem: stem) else { return nil }
        var extra: [(String, String, String)] = []
        if let csv = code.data.csv { extra.append((csv.name, csv.text, "the \(code.data.X.rows) examples")) }
        if let orders = code.data.orders { extra.append((orders.name, orders.text, "the order of the examples in each epoch")) }
        for i in code.parameters {
            if let file = code.parameterFiles[i] { extra.append((file.name, file.text, "the starting \(code.graph.names[i])")) }
        }
        let note = code.data.isExact
            ? "Both programs start from the same numbers as the page and print the loss at every traced step, "
                + "which agrees with the page."
            : "Both programs start from the same numbers as the page but shuffle the batches their own way, "
                + "so their losses differ from the page's."
        return output(source: source, numpy: NumPyProgram.model(code), torch: TorchProgram.model(code), stem: stem,
                      extra: extra, note: note)
    }

    private static func output(source: String, numpy: String, torch: String, stem: String,
                               extra: [(name: String, text: String, purpose: String)], note: String) -> Output {
        let numpyFile = "code/\(stem).py", torchFile = "code/\(stem)_torch.py"
        var files = [(numpyFile, Array(numpy.utf8)), (torchFile, Array(torch.utf8))]
        files += extra.map { ("code/\($0.name)", Array($0.text.utf8)) }
        let tabs = CodeTabs(tabs: [
            CodeTabs.Tab(label: "Lesson", language: "lessons", source: source, download: nil),
            CodeTabs.Tab(label: "NumPy", language: "python", source: numpy, download: numpyFile),
            CodeTabs.Tab(label: "PyTorch", language: "python", source: torch, download: torchFile),
        ], files: extra.map { CodeTabs.File(href: "code/\($0.name)", purpose: $0.purpose) }, note: note)
        return Output(files: files, tabs: tabs)
    }
}
