import Browser
import Codegen
import Foundation
import LessonModel
import Testing
@testable import Training
@testable import LessonsKit

// Gradient descent by hand (issue 16, item 4): the page's steps are the engine's. One step in
// Chromium equals the Swift engine evaluated at leaf − lr · gradient, and ten steps equal ten of
// the engine's, to 1e-12 relative; the controls are labelled, reachable, and keep the address.

private let blocks = [
    ("fit", "x = 2\nparam w = 0.5\nparam b = 1\ny = 3\nL = (x * w + b - y)^2\ndescend L over w, b lr 0.05\n"),
    ("logistic", "x = [1.0, 2.0]\nparam w = [0.5, -0.2]\nparam b = 0.1\np = sigmoid(sum(x * w) + b)\nL = -log(p)\ndescend L over w, b\n"),
]

private func built() throws -> Workspace {
    let workspace = try Workspace()
    let text = "# Descent\n\n" + blocks.map { "```graph \($0.0)\n\($0.1)```\n" }.joined(separator: "\n")
    try workspace.write("descent.md", text)
    let report = workspace.build(workspace.lessons, output: workspace.output, useCache: false)
    #expect(report.succeeded, "\(report.diagnostics)")
    return workspace
}

/// The engine's trace of a block, the trace indices of its descend leaves, and its rate.
private func engine(_ source: String) throws -> (trace: Trace, leaves: [Int], rate: Double) {
    let (program, _) = BlockLanguage.parseGraph(LessonBlock(kind: .graph, name: "g", source: source, fenceLine: 1), path: "t.md")
    let p = try #require(program)
    let descent = try #require(p.descent)
    let trace = try #require(GraphRunner.run(p, lesson: "l", block: "g", path: "t.md").0)
    return (trace, descent.leaves, descent.rate)
}

