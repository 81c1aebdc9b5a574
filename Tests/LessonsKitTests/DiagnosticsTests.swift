import Foundation
import Testing
import LessonModel
@testable import LessonsKit

/// Each case: build a good course, break one lesson, and check the exact message and that the
/// previous output survived byte for byte.
@Suite(.serialized) struct BuildDiagnosticsTests {
    private func expectFailure(_ file: String, bytes: [UInt8], messages: [String]) throws {
        let w = try Workspace()
        try w.write("intro.md", "# Intro\n\nHello.\n")
        #expect(w.build().succeeded)
        let before = w.outputTree()
        #expect(!before.isEmpty)
        try w.write(file, bytes: bytes)
        let report = w.build()
        #expect(report.diagnostics.map(\.description) == messages)
        #expect(!report.succeeded)
        #expect(w.outputTree() == before, "a failed build must leave the previous output untouched")
    }

    @Test func yamlErrorIsReportedAtItsLineAndColumnInTheLesson() throws {
        try expectFailure("bad.md", bytes: Array("---\ntitle: Bad\nsummary: [unclosed\n---\n# Bad\n".utf8), messages: [
            "lessons/bad.md:4:1: error: invalid YAML front matter: did not find expected ',' or ']' (while parsing a flow sequence that starts at 3:10)",
        ])
    }

    @Test func unclosedFrontMatterIsAnErrorAtLineOne() throws {
        try expectFailure("open.md", bytes: Array("---\ntitle: Open\n\nBody text.\n".utf8), messages: [
            "lessons/open.md:1:1: error: front matter opened with '---' is never closed; expected a '---' line after it",
        ])
    }

    @Test func invalidUTF8NamesTheLineOfTheBadByte() throws {
        try expectFailure("latin1.md", bytes: Array("# Caf".utf8) + [0xE9] + Array("\n".utf8), messages: [
            "lessons/latin1.md:1:6: error: invalid UTF-8 at byte offset 5; lessons must be UTF-8 text",
        ])
    }

    @Test func binaryFileIsAnError() throws {
        try expectFailure("image.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], messages: [
            "lessons/image.md:3:1: error: binary file: NUL byte at byte offset 8; expected UTF-8 text",
        ])
    }

    @Test func slugCollisionIsAnErrorOnTheLaterFile() throws {
        try expectFailure("Intro.md", bytes: Array("# Intro again\n".utf8), messages: [
            "lessons/intro.md:1:1: error: lesson page 'intro' is also the page of lessons/Intro.md; rename one of the files",
        ])
    }

    @Test func liquidTagIsAWarningAndTheBuildSucceeds() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\nText.\n\n{% include refs.md %}\n")
        let report = w.build()
        #expect(report.diagnostics.map(\.description) == [
            "lessons/a.md:5:1: warning: Liquid tag '{% include refs.md %}' is not supported and was dropped",
        ])
        #expect(report.succeeded)
        #expect(!w.page("a").contains("{%"))
    }

    @Test func missingImageIsAWarningAndShowsItsAltText() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\nSee ![The XOR table](img/xor.png) here.\n")
        let report = w.build()
        #expect(report.diagnostics.map(\.description) == [
            "lessons/a.md:3:5: warning: image 'img/xor.png' not found (looked for lessons/img/xor.png); showing its alt text instead",
        ])
        #expect(w.page("a").contains(#"<span class="image-alt" role="img" aria-label="The XOR table">The XOR table</span>"#))
    }

    @Test func errorsInSeveralLessonsAreAllReported() throws {
        let w = try Workspace()
        try w.write("a.md", "---\norder: x\n---\n")
        try w.write("b.md", "---\n")
        try w.write("c.md", "# Fine\n")
        let report = w.build()
        #expect(report.diagnostics.map(\.description) == [
            "lessons/a.md:2:8: error: 'order' must be a whole number, like 'order: 3'",
            "lessons/b.md:1:1: error: front matter opened with '---' is never closed; expected a '---' line after it",
        ])
        #expect(!FileManager.default.fileExists(atPath: w.output))
    }

    @Test func missingLessonsFolderIsAnError() throws {
        let w = try Workspace()
        let report = w.build("nowhere")
        #expect(report.diagnostics.map(\.description) == [
            "nowhere: error: lessons folder not found; expected a folder of Markdown lessons (see 'lessons build --help')",
        ])
    }

    @Test func outputFolderNotWrittenByLessonsIsNotReplaced() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n")
        let precious = w.root.appendingPathComponent("output/thesis.tex")
        try FileManager.default.createDirectory(at: precious.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: precious)
        let report = w.build()
        #expect(report.diagnostics.map(\.description) == [
            "output: error: exists and was not written by lessons (no .lessons-output file); refusing to replace it: remove it or choose another --output",
        ])
        #expect(FileManager.default.contents(atPath: precious.path) == Data("keep me".utf8))
    }

    @Test func outputThatContainsTheLessonsIsRefused() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n")
        let report = w.build(output: ".")
        #expect(report.diagnostics.map(\.description) == [
            ".: error: the output folder contains the lessons folder; choose another --output",
        ])
    }
}

