import Foundation
import Testing
import Browser
@testable import LessonsKit

/// Headless Chromium, installed by `make test` (scripts/install-deps.sh --test).
let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// Runs Chromium on a page and returns what it printed on standard output.
func chromiumOutput(_ arguments: [String]) throws -> String {
    try run(try #require(chromium), ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"] + arguments)
}

/// The page's self-test report: it walks every graph to its last step (see lessons.js).
struct SelfTest: Decodable {
    struct Widget: Decodable {
        var id: String; var visited: Int; var equation: String; var gradients: [String]
        var firstStep: String?; var firstGradients: [String]?
        var tableGradients: Int?; var hiddenGradients: Int?; var firstTableGradients: [String]?
        var firstPredictionsCaption: String?; var firstPredictions: [String]?
        var lastPredictionsCaption: String?; var lastPredictions: [String]?
    }
    /// Each block's framework tabs, after the right arrow was pressed on the first block's.
    struct Tabs: Decodable { var id: String; var tabs: Int; var selected: String; var visible: Int }
    var widgets: [Widget]
    var tabs: [Tabs]
    var focused: String
    var scrollWidth: Int
    var viewportWidth: Int
}

func selfTest(_ page: String, width: Int, in given: ChromiumSession? = nil) throws -> SelfTest {
    let browser = try given ?? BrowserPool.take(viewport: (width, 900))
    defer { if given == nil { BrowserPool.release(browser) } }
    try browser.open(page, fragment: "#lessons-selftest")
    // The report is written once the sliders' step files have loaded and been unpacked.
    let probe = """
        new Promise(function (done) {
          var ready = function () { var r = document.body.getAttribute("data-selftest"); if (r) { done(r); return true; } };
          if (ready()) return;
          new MutationObserver(function (_, o) { if (ready()) o.disconnect(); }).observe(document.body, { attributes: true });
        })
        """
    let reply = try browser.page("Runtime.evaluate", ["expression": probe, "awaitPromise": true, "returnByValue": true])
    let json = try #require((reply["result"] as? [String: Any])?["value"] as? String, "the page's script did not run")
    return try JSONDecoder().decode(SelfTest.self, from: Data(json.utf8))
}

/// The self-test reports of five pages of the shared course, at a desktop and a phone width:
/// each page walked once per width in one browser, for every test that reads it.
enum SelfTestReports {
    static let pages = ["computational-graphs", "derivatives", "welcome", "xor-from-scratch", "two-moons"]
    private static let at1280 = walk(width: 1280)
    private static let at390 = walk(width: 390)

    /// The report of `page` (one of `pages`) at 1280 or 390 px.
    static func report(_ page: String, width: Int) throws -> SelfTest {
        let reports = try (width == 390 ? at390 : at1280).get()
        return try #require(reports[page], "no self-test of \(page)")
    }

    private static func walk(width: Int) -> Result<[String: SelfTest], BrowseFailure> {
        do {
            let course = try SharedCourse.get()
            let browser = try BrowserPool.take(viewport: (width, 900))
            defer { BrowserPool.release(browser) }
            var reports: [String: SelfTest] = [:]
            for page in pages { reports[page] = try selfTest(course.output + "/\(page)/index.html", width: width, in: browser) }
            return .success(reports)
        } catch {
            return .failure(BrowseFailure(description: "the self-tests at \(width) px: \(error)"))
        }
    }
}

@Suite(.enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct BrowserTests {
    /// The shipped course, built once for the whole test run (read only).
    let course: SharedCourse

    init() throws {
        course = try SharedCourse.get()
    }

    var graphPage: String { course.output + "/computational-graphs/index.html" }

    @Test func stepThroughReachesTheLastBackwardStepWithTheRightNumbers() throws {
        let report = try SelfTestReports.report("computational-graphs", width: 1280)
        let colah = try #require(report.widgets.first { $0.id == "graph-colah" })
        #expect(colah.visited == 11)  // 6 nodes (the constant 1 is one) forward, then the 5 with a gradient backward
        #expect(colah.equation == "∂e/∂a = ∂e/∂c · ∂c/∂a = 2 · 1 = 2")
        #expect(colah.gradients == ["grad 2", "grad 5", "grad 2", "grad 3", "grad 1"])
        let decay = try #require(report.widgets.first { $0.id == "graph-weight_decay" })
        #expect(decay.gradients.contains("grad [−4.307 −2.413]"))
        #expect(report.widgets.count == 5)
        #expect(report.widgets.allSatisfy { $0.visited > 0 && !$0.equation.isEmpty })
        // During the forward pass the node table gives no gradient away.
        #expect(report.widgets.allSatisfy { $0.tableGradients ?? 0 > 0 && $0.hiddenGradients == $0.tableGradients })
        let relu = try #require(report.widgets.first { $0.id == "graph-relu_layer" })
        #expect(relu.equation.hasPrefix("∂sum(H)/∂"), "the backward pass starts from sum(H), not from H")
    }

    @Test func frameworkTabsFollowTheKeyboardOnEveryBlock() throws {
        let report = try SelfTestReports.report("computational-graphs", width: 1280)
        #expect(report.tabs.count == 5)
        for group in report.tabs {
            #expect(group.tabs == 3 && group.visible == 1, "\(group.id)")
            #expect(group.selected == "NumPy", "\(group.id): the right arrow on the first block's tabs selects NumPy everywhere")
        }
        #expect(report.focused == "NumPy")
    }

    @Test(arguments: [390, 1280])
    func pagesDoNotScrollSideways(width: Int) throws {
        for page in SelfTestReports.pages {
            let report = try SelfTestReports.report(page, width: width)
            #expect(report.scrollWidth <= report.viewportWidth, "\(page) at \(width) px: \(report.scrollWidth) > \(report.viewportWidth)")
        }
    }

    @Test func modelScrubberShowsTheFirstTracedStep() throws {
        let report = try SelfTestReports.report("xor-from-scratch", width: 1280)
        let xor = try #require(report.widgets.first { $0.id == "model-xor" })
        #expect(xor.firstStep == "step 0 · loss 2.417")
        #expect(xor.equation.hasPrefix("∂loss/∂"))
        // At step 0 the gradients differ from those at the last step.
        #expect(xor.firstGradients != nil && xor.firstGradients != xor.gradients)
        // The slider refills the node table too: its gradients at step 0 are step 0's, not the last step's.
        let first = try #require(xor.firstTableGradients)
        #expect(first.count == 12 && first.contains("[[0.4181, 0.355], [0.1521, 0.1283], [0.1643, 0.1402], [0.4607, 0.3891]]"))
        // And the predictions table: at step 0 it shows step 0's predictions, and back at the last step the last's.
        #expect(xor.firstPredictionsCaption == "Predictions on the training data at step 0")
        let firstPredictions = try #require(xor.firstPredictions), lastPredictions = try #require(xor.lastPredictions)
        #expect(firstPredictions.count == lastPredictions.count && !firstPredictions.isEmpty && firstPredictions != lastPredictions)
        #expect(xor.lastPredictionsCaption?.hasPrefix("Predictions on the training data at step ") == true
                && xor.lastPredictionsCaption != xor.firstPredictionsCaption)
    }

    /// On the course's spiral trained for 30 steps: the course's traces its last step alone (`trace last`).
    @Test func softmaxPredictionsFollowTheSlider() throws {
        let w = try Workspace()
        try w.buildLesson("spiral.md", "# Spiral\n\n```model spiral\ndata spiral(n: 300, classes: 3)\nlayers 2 -> 32 relu -> 3\n"
            + "loss = softmax_cross_entropy(out, y)\ntrain adam(lr: 0.05) epochs 30 seed 0\n```\n")
        let report = try selfTest(w.output + "/spiral/index.html", width: 1280)
        let spiral = try #require(report.widgets.first { $0.id == "model-spiral" })
        #expect(spiral.firstPredictionsCaption == "Predictions on the training data at step 0 (the first 8 of 300)")
        // Logits, softmax and class per row: at step 0 the three classes are nearly equally likely.
        let first = try #require(spiral.firstPredictions)
        #expect(first.count == 24)
        let probabilities = stride(from: 1, to: first.count, by: 3).map { first[$0] }
        #expect(probabilities.allSatisfy { $0.hasPrefix("[0.3") }, "\(probabilities)")
        #expect(spiral.lastPredictions != first)
    }

    @Test func screenshotsAreNotBlank() throws {
        let shots = try Workspace()
        for width in [1280, 390] {
            let file = shots.root.appendingPathComponent("shot-\(width).png").path
            _ = try chromiumOutput(["--window-size=\(width),1600", "--screenshot=\(file)", "file://\(graphPage)"])
            let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            #expect(size > 20_000, "a \(width) px screenshot of \(size) bytes is probably blank")
            if let dir = ProcessInfo.processInfo.environment["LESSONS_SCREENSHOTS"] {
                try? FileManager.default.removeItem(atPath: "\(dir)/graphs-\(width).png")
                try FileManager.default.copyItem(atPath: file, toPath: "\(dir)/graphs-\(width).png")
            }
        }
    }
}

@Suite(.serialized, .enabled(if: chromium != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"),
                             "skipped: chromium or pdftotext is not installed (make test installs them)"))
struct HandoutTests {
    /// Three lessons in each edition (prose, a graph, a model; Chinese text), printed twice
    /// from the shared course's warm block cache (the training is not under test here;
    /// `HandoutConfinementTests` runs `lessons build --pdf` itself). The whole course is a
    /// thousand pages that take Chromium about a minute to print; what printing does to a page
    /// does not depend on how many there are (`nodeIDsAreRenumbered...` covers a large PDF).
    private static let printedLessons = ["welcome", "computational-graphs", "xor-from-scratch"]

    @Test func pdfHandoutHasEveryLessonInItsTextAndOutlineAndTheSameBytesEachTime() throws {
        let w = try Workspace()
        try FileManager.default.removeItem(atPath: w.lessons)
        try FileManager.default.copyItem(atPath: shippedLessons, toPath: w.lessons)
        for folder in [w.lessons, w.lessons + "/zh"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder)
            where name.hasSuffix(".md") && !Self.printedLessons.contains(String(name.dropLast(3))) {
                try FileManager.default.removeItem(atPath: folder + "/" + name)
            }
        }
        let cache = w.root.appendingPathComponent("cache").path
        try SharedCourse.get().copyCache(to: cache)
        var options = BuildOptions(lessonsDirectory: w.lessons, outputDirectory: w.output, jobs: 2, cacheDirectory: cache)
        options.pdf = true
        let first = Builder.build(options)
        #expect(first.succeeded, "\(first.diagnostics)")
        let pdf = try #require(FileManager.default.contents(atPath: w.output + "/course.pdf"))
        #expect(pdf.starts(with: Data("%PDF".utf8)))
        let text = try run("/usr/bin/pdftotext", [w.output + "/course.pdf", "-"])
        let info = try run("/usr/bin/pdfinfo", [w.output + "/course.pdf"])
        let pages = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
        let titles = try FileManager.default.contentsOfDirectory(atPath: w.output).filter {
            FileManager.default.fileExists(atPath: w.output + "/\($0)/index.html")
        }.count
        #expect(titles == 2 * Self.printedLessons.count + 1, "six lessons and the Chinese edition's index")
        #expect(pages >= titles + 2, "a title page, a contents page, and at least a page per lesson")
        #expect(info.contains("CreationDate:    Sat Jan  1 00:00:00 2000 UTC"))
        let raw = String(decoding: pdf, as: UTF8.self)
        #expect(raw.contains("/Outlines"))
        #expect(!raw.contains("file://"), "no link may point at the build folder")
        // Chromium prints at the load event: every figure of the print page must load eagerly.
        let printPage = try String(contentsOfFile: w.output + "/print.html", encoding: .utf8)
        #expect(printPage.contains("<img src=\"xor-from-scratch/figures/") && !printPage.contains("loading=\"lazy\""))
        for title in ["Welcome", "Computational Graphs", "XOR from Scratch"] {
            #expect(text.contains(title), "\(title) in the text")
            #expect(raw.contains("/Title (\(title))"), "\(title) in the outline")
        }
        // Outline titles outside Latin-1 are UTF-16 in hex, after a byte-order mark.
        for title in ["欢迎", "计算图", "从零实现 XOR"] {
            let hex = "<FEFF" + title.utf16.map { String(format: "%04X", $0) }.joined() + ">"
            #expect(text.contains(title), "\(title) in the text")
            #expect(raw.uppercased().contains("/TITLE " + hex), "\(title) in the outline as \(hex)")
        }
        try FileManager.default.removeItem(atPath: w.output)  // or the build would be up to date
        #expect(Builder.build(options).succeeded)
        #expect(FileManager.default.contents(atPath: w.output + "/course.pdf") == pdf, "a second print gives the same bytes")
    }

    @Test func pdfWithoutChromiumIsAClearErrorAndKeepsTheOutput() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n")
        #expect(try lessons(["build"], in: w.root).status == 0)
        let before = w.outputTree()
        let r = try lessons(["build", "--pdf"], in: w.root, environment: ["LESSONS_CHROMIUM": "/nonexistent/chromium"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("output/course.pdf: error: cannot make the PDF handout: --pdf needs headless Chromium; install the Debian package 'chromium'"))
        #expect(w.outputTree() == before)
    }
}

/// Runs a program and returns its standard output.
func run(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
