/// SplitMix64 (Steele, Lea and Flood 2014): a tiny seeded stream of 64-bit words. It seeds
/// `SeededRandom`'s state and drives `LessonsFuzz`, whose runs repeat exactly from a seed.
package struct SplitMix64: Sendable, Equatable {
    /// The state after the last word; a generator made with this seed continues the stream.
    package private(set) var state: UInt64

    /// A stream whose words are fixed by `seed`.
    package init(seed: UInt64) { state = seed }

    /// Advances the state by the golden-ratio increment and mixes it.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