/// `count` steps by the engine: the leaves' values after them, and the output there.
private func engineSteps(_ source: String, count: Int) throws -> (leaves: [[Double]], loss: Double) {
    let (trace, leaves, rate) = try engine(source)
    var values: [Int: [Double]] = [:]
    for i in leaves { values[i] = trace.steps[0].values[i] }
    for _ in 0..<count {
        let (plan, ids) = try #require(LiveGraphCode.rebuild(trace, values: values))
        plan.forward()
        plan.backward()
        for i in leaves {
            let g = try #require(plan.gradient(ids[i])).scalars
            values[i] = zip(try #require(values[i]), g).map { $0 - rate * $1 }
        }
    }
    let (plan, ids) = try #require(LiveGraphCode.rebuild(trace, values: values))
    plan.forward()
    let loss = try #require(plan.value(ids[trace.output])?.scalars.first)
    return (leaves.map { values[$0] ?? [] }, loss)
}

private func close(_ a: Double, _ b: Double) -> Bool {
    a == b || Swift.abs(a - b) <= 1e-12 * Swift.max(Swift.abs(a), Swift.abs(b))
}

/// Clicks a step button `clicks` times on widget `id` and reads the leaves, the output, the table and the address.
private func pageSteps(_ browser: ChromiumSession, _ id: String, button: Int, clicks: Int) throws -> String {
    let probe = """
        new Promise(function (done) {
          var w = document.getElementById("\(id)"), live = w.lessonsLive;
          live.ready(function () {
            var b = w.querySelectorAll(".descent-step")[\(button)];
            for (var n = 0; n < \(clicks); n++) b.click();
            var leaves = w.querySelector(".live-descent").dataset.leaves.split(",");
            done(JSON.stringify({
              leaves: leaves.map(function (i) { return live.values(i); }),
              loss: live.state().v[live.data().output][0],
              rows: Array.prototype.map.call(w.querySelectorAll(".descent-table tbody tr"), function (r) { return r.textContent; }).length,
              status: w.querySelector(".descent-status").textContent,
              hash: location.hash
            }));
          });
        })
        """
    return try #require(try awaitedProbe(browser, probe), "\(browser.consoleErrors)")
}

private struct Seen: Decodable { var leaves: [[Double]]; var loss: Double; var rows: Int; var status: String; var hash: String }

@Suite(.serialized, .enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct DescentTests {
    @Test func oneStepInThePageIsTheEngineAtLeafMinusRateTimesGradient() throws {
        let workspace = try built()
        for (name, source) in blocks {
            let browser = try BrowserPool.take(viewport: (1280, 900))
            defer { BrowserPool.release(browser) }
            try browser.open(workspace.output + "/descent/index.html")
            let seen = try JSONDecoder().decode(Seen.self, from: Data(try pageSteps(browser, "graph-\(name)", button: 0, clicks: 1).utf8))
            let (trace, leaves, rate) = try engine(source)
            let expected = leaves.map { i in zip(trace.steps[0].values[i], trace.steps[0].gradients[i]).map { $0 - rate * $1 } }
            #expect(seen.leaves.count == expected.count)
            for (a, b) in zip(seen.leaves, expected) { #expect(a.count == b.count && zip(a, b).allSatisfy(close), "\(name): \(a) vs \(b)") }
            let engineLoss = try engineSteps(source, count: 1).loss
            #expect(close(seen.loss, engineLoss), "\(name): \(seen.loss) vs \(engineLoss)")
            // The table has step 0 and step 1; the address holds the moved leaves.
            #expect(seen.rows == 2)
            #expect(seen.status.hasPrefix("Step 1: L = "))
            #expect(seen.hash.hasPrefix("#graph-\(name):w="), "\(seen.hash)")
            #expect(browser.consoleErrors.isEmpty, "\(browser.consoleErrors)")
        }
    }

    @Test func tenStepsInThePageAreTenOfTheEngines() throws {
        let workspace = try built()
        for (name, source) in blocks {
            let browser = try BrowserPool.take(viewport: (1280, 900))
            defer { BrowserPool.release(browser) }
            try browser.open(workspace.output + "/descent/index.html")
            let seen = try JSONDecoder().decode(Seen.self, from: Data(try pageSteps(browser, "graph-\(name)", button: 1, clicks: 1).utf8))
            let engine = try engineSteps(source, count: 10)
            for (a, b) in zip(seen.leaves, engine.leaves) { #expect(a.count == b.count && zip(a, b).allSatisfy(close), "\(name): \(a) vs \(b)") }
            #expect(close(seen.loss, engine.loss), "\(name): \(seen.loss) vs \(engine.loss)")
            #expect(seen.rows == 11 && seen.status.hasPrefix("Step 10: L = "))
        }
    }

    @Test func resetClearsTheStepsAndABadRateIsSaid() throws {
        let workspace = try built()
        let browser = try BrowserPool.take(viewport: (1280, 900))
        defer { BrowserPool.release(browser) }
        try browser.open(workspace.output + "/descent/index.html")
        let json = try #require(try awaitedProbe(browser, """
            new Promise(function (done) {
              var w = document.getElementById("graph-fit"), live = w.lessonsLive;
              live.ready(function () {
                var rate = w.querySelector(".descent-rate"), reset = w.querySelector(".descent-reset");
                var status = function () { return w.querySelector(".descent-status").textContent; };
                rate.value = "-1";
                w.querySelector(".descent-step").click();
                var bad = [status(), rate.getAttribute("aria-invalid"), location.hash];
                rate.value = "0.05";
                w.querySelector(".descent-step").click();
                reset.click();
                done(JSON.stringify({ bad: bad, after: [w.querySelectorAll(".descent-table tbody tr").length, reset.disabled,
                  w.querySelector(".descent-rows").hidden, location.hash, live.values(1)[0]] }));
              });
            })
            """), "\(browser.consoleErrors)")
        #expect(json == ##"{"bad":["The learning rate needs a positive number.","true",""],"after":[0,true,true,"#graph-fit",0.5]}"##)
    }

    @Test func theControlsAreLabelledReachedByTheKeyboardAndHiddenInPrint() throws {
        let workspace = try built()
        let page = workspace.page("descent")
        #expect(page.contains("<label for=\"graph-fit-descent-rate\">Learning rate</label>"))
        #expect(page.contains("value=\"0.05\""))
        #expect(page.contains("<span class=\"descent-status\" role=\"status\" aria-live=\"polite\"></span>"))
        #expect(page.contains("Take 10 steps"))
        let browser = try BrowserPool.take(viewport: (1280, 900))
        defer { BrowserPool.release(browser) }
        try browser.open(workspace.output + "/descent/index.html")
        // Focus the rate field, Tab to "Take a step", press Enter: a step is taken.
        _ = try browser.evaluate("document.getElementById('graph-fit-descent-rate').focus()")
        for key in [("Tab", 9), ("Enter", 13)] {
            for type in ["keyDown", "keyUp"] {
                var event: [String: Any] = ["type": type, "key": key.0, "code": key.0, "windowsVirtualKeyCode": key.1]
                if key.0 == "Enter", type == "keyDown" { event["text"] = "\r" }
                _ = try browser.page("Input.dispatchKeyEvent", event)
            }
        }
        let status = try #require(try awaitedProbe(browser, """
            new Promise(function (done) {
              var w = document.getElementById("graph-fit");
              w.lessonsLive.ready(function () { setTimeout(function () { done(w.querySelector(".descent-status").textContent); }, 50); });
            })
            """))
        #expect(status.hasPrefix("Step 1: L = "), "\(status)")
        _ = try browser.page("Emulation.setEmulatedMedia", ["media": "print"])
        #expect(try browser.evaluate("getComputedStyle(document.querySelector('.live-descent')).display") as? String == "none"
            || browser.evaluate("getComputedStyle(document.querySelector('.live-edit')).display") as? String == "none")
    }
}

// Without the browser: the controls are there only for a block with a descend line, in the page's language.
@Test func descentControlsComeOnlyWithADescendLineAndSpeakTheLessonsLanguage() throws {
    let workspace = try Workspace()
    try workspace.write("plain.md", "# Plain\n\n```graph plain\nparam w = 0.5\nL = (w - 1)^2\n```\n")
    try workspace.write("xia.md", "---\ntitle: 下降\nlang: zh-CN\n---\n\n```graph zh\nparam w = 0.5\nparam b = 1\nL = (w * b - 1)^2\ndescend L over w, b\n```\n")
    let report = workspace.build(workspace.lessons, output: workspace.output, useCache: false)
    #expect(report.succeeded, "\(report.diagnostics)")
    #expect(!workspace.page("plain").contains("live-descent"))
    let zh = workspace.page("xia")
    #expect(zh.contains("<label for=\"graph-zh-descent-rate\">学习率</label>"))
    #expect(zh.contains(">走一步</button>") && zh.contains(">走 10 步</button>"))
    #expect(zh.contains("每走一步，w 和 b 都各自减去学习率乘以自己的梯度"))
    let live = try String(contentsOfFile: workspace.output + "/xia/live/graph-zh.js", encoding: .utf8)
    #expect(live.contains("\"stepTaken\":\"第 {0} 步：{1} = {2}。\""))
}
