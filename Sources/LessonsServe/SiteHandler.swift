import FlyingFox
import Foundation

/// Answers every request: the live-reload event stream, or a file from the output folder.
struct SiteHandler: HTTPHandler {
    let outputDirectory: String
    let events: BuildEvents

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.response(.methodNotAllowed, type: "text/plain; charset=utf-8",
                                 body: Data("Only GET and HEAD are served.\n".utf8), head: false,
                                 extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        let head = request.method == .HEAD
        // FlyingFox's `request.path` is already decoded and has `..` folded away; we judge the raw
        // path instead, so a traversal attempt is refused rather than quietly rewritten.
        let rawPath = request.target.path(percentEncoded: true)
        if rawPath == ReloadSnippet.eventsPath { return await eventStream(head: head) }

        // The build number is read before the file, so the page is never older than the number it
        // carries: at worst it reloads once more than needed.
        let build = await events.current
        switch SitePath.lookup(rawPath: rawPath, outputDirectory: outputDirectory) {
        case .redirect(let location):
            return Self.response(.movedPermanently, type: "text/plain; charset=utf-8",
                                 body: Data("Moved to \(location)\n".utf8), head: head, extra: [.location: location])
        case .file(let path, let type):
            // Read whole: a rebuild may swap the folder away at any moment, and an open read is safe.
            guard var body = FileManager.default.contents(atPath: path) else { return Self.notFound(head: head) }
            if type.hasPrefix("text/html") { body = ReloadSnippet.inject(into: body, build: build) }
            return Self.response(.ok, type: type, body: body, head: head)
        case .notFound:
            return Self.notFound(head: head)
        }
    }

    private func eventStream(head: Bool) async -> HTTPResponse {
        let headers: HTTPHeaders = [.contentType: "text/event-stream", .cacheControl: "no-store"]
        if head { return HTTPResponse(statusCode: .ok, headers: headers) }
        let stream = await events.subscribe()
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: EventBody(events: stream)))
    }

    private static func notFound(head: Bool) -> HTTPResponse {
        response(.notFound, type: "text/plain; charset=utf-8", body: Data("Not found.\n".utf8), head: head)
    }

    /// A complete response; for HEAD the same headers (Content-Length included) and no body.
    /// `no-store`: pages change on every rebuild, and a cached one would hide the change.
    private static func response(_ status: HTTPStatusCode, type: String, body: Data, head: Bool,
                                 extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store"]
        for (name, value) in extra { headers[name] = value }
        guard head else { return HTTPResponse(statusCode: status, headers: headers, body: body) }
        headers[.contentLength] = String(body.count)
        return HTTPResponse(statusCode: status, headers: headers, body: Data())
    }
}
