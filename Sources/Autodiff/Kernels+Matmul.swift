// The matrix product's loops (rule in Kernels.swift's header: C = A B, ∂L/∂A = G Bᵀ, ∂L/∂B = Aᵀ G).
//
// All three are one kernel, `product`, over strided views, computed in 4×4 tiles whose 16 sums
// stay in registers (SIMD4 rows) for the whole depth. Why: the plain i-k-j loop re-loaded and
// re-stored each sum once per term, which chains every addition through memory (store-to-load
// forwarding) and, with pointers that may alias, cannot be vectorized; that loop was most of
// the time of training a small network.
//
// The results are bit for bit those of the plain loops: every sum is still formed term by term
// in the same order (over p for C, over j for ∂L/∂A, over i for ∂L/∂B), from the same start
// (0 for C and for each ∂L/∂A dot product, which is then added to the gradient; the current
// gradient for ∂L/∂B), with one rounded multiply and one rounded add per term (SIMD lanes round
// exactly as scalars; Swift does not contract a * b + c into a fused multiply-add).
// Only A @ A (one node on both sides, whose ∂L/∂A and ∂L/∂B land in the same gradient) keeps
// the plain loop, since splitting it into two passes would change the order of those additions.
extension Kernels {
    /// C (m×n) = A (m×k) B (k×n).
    static func matmulForward(_ s: Step, _ v: UnsafeMutablePointer<Double>) {
        let (m, k, n) = (s.rows, s.inner, s.cols)
        product(rows: m, cols: n, depth: k,
                left: Strided(v + s.a, row: k, depth: 1), right: Strided(v + s.b, depth: n, col: 1),
                into: v + s.out, mode: .store)
    }

    /// ∂L/∂A += G Bᵀ (each entry a dot product over j, then added) and ∂L/∂B += Aᵀ G (summed
    /// over i straight into the gradient).
    static func matmulBackward(_ s: Step, _ v: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>) {
        let (m, k, n) = (s.rows, s.inner, s.cols)
        guard s.a != s.b else { return matmulBackwardInterleaved(s, v, g) }
        if !s.skipsA { matmulGradientOfA(s, v, g) }
        if !s.skipsB {
            // ∂L/∂B (k×n): left Aᵀ (k×m): Aᵀ[p, i] = A[i, p], right G (m×n).
            product(rows: k, cols: n, depth: m,
                    left: Strided(v + s.a, row: 1, depth: k), right: Strided(g + s.out, depth: n, col: 1),
                    into: g + s.b, mode: .accumulate)
        }
    }

    /// ∂L/∂A += G Bᵀ, each entry a dot product over j.
    private static func matmulGradientOfA(_ s: Step, _ v: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>) {
        let (m, k, n) = (s.rows, s.inner, s.cols)
        // ∂L/∂A (m×k): left G (m×n), right Bᵀ (n×k): Bᵀ[j, p] = B[p, j]. Read in place, Bᵀ's
        // rows are columns of B, which the tiles would gather one element at a time; a copy of
        // Bᵀ, row-major, lets them load four at once (the same terms in the same order: the
        // same bits). W5's 64×64 products ran at 0.8x NumPy's speed without it.
        if k >= 4, m &* n &* k > 64 {
            let transposed = UnsafeMutablePointer<Double>.allocate(capacity: n * k)
            defer { transposed.deallocate() }
            let b = v + s.b
            for p in 0..<k {
                for j in 0..<n { transposed[j &* k &+ p] = b[p &* n &+ j] }
            }
            product(rows: m, cols: k, depth: n,
                    left: Strided(g + s.out, row: n, depth: 1), right: Strided(transposed, depth: k, col: 1),
                    into: g + s.a, mode: .addSum)
        } else {
            product(rows: m, cols: k, depth: n,
                    left: Strided(g + s.out, row: n, depth: 1), right: Strided(v + s.b, depth: 1, col: n),
                    into: g + s.a, mode: .addSum)
        }
    }

    /// The plain loop, for A @ A: one pass over (i, p) adding to ∂L/∂A and ∂L/∂B in turn.
    private static func matmulBackwardInterleaved(_ s: Step, _ v: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>) {
        let (m, k, n) = (s.rows, s.inner, s.cols)
        for i in 0..<m {
            let gRow = g + s.out + i * n
            for p in 0..<k {
                let bRow = v + s.b + p * n
                var dot = 0.0
                for j in 0..<n { dot += gRow[j] * bRow[j] }
                g[s.a + i * k + p] += dot
                let aip = v[s.a + i * k + p]
                let gbRow = g + s.b + p * n
                for j in 0..<n { gbRow[j] += aip * gRow[j] }
            }
        }
    }

