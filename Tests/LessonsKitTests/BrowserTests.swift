import Foundation
import Testing
@testable import LessonsKit

/// Headless Chromium, installed by `make test` (scripts/install-deps.sh --test).
let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// Runs Chromium on a page and returns what it printed on standard output.
func chromiumOutput(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(chromium))
    process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// The page's self-test report: it walks every graph to its last step (see lessons.js).
struct SelfTest: Decodable {
    struct Widget: Decodable {
        var id: String; var visited: Int; var equation: String; var gradients: [String]
        var firstStep: String?; var firstGradients: [String]?
    }
    /// Each block's framework tabs, after the right arrow was pressed on the first block's.
    struct Tabs: Decodable { var id: String; var tabs: Int; var selected: String; var visible: Int }
    var widgets: [Widget]
    var tabs: [Tabs]
    var focused: String
    var scrollWidth: Int
    var viewportWidth: Int
}

func selfTest(_ page: String, width: Int) throws -> SelfTest {
    let dom = try chromiumOutput(["--window-size=\(width),900", "--dump-dom", "file://\(page)#lessons-selftest"])
    let marker = "data-selftest=\""
    let start = try #require(dom.range(of: marker), "the page's script did not run")
    let rest = dom[start.upperBound...]
    let end = try #require(rest.firstIndex(of: "\""))
    let json = rest[..<end].replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
    return try JSONDecoder().decode(SelfTest.self, from: Data(json.utf8))
}

@Suite(.serialized, .enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct BrowserTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace()
        try FileManager.default.removeItem(atPath: workspace.lessons)
        try FileManager.default.copyItem(atPath: shippedLessons, toPath: workspace.lessons)
        #expect(workspace.build().succeeded)
    }

    var graphPage: String { workspace.output + "/03-computational-graphs/index.html" }

    @Test func stepThroughReachesTheLastBackwardStepWithTheRightNumbers() throws {
        let report = try selfTest(graphPage, width: 1280)
        let colah = try #require(report.widgets.first { $0.id == "graph-colah" })
        #expect(colah.visited == 12)  // 6 nodes (the constant 1 is one) forward, then backward
        #expect(colah.equation == "∂e/∂a = ∂e/∂c · ∂c/∂a = 2 · 1 = 2")
        #expect(colah.gradients == ["grad 2", "grad 5", "grad 2", "grad 3", "grad 1"])
        let decay = try #require(report.widgets.first { $0.id == "graph-weight_decay" })
        #expect(decay.gradients.contains("grad [−4.307 −2.413]"))
        #expect(report.widgets.count == 5)
        #expect(report.widgets.allSatisfy { $0.visited > 0 && !$0.equation.isEmpty })
    }

    @Test func frameworkTabsFollowTheKeyboardOnEveryBlock() throws {
        let report = try selfTest(graphPage, width: 1280)
        #expect(report.tabs.count == 5)
        for group in report.tabs {
            #expect(group.tabs == 3 && group.visible == 1, "\(group.id)")
            #expect(group.selected == "NumPy", "\(group.id): the right arrow on the first block's tabs selects NumPy everywhere")
        }
        #expect(report.focused == "NumPy")
    }

    @Test(arguments: [390, 1280])
    func pagesDoNotScrollSideways(width: Int) throws {
        for page in ["03-computational-graphs", "02-derivatives", "01-welcome", "05-xor-from-scratch", "07-two-moons"] {
            let report = try selfTest(workspace.output + "/\(page)/index.html", width: width)
            #expect(report.scrollWidth <= report.viewportWidth, "\(page) at \(width) px: \(report.scrollWidth) > \(report.viewportWidth)")
        }
    }

    @Test func modelScrubberShowsTheFirstTracedStep() throws {
        let report = try selfTest(workspace.output + "/05-xor-from-scratch/index.html", width: 1280)
        let xor = try #require(report.widgets.first { $0.id == "model-xor" })
        #expect(xor.firstStep == "step 0 · loss 2.417")
        #expect(xor.equation.hasPrefix("∂loss/∂"))
        // At step 0 the gradients differ from those at the last step.
        #expect(xor.firstGradients != nil && xor.firstGradients != xor.gradients)
    }

    @Test func screenshotsAreNotBlank() throws {
        for width in [1280, 390] {
            let file = workspace.root.appendingPathComponent("shot-\(width).png").path
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
