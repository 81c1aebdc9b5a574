import Site

/// Traces that two or more lessons produce byte for byte (the same block in two editions of a
/// lesson) are written once, under `shared/<first lesson>/trace/`, and every page links there.
///
/// A trace records a run, not a page: it names no lesson, so the English and Chinese pages of
/// one lesson, whose blocks are the same, make the same file. Without this the second edition
/// would double the heaviest part of the site.
struct SharedTraces {
    /// Where each shared trace goes, by the lesson folder and path that made it.
    private var moved: [Key: String] = [:]
    /// The shared files to write, relative to the output folder, in lesson order.
    private(set) var files: [(String, [UInt8])] = []

    private struct Key: Hashable {
        var slug: String
        var path: String
    }

    /// Finds the traces among `files[i]` (lesson `slugs[i]`'s block files) that more than one lesson makes.
    init(slugs: [String], files: [[(String, [UInt8])]]) {
        var groups = ContentGroups<[UInt8], Key>()
        for (slug, lessonFiles) in zip(slugs, files) {
            for (path, bytes) in lessonFiles where path.hasPrefix("trace/") { groups.add(bytes, owner: Key(slug: slug, path: path)) }
        }
        for (bytes, users) in groups.shared {
            let target = "shared/\(users[0].slug)/\(users[0].path)"
            for user in users { moved[user] = target }
            self.files.append((target, bytes))
        }
    }

    /// The output-relative path a lesson's block file was moved to, or nil if it stays in the lesson folder.
    func target(slug: String, path: String) -> String? { moved[Key(slug: slug, path: path)] }

    /// The lesson's files without the shared traces.
    func remaining(slug: String, _ files: [(String, [UInt8])]) -> [(String, [UInt8])] {
        files.filter { target(slug: slug, path: $0.0) == nil }
    }

    /// `widget` with its trace link pointing at the shared copy, when there is one.
    func relinked(_ widget: GraphWidget, slug: String) -> GraphWidget {
        guard let target = target(slug: slug, path: widget.trace) else { return widget }
        var widget = widget
        widget.trace = "../" + target
        return widget
    }
}
