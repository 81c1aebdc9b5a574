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
        /// The program as the lesson's notebook runs it, when that differs from `source`: after the
        /// NumPy cells, the PyTorch cell takes their arrays instead of writing every number again.
        package var notebook: String?
        package init(label: String, language: String, source: String, download: String?, notebook: String? = nil) {
            self.label = label; self.language = language; self.source = source; self.download = download
            self.notebook = notebook
        }
    }

    /// A file the programs read, relative to the page.
    package struct File: Sendable, Codable {
        package var href: String
        package var purpose: String
        /// The file's text, which the notebook carries so that it runs when downloaded on its own.
        package var text: String?
        package init(href: String, purpose: String, text: String? = nil) {
            self.href = href; self.purpose = purpose; self.text = text
        }
    }

    /// The label of the tab that shows the block as written; pages show it in their language.
    package static let lessonLabel = "Lesson"

    package var tabs: [Tab]
    /// Files the programs read (data, batch orders), to download next to them.
    package var files: [File]
    /// A sentence under the panels (what the programs print, how they were checked).
    package var note: String
    /// What the NumPy program prints, written by the build from the trace (the lesson's
    /// notebook stores it as the cell's output); nil when the program prints other numbers.
    package var printed: String?
    /// The folder of the programs, data files and long listings, relative to the page, when it
    /// is not `code/` beside it: `../shared/xor/code/`, which the editions of a lesson share (SharedCode).
    package var folder: String?

    package init(tabs: [Tab], files: [File], note: String) {
        self.tabs = tabs; self.files = files; self.note = note
    }

    /// The tabs with their files in `folder` (`../shared/xor/code/`) instead of `code/`.
    package func moved(to folder: String) -> CodeTabs {
        func relinked(_ path: String) -> String { path.hasPrefix("code/") ? folder + path.dropFirst("code/".count) : path }
        var moved = self
        moved.tabs = tabs.map { tab in
            var tab = tab
            tab.download = tab.download.map(relinked)
            return tab
        }
        moved.files = files.map { file in
            var file = file
            file.href = relinked(file.href)
            return file
        }
        moved.folder = folder
        return moved
    }
}

/// The HTML of code tabs: plain labelled panels, which `lessons.js` turns into an ARIA tab list.
enum CodeTabsHTML {
    /// `lazy`: long framework listings go to files of their own (`CodeListings`), loaded when
    /// their tab is opened; the print page keeps them inline.
    static func render(_ code: CodeTabs, id: String, block: String, phrases p: Phrases = Phrases(lang: nil), lazy: Bool = true) -> Markup {
        let label = p.codeOf.replacingOccurrences(of: "{block}", with: block)
        var out: Markup = "<div class=\"code-tabs\" id=\"\(attribute: id)\" data-label=\"\(attribute: label)\">\n"
        // The script shows these words after a copy, then the button's own text again.
        let copyButton: Markup = "<button type=\"button\" class=\"code-copy\" data-copied=\"\(attribute: p.copied)\" "
            + "data-selected=\"\(attribute: p.selected)\" hidden>\(text: p.copy)</button>"
        for (k, tab) in code.tabs.enumerated() {
            let panel = "\(id)-\(k + 1)"
            let name = p.tabName(tab.label)
            out += "<section class=\"code-panel\" id=\"\(attribute: panel)\" data-tab=\"\(attribute: name)\">"
            out += "<div class=\"code-bar\"><span class=\"code-label\">\(text: name)</span><span class=\"code-actions\">\(copyButton)"
            if let file = tab.download {
                out += "<a class=\"code-download\" href=\"\(attribute: file)\" download>\(text: fileName(file))</a>"
            }
            let folder = code.folder
            let code = listing(tab)
            if lazy, CodeListings.isLazy(tab: k, listing: code) {
                out += "</span></div>\n<pre data-code=\"\(attribute: CodeListings.path(panel, folder: folder))\"><code class=\"language-\(attribute: tab.language)\"></code></pre>"
                out += "<p class=\"code-elsewhere\">\(text: p.listingInFile)</p></section>\n"
                continue
            }
            out += "</span></div>\n<pre><code class=\"language-\(attribute: tab.language)\">\(code)</code></pre></section>\n"
        }
        var note: Markup = "\(text: code.note)"
        if !code.files.isEmpty {
            note += p.theyRead(code.files.map { file -> (link: Markup, purpose: Markup) in
                (link: "<a href=\"\(attribute: file.href)\" download>\(text: fileName(file.href))</a>", purpose: "\(text: file.purpose)")
            })
        }
        out += "<p class=\"code-note\">\(note)</p>\n"
        return out + "</div>\n"
    }

    /// A tab's listing as HTML (the highlighter escapes every token it emits).
    static func listing(_ tab: CodeTabs.Tab) -> Markup {
        let source = shortened(tab)
        return tab.language == "python" ? PythonHighlighter.html(source) : "\(text: source)"
    }

    /// The most bytes of one listing a page shows: a block with a literal of a million numbers
    /// made a 78 MB page of highlighted numbers. The download keeps the whole program.
    static let maxListingBytes = 64 * 1024

    /// The listing as shown: whole, or its first `maxListingBytes` (at a line end where there is
    /// one) and a comment saying where the rest is.
    static func shortened(_ tab: CodeTabs.Tab) -> String {
        let bytes = Array(tab.source.utf8)
        guard bytes.count > maxListingBytes else { return tab.source }
        var end = maxListingBytes
        if let newline = bytes[..<end].lastIndex(of: UInt8(ascii: "\n")), newline > 0 { end = newline + 1 }
        // Never cut inside a UTF-8 sequence.
        while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        var head = String(decoding: bytes[..<end], as: UTF8.self)
        if !head.hasSuffix("\n") { head += " …\n" }
        let rest = tab.download.map { "the whole program is " + fileName($0) } ?? "the whole block is in the lesson file"
        return head + "# … shortened on this page (\(bytes.count) bytes in all); \(rest)\n"
    }

    private static func fileName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }
}