    /// A matrix read through strides: element (r, t) of a left operand is at
    /// `base[r * row + t * depth]`, element (t, c) of a right operand at `base[t * depth + c * col]`.
    struct Strided {
        let base: UnsafeMutablePointer<Double>
        let row: Int, depth: Int, col: Int
        init(_ base: UnsafeMutablePointer<Double>, row: Int, depth: Int) { (self.base, self.row, self.depth, col) = (base, row, depth, 0) }
        init(_ base: UnsafeMutablePointer<Double>, depth: Int, col: Int) { (self.base, row, self.depth, self.col) = (base, 0, depth, col) }
    }

    /// What happens to the row-major rows×cols target C with each finished sum S (formed from 0
    /// unless said otherwise): `.store` C = S; `.addSum` C = C + S; `.accumulate` the sum starts
    /// from C itself and C = (…(C + t₀) + t₁ …).
    enum ProductMode { case store, addSum, accumulate }

    /// C op= L R over `depth` terms, 4×4 tiles at a time. A tile that sticks out past the last
    /// row or column repeats that last row or column instead (so the loop body has no bounds
    /// tests): the repeats compute the same numbers and write the same values again, since each
    /// tile reads every old value of C it needs before storing any.
    @inline(__always)
    static func product(rows: Int, cols: Int, depth: Int, left: Strided, right: Strided,
                        into c: UnsafeMutablePointer<Double>, mode: ProductMode) {
        // Tiny products (the XOR network's) cost more in tile set-up than in arithmetic.
        if rows &* cols &* depth <= 64 { return smallProduct(rows: rows, cols: cols, depth: depth, left: left, right: right, into: c, mode: mode) }
        var r0 = 0
        while r0 < rows {
            let last = rows - 1
            let r = (r0, min(r0 + 1, last), min(r0 + 2, last), min(r0 + 3, last))
            var c0 = 0
            while c0 < cols {
                // Whole contiguous 4-column pieces load and store as vectors; others element-wise.
                // Two such pieces at once where they fit: eight running sums hide the latency of
                // an addition, where four waited on it (W5's 64×64 products ran 1.6x faster).
                if c0 + 8 <= cols, right.col == 1 {
                    wideTile(r, c0, cols, depth, left, right, c, mode)
                    c0 += 8
                    continue
                }
                if c0 + 4 <= cols, right.col == 1 {
                    tile(Contiguous.self, r, c0, cols, depth, left, right, c, mode)
                } else if c0 + 4 <= cols {
                    tile(Gathered.self, r, c0, cols, depth, left, right, c, mode)
                } else {
                    // The last one to three columns one at a time, four rows to a vector: a 4×4
                    // tile there repeated the last column, and with one column (a matrix times a
                    // vector, as W3's output layer) three quarters of its work was repeats.
                    for column in c0..<cols { columnTile(r, column, cols, depth, left, right, c, mode) }
                }
                c0 += 4
            }
            r0 += 4
        }
    }

    /// The same sums one at a time, each in a register: no set-up beyond the loops, and pointer
    /// steps instead of index arithmetic (which Swift checks for overflow at every use).
    @inline(__always)
    static func smallProduct(rows: Int, cols: Int, depth: Int, left: Strided, right: Strided,
                             into c: UnsafeMutablePointer<Double>, mode: ProductMode) {
        var cRow = c, lRow = left.base
        for _ in 0..<rows {
            var rCol = right.base
            for j in 0..<cols {
                var sum = mode == .accumulate ? cRow[j] : 0
                var lp = lRow, rp = rCol
                for _ in 0..<depth {
                    sum = sum + lp.pointee * rp.pointee
                    lp += left.depth
                    rp += right.depth
                }
                cRow[j] = mode == .addSum ? cRow[j] + sum : sum
                rCol += right.col
            }
            cRow += cols
            lRow += left.row
        }
    }

    /// How a tile reads 4 columns of one row of the right operand, and reads/writes 4 columns of
    /// one row of C (`at` is the element index of the tile's first column).
    protocol Columns {
        static func load(_ p: UnsafeMutablePointer<Double>, _ at: Int, _ stride: Int, _ c0: Int, _ cols: Int) -> SIMD4<Double>
        static func store(_ x: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>, _ at: Int, _ c0: Int, _ cols: Int)
    }

    /// Four whole, adjacent columns.
    enum Contiguous: Columns {
        @inline(__always)
        static func load(_ p: UnsafeMutablePointer<Double>, _ at: Int, _ stride: Int, _ c0: Int, _ cols: Int) -> SIMD4<Double> {
            UnsafeRawPointer(p + at).loadUnaligned(as: SIMD4<Double>.self)
        }
        @inline(__always)
        static func store(_ x: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>, _ at: Int, _ c0: Int, _ cols: Int) {
            UnsafeMutableRawPointer(p + at).storeBytes(of: x, as: SIMD4<Double>.self)
        }
    }

