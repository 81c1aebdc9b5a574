import Browser
import Foundation
import Testing
@testable import LessonsKit

// Exercises in Chromium: the reader types a number and presses Enter; the live evaluator's answer
// for the exercise's leaves decides, the verdict is announced, and the worked chain rule opens.

private let lesson = exerciseGraphs + """


    1. With x = 2, what is the gradient of x?

       ```exercise chain
       with x = 2
       ask dz/dx
       within 0.5%
       ```

    2. An entry of a matrix's gradient.

       ```exercise layer
       with W[1,0] = 0
       ask dL/dW[0,1]
       ```

    3. An entry of a 3×3 gradient, whose matrices are written under their equations.

       ```exercise wide
       with W[0,0] = 1
       ask dL/dW[2,1]
       ```

    ```graph wide
    X = [[1.0, 2.0, 0.0], [0.0, 1.0, -1.0], [2.0, 0.0, 1.0]]
    param W = [[0.5, -0.25, 0.1], [0.1, 0.2, 0.3], [0.0, 0.4, -0.2]]
    L = sum(tanh(X @ W))
    ```

    """

private func opened() throws -> (Workspace, ChromiumSession) {
    let workspace = try Workspace()
    try workspace.write("ex.md", lesson)
    let report = workspace.build(workspace.lessons, output: workspace.output, useCache: false)
    #expect(report.succeeded, "\(report.diagnostics)")
    let browser = try ChromiumSession(viewport: (1280, 900))
    try browser.open(workspace.output + "/ex/index.html")
    return (workspace, browser)
}

private func key(_ browser: ChromiumSession, _ name: String, _ code: Int, text: String? = nil) throws {
    for type in ["keyDown", "keyUp"] {
        var event: [String: Any] = ["type": type, "key": name, "code": name, "windowsVirtualKeyCode": code]
        if let text, type == "keyDown" { event["text"] = text }
        _ = try browser.page("Input.dispatchKeyEvent", event)
    }
}

/// Focuses exercise `id`'s field, clears it, types `answer`, presses Enter, and reads the outcome
/// once the live file has answered.
private func attempt(_ browser: ChromiumSession, _ id: String, _ answer: String) throws -> [String] {
    _ = try browser.evaluate("(function () { var f = document.getElementById('\(id)-answer'); f.value = ''; f.focus(); return 1; })()")
    _ = try browser.page("Input.insertText", ["text": answer])
    try key(browser, "Enter", 13, text: "\r")
    let probe = """
        new Promise(function (done) {
          var box = document.getElementById("\(id)"), tries = 0;
          (function wait() {
            var verdict = box.querySelector(".exercise-verdict").textContent;
            if (!verdict && tries++ < 200) { setTimeout(wait, 20); return; }
            var walk = Array.prototype.map.call(box.querySelectorAll(".exercise-walk li"), function (li) { return li.textContent; });
            done(JSON.stringify([["attempted", "right", "wrong"].filter(function (c) { return box.classList.contains(c); }).join(" "), verdict, String(box.querySelector(".exercise-answer").open),
              getComputedStyle(box.querySelector(".exercise-answer")).display, walk[walk.length - 1] || ""]));
          })();
        })
        """
    let json = try #require(try awaitedProbe(browser, probe), "\(browser.consoleErrors)")
    return try JSONDecoder().decode([String].self, from: Data(json.utf8))
}

