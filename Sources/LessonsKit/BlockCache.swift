import Foundation
import Site
import Training

/// Everything one block produced, as stored in the cache.
struct CachedBlock: Sendable {
    /// Output files, relative to the lesson's output folder, in the order they were made.
    var files: [(name: String, bytes: [UInt8])]
    var graph: GraphWidget?
    var model: ModelWidget?
    var trace: Trace?
    /// A model's loss at every (kept) step, for `compare` blocks.
    var history: LossHistory? = nil
}

/// The part of an entry that is JSON: everything but the files' bytes.
private struct EntryHeader: Codable {
    var names: [String]
    var sizes: [Int]
    var graph: GraphWidget?
    var model: ModelWidget?
    var trace: Trace?
    var history: LossHistory?
}

/// The block cache (`.lessons-cache/`): one file per block run, named by the SHA-256 of everything
/// the run depends on. An entry is `magic`, the length of a JSON header, the header (widgets,
/// trace, file names and sizes), the files' raw bytes, and a SHA-256 of all of that. Entries are
/// untrusted input (the folder may be shared between CI runs): one that is not whole, or names a
/// file its block would not write, or fails `CachedBlockCheck`, is ignored and recomputed.
final class BlockCache: @unchecked Sendable {
    static let magic = "lessons-cache/6\n"
    /// What, besides the block itself, changes results: bump when the engine's numerics change.
    static let engineSettings = "float64; libm exp/log/tanh; deterministic PRNG v1; trace schedule v2"
    /// The largest entry read or written; a block whose output is bigger simply always runs.
    static let maxEntryBytes = 512 << 20

    let directory: String
    private let folder: CacheFolder
    private let lock = NSLock()
    private var used: Set<String> = []
    private var prepared = false

    init(directory: String) {
        self.directory = directory
        folder = CacheFolder(path: directory)
    }

    /// The key for a block: the tool's identity, engine settings, the block and its data files.
    static func key(parts: [String]) -> String {
        var hasher = SHA256()
        hasher.update(toolIdentity + "\n" + engineSettings + "\n")
        for part in parts {
            hasher.update("\(part.utf8.count):")  // length-prefixed, so parts cannot run together
            hasher.update(part)
        }
        return hasher.hexDigest()
    }

    /// The running executable's identity (never `argv[0]`'s), so another build of the tool
    /// never reuses these results.
    static var toolIdentity: String { ToolIdentity.current }

    private func name(_ key: String) -> String { key + ".entry" }

    /// The entry under `key`, if there is one that is whole and fits what the block writes.
    func load(_ key: String, expected: BlockFiles) -> CachedBlock? {
        lock.withLock { _ = used.insert(key) }
        guard case .success(let bytes) = BoundedRead.bytes(Paths.join(directory, name(key)), limit: Self.maxEntryBytes),
              let block = Self.decode(bytes), CachedBlockCheck.isAcceptable(block, expected: expected) else { return nil }
        return block
    }

    /// Parses an entry; nil unless it is whole (its SHA-256 matches) and well formed.
    static func decode(_ bytes: [UInt8]) -> CachedBlock? {
        let magic = Array(Self.magic.utf8)
        guard bytes.count >= magic.count + 8 + 32, bytes.starts(with: magic) else { return nil }
        let body = bytes.count - 32
        guard Array(digest(bytes[0..<body])) == Array(bytes[body...]) else { return nil }
        let headerStart = magic.count + 8
        let headerLength = Int(clamping: Self.integer(bytes, at: magic.count))
        guard headerLength >= 0, headerLength <= body - headerStart,
              let header = try? JSONDecoder().decode(EntryHeader.self, from: Data(bytes[headerStart..<(headerStart + headerLength)])),
              header.names.count == header.sizes.count else { return nil }
        var files: [(name: String, bytes: [UInt8])] = []
        var offset = headerStart + headerLength
        for (name, size) in zip(header.names, header.sizes) {
            guard size >= 0, size <= body - offset else { return nil }
            files.append((name, Array(bytes[offset..<(offset + size)])))
            offset += size
        }
        guard offset == body else { return nil }
        return CachedBlock(files: files, graph: header.graph, model: header.model, trace: header.trace, history: header.history)
    }

    /// Traces with more numbers than this are not kept, and their blocks run again next time:
    /// written as JSON they cost more than running the block (a graph with a 2200×2200 product:
    /// 0.8 s to build without the cache, 8 s with it, for a 97 MB entry that took 5 s to read back
    /// after a prose edit). A model's trace keeps at most 250,000 numbers, so models are always kept.
    static let maxTraceNumbers = 1_000_000

    func store(_ key: String, _ block: CachedBlock) {
        guard (block.trace.map { Self.numbers(in: $0) } ?? 0) <= Self.maxTraceNumbers,
              let bytes = Self.encode(block), bytes.count <= Self.maxEntryBytes else { return }
        let ready = lock.withLock {
            if !prepared { prepared = folder.prepare() }
            return prepared
        }
        // Written aside and renamed, so a crash never leaves a half-written entry under the key.
        if ready { folder.write(name(key), bytes) }
    }

    /// How many numbers a trace holds: every step's values, gradients, local derivatives and shares.
    static func numbers(in trace: Trace) -> Int {
        var count = 0
        for step in trace.steps {
            for values in step.values { count += values.count }
            for gradients in step.gradients { count += gradients.count }
            for derivatives in step.localDerivatives { count += derivatives.count }
            for shares in step.shares { for share in shares.values { count += share.count } }
        }
        return count
    }

    static func encode(_ block: CachedBlock) -> [UInt8]? {
        let header = EntryHeader(names: block.files.map(\.name), sizes: block.files.map(\.bytes.count),
                                 graph: block.graph, model: block.model, trace: block.trace, history: block.history)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let json = try? encoder.encode(header) else { return nil }
        var bytes = Array(Self.magic.utf8)
        bytes += Self.bytes(UInt64(json.count))
        bytes += [UInt8](json)
        for file in block.files { bytes += file.bytes }
        bytes += digest(bytes[...])
        return bytes
    }

    /// SHA-256 of an entry's body: catches truncation and corruption (and is no secret: see
    /// `CachedBlockCheck` for why a matching digest is not enough to trust an entry).
    static func digest(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.digest()
    }

    private static func bytes(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * UInt64($0))) }
    }

    private static func integer(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        guard offset >= 0, offset + 8 <= bytes.count else { return 0 }
        return (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[offset + $1]) }
    }

    /// Removes every entry this build did not use (stale results of edited or deleted blocks) and
    /// temporaries of processes that are gone; only files named as the cache names them.
    func pruneUnused() {
        let keep = lock.withLock { used }
        folder.prune { kind in
            switch kind {
            case .entry(let key): return keep.contains(key)
            case .temporary(let pid): return pid != getpid() && (kill(pid, 0) == 0 || errno == EPERM)
            case .marker, .stamp: return true
            }
        }
    }
}
