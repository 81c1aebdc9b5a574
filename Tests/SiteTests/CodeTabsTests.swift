import Testing
@testable import Site

@Test func codeTabsArePanelsInOrderWithoutJavaScript() {
    let tabs = CodeTabs(tabs: [
        CodeTabs.Tab(label: "Lesson", language: "lessons", source: "y = x < 2\n", download: nil),
        CodeTabs.Tab(label: "NumPy", language: "python", source: "import numpy as np\n", download: "code/m.py"),
    ], files: [CodeTabs.File(href: "code/m-data.csv", purpose: "the 200 examples")], note: "They agree.")
    #expect(CodeTabsHTML.render(tabs, id: "model-m-code", block: "m") == """
        <div class="code-tabs" id="model-m-code" data-label="Code of m">
        <section class="code-panel" id="model-m-code-1" data-tab="Lesson"><div class="code-bar"><span class="code-label">Lesson</span>\
        <span class="code-actions"><button type="button" class="code-copy" hidden>Copy</button></span></div>
        <pre><code class="language-lessons">y = x &lt; 2
        </code></pre></section>
        <section class="code-panel" id="model-m-code-2" data-tab="NumPy"><div class="code-bar"><span class="code-label">NumPy</span>\
        <span class="code-actions"><button type="button" class="code-copy" hidden>Copy</button><a class="code-download" href="code/m.py" download>m.py</a></span></div>
        <pre><code class="language-python"><span class="tok-keyword">import</span> numpy <span class="tok-keyword">as</span> np
        </code></pre></section>
        <p class="code-note">They agree. They read <a href="code/m-data.csv" download>m-data.csv</a> (the 200 examples); download it next to the programs.</p>
        </div>

        """)
}

@Test func aWidgetWithCodeShowsTabsInsteadOfTheSourceDetails() {
    var widget = GraphWidget(id: "graph-g", kind: "graph", name: "g", source: "y = 2\n", width: 10, height: 10,
                             lightSVG: "figures/g.svg", darkSVG: "figures/g-dark.svg", png: "figures/g.png",
                             trace: "trace/g.json", alt: "", nodes: [], edges: [], steps: [], rows: [], checks: [])
    #expect(GraphWidgetHTML.render(widget).contains("<details class=\"block-source\">"))
    widget.code = CodeTabs(tabs: [CodeTabs.Tab(label: "Lesson", language: "lessons", source: "y = 2\n", download: nil)],
                           files: [], note: "")
    let html = GraphWidgetHTML.render(widget)
    #expect(!html.contains("<details class=\"block-source\">"))
    #expect(html.contains("<div class=\"code-tabs\" id=\"graph-g-code\""))
    #expect(html.contains("<p class=\"block-files\"><a href=\"trace/g.json\">Trace (JSON)</a> · <a href=\"figures/g.png\">Diagram (PNG)</a></p>"))
}
