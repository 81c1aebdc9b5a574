import Foundation
import Testing
@testable import LessonsKit
import Site

/// Python's Jupyter packages, for the notebook checks (`make test` installs Debian's
/// python3-nbformat, python3-nbclient and python3-ipykernel).
enum Jupyter {
    /// `python3` or Debian's own (where apt-get puts the packages), if it can import nbformat,
    /// nbclient and ipykernel (and NumPy, which the cells use).
    static let python: String? = Python.find(["python3", "/usr/bin/python3"], importing: "nbformat, nbclient, ipykernel, numpy")

    /// Validates every path given against the nbformat schema; prints `ok` and the count.
    static let validate = """
        import sys, nbformat
        for path in sys.argv[1:]:
            try:
                nbformat.validate(nbformat.read(path, as_version=nbformat.NO_CONVERT))
            except Exception as error:
                print(path, "is not a valid notebook:", error, file=sys.stderr)
                sys.exit(1)
        print("ok", len(sys.argv) - 1)
        """

    /// Runs a notebook top to bottom in a fresh kernel, in the notebook's folder, and prints each
    /// code cell's program (`lessons.program` metadata) and standard output as JSON. The per-cell
    /// timeout only guards against a hang: a model cell may train for a while on a busy machine.
    static let execute = """
        import json, os, sys, nbformat
        from nbclient import NotebookClient
        path = sys.argv[1]
        nb = nbformat.read(path, as_version=4)
        NotebookClient(nb, timeout=1800, kernel_name="python3",
                       resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}}).execute()
        cells = []
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            out = "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream" and o.get("name") == "stdout")
            cells.append({"program": cell.metadata.get("lessons", {}).get("program", ""), "stdout": out})
        print(json.dumps(cells))
        """
}

/// Every lesson's notebook (`<slug>/<name>.ipynb`, LessonNotebook): linked from its page, valid
/// nbformat 4, storing the numbers of the page's trace as its outputs, and, run top to bottom in
/// a fresh kernel, printing those numbers again.
@Suite(.serialized) struct NotebookTests {
    let course: SharedCourse
    /// Output-relative path of each lesson page's notebook.
    let notebooks: [String]

    init() throws {
        course = try SharedCourse.get()
        // Lesson pages, not an edition's index (`zh/index.html`).
        let pages = Workspace.tree(at: course.output).filter {
            $0.key.hasSuffix("/index.html") && $0.key.split(separator: "/").count == 2
                && String(decoding: $0.value, as: UTF8.self).contains("<article class=\"lesson\"")
        }.keys
        notebooks = pages.sorted().map { page in
            let slug = String(page.dropLast("/index.html".count))
            return slug + "/" + LessonNotebook.fileName(slug: slug)
        }
    }

    /// The course's generated blocks by `slug/code/stem.py`.
    private func blocks() throws -> [String: GeneratedBlock] {
        Dictionary(try generatedBlocks(builtInto: course.output).map { ("\($0.lesson)/code/\($0.stem).py", $0) },
                   uniquingKeysWith: { a, _ in a })
    }

    /// A notebook's code cells: source, stored output and program.
    private struct Cell { var source: String; var stored: String; var program: String }

    private func cells(_ notebook: String) throws -> [Cell] {
        let data = try #require(FileManager.default.contents(atPath: course.output + "/" + notebook), "\(notebook) is missing")
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cells = try #require(json["cells"] as? [[String: Any]])
        func text(_ value: Any?) -> String { (value as? [String])?.joined() ?? (value as? String) ?? "" }
        return cells.filter { $0["cell_type"] as? String == "code" }.map { cell in
            let outputs = cell["outputs"] as? [[String: Any]] ?? []
            let program = ((cell["metadata"] as? [String: Any])?["lessons"] as? [String: Any])?["program"] as? String ?? ""
            return Cell(source: text(cell["source"]), stored: outputs.map { text($0["text"]) }.joined(), program: program)
        }
    }

    @Test func everyPageLinksItsNotebookForDownload() throws {
        #expect(notebooks.count >= 20, "both editions' lessons")
        for notebook in notebooks {
            let folder = String(notebook.split(separator: "/").first ?? "")
            let name = String(notebook.split(separator: "/").last ?? "")
            let html = try String(contentsOfFile: course.output + "/" + folder + "/index.html", encoding: .utf8)
            #expect(FileManager.default.fileExists(atPath: course.output + "/" + notebook), "\(notebook) was not written")
            #expect(html.contains("<p class=\"lesson-download\"><a href=\"\(name)\" download "), "\(folder)'s page does not link \(name)")
            let text = folder.hasPrefix("zh") ? ">下载笔记本</a>" : ">Download notebook</a>"
            #expect(html.contains(text), "\(folder): the link's text in the page's language")
        }
    }

