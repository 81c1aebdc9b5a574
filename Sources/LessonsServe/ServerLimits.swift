/// What one connection to `lessons serve` may send and how long it may take. The defaults are
/// generous for a browser (a request head is rarely over 2 KB) and tight enough that no request
/// can make the server work or wait for long; tests pass smaller timeouts.
public struct ServerLimits: Sendable {
    /// The request line (`GET /path HTTP/1.1`), without its line end; longer is 414.
    public var requestLineBytes = 8192
    /// One header line; longer is 431.
    public var headerLineBytes = 8192
    /// All header lines together (after the request line); more is 431.
    public var headerBytes = 32768
    /// Header lines; more is 431.
    public var headerCount = 100
    /// Seconds from a request's first byte to its blank line; slower is 408 (a slow-loris trickle
    /// or a silent partial request is closed).
    public var headTimeout = 10.0
    /// Seconds an open connection may wait for its next request before it is closed quietly.
    public var idleTimeout = 15.0
    /// Seconds a write may stall (a client that stops reading) before the connection is dropped.
    public var sendTimeout = 30.0
    /// Connections served at once (open pages' event streams included); more get 503 and are closed.
    public var connections = 64
    /// The size of each read from a file, so a response never holds more than this in memory.
    public var chunkBytes = 65536

    public init() {}
}