@Suite(.serialized) struct MixedDiagnosticsTests {
    @Test func warningsAndErrorsAcrossLessonsAreAllReportedAndOutputIsKept() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n")
        #expect(w.build().succeeded)
        let before = w.outputTree()
        try w.write("b.md", "# B\n\n{% raw %}\n\n<figure>\n  <img src=\"/images/net.png\" alt=\"Net\">\n</figure>\n")
        try w.write("c.md", "---\ntitle: [C\n---\n")
        let report = w.build()
        #expect(report.diagnostics.map(\.description) == [
            "lessons/b.md:3:1: warning: Liquid tag '{% raw %}' is not supported and was dropped",
            "lessons/b.md:6:3: warning: image '/images/net.png' not found (looked for lessons/images/net.png); showing its alt text instead",
            "lessons/c.md:3:1: error: invalid YAML front matter: did not find expected ',' or ']' (while parsing a flow sequence that starts at 2:8)",
        ])
        #expect(w.outputTree() == before)
    }
}

@Suite(.serialized) struct GraphBlockBuildTests {
    @Test func brokenGraphBlockFailsTheBuildAtItsLessonPosition() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\n```graph ok\nx = 2\ny = x * x\n```\n")
        #expect(w.build().succeeded)
        let before = w.outputTree()
        try w.write("a.md", "# A\n\nText.\n\n```graph bad\nA = [[1, 2], [3, 4]]\nv = [1, 2, 3]\nu = A @ v\n```\n\n```graph typo\nx = 1\ny = sigmod(x)\n```\n")
        let report = w.build()
        #expect(report.diagnostics.map(\.description) == [
            "lessons/a.md:8:7: error: cannot multiply 2x2 by vector of 3",
            "lessons/a.md:13:5: error: unknown function 'sigmod'; did you mean 'sigmoid'?",
        ])
        #expect(w.outputTree() == before)
    }

    @Test func blockNamesMustBeUniqueInALesson() throws {
        let w = try Workspace()
        try w.write("a.md", "```graph g\nx = 1\n```\n\n```graph g\nx = 2\n```\n")
        #expect(w.build().diagnostics.map(\.description) == [
            "lessons/a.md:5:1: error: another block on line 1 is also named 'g'; block names must be unique in a lesson",
        ])
    }

    @Test func graphBlockWritesFiguresTraceAndWidget() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\n```graph colah\na = 2\nb = 1\nc = a + b\nd = b + 1\ne = c * d\n```\n\n```graph\nx = 3\n```\n")
        #expect(w.build().succeeded)
        let files = w.outputTree().keys.sorted()
        for name in ["colah", "graph-1"] {
            // One SVG serves light and dark; no PNG copy.
            #expect(files.contains("a/figures/\(name).svg"))
            #expect(!files.contains("a/figures/\(name)-dark.svg") && !files.contains("a/figures/\(name).png"))
            #expect(files.contains("a/trace/\(name).json"))
        }
        #expect(files.contains("assets/lessons.js"))
        let page = w.page("a")
        #expect(page.contains("<script src=\"../assets/lessons.js\" defer></script>"))
        #expect(page.contains("<span class=\"equation\">∂e/∂b = ∂e/∂c · ∂c/∂b + ∂e/∂d · ∂d/∂b = 2 · 1 + 3 · 1 = 5</span>"))
        #expect(page.contains("<span class=\"equation\">c = a + b = 2 + 1 = 3</span>"))
        // Numbered cells: the walk hides a gradient until the backward pass reaches it.
        #expect(page.contains("<td><code>b</code></td><td>input</td><td>scalar</td><td class=\"num value\" data-node=\"1\">1</td><td class=\"num grad\" data-node=\"1\">5</td>"))
    }
}

