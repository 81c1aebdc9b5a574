import Foundation
import Testing
import LessonModel
@testable import LessonsKit

let seedPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../shared/seed/backpropagation.md").standardizedFileURL.path

@Suite struct SeedBuildTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: seedPath),
                   "skipped: ../shared/seed/backpropagation.md is absent (only the developers' checkout has it)"))
    func seedArticleBuildsAsALesson() throws {
        let w = try Workspace()
        try w.write("backpropagation.md", bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: seedPath))))
        let report = w.build()
        #expect(report.succeeded)
        #expect(report.diagnostics.map(\.description) == [
            "lessons/backpropagation.md:43:3: warning: image '/images/tensorflow/computational_graph.jpg' not found (looked for lessons/images/tensorflow/computational_graph.jpg); showing its alt text instead",
            "lessons/backpropagation.md:106:3: warning: image '/images/tensorflow/xor.png' not found (looked for lessons/images/tensorflow/xor.png); showing its alt text instead",
            "lessons/backpropagation.md:112:1: warning: image '/images/tensorflow/feedforward_neural_network.png' not found (looked for lessons/images/tensorflow/feedforward_neural_network.png); showing its alt text instead",
            "lessons/backpropagation.md:182:1: warning: Liquid tag '{% include_relative deep_learning_references.md %}' is not supported and was dropped",
        ])
        let page = w.page("backpropagation")
        #expect(page.contains("<title>Backpropagation · "))
        #expect(page.contains(#"<h1 class="lesson-title">Backpropagation</h1>"#))
        // The generated TOC lists the section headings.
        for heading in ["计算图", "微积分中的链式法则", "多层感知器的反向传播算法", "反向传播算法的实现", "纯 Python 实现", "TensorFlow 的实现"] {
            #expect(page.contains("<li><a href=\"#\(heading.lowercased().replacingOccurrences(of: " ", with: "-"))\">\(heading)</a>"))
        }
        // Both raw-HTML figures are kept (their images missing), and the standalone Markdown image is a figure too.
        #expect(page.contains("<figure class=\"middle center\">\n  <span class=\"image-alt\" role=\"img\" aria-label=\"Computational graph\">"))
        #expect(page.contains("<figure class=\"small center\">\n  <span class=\"image-alt\" role=\"img\" aria-label=\"XOR\">"))
        #expect(page.contains("<figure class=\"center middle missing-image\"><span class=\"image-alt\" role=\"img\" aria-label=\"Feedforward Neural Network\">"))
        #expect(page.components(separatedBy: "</figure>").count - 1 == 3)
        #expect(page.components(separatedBy: "<pre><code class=\"language-python\">").count - 1 == 5)
        // All 42 formulas are MathML (none broken), the six alone in their paragraph display math.
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: seedPath)))
        let lesson = try #require(LessonParser.parse(bytes: bytes, path: "s", relativePath: "s.md").0)
        #expect(lesson.math.count == 42)
        for formula in lesson.math {
            #expect(page.contains(formula.mathML), "formula \(formula.tex)")
        }
        #expect(page.components(separatedBy: "<math").count - 1 == 42)
        #expect(page.components(separatedBy: "<div class=\"math display\"><math display=\"block\"").count - 1 == 6)
        #expect(!page.contains("<merror>"))
        #expect(page.contains(#"<div class="math display"><math display="block" alttext="\frac{dz}{dx}=\frac{dz}{dy}\frac{dy}{dx}"><semantics><mrow><mfrac><mrow><mi>d</mi><mi>z</mi></mrow>"#))
        // The raw-HTML caption's formulas are MathML too: 𝒙 is bold italic x.
        #expect(page.contains("<msup><mi>𝒙</mi><mi mathvariant=\"normal\">⊤</mi></msup>"))
        #expect(page.contains("参考 Derivative rules</p>"))
        #expect(!page.contains("{:"))
    }
}

