/// A block's code, shown under the block as tabs ("Lesson", "NumPy", "PyTorch") with a copy
/// button and a download link each. Without JavaScript every panel shows, one after the other.
package struct CodeTabs: Sendable, Codable {
    /// One panel.
    package struct Tab: Sendable, Codable {
        /// The tab's name: `CodeTabs.lessonLabel` ("Lesson", translated on the page), "NumPy", "PyTorch".
        package var label: String
        /// "python" (highlighted at build time) or "lessons" (the block language, shown as written).
        package var language: String
        package var source: String
        /// The file to download, relative to the page, if there is one.
        package var download: String?
        package init(label: String, language: String, source: String, download: String?) {
            self.label = label; self.language = language; self.source = source; self.download = download
        }
    }

    /// A file the programs read, relative to the page.
    package struct File: Sendable, Codable {
        package var href: String
        package var purpose: String
        package init(href: String, purpose: String) {
            self.href = href; self.purpose = purpose
        }
    }

    /// The label of the tab that shows the block as written; pages show it in their language.
    package static let lessonLabel = "Lesson"

    package var tabs: [Tab]
    /// Files the programs read (data, batch orders), to download next to them.
    package var files: [File]
    /// A sentence under the panels (what the programs print, how they were checked).
    package var note: String

    package init(tabs: [Tab], files: [File], note: String) {
        self.tabs = tabs; self.files = files; self.note = note
    }
}

/// The HTML of code tabs: plain labelled panels, which `lessons.js` turns into an ARIA tab list.
enum CodeTabsHTML {
    static func render(_ code: CodeTabs, id: String, block: String, phrases p: Phrases = Phrases(lang: nil)) -> String {
        let label = p.codeOf.replacingOccurrences(of: "{block}", with: block)
        var out = "<div class=\"code-tabs\" id=\"\(HTML.attribute(id))\" data-label=\"\(HTML.attribute(label))\">\n"
        // The script shows these words after a copy, then the button's own text again.
        let copyButton = "<button type=\"button\" class=\"code-copy\" data-copied=\"\(HTML.attribute(p.copied))\" "
            + "data-selected=\"\(HTML.attribute(p.selected))\" hidden>\(HTML.text(p.copy))</button>"
        for (k, tab) in code.tabs.enumerated() {
            let panel = "\(id)-\(k + 1)"
            let name = p.tabName(tab.label)
            out += "<section class=\"code-panel\" id=\"\(HTML.attribute(panel))\" data-tab=\"\(HTML.attribute(name))\">"
                + "<div class=\"code-bar\"><span class=\"code-label\">\(HTML.text(name))</span>"
                + "<span class=\"code-actions\">\(copyButton)"
            if let file = tab.download {
                out += "<a class=\"code-download\" href=\"\(HTML.attribute(file))\" download>\(HTML.text(fileName(file)))</a>"
            }
            let code = tab.language == "python" ? PythonHighlighter.html(tab.source) : HTML.text(tab.source)
            out += "</span></div>\n<pre><code class=\"language-\(HTML.attribute(tab.language))\">\(code)</code></pre></section>\n"
        }
        var note = HTML.text(code.note)
        if !code.files.isEmpty {
            note += p.theyRead(code.files.map {
                (link: "<a href=\"\(HTML.attribute($0.href))\" download>\(HTML.text(fileName($0.href)))</a>", purpose: HTML.text($0.purpose))
            })
        }
        out += "<p class=\"code-note\">\(note)</p>\n"
        return out + "</div>\n"
    }

    private static func fileName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }
}