@Suite(.serialized) struct ReferenceBuildTests {
    private let colah = "```graph colah\na = 2\nb = 1\nc = a + b\nd = b + 1\ne = c * d\n```\n"

    @Test func referencesAreReplacedByTheComputedNumbers() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\n" + colah + "\nSo e = {{ colah.e }} and the gradient of b is {{ colah.b.grad }}.\n")
        #expect(w.build().succeeded)
        #expect(w.page("a").contains("So e = <span class=\"quote\" title=\"colah.e\">6</span> and the gradient of b is "
                                     + "<span class=\"quote\" title=\"colah.b.grad\">5</span>."))
    }

    @Test func unknownReferencesAreLocatedErrors() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\n" + colah + "\n{{ cola.e }} {{ colah.f }} {{ colah.loss }}\n")
        #expect(w.build().diagnostics.map(\.description) == [
            "lessons/a.md:11:1: error: no block named 'cola' in this lesson; did you mean 'colah'?",
            "lessons/a.md:11:14: error: cannot quote 'colah.f': block 'colah' has no node named 'f'",
            "lessons/a.md:11:28: error: cannot quote 'colah.loss': a graph block has no loss; quote one of its nodes",
        ])
    }
}

@Suite(.serialized) struct ModelBuildTests {
    private func build(_ block: String) throws -> [String] {
        let w = try Workspace()
        try w.write("a.md", "# A\n\n```model m\n" + block + "```\n")
        return w.build().diagnostics.map(\.description)
    }

    @Test func divergingModelNamesTheStepAndTheNode() throws {
        let diagnostics = try build("""
            data xor
            param W1 = uniform(0, 1, [2, 3])
            param W2 = uniform(0, 1, [3, 1])
            H = sigmoid(X @ W1)
            out = H @ W2
            loss = 0.5 * sum((y - out)^2)
            train sgd(lr: 1000) epochs 100 seed 0

            """)
        #expect(diagnostics.count == 1)
        let d = try #require(diagnostics.first)
        #expect(d.hasPrefix("lessons/a.md:10:1: error: training diverged at step "))
        #expect(d.contains(": the value of '") && d.hasSuffix("' is no longer a finite number; try a smaller learning rate"))
    }

    @Test func modelWithoutALossIsALocatedError() throws {
        #expect(try build("data xor\nparam W = zeros([2, 1])\nout = X @ W\ntrain sgd(lr: 0.1) epochs 10\n")
                == ["lessons/a.md:7:1: error: a model needs a node named 'loss' to minimize"])
    }

    @Test func epochsAboveTheLimitIsALocatedError() throws {
        let diagnostics = try build("data xor\nparam W = zeros([2, 1])\nloss = sum((X @ W - y)^2)\ntrain sgd(lr: 0.1) epochs 20000000\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("lessons/a.md:7:") == true)
        #expect(diagnostics.first?.contains("10000000") == true || diagnostics.first?.contains("10,000,000") == true)
    }

    @Test func tensorAboveTheSizeLimitIsALocatedError() throws {
        let diagnostics = try build("data xor\nparam W = zeros([3000, 3000])\nloss = sum(W)\ntrain sgd(lr: 0.1) epochs 1\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("lessons/a.md:5:") == true)
        #expect(diagnostics.first?.contains("5000000") == true || diagnostics.first?.contains("5,000,000") == true)
    }

    @Test func modelWritesChartsTraceAndWidget() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\n```model m\ndata moons(n: 40)\nlayers 2 -> 4 tanh -> 1\nloss = bce_logits(out, y)\n"
                    + "train adam(lr: 0.05) epochs 50 seed 1\ntrace every 10\n```\n\nFinal loss {{ m.loss }}.\n")
        let report = w.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let files = w.outputTree().keys
        for name in ["m", "m-loss", "m-network", "m-boundary"] {
            #expect(files.contains("a/figures/\(name).svg") && !files.contains("a/figures/\(name)-dark.svg") && !files.contains("a/figures/\(name).png"))
        }
        // Charts a desktop shows a whole row wide have a drawing for phones; the others serve both.
        #expect(files.contains("a/figures/m-network-narrow.svg") && files.contains("a/figures/m-boundary-narrow.svg"))
        #expect(!files.contains("a/figures/m-loss-narrow.svg"))
        // Over 64 KB of JSON, the trace is gzip-compressed (TraceOutput.compressAbove).
        #expect(files.contains("a/trace/m.json") || files.contains("a/trace/m.json.gz"))
        let page = w.page("a")
        #expect(page.contains("class=\"lesson-block graph-widget model-widget\""))
        // The slider's numbers are in a file of their own, loaded when the slider is used.
        #expect(page.contains("data-steps=\"steps/model-m.js\"") && !page.contains("class=\"snapshots\""))
        #expect(files.contains("a/steps/model-m.js"))
        #expect(page.contains("Final loss <span class=\"quote\" title=\"m.loss\">"))
    }
}

