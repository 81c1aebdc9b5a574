import Browser
import Codegen
import Foundation
import LessonModel
@testable import Presentation
import Site
import Testing
@testable import Training

// Editable graph blocks (issue 16, items 2 and 3): for seeded edits of every graph block of the
// course, the page's recomputed values and gradients are the engine's for the edited values
// (to 1e-12 relative), and every text it shows (cards, edge labels, node table, the walk's
// equations) is what a build of the edited lesson writes, to the character.

/// Every graph block of the shipped course: its lesson's page folder, name, source and language.
private func courseGraphBlocks() -> [(slug: String, name: String, source: String, zh: Bool)] {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../lessons").standardizedFileURL.path
    let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".md") }.sorted()
    var blocks: [(String, String, String, Bool)] = []
    for file in files {
        guard let text = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8) else { continue }
        let slug = String(file.dropLast(3)).replacingOccurrences(of: "/", with: "-")
        var open: (name: String, lines: [String])?
        for line in text.components(separatedBy: "\n") {
            if var block = open {
                if line.hasPrefix("```") { blocks.append((slug, block.name, block.lines.joined(separator: "\n") + "\n", file.hasPrefix("zh/"))); open = nil }
                else { block.lines.append(line); open = block }
            } else if line.hasPrefix("```graph ") {
                open = (String(line.dropFirst(9)).trimmingCharacters(in: .whitespaces), [])
            }
        }
    }
    return blocks
}

/// The texts a widget shows, as the probe below reads them from the page.
private struct Texts: Decodable, Equatable {
    var cells: [String]; var table: [String]; var equations: [String]; var labels: [String]
}

private struct Result: Decodable {
    var link: String; var hash: String; var status: String; var v: [[String]]; var g: [[String]]; var texts: Texts
}

private struct Report: Decodable { var before: Texts; var again: Texts; var results: [Result] }

/// Reads a widget's texts before any edit, after Reset, and after each edit in `links` (applied as
/// the address would apply them), with the recomputed numbers (shortest round-trip digits).
private func probe(_ id: String, links: [String]) -> String {
    let edits = "[" + links.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    return """
        new Promise(function (done) {
          var w = document.getElementById("\(id)"), live = w.lessonsLive;
          var text = function (x) { return Object.is(x, -0) ? "-0" : String(x); };
          var map = function (list, f) { return Array.prototype.map.call(list, f); };
          function texts() {
            var first = w.querySelector(".diagram");
            return {
              cells: map(first.querySelectorAll(".cell"), function (c) {
                return c.dataset.node + (c.classList.contains("value") ? "v:" : "g:") + map(c.children, function (s) { return s.textContent; }).join("\\n");
              }),
              table: map(w.querySelectorAll(".node-table td[data-node]"), function (c) { return c.textContent; }),
              equations: map(w.querySelectorAll(".steps > li .equation"), function (e) { return e.textContent; }),
              labels: map(first.querySelectorAll(".live-label"), function (l) { return l.dataset.edge + ":" + l.textContent; })
            };
          }
          live.ready(function () {
            var before = texts();
            live.reset();
            var again = texts();
            var results = \(edits).map(function (link) {
              live.applyLink(link);
              var s = live.state();
              return { link: link, hash: location.hash, status: w.querySelector(".live-status").textContent,
                       v: s.v.map(function (xs) { return xs.map(text); }), g: s.g.map(function (xs) { return xs.map(text); }), texts: texts() };
            });
            done(JSON.stringify({ before: before, again: again, results: results }));
          });
        })
        """
}

/// The string a probe's promise resolves to.
func awaitedProbe(_ browser: ChromiumSession, _ probe: String) throws -> String? {
    let reply = try browser.page("Runtime.evaluate", ["expression": probe, "awaitPromise": true, "returnByValue": true])
    return (reply["result"] as? [String: Any])?["value"] as? String
}

/// What a build of the lesson with `values` in its leaves shows: the engine's step, and the texts.
private func engineResult(_ trace: Trace, values: [Int: [Double]], stem: String, words: Words) throws -> (Trace.Step, Texts)? {
    guard let (plan, ids) = LiveGraphCode.rebuild(trace, values: values) else { return nil }
    plan.forward()
    plan.backward()
    let step = GraphRunner.step(0, plan: plan, ids: ids, loss: nil)
    guard (step.values + step.gradients).allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return nil }
    var edited = trace
    edited.steps = [step]
    var presentation = GraphPresentation(trace: edited, source: "", stem: stem, words: words)
    presentation.drawsFigures = false
    let widget = try presentation.render().widget
    var cells: [String] = []
    // A graph with groups draws its cards in view order, each with its node's (or group's) index.
    for (k, node) in widget.nodes.enumerated() {
        let i = node.index ?? k
        if !node.valueLines.isEmpty { cells.append("\(i)v:" + node.valueLines.joined(separator: "\n")) }
        if !node.gradientLines.isEmpty { cells.append("\(i)g:" + node.gradientLines.joined(separator: "\n")) }
    }
    // The labels the first drawing carries (with groups, those of arrows between loose nodes), in its order.
    let whole = Dictionary(presentation.diagram(step).edges.enumerated().compactMap { e, edge in edge.label.map { (e, $0) } },
                           uniquingKeysWith: { a, _ in a })
    let labels = (widget.live?.labels.first ?? []).compactMap { frame in whole[Int(frame[0])].map { "\(Int(frame[0])):\($0)" } }
    return (step, Texts(cells: cells, table: widget.rows.flatMap { [$0.value, $0.gradient] },
                        equations: widget.steps.map(\.equation), labels: labels))
}

