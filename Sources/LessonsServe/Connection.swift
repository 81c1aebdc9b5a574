import Foundation

/// One accepted connection, served on its own thread: read a request head within the limits,
/// check it, answer, and keep going while the client keeps the connection alive.
struct Connection {
    let fd: Int32
    let limits: ServerLimits
    let policy: RequestPolicy
    let respond: @Sendable (RequestHead) -> Response

    /// Serves requests until the client closes, a limit is hit, or the server shuts the socket.
    func serve() {
        Socket.setSendTimeout(fd, seconds: limits.sendTimeout)
        var buffered: [UInt8] = []
        while true {
            switch readHead(&buffered) {
            case .closed:
                return
            case .refused(let refusal):
                _ = Response.refusal(refusal).write(to: fd, head: false, keepAlive: false, chunk: limits.chunkBytes)
                Socket.lingeringClose(fd)
                return
            case .head(let request):
                if let refusal = policy.refusal(for: request) {
                    _ = Response.refusal(refusal).write(to: fd, head: false, keepAlive: false, chunk: limits.chunkBytes)
                    Socket.lingeringClose(fd)
                    return
                }
                let keepAlive = request.wantsKeepAlive
                let response = respond(request)
                let written = response.write(to: fd, head: request.method == "HEAD", keepAlive: keepAlive,
                                             chunk: limits.chunkBytes)
                guard written, keepAlive, !response.isStream else { return }
            }
        }
    }

    private enum Outcome {
        case head(RequestHead)
        case refused(Refusal)
        /// The client closed, or stayed silent between requests for the idle timeout.
        case closed
    }

    /// Reads until a whole head is buffered. The first byte may take the idle timeout; from then
    /// on the whole head must arrive within the head timeout, however it trickles in.
    private func readHead(_ buffered: inout [UInt8]) -> Outcome {
        var parser = HeadParser(limits: limits)
        var deadline = buffered.isEmpty ? nil : Socket.now() + limits.headTimeout
        let idleDeadline = Socket.now() + limits.idleTimeout
        var scratch = [UInt8](repeating: 0, count: 16384)
        while true {
            switch parser.parse(buffered) {
            case .head(let request, let consumed):
                buffered.removeFirst(consumed)
                return .head(request)
            case .refuse(let refusal):
                return .refused(refusal)
            case .needMore:
                break
            }
            guard Socket.waitReadable(fd, until: deadline ?? idleDeadline) else {
                guard deadline != nil else { return .closed }
                return .refused(Refusal(status: .requestTimeout,
                                        message: "the request did not arrive whole within \(Self.seconds(limits.headTimeout))"))
            }
            let n = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return .closed }
            if deadline == nil { deadline = Socket.now() + limits.headTimeout }
            buffered += scratch[..<n]
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