@Suite(.serialized) struct CSVDataBuildTests {
    private let model = "```model fit\ndata csv(\"data/points.csv\", x: [size], y: [price])\nparam w = zeros([1, 1])\nparam b = zeros([1])\n"
        + "out = X @ w + b\nloss = mean((out - y)^2)\ntrain sgd(lr: 0.1) epochs 200\n```\n\nSlope {{ fit.w }}.\n"

    @Test func csvDataTrainsAModel() throws {
        let w = try Workspace()
        try w.write("data/points.csv", "size,price\n0,1\n1,3\n2,5\n3,7\n")
        try w.write("a.md", "# A\n\n" + model)
        let report = w.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(w.page("a").contains("Slope <span class=\"quote\" title=\"fit.w\">2</span>"))  // price = 2 · size + 1
    }

    @Test func csvErrorIsLocatedInTheCSVFile() throws {
        let w = try Workspace()
        try w.write("data/points.csv", "size,price\n0,1\n1,oops\n")
        try w.write("a.md", "# A\n\n" + model)
        let diagnostics = w.build().diagnostics.map(\.description)
        #expect(diagnostics.count == 2)
        #expect(diagnostics.first?.hasPrefix("lessons/data/points.csv:3:3: error: ") == true)
        #expect(diagnostics.last == "lessons/a.md:4:10: error: cannot use data file 'data/points.csv' (see the error above)")
    }

    @Test func csvOutsideTheLessonsFolderIsRefused() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\n" + model.replacingOccurrences(of: "data/points.csv", with: "../secret.csv"))
        let diagnostics = w.build().diagnostics.map(\.description)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("lessons/a.md:4:10: error: ") == true)
    }
}

@Suite(.serialized) struct CompareBuildTests {
    private func model(_ name: String, _ optimizer: String) -> String {
        "```model \(name)\ndata xor\nparam W = uniform(0, 1, [2, 1])\nloss = mean((X @ W - y)^2)\ntrain \(optimizer) epochs 30\n```\n\n"
    }

    @Test func compareDrawsSeveralLossCurvesOnOneChart() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\n" + model("sgd", "sgd(lr: 0.1)") + model("adam", "adam(lr: 0.1)") + "```compare both\nsgd adam\n```\n")
        let report = w.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(w.outputTree().keys.contains("a/figures/both.svg"))
        #expect(w.page("a").contains("<figure class=\"chart compare wide lesson-block chart-block\">"))
        #expect(w.build().blocksRun == 0)  // histories come back from the cache too
        #expect(w.page("a").contains("<source media=\"(max-width: 40rem)\" srcset=\"figures/both-narrow.svg\""))
    }

    @Test func compareNamesAreChecked() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\n" + model("sgd", "sgd(lr: 0.1)") + "```compare both\nsgd adamm\n```\n")
        #expect(w.build().diagnostics.map(\.description) == [
            "lessons/a.md:10:1: error: no model block named 'adamm' has trained in this lesson",
        ])
    }
}

@Suite(.serialized) struct LiteralBatchTests {
    /// Found by a lesson writer: literal X and y with `batch` indexed past the batch and trapped.
    @Test func literalDataTrainsInMiniBatches() throws {
        let w = try Workspace()
        try w.write("a.md", "```model online\nX = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]\ny = [[0.0], [1.0], [1.0], [0.0]]\n"
                    + "layers 2 -> 3 tanh -> 1\nloss = mean((y - out)^2)\ntrain sgd(lr: 0.1) epochs 10 batch 1 seed 0\n```\n")
        let report = w.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(w.outputTree().keys.contains("a/trace/online.json"))
    }
}
