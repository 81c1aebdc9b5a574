import Training

/// Training's SplitMix64, so a run is repeated exactly by giving its seed again.
struct FuzzRandom {
    private var stream: SplitMix64

    init(seed: UInt64) { stream = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { stream.next() }

    /// Uniform in 0..<n (n ≥ 1).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }

    /// True with probability 1/n.
    mutating func oneIn(_ n: Int) -> Bool { below(n) == 0 }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Makes new inputs from old ones: byte edits, dictionary tokens, repeats (deep nesting, long
/// lines), extreme numbers and splices with other corpus entries. Every result is at most `maxSize`.
struct Mutator {
    let dictionary: [[UInt8]]
    let maxSize: Int

    /// Bytes that change meaning in lessons, blocks or TeX, tried more often than others.
    static let interesting: [UInt8] = Array("\n\r\t `$\\{}()[]-+*/^_=,.#>|!&%~<\"':0123456789e".utf8) + [0, 0x80, 0xC3, 0xE2, 0xEF, 0xF0, 0xFF]

    /// Numbers at the edges of Float64 and of the parsers.
    static let numbers: [[UInt8]] = ["1e308", "1e309", "-1e308", "1e-320", "0", "-0", "nan", "inf", "99999999999999999999",
                                     "0.1", "4294967296", "9223372036854775808", "1e400", "2", "-1", "0x10", "1_000"].map { Array($0.utf8) }

    /// One to four stacked mutations of `input`, or a fresh sequence of dictionary tokens.
    func mutate(_ input: [UInt8], corpus: [[UInt8]], random: inout FuzzRandom) -> [UInt8] {
        if random.oneIn(12) { return generate(&random) }
        var bytes = input
        // Mostly one or two edits: inputs stay close enough to valid to reach the later stages.
        for _ in 0..<(random.oneIn(4) ? 2 + random.below(3) : 1) {
            bytes = mutateOnce(bytes, corpus: corpus, random: &random)
            if bytes.count > maxSize { bytes.removeLast(bytes.count - maxSize) }
        }
        return bytes
    }

    /// Random dictionary tokens with a few random bytes between them.
    func generate(_ random: inout FuzzRandom) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<(1 + random.below(60)) {
            if random.oneIn(4) { bytes.append(random.pick(Self.interesting)) } else { bytes += random.pick(dictionary) }
        }
        return Array(bytes.prefix(maxSize))
    }

    private func mutateOnce(_ input: [UInt8], corpus: [[UInt8]], random: inout FuzzRandom) -> [UInt8] {
        var b = input
        let at = random.below(b.count + 1)
        switch random.below(11) {
        case 0 where !b.isEmpty:  // flip a bit
            let i = random.below(b.count)
            b[i] ^= UInt8(1 << random.below(8))
        case 1 where !b.isEmpty:  // an interesting byte
            b[random.below(b.count)] = random.pick(Self.interesting)
        case 2, 3:  // a token of the language
            b.insert(contentsOf: random.pick(dictionary), at: at)
        case 4 where !b.isEmpty:  // delete a range
            let end = min(b.count, at + 1 + random.below(16))
            if at < end { b.removeSubrange(at..<end) }
        case 5 where !b.isEmpty:  // copy a range elsewhere
            let start = random.below(b.count)
            let piece = Array(b[start..<min(b.count, start + 1 + random.below(64))])
            b.insert(contentsOf: piece, at: random.below(b.count + 1))
        case 6:  // repeat a short piece many times: deep nesting, long lines, long chains
            let piece: [UInt8]
            if b.isEmpty || random.oneIn(2) {
                piece = random.pick(dictionary)
            } else {
                let start = random.below(b.count)
                piece = Array(b[start..<min(b.count, start + 1 + random.below(8))])
            }
            let times = 1 + random.below(random.oneIn(4) ? 20_000 : 300)
            let room = max(0, maxSize - b.count) / max(1, piece.count)
            for _ in 0..<min(times, room) { b.insert(contentsOf: piece, at: at) }
        case 7:  // splice with another entry
            let other = random.pick(corpus)
            let from = random.below(other.count + 1)
            b = Array(b[..<at]) + Array(other[from...])
        case 8:  // an extreme number in place of a digit run, or anywhere
            if let digit = b.indices.dropFirst(at).first(where: { b[$0] >= 0x30 && b[$0] <= 0x39 }) {
                let end = b[digit...].firstIndex { !($0 >= 0x30 && $0 <= 0x39) && $0 != 0x2E } ?? b.endIndex
                b.replaceSubrange(digit..<end, with: random.pick(Self.numbers))
            } else {
                b.insert(contentsOf: random.pick(Self.numbers), at: at)
            }
        case 9:  // a whole line of another entry
            let other = random.pick(corpus)
            let lines = other.split(separator: 0x0A, omittingEmptySubsequences: true)
            if let line = lines.isEmpty ? nil : random.pick(lines) {
                let lineStart = b[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                b.insert(contentsOf: Array(line) + [0x0A], at: lineStart)
            }
        default:  // truncate
            b.removeSubrange(at...)
        }
        return b
    }
}
