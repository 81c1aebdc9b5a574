import Foundation
import Testing
import Browser
import Site
@testable import LessonsKit

/// A hand-written graph with a group: one lesson, built per test (a graph block runs in milliseconds).
private let neuronLesson = """
    # A neuron

    ```graph neuron
    x = 2
    param w = 0.5
    param b = 1
    z = x * w + b
    h = tanh(z)
    L = (h - 1)^2
    group neuron: w, b, z, h
    ```
    """

private func builtNeuron() throws -> Workspace {
    let workspace = try Workspace()
    try workspace.write("neuron.md", neuronLesson)
    let report = workspace.build(workspace.lessons, output: workspace.output, useCache: false)
    #expect(report.succeeded, "\(report.diagnostics)")
    return workspace
}

@Test func groupedGraphWithoutJavaScriptShowsTheCollapsedDrawingAndItsWalkOnly() throws {
    let workspace = try builtNeuron()
    let page = workspace.page("neuron")
    // The opened drawing and its steps wait in the views file until a group is opened.
    #expect(page.contains("<div class=\"diagram wide\" data-view=\"0\" data-width=") && page.contains("<div class=\"diagram narrow\" data-view=\"0\" data-width="))
    #expect(!page.contains("data-view=\"1\""))
    let id = try #require(page.range(of: "data-views=\"views/").map { page[$0.upperBound...].prefix { $0 != "\"" } })
    let file = try #require(FileManager.default.contents(atPath: workspace.output + "/neuron/views/" + id))
    #expect(file.starts(with: Array("lessonsViews(".utf8)))
    let json = try #require(PackedScript.json(of: Array(file)))
    let parts = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String])
    #expect(parts.count == 3)  // markup, steps and the opened group's drawing
    let views = parts[0] + parts[1]
    #expect(views.contains("<div class=\"diagram\" data-view=\"1\" data-width=") && views.contains("\" hidden style="))
    let hiddenSteps = views.components(separatedBy: "<li hidden data-phase=").count - 1
    #expect(hiddenSteps == 18)  // 9 nodes forward and back, in the opened view
    let shownSteps = page.components(separatedBy: "<li data-phase=").count - 1
    #expect(shownSteps == 10)  // x, neuron, c1, u2, L forward and back
    #expect(page.contains("<button type=\"button\" class=\"expand\" data-open=\"1\""))
    #expect(page.contains("aria-label=\"Expand neuron\""))
}

@Test func groupedBlocksAreTakenFromTheCacheWithTheirOpenedDrawings() throws {
    let workspace = try Workspace()
    let model = "\n```model deep\ndata xor\nlayers 2 -> 3 tanh -> 3 tanh -> 1\nloss = bce_logits(out, y)\n"
        + "train sgd(lr: 0.1) epochs 5\n```\n"
    try workspace.write("neuron.md", neuronLesson + model)
    let cache = workspace.root.appendingPathComponent("cache").path
    #expect(workspace.build(workspace.lessons, output: workspace.output, cacheDirectory: cache).blocksRun == 2)
    try workspace.write("neuron.md", neuronLesson + "\nOther prose.\n" + model)
    let again = workspace.build(workspace.lessons, output: workspace.output, cacheDirectory: cache)
    #expect(again.succeeded && again.blocksRun == 0)
    let files = workspace.outputTree().keys
    // The opened drawings travel packed inside the views files, also when the blocks come from the cache.
    #expect(!files.contains { $0.hasSuffix("--1.svg") })
    let packed = try files.filter { $0.hasPrefix("neuron/views/") }.map { name in
        let bytes = try #require(FileManager.default.contents(atPath: workspace.output + "/" + name))
        return try #require(PackedScript.json(of: Array(bytes)))
    }
    #expect(packed.count == 2)
    // Every view's drawing is in its file: one for the neuron's group, three for the model's layers.
    let parts = try packed.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String]) }
    #expect(parts.map(\.count).sorted() == [3, 5])  // markup, steps and the drawings
    #expect(parts.allSatisfy { $0.dropFirst(2).allSatisfy { $0.hasPrefix("<?xml") && $0.contains("<svg ") } })
}

/// The string a probe's promise resolves to (the probes wait for the files a click loads).
private func awaited(_ browser: ChromiumSession, _ probe: String) throws -> String? {
    let reply = try browser.page("Runtime.evaluate", ["expression": probe, "awaitPromise": true, "returnByValue": true])
    return (reply["result"] as? [String: Any])?["value"] as? String
}

