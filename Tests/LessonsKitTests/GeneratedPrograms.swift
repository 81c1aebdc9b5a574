import Site
import Foundation
import Testing
import LessonModel
@testable import LessonsKit
@testable import Presentation

/// The lesson folders whose blocks the framework-tab tests generate programs for: the shipped
/// course and the fixtures that use every operation, data source and optimizer.
let codegenFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/codegen").standardizedFileURL.path

/// The generated programs of one block, with the files they read and the block's trace.
struct GeneratedBlock: Sendable {
    var lesson: String
    var stem: String
    /// `code/...` files of the lesson, by file name.
    var files: [String: [UInt8]]
    var trace: TraceFile

    var numpy: String { String(decoding: files["\(stem).py"] ?? [], as: UTF8.self) }
    var torch: String { String(decoding: files["\(stem)_torch.py"] ?? [], as: UTF8.self) }
    var name: String { "\(lesson)/\(stem)" }
}

/// The parts of a `lessons-trace/3` file the checks read; each step's `value` also holds the
/// values the file writes once, under `constant`.
struct TraceFile: Decodable, Sendable {
    struct Node: Decodable, Sendable { var name: String; var op: String; var inputs: [String] }
    struct Step: Decodable, Sendable {
        var step: Int
        var loss: Double?
        var value: [String: [Double]]
        var grad: [String: [Double]]
    }
    var kind: String
    var nodes: [Node]
    var steps: [Step]

    private enum CodingKeys: String, CodingKey { case kind, nodes, steps, constant }

    /// The JSON of block `stem`'s trace among a lesson's `trace/` files, unpacked if it is gzip.
    static func json(_ traces: [String: [UInt8]], stem: String) throws -> [UInt8] {
        if let plain = traces["\(stem).json"] { return plain }
        return try #require(traces["\(stem).json.gz"].flatMap(Gzip.decompress), "no trace of \(stem)")
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(String.self, forKey: .kind)
        nodes = try c.decode([Node].self, forKey: .nodes)
        let constant = try c.decode([String: [Double]].self, forKey: .constant)
        steps = try c.decode([Step].self, forKey: .steps).map { step in
            var s = step
            s.value.merge(constant) { own, _ in own }
            return s
        }
    }

    /// Nodes computed from constants alone (constants included): plain numbers in PyTorch, which
    /// has no gradient for them.
    var constantOnly: Set<String> {
        var found: Set<String> = []
        for node in nodes where node.op == "const" || (!node.inputs.isEmpty && node.inputs.allSatisfy(found.contains)) {
            found.insert(node.name)
        }
        return found
    }
}

/// Runs every lesson block of `folder` as a build does (BlockRunner) and collects its programs.
func generatedBlocks(in folder: String) throws -> [GeneratedBlock] {
    var blocks: [GeneratedBlock] = []
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
    let data = DataResolver(lessonsDirectory: folder, lessonsRoot: Paths.canonical(folder))
    for file in files {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)))
        let lesson = try #require(LessonParser.parse(bytes: bytes, path: file, relativePath: file).0)
        var diagnostics = Diagnostics(path: file)
        let result = BlockRunner.run(lesson, data: data, cache: nil, diagnostics: &diagnostics)
        #expect(!diagnostics.all.contains { $0.severity == .error }, "\(file): \(diagnostics.all)")
        var code: [String: [UInt8]] = [:]
        var traces: [String: [UInt8]] = [:]
        for (path, bytes) in result.files {
            if path.hasPrefix("code/") { code[String(path.dropFirst(5))] = bytes }
            if path.hasPrefix("trace/") { traces[String(path.dropFirst(6))] = bytes }
        }
        for name in code.keys.sorted() where name.hasSuffix(".py") && !name.hasSuffix("_torch.py") {
            let stem = String(name.dropLast(3))
            let trace = try JSONDecoder().decode(TraceFile.self, from: Data(try TraceFile.json(traces, stem: stem)))
            blocks.append(GeneratedBlock(lesson: lesson.slug, stem: stem, files: code, trace: trace))
        }
    }
    return blocks
}

