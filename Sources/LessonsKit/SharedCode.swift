import Site

/// A lesson's `code/` folder (its blocks' NumPy and PyTorch programs, the data files they read and
/// the long listings the page loads) that another lesson makes byte for byte is written once,
/// under `shared/<first lesson>/code/`, and both pages link there.
///
/// The two editions of a lesson run the same blocks, and the programs name their lesson by its
/// file name (`xor.md`), not by its title, so their folders are the same. A folder is shared whole,
/// never file by file: a program reads its data files from beside itself.
struct SharedCode {
    /// The folder each lesson's code moved to, relative to the output folder (`shared/xor/code/`).
    private var moved: [String: String] = [:]
    /// The shared files to write, relative to the output folder, in lesson order.
    private(set) var files: [(String, [UInt8])] = []

    /// Finds the `code/` folders among `files[i]` (lesson `slugs[i]`'s files) that more than one lesson makes.
    init(slugs: [String], files: [[(String, [UInt8])]]) {
        var groups = ContentGroups<[String: [UInt8]], String>()
        for (slug, lessonFiles) in zip(slugs, files) {
            let code = Dictionary(lessonFiles.filter { $0.0.hasPrefix("code/") }, uniquingKeysWith: { first, _ in first })
            if !code.isEmpty { groups.add(code, owner: slug) }
        }
        for (code, users) in groups.shared {
            let first = users[0]
            for user in users { moved[user] = "shared/\(first)/code/" }
            self.files += code.sorted { $0.key < $1.key }.map { ("shared/\(first)/" + $0.key, $0.value) }
        }
    }

    /// Whether the lesson's `code/` folder is written under `shared/` instead of in the lesson folder.
    func isShared(slug: String) -> Bool { moved[slug] != nil }

    /// The lesson's files without its `code/` folder, when that is shared.
    func remaining(slug: String, _ files: [(String, [UInt8])]) -> [(String, [UInt8])] {
        isShared(slug: slug) ? files.filter { !$0.0.hasPrefix("code/") } : files
    }

    /// `widget` with its code tabs linking the shared folder, when there is one.
    func relinked(_ widget: GraphWidget, slug: String) -> GraphWidget {
        guard let folder = moved[slug], let code = widget.code else { return widget }
        var widget = widget
        widget.code = code.moved(to: "../" + folder)
        return widget
    }
}
