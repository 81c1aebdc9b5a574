import Foundation
import Testing
@testable import LessonsKit

/// What a generated program printed: `step k loss L` lines, or `value`/`grad` lines per node.
struct ProgramOutput {
    var losses: [Int: Double] = [:]
    var values: [String: [Double]] = [:]
    var gradients: [String: [Double]] = [:]

    init(_ text: String) {
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            if words.count == 4, words[0] == "step", words[2] == "loss", let k = Int(words[1]), let loss = Double(words[3]) {
                losses[k] = loss
            } else if words.count >= 2, words[0] == "value" || words[0] == "grad" {
                let numbers = words.dropFirst(2).compactMap(Double.init)
                if words[0] == "value" { values[words[1]] = numbers } else { gradients[words[1]] = numbers }
            }
        }
    }
}

/// The agreement the issue asks for: every printed number within 1e-9 of the trace, relatively.
let agreement = 1e-9

func agrees(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= agreement * max(abs(a), abs(b))
}

/// Writes a block's `code/` files to a fresh folder, runs one program there, and returns its output.
func run(_ block: GeneratedBlock, _ program: String, with python: String) throws -> ProgramOutput {
    let folder = NSTemporaryDirectory() + "lessons-code-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for (name, bytes) in block.files { try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name)) }
    let result = try Python.run(python, [program], in: folder)
    #expect(result.status == 0, "\(block.name): \(program) failed:\n\(result.err)")
    return ProgramOutput(result.out)
}

/// Runs one program of every block in a single Python process, each in a folder of its own with
/// its block's `code/` files (`runpy` as `__main__`, its printout captured): starting Python and
/// importing NumPy once instead of once per program saves about a fifth of a second a program.
/// A program that fails is reported with its traceback and gives no output.
func runAll(_ blocks: [GeneratedBlock], _ program: (GeneratedBlock) -> String, with python: String) throws -> [ProgramOutput?] {
    let root = NSTemporaryDirectory() + "lessons-code-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: root) }
    for (k, block) in blocks.enumerated() {
        let folder = root + "/\(k)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, bytes) in block.files { try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name)) }
    }
    let driver = """
        import contextlib, io, os, runpy, sys, traceback
        root, programs = sys.argv[1], sys.argv[2:]
        for k, program in enumerate(programs):
            folder = os.path.join(root, str(k))
            os.chdir(folder)
            out, ok = io.StringIO(), True
            try:
                with contextlib.redirect_stdout(out):
                    runpy.run_path(program, run_name="__main__")
            except SystemExit as stop:
                ok = stop.code in (None, 0)
            except BaseException:
                ok = False
                with open(".traceback", "w") as f:
                    traceback.print_exc(file=f)
            with open(".out" if ok else ".failed", "w") as f:
                f.write(out.getvalue())
        """
    try Data(driver.utf8).write(to: URL(fileURLWithPath: root + "/driver.py"))
    let result = try Python.run(python, [root + "/driver.py", root] + blocks.map(program), in: root)
    #expect(result.status == 0, "the programs' driver failed:\n\(result.err)")
    return blocks.indices.map { k in
        let folder = root + "/\(k)"
        guard let out = FileManager.default.contents(atPath: folder + "/.out") else {
            let why = FileManager.default.contents(atPath: folder + "/.traceback").map { String(decoding: $0, as: UTF8.self) } ?? result.err
            Issue.record("\(blocks[k].name): \(program(blocks[k])) failed:\n\(why)")
            return nil
        }
        return ProgramOutput(String(decoding: out, as: UTF8.self))
    }
}

/// Checks a program's output against the block's trace: every traced loss (models), or every
/// node's value and gradient (graphs; nodes computed from constants alone may be left out when
/// `constantNodes` lists them: autograd has nothing to say about them).
func check(_ output: ProgramOutput, against block: GeneratedBlock, program: String, skipping constantNodes: Set<String> = []) {
    let trace = block.trace
    if trace.kind == "model" {
        // A program that shuffles its own batches cannot reproduce the page's losses; it says so.
        let exact = !String(decoding: block.files[program] ?? [], as: UTF8.self).contains("The batches are shuffled here")
        #expect(Set(output.losses.keys) == Set(trace.steps.map(\.step)), "\(program) printed other steps")
        for step in trace.steps {
            guard let loss = step.loss, let printed = output.losses[step.step] else { continue }
            #expect(printed.isFinite)
            if exact { #expect(agrees(printed, loss), "\(program) step \(step.step): \(printed) vs the trace's \(loss)") }
        }
        return
    }
    guard let step = trace.steps.first else {
        Issue.record("\(block.name): the trace has no step")
        return
    }
    for node in trace.nodes where node.op != "const" && !constantNodes.contains(node.name) {
        for (kind, printed, expected) in [("value", output.values[node.name], step.value[node.name]),
                                          ("gradient", output.gradients[node.name], step.grad[node.name])] {
            guard let printed, let expected else {
                Issue.record("\(program) did not print the \(kind) of \(node.name)")
                continue
            }
            #expect(printed.count == expected.count && zip(printed, expected).allSatisfy(agrees),
                    "\(program): \(kind) of \(node.name) is \(printed), the trace says \(expected)")
        }
    }
}