/// The blocks of a built course, read from its output (`slug/code/` or the `shared/` code folder,
/// and `slug/trace/` or the `shared/` trace its page links to), in the
/// order of their lessons' folders.
func generatedBlocks(builtInto output: String) throws -> [GeneratedBlock] {
    var byLesson: [String: (code: [String: [UInt8]], traces: [String: [UInt8]])] = [:]
    let tree = Workspace.tree(at: output)
    for (path, data) in tree where !path.hasPrefix("shared/") {
        // A trace that several lessons share is under `shared/`, linked from each page.
        if path.hasSuffix("/index.html") {
            let slug = String(path.dropLast("/index.html".count))
            for match in String(decoding: data, as: UTF8.self).matches(of: #/"\.\./(?<path>shared/[^"]+/trace/(?<name>[^"/]+))"/#) {
                if let bytes = tree[String(match.output.path)] { byLesson[slug, default: ([:], [:])].traces[String(match.output.name)] = [UInt8](bytes) }
            }
            // So is a code folder the editions share (SharedCode): the page links its programs, data files and listings.
            for match in String(decoding: data, as: UTF8.self).matches(of: #/"\.\./(?<folder>shared/[^"]+/code/)[^"/]+"/#) {
                let folder = String(match.output.folder)
                for (shared, bytes) in tree where shared.hasPrefix(folder) {
                    byLesson[slug, default: ([:], [:])].code[String(shared.dropFirst(folder.count))] = [UInt8](bytes)
                }
            }
        }
        for folder in ["/code/", "/trace/"] {
            guard let range = path.range(of: folder) else { continue }
            let slug = String(path[..<range.lowerBound]), name = String(path[range.upperBound...])
            if folder == "/code/" { byLesson[slug, default: ([:], [:])].code[name] = [UInt8](data) }
            else { byLesson[slug, default: ([:], [:])].traces[name] = [UInt8](data) }
        }
    }
    var blocks: [GeneratedBlock] = []
    for (slug, (code, traces)) in byLesson.sorted(by: { $0.key < $1.key }) {
        for name in code.keys.sorted() where name.hasSuffix(".py") && !name.hasSuffix("_torch.py") {
            let stem = String(name.dropLast(3))
            let trace = try JSONDecoder().decode(TraceFile.self, from: Data(try TraceFile.json(traces, stem: stem)))
            blocks.append(GeneratedBlock(lesson: slug, stem: stem, files: code, trace: trace))
        }
    }
    return blocks
}

/// Every block of the shipped course (from the shared build: no second training) and of the
/// fixtures, generated once for all tests (empty if generating failed; the tests then fail on the count).
let everyGeneratedBlock: [GeneratedBlock] = {
    do {
        return try generatedBlocks(builtInto: SharedCourse.get().output) + generatedBlocks(in: codegenFixtures)
    } catch {
        return []
    }
}()

/// Pythons to run the programs with.
enum Python {
    /// `python3`, if it can import NumPy (`make test` installs NumPy when it is missing).
    static let numpy: String? = find(["python3"], importing: "numpy")

    /// A Python that can import torch: `$LESSONS_TORCH_PYTHON` (such as `.venv-tabs/bin/python`),
    /// else `python3`. `make test` does not install torch (PyPI's wheel pulls gigabytes of CUDA libraries).
    static let torch: String? = find([ProcessInfo.processInfo.environment["LESSONS_TORCH_PYTHON"], "python3"].compactMap { $0 },
                                     importing: "torch")

    static func find(_ candidates: [String], importing module: String) -> String? {
        // The programs run in a folder of their own: a relative path is made absolute first.
        let absolute = candidates.map { $0.contains("/") && !$0.hasPrefix("/") ? FileManager.default.currentDirectoryPath + "/" + $0 : $0 }
        return absolute.first { (try? run($0, ["-c", "import \(module)"], in: NSTemporaryDirectory()).status) == 0 }
    }

    /// Runs `python` with `arguments` in `directory`; returns the exit status and both outputs.
    static func run(_ python: String, _ arguments: [String], in directory: String) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        // Standard error goes to a file, so a chatty program cannot fill a pipe nobody reads.
        let errPath = NSTemporaryDirectory() + "lessons-python-\(UUID().uuidString).err"
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errPath) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: errPath)
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = FileManager.default.contents(atPath: errPath) ?? Data()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
