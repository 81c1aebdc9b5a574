import Foundation
import Testing
@testable import Site
import TestSupport

@Test func textsSplitIntoWordingAndNumbers() {
    let split = StepText.split("step 5,000 · loss 0.2315 at u1 = [ −1.5e−3  2]")
    #expect(split.template == "step\u{1} · loss\u{1} at u1 = [\u{1}\u{1}]")
    #expect(split.numbers == [" 5,000", " 0.2315", " −1.5e−3", "  2"])
    #expect(StepText.split("x\u{1}").template == nil)
    #expect(StepText.shared([" 1", "2", "  1", "2", "3"]) == [" 1", "2", "  ~0", "~1", "3"])
}

/// Reads a step file as lessons.js does (Script+Scrubber's decodeSteps), independently of StepData.
private func decode(_ file: [UInt8]) throws -> [[String]] {
    let text = try #require(PackedScript.json(of: file))
    let start = try #require(text.firstIndex(of: "{"))
    let end = try #require(text.lastIndex(of: "}"))
    let data = try #require(try JSONSerialization.jsonObject(with: Data(text[start...end].utf8)) as? [String: Any])
    let templates = try #require(data["t"] as? [Any])
    let steps = try #require(data["steps"] as? [[String: Any]])
    return try steps.map { step in
        if let raw = step["r"] as? [String: Any] {
            let label = try #require(raw["label"] as? String)
            let v = try #require(raw["v"] as? [[String]]), g = try #require(raw["g"] as? [[String]])
            let e = try #require(raw["e"] as? [String]), tv = try #require(raw["tv"] as? [String]), tg = try #require(raw["tg"] as? [String])
            let p = try #require(raw["p"] as? [String])
            return [label] + v.flatMap { $0 } + g.flatMap { $0 } + e + tv + tg + p
        }
        let given = try #require(step["n"] as? String)
        var distinct: [String] = []
        let numbers = (given.isEmpty ? [] : given.split(separator: "|", omittingEmptySubsequences: false).map(String.init)).map { n -> String in
            let digits = String(n.drop { $0 == " " }), spaces = String(n.prefix { $0 == " " })
            if digits.hasPrefix("~"), let k = Int(digits.dropFirst(), radix: 36), k < distinct.count { return spaces + distinct[k] }
            distinct.append(digits)
            return n
        }
        var k = 0
        let whole = step["o"] as? [String: String] ?? [:]
        return templates.enumerated().map { slot, template in
            if let text = whole[String(slot)] { return text }
            return (template as? String ?? "").split(separator: "\u{1}", omittingEmptySubsequences: false).enumerated().map { i, part in
                if i == 0 { return String(part) }
                defer { k += 1 }
                return (k < numbers.count ? numbers[k] : "") + part
            }.joined()
        }
    }
}

@Test func stepFileGivesBackEveryTextOfEveryStep() throws {
    func snapshot(_ step: Int, _ loss: String, value: String, lines: Int = 1, equation: String) -> GraphWidget.Snapshot {
        GraphWidget.Snapshot(step: step, label: "step \(step) · loss \(loss)", valueLines: [Array(repeating: "value \(value)", count: lines), []],
                             gradientLines: [["grad [ 0.5 −\(loss)]"], []], equations: [equation, "c = 2 (a constant)"], chartX: Double(step) / 10,
                             tableValues: [value, "2"], tableGradients: [loss, ""],
                             predictions: ["Predictions on the training data at step \(step)", "[−\(loss), \(value)]", "[0.25, 0.75]", "1"])
    }
    var w = GraphWidget(id: "model-m", kind: "model", name: "m", source: "", width: 10, height: 10, svg: "", trace: "", alt: "",
                        nodes: [], edges: [], steps: [], rows: [], checks: [])
    w.snapshots = [
        snapshot(0, "2.417", value: "0.5", equation: "u1 = W1 · x = 0.5"),
        snapshot(1, "1.5", value: "0.5", lines: 2, equation: "u1 = W1 · x = 0.5"),  // another shape: stored whole
        snapshot(2, "0.25", value: "#1", equation: "u1 is on its card"),  // other wording: that text stored whole
        snapshot(3, "0.125", value: "0.125", equation: "u1 = W1 · x = 0.125"),
    ]
    let file = try #require(StepData.file(w))
    #expect(file.path == "steps/model-m.js")
    #expect(String(decoding: file.bytes, as: UTF8.self).hasPrefix("lessonsSteps(\"model-m\", \"H4sI"))
    #expect(try decode(file.bytes) == w.snapshots.map(StepData.texts))
    // The predictions table's caption and cells ride along, counted in the shape the script cuts by.
    #expect(PackedScript.json(of: file.bytes)?.contains("\"tg\":2,\"p\":4}") == true)
    #expect(StepData.texts(w.snapshots[3]).suffix(4) == ["Predictions on the training data at step 3", "[−0.125, 0.125]", "[0.25, 0.75]", "1"])
}

