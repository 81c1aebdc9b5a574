import Foundation
import Testing
@testable import LessonsKit

/// Editions: each language has its own index (the main one at the top, the others in `<code>/`),
/// and every page links to the same lesson in the other editions, or to their index without one.
@Suite struct EditionIndexTests {
    private func html(_ w: Workspace, _ path: String) throws -> String {
        try String(contentsOfFile: w.output + "/" + path, encoding: .utf8)
    }

    private func course() throws -> Workspace {
        let w = try Workspace()
        try w.write("course.yml", "title: Course\nlang: en\n")
        try w.write("a.md", "# Alpha\n\nText.\n")
        try w.write("b.md", "# Beta\n\nText.\n")
        try w.write("zh/course.yml", "title: 课程\ndescription: 中文版。\nlang: zh-CN\n")
        try w.write("zh/a.md", "---\nlang: zh-CN\n---\n# 甲\n\n正文。\n")
        try w.write("zh/glossary.md", "---\nlang: zh-CN\n---\n# 术语表\n\n正文。\n")
        return w
    }

    @Test func everyPageSwitchesToTheSameLessonInTheOtherEdition() throws {
        let w = try course()
        #expect(w.build().diagnostics.isEmpty)
        #expect(try html(w, "a/index.html").contains(
            #"<nav class="language-switch" aria-label="Other languages"><a href="../zh-a/index.html" hreflang="zh-CN" lang="zh-CN" rel="alternate">中文</a></nav>"#))
        #expect(try html(w, "zh-a/index.html").contains(#"<a href="../a/index.html" hreflang="en" lang="en" rel="alternate">English</a>"#))
        // Without a counterpart, the switch leads to the other edition's index.
        #expect(try html(w, "b/index.html").contains(#"<a href="../zh/index.html" hreflang="zh-CN""#))
        #expect(try html(w, "zh-glossary/index.html").contains(#"<a href="../index.html" hreflang="en""#))
        #expect(try html(w, "zh-a/index.html").contains(#"<a class="course-link" href="../zh/index.html">课程</a>"#))
        #expect(try html(w, "zh-a/index.html").contains(#"<link rel="alternate" hreflang="en" href="../a/index.html">"#))
    }

    @Test func eachEditionHasItsOwnIndex() throws {
        let w = try course()
        #expect(w.build().diagnostics.isEmpty)
        let main = try html(w, "index.html"), zh = try html(w, "zh/index.html")
        #expect(main.contains("a/index.html") && main.contains("b/index.html") && !main.contains("zh-a/index.html"))
        #expect(zh.contains(#"<html lang="zh-CN">"#) && zh.contains("<h1>课程</h1>") && zh.contains("中文版。"))
        #expect(zh.contains(#"href="../zh-a/index.html""#) && zh.contains(#"href="../zh-glossary/index.html""#) && !zh.contains(#"href="../a/index.html""#))
        #expect(zh.contains(#"href="../assets/lessons.css""#))
        #expect(zh.contains(#"<a href="../index.html" hreflang="en" lang="en" rel="alternate">English</a>"#))
    }

    @Test func aLessonCannotTakeAnEditionsIndexFolder() throws {
        let w = try course()
        try w.write("zh.md", "# Clash\n")
        let messages = w.build().diagnostics.map(\.description)
        #expect(messages == ["lessons/zh.md:1:1: error: lesson page 'zh' would share the folder of the 'zh' edition's index; rename the file"])
    }

    @Test func aSingleEditionHasNoSwitch() throws {
        let w = try Workspace()
        try w.write("a.md", "# Alpha\n")
        #expect(w.build().diagnostics.isEmpty)
        #expect(!(try html(w, "a/index.html")).contains("language-switch"))
        #expect(!FileManager.default.fileExists(atPath: w.output + "/en"))
    }
}