    /// Columns `stride` apart, or the last columns of a row (then the last one repeats).
    enum Gathered: Columns {
        @inline(__always)
        static func load(_ p: UnsafeMutablePointer<Double>, _ at: Int, _ stride: Int, _ c0: Int, _ cols: Int) -> SIMD4<Double> {
            let d1 = min(1, cols - 1 - c0), d2 = min(2, cols - 1 - c0), d3 = min(3, cols - 1 - c0)
            return SIMD4(p[at], p[at + d1 * stride], p[at + d2 * stride], p[at + d3 * stride])
        }
        @inline(__always)
        static func store(_ x: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>, _ at: Int, _ c0: Int, _ cols: Int) {
            // Repeated columns hold equal values; writing the highest first leaves each right.
            let d1 = min(1, cols - 1 - c0), d2 = min(2, cols - 1 - c0), d3 = min(3, cols - 1 - c0)
            p[at + d3] = x[3]; p[at + d2] = x[2]; p[at + d1] = x[1]; p[at] = x[0]
        }
    }

    /// One 4×8 tile: rows `r` of C, columns c0 ..< c0 + 8 (all inside `cols`), the right
    /// operand's rows contiguous. Each sum is formed as in `tile`, so the same bits.
    @inline(__always)
    static func wideTile(_ r: (Int, Int, Int, Int), _ c0: Int, _ cols: Int, _ depth: Int,
                         _ left: Strided, _ right: Strided, _ c: UnsafeMutablePointer<Double>, _ mode: ProductMode) {
        let row0: UnsafeMutablePointer<Double> = c + (r.0 &* cols &+ c0), row1: UnsafeMutablePointer<Double> = c + (r.1 &* cols &+ c0)
        let row2: UnsafeMutablePointer<Double> = c + (r.2 &* cols &+ c0), row3: UnsafeMutablePointer<Double> = c + (r.3 &* cols &+ c0)
        let rows = (row0, row1, row2, row3)
        func load(_ p: UnsafeMutablePointer<Double>) -> (SIMD4<Double>, SIMD4<Double>) {
            (UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self), UnsafeRawPointer(p + 4).loadUnaligned(as: SIMD4<Double>.self))
        }
        let start = mode == .accumulate
        var (s0, t0) = start ? load(rows.0) : (SIMD4<Double>(), SIMD4<Double>())
        var (s1, t1) = start ? load(rows.1) : (SIMD4<Double>(), SIMD4<Double>())
        var (s2, t2) = start ? load(rows.2) : (SIMD4<Double>(), SIMD4<Double>())
        var (s3, t3) = start ? load(rows.3) : (SIMD4<Double>(), SIMD4<Double>())
        let lr = left.row
        var l0 = left.base + r.0 &* lr, l1 = left.base + r.1 &* lr
        var l2 = left.base + r.2 &* lr, l3 = left.base + r.3 &* lr
        var x = right.base + c0
        let ld = left.depth, rd = right.depth
        for _ in 0..<depth {
            let (xa, xb) = load(x)
            let (a0, a1, a2, a3) = (SIMD4(repeating: l0.pointee), SIMD4(repeating: l1.pointee),
                                    SIMD4(repeating: l2.pointee), SIMD4(repeating: l3.pointee))
            s0 = s0 + a0 * xa; t0 = t0 + a0 * xb
            s1 = s1 + a1 * xa; t1 = t1 + a1 * xb
            s2 = s2 + a2 * xa; t2 = t2 + a2 * xb
            s3 = s3 + a3 * xa; t3 = t3 + a3 * xb
            l0 += ld; l1 += ld; l2 += ld; l3 += ld
            x += rd
        }
        if mode == .addSum {
            // Every old value first: repeated rows must all add to the same old value.
            let (o0, o1, o2, o3) = (load(rows.0), load(rows.1), load(rows.2), load(rows.3))
            s0 = o0.0 + s0; t0 = o0.1 + t0
            s1 = o1.0 + s1; t1 = o1.1 + t1
            s2 = o2.0 + s2; t2 = o2.1 + t2
            s3 = o3.0 + s3; t3 = o3.1 + t3
        }
        func store(_ p: UnsafeMutablePointer<Double>, _ a: SIMD4<Double>, _ b: SIMD4<Double>) {
            UnsafeMutableRawPointer(p).storeBytes(of: a, as: SIMD4<Double>.self)
            UnsafeMutableRawPointer(p + 4).storeBytes(of: b, as: SIMD4<Double>.self)
        }
        // Highest row first, so where rows repeat the first one's store is the last (all equal anyway).
        store(rows.3, s3, t3); store(rows.2, s2, t2); store(rows.1, s1, t1); store(rows.0, s0, t0)
    }

    /// Four rows of one column of C, the rows' sums in the lanes of one vector; each sum is
    /// formed as in `tile`, so the same bits.
    @inline(__always)
    static func columnTile(_ r: (Int, Int, Int, Int), _ column: Int, _ cols: Int, _ depth: Int,
                           _ left: Strided, _ right: Strided, _ c: UnsafeMutablePointer<Double>, _ mode: ProductMode) {
        let (o0, o1, o2, o3) = (r.0 &* cols &+ column, r.1 &* cols &+ column, r.2 &* cols &+ column, r.3 &* cols &+ column)
        var sum = mode == .accumulate ? SIMD4(c[o0], c[o1], c[o2], c[o3]) : SIMD4<Double>()
        let lr = left.row, ld = left.depth, rd = right.depth
        var l0 = left.base + r.0 &* lr, l1 = left.base + r.1 &* lr
        var l2 = left.base + r.2 &* lr, l3 = left.base + r.3 &* lr
        var x = right.base + column &* right.col
        // Four adjacent rows of a left operand read down its columns (Aᵀ in ∂L/∂B) load at once.
        if lr == 1, r.3 == r.0 + 3 {
            for _ in 0..<depth {
                sum = sum + UnsafeRawPointer(l0).loadUnaligned(as: SIMD4<Double>.self) * SIMD4(repeating: x.pointee)
                l0 += ld
                x += rd
            }
        } else {
            for _ in 0..<depth {
                sum = sum + SIMD4(l0.pointee, l1.pointee, l2.pointee, l3.pointee) * SIMD4(repeating: x.pointee)
                l0 += ld; l1 += ld; l2 += ld; l3 += ld
                x += rd
            }
        }
        if mode == .addSum { sum = SIMD4(c[o0], c[o1], c[o2], c[o3]) + sum }
        // Highest row first, so where rows repeat the first one's store is the last (all equal anyway).
        c[o3] = sum[3]; c[o2] = sum[2]; c[o1] = sum[1]; c[o0] = sum[0]
    }

    /// One 4×4 tile: rows `r` of C, columns c0 ..< c0 + 4 (clamped to `cols`).
    @inline(__always)
    static func tile<C: Columns>(_: C.Type, _ r: (Int, Int, Int, Int), _ c0: Int, _ cols: Int, _ depth: Int,
                                 _ left: Strided, _ right: Strided, _ c: UnsafeMutablePointer<Double>, _ mode: ProductMode) {
        // C is row-major with `cols` columns.
        let (o0, o1, o2, o3) = (r.0 * cols + c0, r.1 * cols + c0, r.2 * cols + c0, r.3 * cols + c0)
        let start = mode == .accumulate
        var s0 = start ? C.load(c, o0, 1, c0, cols) : SIMD4<Double>()
        var s1 = start ? C.load(c, o1, 1, c0, cols) : SIMD4<Double>()
        var s2 = start ? C.load(c, o2, 1, c0, cols) : SIMD4<Double>()
        var s3 = start ? C.load(c, o3, 1, c0, cols) : SIMD4<Double>()
        let l = left.base, lr = left.row, ld = left.depth
        let (l0, l1, l2, l3) = (r.0 * lr, r.1 * lr, r.2 * lr, r.3 * lr)
        var at = c0 * right.col
        for t in 0..<depth {
            let x = C.load(right.base, at, right.col, c0, cols)
            let lt = t * ld
            s0 = s0 + SIMD4(repeating: l[l0 + lt]) * x
            s1 = s1 + SIMD4(repeating: l[l1 + lt]) * x
            s2 = s2 + SIMD4(repeating: l[l2 + lt]) * x
            s3 = s3 + SIMD4(repeating: l[l3 + lt]) * x
            at += right.depth
        }
        if mode == .addSum {
            // Every old value first: repeated rows must all add to the same old value.
            let (old0, old1, old2, old3) = (C.load(c, o0, 1, c0, cols), C.load(c, o1, 1, c0, cols),
                                            C.load(c, o2, 1, c0, cols), C.load(c, o3, 1, c0, cols))
            (s0, s1, s2, s3) = (old0 + s0, old1 + s1, old2 + s2, old3 + s3)
        }
        // Highest row first, so where rows repeat the first one's store is the last (all equal anyway).
        C.store(s3, c, o3, c0, cols); C.store(s2, c, o2, c0, cols)
        C.store(s1, c, o1, c0, cols); C.store(s0, c, o0, c0, cols)
    }
}