@Suite struct DeterminismTests {
    @Test func buildingTwiceGivesIdenticalBytes() throws {
        let w = try Workspace()
        try w.write("a.md", "---\ntitle: A\norder: 2\n---\nText with $x^2$ and a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
        try w.write("b.md", "# B\n\n## One\n\n## Two\n\n![pic](pic.svg)\n")
        try w.write("pic.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>")
        #expect(w.build().succeeded)
        let first = w.outputTree()
        #expect(w.build().succeeded)
        #expect(w.outputTree() == first)
        #expect(first.keys.sorted() == [".lessons-output", "a/a.ipynb", "a/index.html", "assets/lessons-kernels.js", "assets/lessons.css", "assets/lessons.js",
                                        "assets/search-en.js", "b/b.ipynb", "b/index.html",
                                        "b/media/pic.svg", "index.html"])
    }

    @Test func indexListsLessonsByOrderThenFileName() throws {
        let w = try Workspace()
        try w.write("z.md", "---\ntitle: First\norder: 1\nsummary: Starts here.\n---\n")
        try w.write("a.md", "# Third\n")
        try w.write("m.md", "---\ntitle: Second\norder: 2\n---\n")
        #expect(w.build().succeeded)
        let index = String(decoding: w.outputTree()["index.html"] ?? Data(), as: UTF8.self)
        let titles = ["First", "Second", "Third"].map { index.range(of: ">\($0)</span>")?.lowerBound }
        #expect(titles.allSatisfy { $0 != nil })
        #expect(titles.compactMap { $0 } == titles.compactMap { $0 }.sorted())
        #expect(index.contains("<span class=\"lesson-list-summary\">Starts here.</span>"))
        #expect(w.page("z").contains(#"<a class="next" rel="next" href="../m/index.html">"#))
        #expect(w.page("a").contains(#"<a class="prev" rel="prev" href="../m/index.html">"#))
    }

    @Test func courseTitleComesFromCourseYml() throws {
        let w = try Workspace()
        try w.write("course.yml", "title: Backprop by Hand\ndescription: Ten lessons.\n")
        try w.write("a.md", "# A\n")
        #expect(w.build().succeeded)
        let index = String(decoding: w.outputTree()["index.html"] ?? Data(), as: UTF8.self)
        #expect(index.contains("<title>Backprop by Hand</title>"))
        #expect(index.contains("<p class=\"course-description\">Ten lessons.</p>"))
    }
}

@Suite(.serialized) struct EditionTests {
    @Test func chineseEditionHasItsOwnIndexSectionWidgetsAndLabels() throws {
        let w = try Workspace()
        try w.write("a.md", "---\ntitle: Graphs\norder: 1\n---\n")
        try w.write("b.md", "---\ntitle: Chain rule\norder: 2\n---\n")
        try w.write("zh/a.md", "---\ntitle: 计算图\norder: 1\nlang: zh-CN\n---\n\n```graph g\nx = 2\ny = x * x\n```\n")
        #expect(w.build().succeeded)
        let index = String(decoding: w.outputTree()["index.html"] ?? Data(), as: UTF8.self)
        #expect(index.contains("<a href=\"zh/index.html\" hreflang=\"zh-CN\" lang=\"zh-CN\" rel=\"alternate\">中文</a>"))
        let zhIndex = String(decoding: w.outputTree()["zh/index.html"] ?? Data(), as: UTF8.self)
        #expect(zhIndex.contains("<html lang=\"zh-CN\">") && zhIndex.contains("href=\"../zh-a/index.html\""))
        // Navigation stays inside an edition.
        #expect(!w.page("b").contains("rel=\"next\""))
        #expect(!w.page("zh-a").contains("rel=\"prev\""))
        let page = w.page("zh-a")
        #expect(page.contains("<html lang=\"zh-CN\">"))
        #expect(page.contains(">下一步 ›</button>") && page.contains("<th>节点</th>"))
        #expect(page.contains("data-forward=\"前向 {k} / {n}\""))
        let svg = String(decoding: w.outputTree()["zh-a/figures/g.svg"] ?? Data(), as: UTF8.self)
        #expect(svg.contains("<svg"))
        #expect(page.contains("<span>值 2</span>") && page.contains("<span>梯度 4</span>"))
        // The code tabs, the walk, the node table and the page's chrome are Chinese too.
        #expect(page.contains("data-label=\"g 的代码\"") && page.contains("<span class=\"code-label\">本课代码</span>"))
        #expect(page.contains("<p class=\"code-note\">两个程序都用同样的数字计算这张图"))
        #expect(page.contains("<span class=\"equation\">x = 2（输入）</span>"))
        #expect(page.contains("<span class=\"equation\">∂y/∂y = 1，反向传播从这里开始</span>"))
        #expect(page.contains("<td>标量</td>"))
        // The block's kind and the table's operations in Chinese too (the code's name kept beside an operation).
        #expect(page.contains("<span class=\"block-kind\">计算图</span>"))
        #expect(page.contains("<td>输入</td>") && page.contains("<td>乘（mul）</td>"))
        for english in [">Lesson<", ">Copy<", "Code of", "an input", "where the backward pass starts", "scalar<", "Skip to content", "Built with",
                        "Both programs", "Computational graph of"] {
            #expect(!page.contains(english), "\(english) left on a Chinese page")
        }
    }
}
