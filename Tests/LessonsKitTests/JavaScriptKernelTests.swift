@testable import Autodiff
import Browser
import Codegen
import Foundation
import LessonModel
import Operations
import Testing
import Training

// The engine's kernels in JavaScript (Autodiff/JavaScriptKernels.swift), running the plan the
// page gets (Codegen/LiveGraphCode.swift, rebuilt from the trace), against the trace the build
// records, in Chromium: every graph block of the course and of the op fixtures, and seeded random
// graphs. Every value and gradient must be bit for bit the engine's (exp, log, tanh and the rest
// are DeterministicMath's in both), except in graphs with pow to an exponent other than 0 to 3
// (the C library's and Math.pow): within 1e-12 relative (or 1e-300 absolute) there.

/// The graph blocks of every lesson in `folder` (and its subfolders), by "file:line".
private func graphBlocks(in folder: String) -> [(name: String, source: String, fenceLine: Int)] {
    let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".md") }.sorted()
    var blocks: [(String, String, Int)] = []
    for file in files {
        guard let text = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8) else { continue }
        var current: (line: Int, lines: [String])?
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            if var open = current {
                if line.hasPrefix("```") {
                    blocks.append(("\(file):\(open.line)", open.lines.joined(separator: "\n") + "\n", open.line))
                    current = nil
                } else {
                    open.lines.append(line)
                    current = open
                }
            } else if line.hasPrefix("```graph") {
                current = (number + 1, [])
            }
        }
    }
    return blocks
}

/// A random graph block over a few scalar, vector and matrix inputs (seeded; some do not
/// compile, e.g. for mismatched shapes, and are skipped).
private func randomBlock(_ seed: UInt64) -> String {
    var random = SplitMix64(seed: seed)
    func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    func number() -> String { pick(["0.5", "-1.25", "2", "3", "0", "-0.75", "1e-3", "4.5"]) }
    var lines = ["a = \(number())", "b = \(number())", "v = [\(number()), \(number()), \(number())]",
                 "w = [\(number()), \(number()), \(number())]", "M = [[\(number()), \(number())], [\(number()), \(number())], [\(number()), \(number())]]",
                 "N = [[\(number()), \(number()), \(number())], [\(number()), \(number()), \(number())]]"]
    var scalars = ["a", "b"], vectors = ["v", "w"], matrices = ["M", "N"]
    let unary = ["exp", "tanh", "sigmoid", "relu", "abs", "sqrt", "log"]
    for k in 0..<Int(6 + random.next() % 10) {
        let name = "n\(k)"
        let form = random.next() % 9
        let (x, y) = (pick(scalars + vectors), pick(scalars + vectors))
        switch form {
        case 0: lines.append("\(name) = \(x) * \(y) + \(pick(scalars))")
        case 1: lines.append("\(name) = \(pick(unary))(\(x) * \(x) + 1)")
        case 2: lines.append("\(name) = max(\(x), \(y)) - min(\(y), \(x))")
        case 3: lines.append("\(name) = \(x) / (\(y) * \(y) + 2) ^ 2")
        case 4: lines.append("\(name) = sum(\(pick(matrices)) * 2)"); scalars.append(name); continue
        case 5: lines.append("\(name) = M @ N"); matrices.append(name); continue
        case 6: lines.append("\(name) = mean(\(pick(vectors)) ^ 3)"); scalars.append(name); continue
        case 7: lines.append("\(name) = transpose(N) @ transpose(M)"); matrices.append(name); continue
        default: lines.append("\(name) = relu(\(x)) - \(y) ^ 0.5 + abs(\(x))")
        }
        if scalars.contains(x) && scalars.contains(y) { scalars.append(name) } else { vectors.append(name) }
    }
    let parts = (scalars + vectors + matrices).filter { $0.hasPrefix("n") }.map { "sum(\($0))" }
    lines.append("out = " + (parts.isEmpty ? "a * b" : parts.joined(separator: " + ")))
    return lines.joined(separator: "\n") + "\n"
}

/// The trace of a graph block as the build records it; nil if the block does not run.
private func blockTrace(_ source: String, name: String, fenceLine: Int = 1) -> Trace? {
    let block = LessonBlock(kind: .graph, name: name, source: source, fenceLine: fenceLine)
    guard let program = BlockLanguage.parseGraph(block, path: name).0 else { return nil }
    return GraphRunner.run(program, lesson: "test", block: name, path: name).0
}

/// True when the trace's graph uses pow to an exponent Math.pow need not round as the C library does.
private func usesLibm(_ trace: Trace) -> Bool {
    trace.nodes.contains { node in node.op == "pow" && ![0, 1, 2, 3].contains(node.exponent ?? 0.5) }
}

/// True when the trace's graph uses one of DeterministicMath's functions.
private func usesElementaryFunctions(_ trace: Trace) -> Bool {
    trace.nodes.contains { node in
        ["exp", "log", "sigmoid", "tanh", "bce_logits", "softmax_cross_entropy", "softmax", "log_softmax", "logsumexp"].contains(node.op)
    }
}

