import Foundation

/// Answers a request that passed `RequestPolicy`: the live-reload event stream, or a file from the
/// output folder.
struct SiteResponder: Sendable {
    let outputDirectory: String
    let events: BuildEvents

    func respond(to request: RequestHead) -> Response {
        // The raw path is judged, so a traversal attempt is refused rather than quietly rewritten.
        let rawPath = request.path
        if rawPath == ReloadSnippet.eventsPath {
            return Response(status: .ok, headers: [("Content-Type", "text/event-stream"), ("Cache-Control", "no-store")],
                            body: .events(events))
        }
        // The build number is read before the file, so the page is never older than the number it
        // carries: at worst it reloads once more than needed.
        let build = events.current
        switch SitePath.lookup(rawPath: rawPath, outputDirectory: outputDirectory) {
        case .redirect(let location):
            return .text(.movedPermanently, "Moved to \(location)\n", headers: [("Location", location)])
        case .file(let path, let type):
            guard let file = FileBody(path: path) else { return Self.notFound }
            if type.hasPrefix("text/html") { file.insertBeforeClosingBody(Array(ReloadSnippet.script(build: build).utf8)) }
            // `no-store`: pages change on every rebuild, and a cached one would hide the change.
            return Response(status: .ok, headers: [("Content-Type", type), ("Cache-Control", "no-store"),
                                                   ("X-Content-Type-Options", "nosniff")],
                            body: .file(file))
        case .notFound:
            return Self.notFound
        }
    }

    private static let notFound = Response.text(.notFound, "Not found.\n")
}