@Test func aWidgetWithoutSliderHasNoStepFile() {
    let w = GraphWidget(id: "graph-g", kind: "graph", name: "g", source: "", width: 10, height: 10, svg: "", trace: "", alt: "",
                        nodes: [], edges: [], steps: [], rows: [], checks: [])
    #expect(StepData.file(w) == nil)
}

@Test func longFrameworkListingsLoadWithTheirTab() throws {
    let long = (0..<400).map { "w\($0) = np.array([0.125, -0.5])" }.joined(separator: "\n")
    var w = GraphWidget(id: "model-m", kind: "model", name: "m", source: "", width: 10, height: 10, svg: "", trace: "", alt: "",
                        nodes: [], edges: [], steps: [], rows: [], checks: [])
    w.code = CodeTabs(tabs: [CodeTabs.Tab(label: CodeTabs.lessonLabel, language: "lessons", source: long, download: nil),
                             CodeTabs.Tab(label: "NumPy", language: "python", source: long, download: "code/m.py")], files: [], note: "")
    let page = CodeTabsHTML.render(try #require(w.code), id: "model-m-code", block: "m").html
    // The block's own tab stays in the page however long; the NumPy listing is a file.
    #expect(page.contains("<pre><code class=\"language-lessons\">w0 = np.array"))
    #expect(page.contains("<pre data-code=\"code/model-m-code-2.js\"><code class=\"language-python\"></code></pre><p class=\"code-elsewhere\">"))
    let files = CodeListings.files(w)
    #expect(files.map(\.path) == ["code/model-m-code-2.js"])
    let script = String(decoding: try #require(files.first).bytes, as: UTF8.self)
    #expect(script.hasPrefix("lessonsCode(\"model-m-code-2\", \"H4sI") && script.hasSuffix("\");\n"))
    let first = try #require(files.first)
    let json = try #require(PackedScript.json(of: first.bytes))
    let parts = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String])
    #expect(parts.count == 1 && parts[0].contains("w0") && parts[0].contains("<span class=\"m\">"))
    // The print page keeps every listing inline.
    #expect(!CodeTabsHTML.render(try #require(w.code), id: "model-m-code", block: "m", lazy: false).html.contains("data-code"))
}

/// The splitting rules written over Unicode scalars, as `StepText.split` was before it worked on
/// UTF-8 bytes: the reference it must agree with.
private func scalarSplit(_ text: String) -> (template: String?, numbers: [String]) {
    let s = Array(text.unicodeScalars)
    guard !s.contains("\u{1}") else { return (nil, []) }
    func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    func isWordPart(_ c: Unicode.Scalar) -> Bool { isDigit(c) || c == "_" || c.properties.isAlphabetic }
    func numberEnd(_ start: Int) -> Int? {
        var i = start
        while i < s.count, s[i] == " " { i += 1 }
        if i == start, start > 0, isWordPart(s[start - 1]) { return nil }
        if i < s.count, s[i] == "-" || s[i] == "−" { i += 1 }
        guard i < s.count, isDigit(s[i]) else { return nil }
        while i < s.count {
            if isDigit(s[i]) { i += 1; continue }
            if s[i] == "." || s[i] == ",", i + 1 < s.count, isDigit(s[i + 1]) { i += 2; continue }
            if s[i] == "e" {
                var j = i + 1
                if j < s.count, s[j] == "-" || s[j] == "−" || s[j] == "+" { j += 1 }
                if j < s.count, isDigit(s[j]) { i = j; continue }
            }
            break
        }
        if i < s.count, isWordPart(s[i]) { return nil }
        return i
    }
    var template = String.UnicodeScalarView(), numbers: [String] = []
    var i = 0
    while i < s.count {
        if let end = numberEnd(i) {
            numbers.append(String(String.UnicodeScalarView(s[i..<end])))
            template.append("\u{1}")
            i = end
        } else {
            template.append(s[i])
            i += 1
        }
    }
    return (String(template), numbers)
}

@Test func splittingOnBytesAgreesWithSplittingOnCharacters() {
    let pieces = ["0", "7", "12", " ", "  ", "-", "−", "+", ".", ",", "e", "E", "x", "u", "W", "_", "é", "中", "β", "·", "=",
                  "[", "]", "(", "😀", "\u{1}", "1.5e−3", "5,000", "∂L/∂w"]
    var rng = SplitMix64(seed: 2026)
    for _ in 0..<20_000 {
        let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        let fast = StepText.split(text), reference = scalarSplit(text)
        #expect(fast.template == reference.template && fast.numbers == reference.numbers, "\(text.debugDescription)")
    }
}