    /// The authors' notes in HTML comments (`<!-- typed on purpose: ... -->`) stay out of the notebooks.
    @Test func commentsAreLeftOut() throws {
        for notebook in notebooks {
            let text = try String(contentsOfFile: course.output + "/" + notebook, encoding: .utf8)
            #expect(!text.contains("typed on purpose") && !text.contains("<!--"), "\(notebook) holds an HTML comment")
        }
    }

    /// Every cell of a block's program carries it; its last NumPy cell stores the trace's numbers
    /// (every loss, or every node's value and gradient), as the build wrote them.
    @Test func storedOutputsAreTheTracesNumbers() throws {
        let blocks = try blocks()
        var checked = 0
        for notebook in notebooks {
            let slug = String(notebook.split(separator: "/").first ?? "")
            let cells = try cells(notebook)
            let programs = Set(cells.map(\.program).filter { $0.hasSuffix(".py") && !$0.hasSuffix("_torch.py") })
            for program in programs.sorted() {
                let block = try #require(blocks["\(slug)/\(program)"], "\(notebook): no block writes \(program)")
                let stored = cells.filter { $0.program == program }.map(\.stored).joined()
                if block.numpy.contains("The batches are shuffled here") {
                    #expect(stored.isEmpty, "\(notebook) \(program): a program that shuffles on its own prints other losses")
                    continue
                }
                check(ProgramOutput(stored), against: block, program: "\(notebook) \(program) (stored)")
                checked += 1
            }
            #expect(!cells.contains { $0.program.isEmpty }, "\(notebook): a code cell says no program")
        }
        #expect(checked >= 20)
    }

    @Test(.enabled(if: Jupyter.python != nil,
                   "skipped: python3 cannot import nbformat, nbclient and ipykernel (make test installs them: scripts/install-deps.sh --test)"))
    func everyNotebookIsValidNbformat4() throws {
        let python = try #require(Jupyter.python)
        let result = try Python.run(python, ["-c", Jupyter.validate] + notebooks.map { course.output + "/" + $0 }, in: course.output)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("ok \(notebooks.count)"))
    }

    /// Run in parallel (one kernel per core), each alone in an empty folder as a reader who
    /// downloaded only the notebook would (it writes the data files it reads); each notebook's
    /// printed numbers against its blocks' traces.
    @Test(.enabled(if: Jupyter.python != nil,
                   "skipped: python3 cannot import nbformat, nbclient and ipykernel (make test installs them: scripts/install-deps.sh --test)"))
    func everyNotebookRunsTopToBottomAndPrintsThePagesNumbers() throws {
        let python = try #require(Jupyter.python)
        let blocks = try blocks()
        let runs = Runs(count: notebooks.count)
        let notebooks = notebooks, output = course.output
        let alone = try Workspace(), aloneRoot = alone.root.path
        DispatchQueue.concurrentPerform(iterations: notebooks.count) { k in
            let result = Result {
                let folder = aloneRoot + "/\(k)", name = String(notebooks[k].split(separator: "/").last ?? "")
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: output + "/" + notebooks[k], toPath: folder + "/" + name)
                return try Python.run(python, ["-c", Jupyter.execute, folder + "/" + name], in: folder)
            }
            runs.set(k, result)
        }
        withExtendedLifetime(alone) {}
        for (k, notebook) in notebooks.enumerated() {
            let slug = String(notebook.split(separator: "/").first ?? "")
            let result = try #require(try runs.get(k)?.get())
            guard result.status == 0 else {
                Issue.record("\(notebook) did not run top to bottom:\n\(result.err.suffix(3000))")
                continue
            }
            struct Ran: Decodable { var program: String; var stdout: String }
            let cells = try JSONDecoder().decode([Ran].self, from: Data((result.out.split(separator: "\n").last ?? "").utf8))
            for program in Set(cells.map(\.program)).sorted() {
                let torch = program.hasSuffix("_torch.py")
                let block = try #require(blocks["\(slug)/" + (torch ? String(program.dropLast("_torch.py".count)) + ".py" : program)])
                let printed = cells.filter { $0.program == program }.map(\.stdout).joined()
                if torch, !printed.contains("value") && !printed.contains("loss") { continue }  // a kernel without PyTorch
                check(ProgramOutput(printed), against: block, program: "\(notebook) \(program) (run)",
                      skipping: torch ? block.trace.constantOnly : [])
            }
        }
    }
}

/// The results of the parallel runs, by notebook.
private final class Runs: @unchecked Sendable {
    private var results: [Result<(status: Int32, out: String, err: String), any Error>?]
    private let lock = NSLock()
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ result: Result<(status: Int32, out: String, err: String), any Error>) {
        lock.withLock { results[k] = result }
    }
    func get(_ k: Int) -> Result<(status: Int32, out: String, err: String), any Error>? {
        lock.withLock { results[k] }
    }
}