private let courseFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../lessons").standardizedFileURL.path

@Suite(.serialized, .enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct JavaScriptKernelTests {
    /// Rebuilds each trace's plan for the page (LiveGraphCode), runs it in Chromium, and returns
    /// per trace, per node, its values and gradients as JavaScript printed them (shortest
    /// round-trip digits, so parsing them back is exact).
    private func runInBrowser(_ traces: [Trace]) throws -> [[[[String]]]] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-kernels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plans = try traces.map { try #require(LiveGraphCode.plan($0), "no plan for \($0.block)") }
        let page = "<!doctype html><meta charset=utf-8><script src=\"\(JavaScriptKernels.fileName)\"></script>"
            + "<script>var plans = [" + plans.joined(separator: ",\n") + "];</script>"
        try Data(JavaScriptKernels.source.utf8).write(to: folder.appendingPathComponent(JavaScriptKernels.fileName))
        try Data(page.utf8).write(to: folder.appendingPathComponent("index.html"))
        let browser = try BrowserPool.take(viewport: (800, 600))
        defer { BrowserPool.release(browser) }
        try browser.open(folder.appendingPathComponent("index.html").path)
        // String(-0) is "0": write the sign of zero out, so a lost sign is seen.
        let script = """
            (function () {
              function text(x) { return Object.is(x, -0) ? "-0" : String(x); }
              return JSON.stringify(plans.map(function (p) {
                var v = LessonsKernels.initialValues(p), g = LessonsKernels.run(p, v);
                return p.nodes.map(function (n) {
                  return [Array.from(v.subarray(n[0], n[0] + n[1]), text), Array.from(g.subarray(n[0], n[0] + n[1]), text)];
                });
              }));
            })()
            """
        let json = try #require(try browser.evaluate(script) as? String, "the kernels did not run: \(browser.consoleErrors)")
        return try JSONDecoder().decode([[[[String]]]].self, from: Data(json.utf8))
    }

    /// Compares a trace's numbers with the browser's; returns a description of the first mismatch.
    private func mismatch(_ trace: Trace, _ browser: [[[String]]]) -> String? {
        let exact = !usesLibm(trace)
        guard let step = trace.steps.first, browser.count == trace.nodes.count else { return "node counts differ" }
        for (i, node) in trace.nodes.enumerated() {
            for (kind, ours, theirs) in [("value", step.values[i], browser[i][0]), ("gradient", step.gradients[i], browser[i][1])] {
                guard ours.count == theirs.count else { return "\(node.name): \(ours.count) numbers against \(theirs.count)" }
                for (k, (a, text)) in zip(ours, theirs).enumerated() {
                    let b = text == "Infinity" ? Double.infinity : text == "-Infinity" ? -Double.infinity : Double(text) ?? .nan
                    let same = a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
                    let close = abs(a - b) <= 1e-12 * max(abs(a), abs(b)) || abs(a - b) <= 1e-300
                    if exact ? !same : !(same || close) {
                        return "\(kind) of \(node.name)[\(k)]: engine \(a), browser \(text)"
                            + (exact ? " (this graph must agree bit for bit)" : "")
                    }
                }
            }
        }
        return nil
    }

    @Test func everyGraphBlockOfTheCourseAndTheFixturesAgrees() throws {
        let blocks = graphBlocks(in: courseFolder) + graphBlocks(in: codegenFixtures)
        #expect(blocks.count >= 20, "found \(blocks.count) graph blocks")
        let traces = blocks.compactMap { blockTrace($0.source, name: $0.name, fenceLine: $0.fenceLine) }
        #expect(traces.count == blocks.count, "every shipped graph block runs")
        #expect(traces.contains { usesElementaryFunctions($0) && !usesLibm($0) })
        let results = try runInBrowser(traces)
        for (trace, result) in zip(traces, results) {
            #expect(mismatch(trace, result) == nil, "\(trace.block): \(mismatch(trace, result) ?? "")")
        }
    }

    @Test func seededRandomGraphsAgree() throws {
        var traces: [Trace] = [], sources: [String] = []
        for seed in UInt64(1)...400 {
            let source = randomBlock(seed)
            guard let trace = blockTrace(source, name: "random-\(seed)") else { continue }
            traces.append(trace)
            sources.append(source)
        }
        #expect(traces.count >= 100, "only \(traces.count) random graphs ran")
        let results = try runInBrowser(traces)
        for (i, trace) in traces.enumerated() {
            #expect(mismatch(trace, results[i]) == nil, "\(mismatch(trace, results[i]) ?? "")\n\(sources[i])")
        }
    }

    /// Chromium on a page that loads only the shared kernels; the caller removes `folder`.
    private func kernelsPage() throws -> (browser: ChromiumSession, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-kernels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(("<!doctype html><script>" + JavaScriptKernels.source + "</script>").utf8)
            .write(to: folder.appendingPathComponent("index.html"))
        let browser = try ChromiumSession(viewport: (800, 600))
        try browser.open(folder.appendingPathComponent("index.html").path)
        return (browser, folder)
    }

    @Test func elementaryFunctionsAreTheEnginesBitForBit() throws {
        // Dense over each function's interesting range, plus edges: tiny, subnormal, huge, ±0,
        // ±inf, and both sides of every place the method changes (0.125, 22, 40, 709.78, −745.1).
        var xs: [Double] = [0, -0.0, 1e-300, -1e-300, 0x1p-1074, -0x1p-1074, .infinity, -.infinity, 1.7976931348623157e308,
                            0.125, 0.1249999999, 22, 22.01, 40, 40.01, -40.01, 709.78, 709.79, -745.1, -745.2, 3, 0.5, 1e-17]
        xs += Array(stride(from: -750.0, through: 720, by: 0.7371))
        xs += Array(stride(from: -30.0, through: 30, by: 0.01237))
        for k in 0..<200 { xs.append(0x1p-40 * pow(2, Double(k) / 5)) }
        for k in stride(from: 7, to: 1023, by: 7) {
            let power = pow(2, Double(k))
            xs += [power * 1.3, 1.7 / power]
        }
        let functions: [(String, (Double) -> Double)] = [
            ("exp", { DeterministicMath.exp($0) }), ("log", { DeterministicMath.log($0) }), ("log1p", { DeterministicMath.log1p($0) }),
            ("tanh", { DeterministicMath.tanh($0) }), ("sigmoid", { DeterministicMath.sigmoid($0) }),
        ]
        let (browser, folder) = try kernelsPage()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = xs.map(Plan.literal).joined(separator: ",")
        for (name, swift) in functions {
            // log1p is only ever given u ≥ 0 (bce_logits' e^−|z|).
            let arguments = name == "log1p" ? xs.filter { $0 >= 0 } : xs
            let script = "JSON.stringify([\(list)].filter(function (x) { return \(name == "log1p") ? x >= 0 : true; })"
                + ".map(function (x) { var y = LessonsKernels.math.\(name)(x); return Object.is(y, -0) ? \"-0\" : String(y); }))"
            let texts = try JSONDecoder().decode([String].self, from: Data(try #require(try browser.evaluate(script) as? String).utf8))
            #expect(texts.count == arguments.count)
            for (x, text) in zip(arguments, texts) {
                let ours = swift(x)
                let theirs = text == "Infinity" ? Double.infinity : text == "-Infinity" ? -Double.infinity : text == "-0" ? -0.0 : Double(text) ?? .nan
                #expect(ours.bitPattern == theirs.bitPattern || (ours.isNaN && theirs.isNaN), "\(name)(\(x)): engine \(ours), browser \(text)")
            }
        }
    }

    @Test func everyRegistryOpHasAKernel() throws {
        let (browser, folder) = try kernelsPage()
        defer { try? FileManager.default.removeItem(at: folder) }
        let keys = try #require(try browser.evaluate("Object.keys(LessonsKernels.kernels)") as? [String])
        let missing = Operation.allCases.map(\.traceName).filter { !keys.contains($0) }
        #expect(missing.isEmpty, "ops with no JavaScript kernel: \(missing)")
    }

    @Test func dropoutMasksAreTheEngines() throws {
        // The hash bit for bit (seeds and indices across the whole range), then whole masks.
        let pairs = [(0, 0), (0, 1), (7, 11), (3, 0), (999_999, 123_456), (42, 1 << 20), (65_535, 2_147_483_647)]
            + (0..<200).map { ($0 * 4_999, $0 * 37) }
        let (browser, folder) = try kernelsPage()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = pairs.map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
        let hashes = try #require(try browser.evaluate("JSON.stringify([\(list)].map(function (q) { return LessonsKernels.dropoutHash(q[0], q[1]); }))") as? String)
        #expect(try JSONDecoder().decode([UInt32].self, from: Data(hashes.utf8)) == pairs.map { DropoutMask.hash(seed: $0.0, index: $0.1) })
        for (p, seed) in [(0.5, 0), (0.1, 7), (0.9, 123), (0.0, 5)] {
            let kept = try #require(try browser.evaluate(
                "JSON.stringify(Array.from({length: 500}, function (_, i) { return LessonsKernels.dropoutKeeps(\(seed), i, \(p)) ? 1 : 0; }))") as? String)
            #expect(try JSONDecoder().decode([Double].self, from: Data(kept.utf8)) == DropoutMask.mask(count: 500, p: p, seed: seed), "p \(p), seed \(seed)")
        }
    }

    @Test func literalsReadBackExactly() {
        for x in [0.1, -0.0, 1e-300, Double.leastNonzeroMagnitude, 1.7976931348623157e308, 3.0, -2.5, 123456789012345678.0, .infinity, -.infinity] {
            let text = Plan.literal(x)
            let back = text == "Infinity" ? Double.infinity : text == "-Infinity" ? -Double.infinity : Double(text)
            #expect(back?.bitPattern == x.bitPattern, "\(x) written as \(text)")
        }
        #expect(Plan.literal(.nan) == "NaN")
    }
}
