import Foundation
import Testing
import LessonModel
import Site
@testable import LessonsKit

private let bibliography = """
goodfellow2016:
  author: Ian Goodfellow, Yoshua Bengio and Aaron Courville
  title: Deep Learning
  publisher: MIT Press
  year: 2016
  url: https://www.deeplearningbook.org/
  title_zh: 深度学习
olah2015:
  author: Christopher Olah
  title: "Calculus on Computational Graphs: Backpropagation"
  in: colah's blog
  year: 2015
  url: https://colah.github.io/posts/2015-08-Backprop/

"""

/// Citations through real builds: numbered links, the references section, located errors.
@Suite struct CitationBuildTests {
    @Test func aCitedLessonEndsWithItsReferencesInCitationOrder() throws {
        let w = try Workspace()
        try w.write("bibliography.yml", bibliography)
        try w.write("a.md", "# A\n\n## One\n\nGraphs [@olah2015] and [@goodfellow2016, section 6.5].\n\n## Two\n\nBoth [@goodfellow2016; @olah2015].\n")
        let report = w.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let page = w.page("a")
        #expect(page.contains(##"Graphs <span class="citation">[<a href="#ref-olah2015" title="Christopher Olah. &quot;Calculus on Computational Graphs: Backpropagation&quot;. In colah&#39;s blog. 2015. https://colah.github.io/posts/2015-08-Backprop/">1</a>]</span>"##))
        #expect(page.contains(##">2</a>, section 6.5]</span>"##))
        #expect(page.contains(##"Both <span class="citation">[<a href="#ref-goodfellow2016""##))
        #expect(page.contains(##">2</a>; <a href="#ref-olah2015""##))
        let section = try #require(page.range(of: ##"<section class="references""##)).lowerBound
        let tail = String(page[section...])
        #expect(tail.hasPrefix(##"<section class="references" id="references" aria-labelledby="references-heading">"##))
        #expect(tail.contains(##"<h2 id="references-heading">References<a class="anchor" href="#references" aria-hidden="true">#</a></h2>"##))
        let olah = try #require(tail.range(of: ##"<li id="ref-olah2015">"##)), good = try #require(tail.range(of: ##"<li id="ref-goodfellow2016">"##))
        #expect(olah.lowerBound < good.lowerBound)
        #expect(tail.contains(##"<li id="ref-goodfellow2016">Ian Goodfellow, Yoshua Bengio and Aaron Courville. <em>Deep Learning</em>. MIT Press, 2016. <a href="https://www.deeplearningbook.org/">https://www.deeplearningbook.org/</a></li>"##))
        #expect(tail.contains(##"<li id="ref-olah2015">Christopher Olah. "Calculus on Computational Graphs: Backpropagation". In <em>colah's blog</em>. 2015. <a href="https://colah.github.io/posts/2015-08-Backprop/">"##))
        // The table of contents (two sections) lists the references last.
        #expect(page.contains(##"<li><a href="#two">Two</a></li>\##n<li><a href="#references">References</a></li>\##n</ol>"##))
    }

    @Test func chinesePagesUseTheChineseHeadingAndFields() throws {
        let w = try Workspace()
        try w.write("bibliography.yml", bibliography)
        try w.write("zh/a.md", "---\nlang: zh-CN\n---\n# 甲\n\n见 [@goodfellow2016, 第 6.5 节]。\n")
        let report = w.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let page = w.page("zh-a")
        #expect(page.contains(##"<h2 id="references-heading">参考文献"##))
        #expect(page.contains(">1</a>, 第 6.5 节]</span>"))
        #expect(page.contains(##"<li id="ref-goodfellow2016">Ian Goodfellow, Yoshua Bengio and Aaron Courville。《深度学习》。MIT Press，2016。<a href="https://www.deeplearningbook.org/">"##), "\(page)")
    }

