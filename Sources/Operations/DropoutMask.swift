/// Dropout's mask, drawn from a seed and each element's row-major index rather than from a
/// random stream, so the engine, the page's JavaScript kernels (`dropoutKeeps` in
/// JavaScriptKernels.swift, a bit-for-bit twin) and the NumPy/PyTorch tabs (which get the mask
/// as a literal) all drop the same elements, whatever order they visit them in.
public enum DropoutMask {
    /// A 32-bit hash of (seed, index): seed + 1 spread by the golden-ratio constant, XORed with
    /// the index, then Chris Wellons' `lowbias32` finalizer (two multiply-xorshift rounds, well
    /// mixed in every bit). Only wrapping 32-bit arithmetic, which JavaScript has in `Math.imul`.
    /// The + 1 keeps seed 0's first element from hashing 0 (always dropped): lowbias32(0) is 0.
    public static func hash(seed: Int, index: Int) -> UInt32 {
        var x = ((UInt32(truncatingIfNeeded: seed) &+ 1) &* 0x9E37_79B9) ^ UInt32(truncatingIfNeeded: index)
        x ^= x >> 16
        x &*= 0x7FEB_352D
        x ^= x >> 15
        x &*= 0x846C_A68B
        x ^= x >> 16
        return x
    }

    /// Whether element `index` is kept: hash / 2³² (exact in a Double) is at least p, which
    /// happens with probability 1 − p.
    public static func keeps(seed: Int, index: Int, p: Double) -> Bool {
        Double(hash(seed: seed, index: index)) / 4_294_967_296 >= p
    }

    /// The mask of `count` elements: 1 where kept, 0 where dropped.
    public static func mask(count: Int, p: Double, seed: Int) -> [Double] {
        (0..<max(count, 0)).map { keeps(seed: seed, index: $0, p: p) ? 1 : 0 }
    }
}