@Suite(.serialized, .enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct ExerciseBrowserTests {
    @Test func aRightAndAWrongAnswerAreJudgedAndTheChainRuleIsRevealed() throws {
        let (workspace, browser) = try opened()
        defer { withExtendedLifetime(workspace) {} }  // the page loads its live files from it
        // Before an attempt the answer is out of sight, the field and button are there.
        #expect(try browser.evaluate("getComputedStyle(document.querySelector('#exercise-17 .exercise-answer')).display") as? String == "none")
        #expect(try browser.evaluate("document.querySelector('#exercise-17 .exercise-form').hidden") as? Bool == false)

        let wrong = try attempt(browser, "exercise-17", "0.9")
        #expect(wrong[0] == "attempted wrong", "\(wrong)")
        #expect(wrong[1] == "Not quite: 0.9 is not within 0.5% of 1. The worked chain rule is below.")
        #expect(wrong[2] == "true" && wrong[3] == "block")
        #expect(wrong[4] == "∂z/∂x = ∂z/∂y · ∂y/∂x = 0.25 · 4 = 1")

        // 1.004 is within 0.5% of 1; a fraction and a typeset minus are read too.
        let right = try attempt(browser, "exercise-17", "1.004")
        #expect(right[0] == "attempted right" && right[1] == "Right: ∂z/∂x = 1.", "\(right)")
        #expect(try attempt(browser, "exercise-17", "4/4")[1] == "Right: ∂z/∂x = 1.")
        #expect(try attempt(browser, "exercise-17", "−1")[0] == "attempted wrong")

        let notANumber = try attempt(browser, "exercise-17", "one")
        #expect(notANumber[1] == "Type a number, such as 0.25 or -3.")
        #expect(try browser.evaluate("document.getElementById('exercise-17-answer').getAttribute('aria-invalid')") as? String == "true")
        // The exercise did not touch the graph on the page.
        #expect(try browser.evaluate("location.hash") as? String == "")
        #expect(try browser.evaluate("document.getElementById('graph-chain').classList.contains('edited')") as? Bool == false)
        #expect(browser.consoleErrors.isEmpty, "\(browser.consoleErrors)")
    }

    @Test func theLiveEvaluatorsAnswerIsTheBuilds() throws {
        let (workspace, browser) = try opened()
        let page = workspace.page("ex")
        let built = try #require(page.range(of: #"id="exercise-25"[^>]*data-answer="[^"]+""#, options: .regularExpression))
        let answer = try #require(Double(page[built].split(separator: "\"").last.map(String.init) ?? ""))
        // Typing the build's answer to every digit is right; 1% off is wrong (default tolerance 0.1%).
        #expect(try attempt(browser, "exercise-25", "\(answer)")[0] == "attempted right")
        #expect(try attempt(browser, "exercise-25", "\(answer * 1.01)")[0] == "attempted wrong")
        let shown = try browser.evaluate("document.querySelector('#exercise-25 .exercise-walk li:last-child').textContent") as? String
        #expect(page.contains("<span class=\"equation\">\(shown ?? "-")</span>"), "\(shown ?? "")")
    }

    @Test func bigTensorsAreWrittenUnderTheirEquationsAsTheBuildWritesThem() throws {
        let (workspace, browser) = try opened()
        defer { withExtendedLifetime(workspace) {} }  // the page loads its live files from it
        let walk = "JSON.stringify(Array.prototype.map.call(document.querySelectorAll('.exercise[data-widget=\"graph-wide\"] .exercise-walk li'), function (li) { return li.textContent; }))"
        let built = try #require(try browser.evaluate(walk) as? String)
        #expect(built.contains("a 3×3 matrix (below)") && built.contains("grad 3x3\\n[ 0.4463"), "\(built)")
        #expect(!built.contains("see its card"), "\(built)")
        let id = try #require(try browser.evaluate("document.querySelector('.exercise[data-widget=\"graph-wide\"]').id") as? String)
        #expect(try attempt(browser, id, "1")[0].hasPrefix("attempted"))
        // The page rewrote every equation and grid from the live evaluator: the same text as the build's.
        #expect(try browser.evaluate(walk) as? String == built)
        #expect(browser.consoleErrors.isEmpty, "\(browser.consoleErrors)")
    }

    @Test func printShowsTheQuestionOnly() throws {
        let (workspace, browser) = try opened()
        defer { withExtendedLifetime(workspace) {} }  // the page loads its live files from it
        _ = try browser.page("Emulation.setEmulatedMedia", ["media": "print"])
        for part in ["exercise-form", "exercise-answer", "exercise-verdict"] {
            #expect(try browser.evaluate("getComputedStyle(document.querySelector('#exercise-17 .\(part)')).display") as? String == "none", "\(part)")
        }
        #expect(try browser.evaluate("getComputedStyle(document.querySelector('#exercise-17 .exercise-given')).display") as? String == "block")
    }
}
