import Testing
@testable import Site

@Test func codeTabsArePanelsInOrderWithoutJavaScript() {
    let tabs = CodeTabs(tabs: [
        CodeTabs.Tab(label: CodeTabs.lessonLabel, language: "lessons", source: "y = x < 2\n", download: nil),
        CodeTabs.Tab(label: "NumPy", language: "python", source: "import numpy as np\n", download: "code/m.py"),
    ], files: [CodeTabs.File(href: "code/m-data.csv", purpose: "the 200 examples")], note: "They agree.")
    #expect(CodeTabsHTML.render(tabs, id: "model-m-code", block: "m").html == """
        <div class="code-tabs" id="model-m-code" data-label="Code of m">
        <section class="code-panel" id="model-m-code-1" data-tab="Lesson"><div class="code-bar"><span class="code-label">Lesson</span>\
        <span class="code-actions"><button type="button" class="code-copy" data-copied="Copied" data-selected="Selected: press Ctrl+C" hidden>Copy</button></span></div>
        <pre><code class="language-lessons">y = x &lt; 2
        </code></pre></section>
        <section class="code-panel" id="model-m-code-2" data-tab="NumPy"><div class="code-bar"><span class="code-label">NumPy</span>\
        <span class="code-actions"><button type="button" class="code-copy" data-copied="Copied" data-selected="Selected: press Ctrl+C" hidden>Copy</button><a class="code-download" href="code/m.py" download>m.py</a></span></div>
        <pre><code class="language-python"><span class="k">import</span> numpy <span class="k">as</span> np
        </code></pre></section>
        <p class="code-note">They agree. They read <a href="code/m-data.csv" download>m-data.csv</a> (the 200 examples); download it next to the programs.</p>
        </div>

        """)
}

@Test func aWidgetWithCodeShowsTabsInsteadOfTheSourceDetails() {
    var widget = GraphWidget(id: "graph-g", kind: "graph", name: "g", source: "y = 2\n", width: 10, height: 10,
                             svg: "figures/g.svg",
                             trace: "trace/g.json", alt: "", nodes: [], edges: [], steps: [], rows: [], checks: [])
    #expect(GraphWidgetHTML.render(widget).html.contains("<details class=\"block-source\">"))
    widget.code = CodeTabs(tabs: [CodeTabs.Tab(label: "Lesson", language: "lessons", source: "y = 2\n", download: nil)],
                           files: [], note: "")
    let html = GraphWidgetHTML.render(widget).html
    #expect(!html.contains("<details class=\"block-source\">"))
    #expect(html.contains("<div class=\"code-tabs\" id=\"graph-g-code\""))
    #expect(html.contains("<p class=\"block-files\"><a href=\"trace/g.json\">Trace (JSON)</a> · <a href=\"figures/g.svg\">Diagram (SVG)</a></p>"))
}

@Test func chinesePagesNameTheTabsAndButtonsInChinese() {
    let tabs = CodeTabs(tabs: [
        CodeTabs.Tab(label: CodeTabs.lessonLabel, language: "lessons", source: "y = 2\n", download: nil),
        CodeTabs.Tab(label: "NumPy", language: "python", source: "y = 2\n", download: "code/m.py"),
        CodeTabs.Tab(label: "PyTorch", language: "python", source: "y = 2\n", download: "code/m_torch.py"),
    ], files: [CodeTabs.File(href: "code/m-data.csv", purpose: "4 个样本"), CodeTabs.File(href: "code/m-orders.csv", purpose: "样本的顺序")],
       note: "两个程序一致。")
    let html = CodeTabsHTML.render(tabs, id: "model-m-code", block: "m", phrases: Phrases(lang: "zh-CN")).html
    #expect(html.hasPrefix("<div class=\"code-tabs\" id=\"model-m-code\" data-label=\"m 的代码\">"))
    // The block's own tab has a Chinese name; the frameworks keep theirs.
    #expect(html.contains("data-tab=\"本课代码\"><div class=\"code-bar\"><span class=\"code-label\">本课代码</span>"))
    #expect(html.contains("data-tab=\"NumPy\"") && html.contains("data-tab=\"PyTorch\""))
    // The copy button, and the words the script shows after copying, are Chinese too.
    #expect(html.components(separatedBy: "<button type=\"button\" class=\"code-copy\" data-copied=\"已复制\" "
                                      + "data-selected=\"已选中：请按 Ctrl+C\" hidden>复制</button>").count == 4)
    #expect(html.contains("<p class=\"code-note\">两个程序一致。程序会读取 <a href=\"code/m-data.csv\" download>m-data.csv</a>（4 个样本）和 "
                          + "<a href=\"code/m-orders.csv\" download>m-orders.csv</a>（样本的顺序），请把它们下载到程序所在的文件夹。</p>"))
    for english in ["Lesson", "Code of", "Copy", "Copied", "Selected", "They read", "download it", "download them"] {
        #expect(!html.contains(english), "\(english) left on a Chinese page")
    }
}

@Test func aChineseWidgetPassesItsPhrasesToTheCodeTabs() {
    var widget = GraphWidget(id: "graph-g", kind: "graph", name: "g", source: "y = 2\n", width: 10, height: 10,
                             svg: "figures/g.svg",
                             trace: "trace/g.json", alt: "", nodes: [], edges: [], steps: [], rows: [], checks: [])
    widget.code = CodeTabs(tabs: [CodeTabs.Tab(label: CodeTabs.lessonLabel, language: "lessons", source: "y = 2\n", download: nil)],
                           files: [], note: "")
    let html = GraphWidgetHTML.render(widget, phrases: Phrases(lang: "zh-CN")).html
    #expect(html.contains("<div class=\"code-tabs\" id=\"graph-g-code\" data-label=\"g 的代码\">"))
    #expect(html.contains("<span class=\"code-label\">本课代码</span>"))
    #expect(!html.contains(">Lesson<") && !html.contains(">Copy<"))
}

@Test func theScriptTakesTheCopyWordsFromThePage() {
    #expect(Script.javaScript.contains("button.dataset.copied"))
    #expect(Script.javaScript.contains("button.dataset.selected"))
    #expect(!Script.javaScript.contains("button.textContent = \"Copy\""))
}

/// The page script ships without indentation and comment lines, and still parses (node checks it
/// where installed; the browser suites run it).
@Test func thePageScriptIsCompactedWithoutChangingALine() {
    #expect(Script.compacted("  a();\n\n  // why\n    b(); // kept\n") == "a();\nb(); // kept\n")
    #expect(!Script.javaScript.contains("\n  ") && !Script.javaScript.contains("\n//"))
}