@Suite(.serialized, .enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct GroupBrowserTests {
    /// Walks to the group's forward step, opens the group, steps through its inside, closes it;
    /// returns what the page showed at each point.
    private static let probe = """
        new Promise(function (done) {
          var w = document.querySelector(".graph-widget");
          var click = function (selector) { w.querySelector(selector).click(); };
          var shown = function () { return w.querySelector(".diagram:not([hidden])").dataset.view; };
          var equation = function () { var li = w.querySelector(".steps > li.current"); return li ? li.querySelector(".equation").textContent : ""; };
          var counter = function () { return w.querySelector(".counter").textContent; };
          var out = {};
          click('[data-go="next"]'); click('[data-go="next"]');
          out.collapsed = [shown(), counter(), equation(), w.classList.contains("grouped")];
          click('.diagram[data-view="0"] .expand[data-open="1"]');
          // The opened drawings arrive with the first click (views/<widget>.js).
          w.addEventListener("lessons:views", function () {
          out.opened = [shown(), counter(), equation(), document.activeElement.className];
          var inside = [];
          for (var k = 0; k < 3; k++) { click('[data-go="next"]'); inside.push(equation()); }
          out.inside = inside;
          out.pending = Array.prototype.filter.call(w.querySelectorAll('.diagram[data-view="1"] .cell.value.pending'),
                                                   function (c) { return true; }).length;
          click('.diagram[data-view="1"] .collapse');
          out.closed = [shown(), counter(), equation(), document.activeElement.dataset.open];
          done(JSON.stringify(out));
          });
        })
        """

    private struct Walk: Decodable {
        var collapsed: [Value]; var opened: [Value]; var inside: [String]; var pending: Int; var closed: [Value]
    }

    /// A string or a flag, as the probe returns them.
    private enum Value: Decodable, Equatable {
        case text(String), flag(Bool)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { self = .flag(b) } else { self = .text(try c.decode(String.self)) }
        }
    }

    @Test func openingAGroupWalksThroughItsInsideAndClosingReturnsToTheGroup() throws {
        let workspace = try builtNeuron()
        let browser = try BrowserPool.take(viewport: (1280, 900))
        defer { BrowserPool.release(browser) }
        try browser.open(workspace.output + "/neuron/index.html")
        let json = try #require(try awaited(browser, Self.probe))
        let walk = try JSONDecoder().decode(Walk.self, from: Data(json.utf8))
        #expect(walk.collapsed == [.text("0"), .text("Forward 2 of 5"),
                                   .text("neuron: h computed from x; h = 0.964"), .flag(true)])
        // Opened at the group's step: the walk stands on the group's first node.
        #expect(walk.opened == [.text("1"), .text("Forward 2 of 9"), .text("w = 0.5, a parameter"), .text("collapse")])
        #expect(walk.inside == ["b = 1, a parameter", "u1 = x · w = 2 · 0.5 = 1", "z = u1 + b = 1 + 1 = 2"])
        #expect(walk.pending == 4)  // h, c1, u2 and L are still to come
        #expect(walk.closed == [.text("0"), .text("Forward 2 of 5"),
                                .text("neuron: h computed from x; h = 0.964"), .text("1")])
        #expect(browser.consoleErrors.isEmpty, "\(browser.consoleErrors)")
    }

    /// Opens layer 1 of a trained model and reads the backward equation of layer 2 (still closed,
    /// so its step has numbers: gradient sizes) at the last and at the first traced step.
    /// Opens layer 1, moves the slider to step 0 (which loads the widget's step file), and, once
    /// that file has run, back to the last step: the equation's text at the last step, at step 0, and again at the last.
    private static let scrubProbe = """
        new Promise(function (done) {
          var w = document.querySelector(".model-widget");
          w.querySelector('.expand[data-open="1"]').click();
          w.addEventListener("lessons:views", function () {
          var steps = Array.prototype.slice.call(w.querySelectorAll('.steps > li[data-view="1"]'));
          var target = steps.filter(function (li) {
            return li.dataset.phase === "backward" && li.querySelector(".equation").textContent.indexOf("layer 2:") === 0;
          })[0];
          var text = function () { return target.querySelector(".equation").textContent; };
          var slider = w.querySelector(".scrubber input");
          var last = text();
          slider.value = "0"; slider.dispatchEvent(new Event("input"));
          w.addEventListener("lessons:steps", function () {
            var zero = text();
            slider.value = slider.max; slider.dispatchEvent(new Event("input"));
            done(JSON.stringify([last, zero, text()]));
          });
          });
        })
        """

    @Test func scrubbingRefillsTheEquationsOfAnOpenedGroup() throws {
        let workspace = try Workspace()
        try workspace.write("deep.md", "# Deep\n\n```model deep\ndata xor\nlayers 2 -> 3 tanh -> 3 tanh -> 1\n"
            + "loss = bce_logits(out, y)\ntrain sgd(lr: 0.5) epochs 20\n```\n")
        let report = workspace.build(workspace.lessons, output: workspace.output, useCache: false)
        #expect(report.succeeded, "\(report.diagnostics)")
        let browser = try BrowserPool.take(viewport: (1280, 900))
        defer { BrowserPool.release(browser) }
        try browser.open(workspace.output + "/deep/index.html")
        let json = try #require(try awaited(browser, Self.scrubProbe))
        let texts = try JSONDecoder().decode([String].self, from: Data(json.utf8))
        #expect(texts.count == 3)
        guard texts.count == 3 else { return }
        #expect(texts[0] == texts[2], "back at the last step, the page shows what it showed first")
        #expect(texts[1] != texts[0], "step 0 and the last step differ: \(texts)")
    }
}