private func number(_ text: String) -> Double {
    text == "Infinity" ? .infinity : text == "-Infinity" ? -.infinity : Double(text) ?? .nan
}

@Suite(.serialized, .enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct LiveEditTests {
    let course: SharedCourse

    init() throws { course = try SharedCourse.get() }

    @Test func editsOfEveryCourseGraphBlockGiveTheEnginesNumbersAndTheBuildsTexts() throws {
        let blocks = courseGraphBlocks()
        #expect(blocks.count >= 25, "found \(blocks.count) graph blocks")
        let browser = try BrowserPool.take(viewport: (1280, 900))
        defer { BrowserPool.release(browser) }
        var random = SplitMix64(seed: 16)
        var opened = "", checked = 0
        for block in blocks {
            let lessonBlock = LessonBlock(kind: .graph, name: block.name, source: block.source, fenceLine: 1)
            let program = try #require(BlockLanguage.parseGraph(lessonBlock, path: block.name).0)
            let trace = try #require(GraphRunner.run(program, lesson: block.slug, block: block.name, path: block.name).0)
            let words = block.zh ? Words.chinese : Words.english
            let leaves = trace.nodes.indices.filter { [.input, .parameter].contains(trace.nodes[$0].role) && trace.steps[0].values[$0].count <= 16 }
            // Two edits that keep every value finite: each leaf moved by up to a half and a little.
            var edits: [(link: String, values: [Int: [Double]], step: Trace.Step, texts: Texts)] = []
            for _ in 0..<40 where edits.count < 2 {
                var values: [Int: [Double]] = [:]
                for i in leaves {
                    values[i] = trace.steps[0].values[i].map { x in
                        let u = Double(random.next() % 1000) / 1000, w = Double(random.next() % 1000) / 1000
                        return ((x * (0.5 + u) + (w - 0.5) * 0.4) * 1000).rounded() / 1000
                    }
                }
                guard let (step, texts) = try engineResult(trace, values: values, stem: block.name, words: words) else { continue }
                // The page leaves a leaf that holds the lesson's value out of the address, so the link does too.
                let link = leaves.filter { values[$0] != trace.steps[0].values[$0] }
                    .map { i in trace.nodes[i].name + "=" + (values[i] ?? []).map(LivePresentation.literal).joined(separator: ";") }
                    .joined(separator: ",")
                edits.append((link, values, step, texts))
            }
            #expect(edits.count == 2, "\(block.slug) \(block.name): no edit kept the values finite")
            let page = course.output + "/\(block.slug)/index.html"
            if opened != page { try browser.open(page); opened = page }
            let id = "graph-\(block.name)"
            let json = try #require(try awaitedProbe(browser, probe(id, links: edits.map(\.link))), "\(id): \(browser.consoleErrors)")
            let report = try JSONDecoder().decode(Report.self, from: Data(json.utf8))
            // Reset writes the lesson's numbers exactly as the build did.
            #expect(report.again.cells == report.before.cells && report.again.table == report.before.table
                    && report.again.equations == report.before.equations, "\(id): the page's texts for the lesson's values differ from the build's")
            for (edit, result) in zip(edits, report.results) {
                #expect(result.hash == "#\(id):\(edit.link)", "\(id): the address holds \(result.hash)")
                for (i, node) in trace.nodes.enumerated() {
                    for (kind, ours, theirs) in [("value", edit.step.values[i], result.v[i]), ("gradient", edit.step.gradients[i], result.g[i])] {
                        #expect(ours.count == theirs.count)
                        for (a, text) in zip(ours, theirs) {
                            let b = number(text)
                            #expect(a == b || abs(a - b) <= 1e-12 * max(abs(a), abs(b)) || abs(a - b) <= 1e-300,
                                    "\(id) \(edit.link): \(kind) of \(node.name): engine \(a), page \(text)")
                        }
                    }
                }
                #expect(result.texts.cells == edit.texts.cells, "\(id) \(edit.link): cards")
                #expect(result.texts.table == edit.texts.table, "\(id) \(edit.link): node table")
                #expect(result.texts.equations == edit.texts.equations, "\(id) \(edit.link): equations")
                #expect(result.texts.labels == edit.texts.labels, "\(id) \(edit.link): edge labels")
                checked += 1
            }
        }
        #expect(checked >= 50)
        #expect(browser.consoleErrors.isEmpty, "\(browser.consoleErrors)")
    }
}
