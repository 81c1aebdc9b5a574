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
/// trace, file names and sizes), the files' raw bytes, and an FNV-1a checksum of all of that;
/// an entry that does not check out is ignored and recomputed, never trusted.
final class BlockCache: @unchecked Sendable {
    static let magic = "lessons-cache/4\n"
    /// What, besides the block itself, changes results: bump when the engine's numerics change.
    static let engineSettings = "float64; libm exp/log/tanh; deterministic PRNG v1; trace schedule v2"

    let directory: String
    private let lock = NSLock()
    private var used: Set<String> = []

    init(directory: String) {
        self.directory = directory
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

    /// The version plus the running executable's size and date, so a rebuilt tool never reuses
    /// results of an older build of itself.
    static let toolIdentity: String = {
        let attributes = (try? FileManager.default.attributesOfItem(atPath: CommandLine.arguments.first ?? "")) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.stringValue ?? "?"
        let date = (attributes[.modificationDate] as? Date).map { String($0.timeIntervalSince1970) } ?? "?"
        return "lessons \(LessonsVersion.string) \(size) \(date)"
    }()

    private func path(_ key: String) -> String { directory + "/" + key + ".entry" }

    func load(_ key: String) -> CachedBlock? {
        lock.withLock { _ = used.insert(key) }
        guard let data = FileManager.default.contents(atPath: path(key)) else { return nil }
        let bytes = [UInt8](data)
        let magic = Array(Self.magic.utf8)
        guard bytes.count >= magic.count + 16, Array(bytes[0..<magic.count]) == magic else { return nil }
        let body = bytes.count - 8
        guard Self.checksum(bytes[0..<body]) == Self.integer(bytes, at: body) else { return nil }
        let headerLength = Int(clamping: Self.integer(bytes, at: magic.count))
        let headerStart = magic.count + 8
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

    func store(_ key: String, _ block: CachedBlock) {
        let header = EntryHeader(names: block.files.map(\.name), sizes: block.files.map(\.bytes.count),
                                 graph: block.graph, model: block.model, trace: block.trace, history: block.history)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let json = try? encoder.encode(header) else { return }
        var bytes = Array(Self.magic.utf8)
        bytes += Self.bytes(UInt64(json.count))
        bytes += [UInt8](json)
        for file in block.files { bytes += file.bytes }
        bytes += Self.bytes(Self.checksum(bytes[...]))
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // Written aside and renamed, so a crash never leaves a half-written entry under the key.
        let temporary = path(key) + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { return }
        if rename(temporary, path(key)) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
    }

    /// FNV-1a over 64-bit words (then the tail bytes), with a final mix: catches truncation and
    /// corruption, and reads large entries at memory speed rather than a byte per multiply.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for i in 0..<words {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* 0x0000_0100_0000_01B3
                hash ^= hash >> 29
            }
            for i in (words * 8)..<raw.count { hash = (hash ^ UInt64(raw[i])) &* 0x0000_0100_0000_01B3 }
        }
        hash ^= hash >> 33
        return hash &* 0xff51_afd7_ed55_8ccd
    }

    private static func bytes(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * UInt64($0))) }
    }

    private static func integer(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        guard offset >= 0, offset + 8 <= bytes.count else { return 0 }
        return (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[offset + $1]) }
    }

    /// Removes every entry this build did not use (stale results of edited or deleted blocks).
    func pruneUnused() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let keep = lock.withLock { used }
        for name in names where name.hasSuffix(".entry") || name.contains(".entry.tmp-") {
            let key = String(name.prefix { $0 != "." })
            if !keep.contains(key) || name.contains(".tmp-") { try? FileManager.default.removeItem(atPath: directory + "/" + name) }
        }
    }

    /// Deletes the whole cache folder (`lessons clean`).
    static func remove(_ directory: String) throws {
        if FileManager.default.fileExists(atPath: directory) { try FileManager.default.removeItem(atPath: directory) }
    }
}
