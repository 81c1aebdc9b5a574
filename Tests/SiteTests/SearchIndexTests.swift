import Foundation
import Testing
import LessonModel
@testable import Site

private func lesson(_ markdown: String, path: String = "a.md") throws -> Lesson {
    try #require(LessonParser.parse(bytes: Array(markdown.utf8), path: path, relativePath: path).0)
}

private func index(_ lessons: [(String, String)]) throws -> SearchIndex {
    SearchIndex(pages: try lessons.map { path, markdown in
        let l = try lesson(markdown, path: path)
        return SearchIndex.Page(title: l.title, path: l.slug + "/index.html", sections: SearchSections.of(l))
    })
}

@Test func englishWordsAreLowercasedAndSplitAtEverythingElse() {
    #expect(SearchTokens.tokens("The Chain-Rule, x_1 and σ(z)!") == ["the", "chain", "rule", "x", "1", "and", "σ", "z"])
    #expect(SearchTokens.tokens("Ünïcode café") == ["ünïcode", "café"])
}

@Test func hanRunsBecomeBigramsAndALoneCharacterItself() {
    #expect(SearchTokens.tokens("链式法则") == ["链式", "式法", "法则"])
    #expect(SearchTokens.tokens("用链式法则求 ∂L/∂w") == ["用链", "链式", "式法", "法则", "则求", "l", "w"])
    #expect(SearchTokens.tokens("梯度（gradient）与 值") == ["梯度", "gradient", "与", "值"])
    #expect(SearchTokens.tokens("a链b") == ["a", "链", "b"])
}

@Test func sectionsHoldHeadingsProseTeXAndBlockNames() throws {
    let l = try lesson("""
        ---
        title: The Chain Rule
        summary: Derivatives of compositions.
        ---
        Intro with $\\frac{dy}{dx}$ inline.

        ## One link at a time

        Prose *here* and [a link](x.html).

        $$\\sigma(z)$$

        ```graph colah
        a = 2
        param w = 0.5
        e = a * w  # the product
        group pair: a, w
        ```

        ```python
        print("listing left out")
        ```
        """)
    let sections = SearchSections.of(l)
    #expect(sections.count == 2)
    #expect(sections[0] == SearchSection(anchor: "", heading: "The Chain Rule", text: "Derivatives of compositions. Intro with \\frac{dy}{dx} inline."))
    #expect(sections[1].anchor == "one-link-at-a-time" && sections[1].heading == "One link at a time")
    #expect(sections[1].text == "Prose here and a link. \\sigma(z) graph colah a w e pair")
}

@Test func chineseBlocksAreFoundByTheirCaptionAndByTheirKind() throws {
    let l = try lesson("---\nlang: zh-CN\ntitle: 链式法则\n---\n```graph g\nx = 1\n```\n")
    #expect(SearchSections.of(l)[0].text == "计算图 graph g x")
}

@Test func titleOutranksHeadingAndHeadingOutranksProse() throws {
    let i = try index([
        ("prose.md", "# Derivatives\n\nThe chain rule chain rule chain rule, said often.\n"),
        ("heading.md", "# Graphs\n\n## Using the chain rule\n\nText.\n"),
        ("chain-rule.md", "# The Chain Rule\n\nOpening.\n"),
    ])
    let hits = i.search("chain rule")
    #expect(hits.map { i.sections[$0.section].page } == [2, 1, 0])
    #expect(hits.map(\.score) == [24, 12, 6])
    #expect(i.sections[hits[1].section].section.anchor == "using-the-chain-rule")
}

@Test func everyTokenMustMatchAndTheLastWordMatchesAsItIsTyped() throws {
    let i = try index([("a.md", "# A\n\nbackpropagation works\n"), ("b.md", "# B\n\nbackward pass\n")])
    #expect(i.search("back").count == 2)
    #expect(i.search("back ").isEmpty)  // a finished word matches only itself
    #expect(i.search("backprop").map(\.section) == [0])
    #expect(i.search("backward works").isEmpty)
    #expect(i.search("  ").isEmpty && i.search("∂/∂").isEmpty)
}

@Test func chineseQueriesFindTheirLessonByBigramsOrOneCharacter() throws {
    let i = try index([
        ("zh/derivatives.md", "---\nlang: zh-CN\n---\n# 导数\n\n复合函数要用链式法则。\n"),
        ("zh/chain-rule.md", "---\nlang: zh-CN\n---\n# 链式法则\n\n## 一次只看一环\n\n法则很简单。\n"),
    ])
    let hits = i.search("链式法则")
    #expect(hits.map { i.pages[i.sections[$0.section].page].title } == ["链式法则", "导数"])
    #expect(i.search("式法").count == 2)
    #expect(i.search("则式").isEmpty)  // not a bigram of either text
    let one = i.search("环")
    #expect(one.map { i.sections[$0.section].section.heading } == ["一次只看一环"])
}

@Test func theFileHoldsPagesSectionsAndDeltaCodedPostings() throws {
    let i = try index([("a.md", "# Alpha\n\nword\n\n## Beta\n\nword word\n")])
    #expect(String(decoding: i.script, as: UTF8.self).hasPrefix("lessonsSearch(\"search\", \""), "packed")
    let text = try #require(PackedScript.json(of: i.script))
    #expect(text == i.json)
    #expect(text.hasPrefix("{\"p\":[[\"Alpha\",\"a/index.html\"]],\n\"s\":[\n[0,\"\",\"Alpha\",\"word\"],\n[0,\"beta\",\"Beta\",\"word word\"]],"))
    // Keys sorted and front-coded; postings in their order: "alpha" in section 0 weight 12 ("c");
    // "beta" in section 1 weight 6 (16 + 6 = 22, "m"); "word" in 0 weight 1, then 1 weight 2 (16 + 2 = 18, "i").
    #expect(text.contains("\"k\":\"0alpha 0beta 0word\",\n\"v\":\"c m 1,i\""))
    #expect(text.hasSuffix("\"}"))
}

@Test func longSectionsAreShortenedInTheFileButFullyIndexed() throws {
    let long = (1...200).map { "w\($0)" }.joined(separator: " ")
    let i = try index([("a.md", "# A\n\n\(long)\n")])
    let text = i.json
    #expect(text.contains(" …\"]") && !text.contains("w200 "))
    #expect(i.search("w200").count == 1)
}

@Test func keysAreFrontCodedInUTF16Units() {
    #expect(SearchIndex.frontCoded(["back", "backprop", "backward", "链式", "链条", "1", "12"]) == "0back 4prop 4ward 0链式 1条 01 12")
    #expect(SearchIndex.frontCoded([]) == "")
}

@Test func sectionTextIsShortenedByColumnsWithHanCountingTwo() {
    let han = String(repeating: "梯度", count: 200)
    let short = SearchIndex.shortened(han)
    #expect(short.count == SearchIndex.textLimit / 2 + 2 && short.hasSuffix(" …"))
    #expect(SearchIndex.shortened("short text") == "short text")
}

@Test func editionFileNamesAreSafe() {
    #expect(SearchIndex.fileName(edition: "zh", ordinal: 1) == "search-zh.js")
    #expect(SearchIndex.fileName(edition: "../x", ordinal: 2) == "search-3.js")
}
