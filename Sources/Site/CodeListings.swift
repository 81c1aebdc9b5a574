/// Long NumPy and PyTorch listings leave the page: activations' six-layer nets made 212 KB of
/// highlighted code that few readers open. Each such listing is a script file of its own
/// (`code/<panel-id>.js`, a `<script src>` works from `file://`) that the page loads when its
/// tab is opened; the listing's program is also a download, and the print page keeps it inline.
package enum CodeListings {
    /// Listings with more bytes of HTML than this load on demand; the block's own tab never does.
    /// At 8 KB, the optimizers page (nine blocks, each with a NumPy and a PyTorch listing of 2 to
    /// 8 KB) outgrew the 400 KB first view; at 2 KB every model's listings leave (−0.5 MB of site).
    static let lazyAbove = 2 * 1024

    static func isLazy(tab k: Int, listing: Markup) -> Bool { k > 0 && listing.html.utf8.count > lazyAbove }

    /// Where a panel's listing goes, relative to the lesson page: in `code/`, or in the folder the
    /// tabs' files moved to (`CodeTabs.folder`).
    static func path(_ panelID: String, folder: String? = nil) -> String { (folder ?? "code/") + "\(panelID).js" }

    /// The listing files of a widget's code tabs (their panel ids as `CodeTabsHTML` numbers them).
    package static func files(_ w: GraphWidget) -> [(path: String, bytes: [UInt8])] {
        guard let code = w.code else { return [] }
        let id = w.id + "-code"
        return code.tabs.enumerated().compactMap { k, tab in
            let listing = CodeTabsHTML.listing(tab)
            guard isLazy(tab: k, listing: listing) else { return nil }
            let panel = "\(id)-\(k + 1)"
            // Packed like the step and view files (a fifth of the bytes); the JSON is [html].
            return (path(panel), PackedScript.call("lessonsCode", id: panel, json: "[" + JSONText.string(listing.html) + "]"))
        }
    }
}
