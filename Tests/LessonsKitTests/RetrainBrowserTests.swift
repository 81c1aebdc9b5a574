import Foundation
import Testing
import Browser
@testable import LessonsKit

/// In-page training of small models (Script+Retrain), driven through the page's own controls:
/// the lesson's settings give the build's loss at the last step, and other settings give the
/// loss of a build of the lesson edited to them.
@Suite(.serialized, .enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct RetrainBrowserTests {
    /// Opens the widget's training section, sets the fields given, presses Train and waits for
    /// the run to end: [last loss in full, status].
    static func trained(_ browser: ChromiumSession, widget: String, rate: String? = nil, optimizer: String? = nil,
                        steps: String? = nil) throws -> (loss: Double?, status: String) {
        func set(_ field: String, _ value: String?) -> String {
            guard let value else { return "" }
            return "box.querySelector('.retrain-\(field)').value = \(String(reflecting: value));"
        }
        let probe = """
            new Promise(function (done) {
              var w = document.getElementById("\(widget)"), box = w.querySelector(".retrain");
              box.open = true;
              \(set("rate", rate)) \(set("optimizer", optimizer)) \(set("steps", steps))
              w.addEventListener("lessons:retrained", function () {
                done(JSON.stringify([box.dataset.finalLoss || "", box.querySelector(".retrain-status").textContent]));
              }, { once: true });
              box.querySelector(".retrain-run").click();
            })
            """
        let reply = try browser.page("Runtime.evaluate", ["expression": probe, "awaitPromise": true, "returnByValue": true])
        let json = try #require((reply["result"] as? [String: Any])?["value"] as? String)
        let parts = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String])
        return (Double(parts[0]), parts[1])
    }

    private static func relativeError(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    @Test func theXORLessonTrainedAgainInThePageEndsAtTheBuildsLoss() throws {
        let course = try SharedCourse.get()
        // The build's loss at the last step, from the trace (which ShippedCourseTests holds to NumPy's).
        let traceData = try #require(FileManager.default.contents(atPath: course.output + "/shared/xor-from-scratch/trace/xor.json"))
        let trace = try #require(try JSONSerialization.jsonObject(with: traceData) as? [String: Any])
        let last = try #require((trace["steps"] as? [[String: Any]])?.last)
        #expect(last["step"] as? Int == 49_999)
        let buildLoss = try #require(last["loss"] as? Double)
        let browser = try BrowserPool.take(viewport: (1280, 900))
        defer { BrowserPool.release(browser) }
        try browser.open(course.output + "/xor-from-scratch/index.html")
        let run = try Self.trained(browser, widget: "model-xor")
        let loss = try #require(run.loss, "\(run.status)")
        #expect(Self.relativeError(loss, buildLoss) <= 1e-9, "page \(loss), build \(buildLoss)")
        #expect(run.status.hasPrefix("Trained 50,000 steps with sgd (learning rate 0.1)"))
        #expect(browser.consoleErrors.isEmpty, "\(browser.consoleErrors)")
    }

    private static func xorModel(_ train: String, _ schedule: String) -> String {
        "# XOR\n\n```model xor\ndata xor\nlayers 2 -> 3 tanh -> 1\nloss = mean((out - y)^2)\n\(train)\n\(schedule)```\n"
    }

    /// Other optimizers (each with PyTorch's defaults, as the lesson language has them) and schedules.
    @Test(arguments: [
        ("adam", "0.05", "300", ""), ("adamw", "0.05", "300", ""), ("momentum", "0.1", "300", ""),
        ("nesterov", "0.1", "300", ""), ("rmsprop", "0.01", "300", ""), ("sgd", "0.3", "500", "schedule step(every: 100, gamma: 0.5)\n"),
        ("adam", "0.02", "400", "schedule cosine(min_lr: 0.001)\n"),
    ])
    func otherSettingsGiveTheLossOfTheLessonEditedToThem(optimizer: String, rate: String, steps: String, schedule: String) throws {
        let page = try Workspace()
        try page.write("a.md", Self.xorModel("train sgd(lr: 0.5) epochs 200 seed 3", schedule))
        #expect(page.build().succeeded)
        let edited = try Workspace()
        try edited.write("a.md", Self.xorModel("train \(optimizer)(lr: \(rate)) epochs \(steps) seed 3", schedule))
        #expect(edited.build().succeeded)
        let file = try String(contentsOfFile: edited.output + "/a/retrain/model-xor.js", encoding: .utf8)
        let buildLoss = try #require(file.firstMatch(of: #/finalLoss:(?<x>[^,]+),/#).flatMap { Double($0.output.x) })
        let browser = try BrowserPool.take(viewport: (1280, 900))
        defer { BrowserPool.release(browser) }
        try browser.open(page.output + "/a/index.html")
        let run = try Self.trained(browser, widget: "model-xor", rate: rate, optimizer: optimizer, steps: steps)
        let loss = try #require(run.loss, "\(run.status)")
        #expect(Self.relativeError(loss, buildLoss) <= 1e-9, "\(optimizer): page \(loss), build \(buildLoss)")
    }

    @Test func badSettingsAreRefusedWithAMessageAndTheBuildBeyondTheBudgetHasNoControls() throws {
        let page = try Workspace()
        try page.write("a.md", Self.xorModel("train sgd(lr: 0.5) epochs 200 seed 3", "")
                       + "\n```model big\ndata xor\nlayers 2 -> 64 tanh -> 64 tanh -> 1\nloss = mean((out - y)^2)\ntrain sgd(lr: 0.1) epochs 3000\n```\n")
        #expect(page.build().succeeded)
        let html = page.page("a")
        #expect(html.contains("data-retrain=\"retrain/model-xor.js\""))
        #expect(!html.contains("data-retrain=\"retrain/model-big.js\""))  // 4 × 4,417 × 3,000 is over the budget
        let browser = try BrowserPool.take(viewport: (390, 900))
        defer { BrowserPool.release(browser) }
        try browser.open(page.output + "/a/index.html")
        let negative = try Self.trained(browser, widget: "model-xor", rate: "-1")
        #expect(negative.loss == nil && negative.status == "The learning rate needs a positive number.")
        let tooMany = try Self.trained(browser, widget: "model-xor", rate: "0.5", steps: "99999999")
        #expect(tooMany.loss == nil && tooMany.status.hasPrefix("The number of steps needs a whole number from 1 to "))
        let diverged = try Self.trained(browser, widget: "model-xor", rate: "1e300", steps: "50")
        #expect(diverged.loss == nil && diverged.status.hasPrefix("Training diverged at step "), "\(diverged.status)")
    }
}