    @Test func anUnknownKeyIsALocatedErrorForBuildAndCheck() throws {
        let w = try Workspace()
        try w.write("bibliography.yml", bibliography)
        try w.write("a.md", "# A\n\nText.\n\nAs in [@olah2015; @goodfelow2016].\n")
        #expect(w.build().succeeded == false)
        let report = w.build()
        #expect(report.diagnostics.map(\.description) == [
            "lessons/a.md:5:19: error: no work with the key 'goodfelow2016' in lessons/bibliography.yml; did you mean 'goodfellow2016'?",
        ])
        #expect(w.outputTree().isEmpty)
        var options = BuildOptions(lessonsDirectory: w.lessons, outputDirectory: w.output, jobs: 1, useCache: false)
        options.checkOnly = true
        #expect(Builder.build(options).diagnostics.map(\.message) == [
            "no work with the key 'goodfelow2016' in \(w.lessons)/bibliography.yml; did you mean 'goodfellow2016'?",
        ])
    }

    @Test func citingWithoutABibliographyAndABadBibliographyAreErrors() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\nSee [@x].\n")
        #expect(w.build().diagnostics.map(\.description) == [
            "lessons/a.md:3:6: error: cannot cite 'x': the course has no bibliography; expected its works in lessons/bibliography.yml",
        ])
        try w.write("bibliography.yml", "x:\n  title: X\n  pages: 3\n")
        #expect(w.build().diagnostics.map(\.description) == [
            "lessons/bibliography.yml:3:3: error: unknown field 'pages'; expected one of author, title, in, publisher, year, url, note, optionally with '_' and a language (like 'title_zh')",
        ])
    }

    @Test func thePrintPageKeepsEveryIdUnique() throws {
        var d = Diagnostics(path: "b.yml")
        let works = BibliographyParser.parse(bibliography, into: &d)
        let lessons = try ["a", "b"].map { name in
            try #require(LessonParser.parse(bytes: Array("# \(name)\n\nSee [@olah2015].\n".utf8), path: "\(name).md", relativePath: "\(name).md").0)
        }
        let printed = lessons.map { lesson -> (lesson: Lesson, context: PageContext) in
            var context = PageContext(courseTitle: "C")
            context.bibliography = works
            return (lesson, context)
        }
        let page = PrintPage.render(courseTitle: "C", description: nil, lang: "en", lessons: printed)
        for slug in ["a", "b"] {
            #expect(page.contains(##"<li id="lesson-\##(slug)-ref-olah2015">"##))
            #expect(page.contains(##"<section class="references" id="lesson-\##(slug)-references" "##))
        }
        #expect(page.contains(##"href="#lesson-a-ref-olah2015""##) && page.contains(##"href="#lesson-b-ref-olah2015""##))
    }

    /// Both editions cite the same works in each lesson, every key is in the shipped
    /// bibliography, and the lessons that once ended with a hand-written list now cite.
    @Test func theShippedEditionsCiteTheSameWorks() throws {
        var d = Diagnostics(path: "bibliography.yml")
        let text = try String(contentsOfFile: shippedLessons + "/bibliography.yml", encoding: .utf8)
        let works = BibliographyParser.parse(text, into: &d)
        #expect(d.all.isEmpty, "\(d.all)")
        func cited(_ relative: String) throws -> Set<String> {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: shippedLessons + "/" + relative)))
            return Set(try #require(LessonParser.parse(bytes: bytes, path: relative, relativePath: relative).0).citedKeys)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: shippedLessons).filter { $0.hasSuffix(".md") }
        var citing = 0
        for name in names {
            let english = try cited(name)
            #expect(english == (try cited("zh/" + name)), "\(name)")
            #expect(english.allSatisfy { works[$0] != nil }, "\(name)")
            if !english.isEmpty { citing += 1 }
        }
        #expect(citing >= 7)
        #expect(Set(names.flatMap { (try? cited($0)) ?? [] }) == Set(works.keys), "every work is cited somewhere")
    }
}