@Suite struct FrameworkProgramTests {
    @Test func everyBlockOfTheCourseAndTheFixturesHasBothPrograms() {
        // Every graph and model block of the course, and 14 graphs and 5 models in the fixtures.
        #expect(everyGeneratedBlock.count >= 19 + 18)
        for block in everyGeneratedBlock {
            #expect(block.numpy.hasPrefix("\"\"\"") && block.numpy.contains("import numpy as np"), "\(block.name)")
            #expect(block.torch.contains("import torch") && block.torch.contains("torch.set_default_dtype(torch.float64)"), "\(block.name)")
        }
    }

    @Test(.enabled(if: Python.numpy != nil, "python3 cannot import numpy (make test installs it: scripts/install-deps.sh --test)"))
    func numpyProgramsPrintWhatTheTraceHolds() throws {
        let python = try #require(Python.numpy)
        let outputs = try runAll(everyGeneratedBlock, { "\($0.stem).py" }, with: python)
        for (block, output) in zip(everyGeneratedBlock, outputs) {
            if let output { check(output, against: block, program: "\(block.stem).py") }
        }
    }

    @Test(.enabled(if: Python.torch != nil,
                   "no Python here can import torch; make test does not install it (PyPI's torch wheel pulls gigabytes of CUDA libraries). Set LESSONS_TORCH_PYTHON to a Python with torch (README, Framework tabs)"))
    func torchProgramsPrintWhatTheTraceHolds() throws {
        let python = try #require(Python.torch)
        let outputs = try runAll(everyGeneratedBlock, { "\($0.stem)_torch.py" }, with: python)
        for (block, output) in zip(everyGeneratedBlock, outputs) {
            if let output { check(output, against: block, program: "\(block.stem)_torch.py", skipping: block.trace.constantOnly) }
        }
    }

    @Test(.enabled(if: Python.numpy != nil, "python3 with numpy is missing (make test installs it)"))
    func everyProgramCompiles() throws {
        let python = try #require(Python.numpy)
        let folder = NSTemporaryDirectory() + "lessons-compile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var names: [String] = []
        for (k, block) in everyGeneratedBlock.enumerated() {
            for (suffix, text) in [("", block.numpy), ("_torch", block.torch)] {
                let name = "p\(k)\(suffix).py"
                try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
                names.append(name)
            }
        }
        let result = try Python.run(python, ["-m", "py_compile"] + names, in: folder)
        #expect(result.status == 0, "\(result.err)")
    }

    @Test func theXORProgramIsTheSeedArticlesProgramInTextbookOrder() throws {
        let xor = try #require(everyGeneratedBlock.first { $0.name == "xor-from-scratch/xor" }).numpy
        let lines = xor.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The seed's pieces: its helpers, hyperparameters, data, loop, forward pass and error.
        for line in ["def sigmoid(x):", "    return 1 / (1 + np.exp(-x))", "def sigmoid_prime(s):", "    return s * (1 - s)",
                     "epochs = 50000", "lr = 0.1  # learning rate",
                     "X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])", "y = np.array([[0.0], [1.0], [1.0], [0.0]])",
                     "W1 = np.array([[0.5488135039273248, 0.7151893663724195, 0.6027633760716439],",
                     "for epoch in range(epochs):", "    H = sigmoid(X @ W1)", "    u2 = y - out  # the error",
                     "    du1 = dH * sigmoid_prime(H)  # H = sigmoid(u1)", "    dW1 = X.T @ du1  # u1 = X @ W1"] {
            #expect(lines.contains(line), "missing: \(line)")
        }
        // Textbook order: one backward call computes both gradients before either weight moves.
        let call = try #require(lines.firstIndex(of: "    dW1, dW2 = backward(X, H, u2, u3)"))
        let updates = [try #require(lines.firstIndex(of: "    W1 -= lr * dW1")), try #require(lines.firstIndex(of: "    W2 -= lr * dW2"))]
        #expect(updates.allSatisfy { $0 > call })
        #expect(lines.filter { $0.contains("-=") }.count == 2)
    }
}
