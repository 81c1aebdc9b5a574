import Foundation
import Testing

/// The shipped course in two editions: every English lesson has a Chinese counterpart with the
/// same blocks (so the same numbers), and links stay inside their edition.
@Suite struct BilingualCourseTests {
    private let root = shippedLessons
    private let calques = ["最小的有意思", "喂给", "记账", "一样便宜", "对角线", "摊平", "普通的数", "轻推", "乘积法则告诉"]

    private func lessons(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
    }

    private func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// Targets of Markdown links `[text](target)` outside code, without any `#fragment`.
    private func links(_ source: String) -> [String] {
        var inFence = false, targets: [String] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            guard !inFence else { continue }
            var rest = Substring(line)
            while let open = rest.range(of: "](") {
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: ")") else { break }
                let target = after[..<close].split(separator: " ").first.map(String.init) ?? ""
                targets.append(String(target.split(separator: "#", omittingEmptySubsequences: false).first ?? ""))
                rest = after[close...]
            }
        }
        return targets
    }

    /// `graph x`, `model x` and `compare x` fence names, in order.
    private func blockNames(_ source: String) -> [String] {
        source.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard words.count == 2, ["```graph", "```model", "```compare"].contains(String(words[0])) else { return nil }
            return String(words[1])
        }
    }

    @Test func everyEnglishLessonHasAChineseCounterpartWithTheSameBlocks() throws {
        let chinese = Set(try lessons(in: root + "/zh"))
        for name in try lessons(in: root) {
            #expect(chinese.contains(name), "lessons/\(name) has no lessons/zh/\(name)")
            guard chinese.contains(name) else { continue }
            #expect(blockNames(try text(root + "/" + name)) == blockNames(try text(root + "/zh/" + name)),
                    "blocks of \(name) differ between the editions")
        }
    }

    @Test func chineseLessonsSayTheirLanguage() throws {
        for name in try lessons(in: root + "/zh") {
            #expect(try text(root + "/zh/" + name).contains("\nlang: zh-CN\n"), "lessons/zh/\(name)")
        }
    }

    @Test func linksStayInTheirEditionAndFindTheirLesson() throws {
        for (folder, prefix) in [(root, ""), (root + "/zh", "zh/")] {
            for name in try lessons(in: folder) {
                for target in links(try text(folder + "/" + name)) where target.hasSuffix(".md") {
                    #expect(!target.contains("/"), "lessons/\(prefix)\(name) links out of its edition: \(target)")
                    #expect(FileManager.default.fileExists(atPath: folder + "/" + target),
                            "lessons/\(prefix)\(name) links to a missing lesson: \(target)")
                }
            }
        }
    }

    @Test func theChineseEditionAvoidsTheKnownCalques() throws {
        for name in try lessons(in: root + "/zh") {
            let source = try text(root + "/zh/" + name)
            for calque in calques {
                #expect(!source.contains(calque), "lessons/zh/\(name) still says \(calque)")
            }
        }
    }

    /// In the built site: a page's links to lesson pages and indexes stay in its edition, except
    /// its language switch, which leads to the same lesson in the other edition.
    @Test func builtPagesLinkWithinTheirEditionExceptTheSwitch() throws {
        let course = try SharedCourse.get()
        let pages = Workspace.tree(at: course.output).filter { $0.key.hasSuffix("/index.html") && $0.key.split(separator: "/").count == 2 }
        #expect(pages.count >= 26)
        for (path, data) in pages {
            let slug = String(path.split(separator: "/")[0])
            let chinese = slug.hasPrefix("zh-") || slug == "zh"
            var html = String(decoding: data, as: UTF8.self)
            let switchLink = html.firstMatch(of: #/<nav class="language-switch"[^>]*><a href="\.\./(?<target>[^"]+)"/#).map { String($0.output.target) }
            #expect(switchLink != nil, "\(path) has no language switch")
            if let range = html.firstRange(of: #/<nav class="language-switch".*?</nav>/#) { html.removeSubrange(range) }
            html = html.replacing(#/<link rel="alternate"[^>]*>/#, with: "")
            for match in html.matches(of: #/href="\.\./(?<target>[^"#]+)"/#) {
                let target = String(match.output.target)
                guard target.hasSuffix("index.html"), !target.hasPrefix("shared/") else { continue }
                let toChinese = target.hasPrefix("zh-") || target.hasPrefix("zh/")
                #expect(toChinese == chinese, "\(path) links to \(target) in the other edition")
            }
            if slug != "zh", let target = switchLink, !target.hasSuffix("index.html") || target.contains("/") {
                let counterpart = chinese ? String(slug.dropFirst(3)) : "zh-" + slug
                if pages.keys.contains(counterpart + "/index.html") {
                    #expect(target == counterpart + "/index.html", "\(path) switches to \(target)")
                }
            }
        }
    }
}
