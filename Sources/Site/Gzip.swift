import Foundation
import CZlib

/// gzip files (RFC 1952) for the large traces: deflate at level 9 (filtered) in a header with no name, no
/// time and "unknown" system, so the same bytes come out on every machine and every run.
package enum Gzip {
    /// The gzip file of `bytes` (at most 4 GiB - 1), or nil if zlib fails (out of memory).
    package static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count < Int(UInt32.max) else { return nil }
        return Repeats.shared.result(for: bytes) { deflated(bytes) }
    }

    private static func deflated(_ bytes: [UInt8]) -> [UInt8]? {
        withStream { stream -> [UInt8]? in
            // Z_FILTERED: a trace is mostly digits, which Huffman coding packs better than short
            // matches do; it makes the course's traces 7% (1 MB) smaller than the default.
            guard CZlib_deflateInit2(stream, 9, -MAX_WBITS, 8, Z_FILTERED) == Z_OK else { return nil }
            defer { deflateEnd(stream) }
            var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(bytes.count))))
            var input = bytes
            let status = input.withUnsafeMutableBufferPointer { source in
                output.withUnsafeMutableBufferPointer { target in
                    stream.pointee.next_in = source.baseAddress
                    stream.pointee.avail_in = UInt32(source.count)
                    stream.pointee.next_out = target.baseAddress
                    stream.pointee.avail_out = UInt32(target.count)
                    return deflate(stream, Z_FINISH)
                }
            }
            guard status == Z_STREAM_END else { return nil }
            output.removeLast(Int(stream.pointee.avail_out))
            // ID, deflate, no flags, no time, maximum compression, unknown system.
            let header: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 2, 255]
            return header + output + littleEndian(checksum(bytes)) + littleEndian(UInt32(truncatingIfNeeded: bytes.count))
        }
    }

    /// The contents of a gzip file of one member, checked against its CRC and length; nil if it is not one.
    package static func decompress(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 18, bytes[0] == 0x1F, bytes[1] == 0x8B, bytes[2] == 8 else { return nil }
        return withStream { stream -> [UInt8]? in
            guard CZlib_inflateInit2(stream, 16 + MAX_WBITS) == Z_OK else { return nil }
            defer { inflateEnd(stream) }
            var output: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            var input = bytes
            return input.withUnsafeMutableBufferPointer { source -> [UInt8]? in
                stream.pointee.next_in = source.baseAddress
                stream.pointee.avail_in = UInt32(source.count)
                while true {
                    let status = chunk.withUnsafeMutableBufferPointer { target -> Int32 in
                        stream.pointee.next_out = target.baseAddress
                        stream.pointee.avail_out = UInt32(target.count)
                        return inflate(stream, Z_NO_FLUSH)
                    }
                    output += chunk[..<(chunk.count - Int(stream.pointee.avail_out))]
                    if status == Z_STREAM_END { return stream.pointee.avail_in == 0 ? output : nil }
                    guard status == Z_OK else { return nil }
                }
            }
        }
    }

    /// zlib keeps a pointer back to its stream, so the stream lives on the heap, unmoved.
    private static func withStream<T>(_ body: (UnsafeMutablePointer<z_stream>) -> T) -> T {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        return body(stream)
    }

    private static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(truncatingIfNeeded: crc32(0, $0.baseAddress, UInt32($0.count))) }
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// What was deflated already, by input: a course's two editions make the same traces, page
    /// data and notebooks (a third of the 35 MB a cold build of the course deflated), and
    /// deflating at level 9 was a quarter of that build's CPU time. The editions' blocks run side
    /// by side, so a thread that asks for an input another is deflating waits for that result.
    /// Forgets everything once it holds 64 MB of inputs, so a long `lessons serve` does not grow
    /// with every edit.
    private final class Repeats: @unchecked Sendable {
        static let shared = Repeats()
        static let limit = 64 << 20
        private let lock = NSLock()
        private var slots: [Input: Slot] = [:]
        private var held = 0

        /// One input's result, made by the first thread to ask for it.
        private final class Slot: @unchecked Sendable {
            var result: [UInt8]?
            let ready = DispatchSemaphore(value: 0)
        }

        func result(for bytes: [UInt8], _ make: () -> [UInt8]?) -> [UInt8]? {
            let key = Input(bytes: bytes)
            let (slot, mine) = lock.withLock { () -> (Slot, Bool) in
                if let known = slots[key] { return (known, false) }
                let slot = Slot()
                if held + bytes.count > Self.limit { slots.removeAll(); held = 0 }
                if bytes.count <= Self.limit {
                    slots[key] = slot
                    held += bytes.count
                }
                return (slot, true)
            }
            if mine {
                slot.result = make()
                // A failure (zlib out of memory) is not kept: the next build tries again.
                if slot.result == nil { lock.withLock { if slots[key] === slot { slots[key] = nil; held -= bytes.count } } }
                slot.ready.signal()
            } else {
                slot.ready.wait()
                slot.ready.signal()  // for the next thread that waits
            }
            return slot.result
        }
    }

    /// An input as a key, hashed in one call over its bytes (an array's own hash takes a byte at a time).
    private struct Input: Hashable {
        let bytes: [UInt8]
        func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
    }
}
