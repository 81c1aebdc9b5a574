import Foundation

/// The live-reload script `lessons serve` adds to HTML responses; files on disk never contain it,
/// so a built site stays free of server code and works from `file://`.
enum ReloadSnippet {
    /// The server-sent events endpoint the snippet listens to.
    static let eventsPath = "/__lessons/events"

    /// The script for a page served while `build` was current. It reloads the page as soon as the
    /// server announces any other build (also right after connecting, which catches a build that
    /// finished between serving the page and opening the stream, and a restarted server). Only a
    /// visible page keeps its stream open: browsers allow six connections to one server, and
    /// seven open tabs would otherwise stall the next page; a tab shown again catches up at once.
    static func script(build: String) -> String {
        """
        <script>/* lessons serve: live reload */
        (function () {
          if (!window.EventSource) return;
          var served = "\(build)", events = null;
          function listen() {
            if (document.hidden) { if (events) { events.close(); events = null; } return; }
            if (events) return;
            events = new EventSource("\(eventsPath)");
            events.addEventListener("build", function (e) { if (e.data !== served) location.reload(); });
          }
          document.addEventListener("visibilitychange", listen);
          listen();
        })();
        </script>

        """
    }

    /// `html` with the script inserted before its last `</body>` (or appended when there is none):
    /// the in-memory form of what `FileBody.insertBeforeClosingBody` does while streaming, and the
    /// reference its tests compare against.
    static func inject(into html: Data, build: String) -> Data {
        let snippet = Data(script(build: build).utf8)
        let bytes = [UInt8](html)
        let closing = Array("</body>".utf8)
        guard bytes.count >= closing.count else { return html + snippet }
        for start in stride(from: bytes.count - closing.count, through: 0, by: -1)
        where bytes[start..<start + closing.count].elementsEqual(closing, by: { lowercased($0) == $1 }) {
            return Data(bytes[..<start]) + snippet + Data(bytes[start...])
        }
        return html + snippet
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
