import Autodiff
import Testing

// The matrix product's tiled kernels (Kernels+Matmul.swift) promise the bits of the plain loops:
// every sum formed term by term in the same order. Checked here on every shape up to 9×9×9 and a
// few larger ones (W3's and W5's), for C = A B and both gradients, with the upstream gradient
// ∂L/∂C = R exact (L = sum(C · R)).

/// A deterministic spread of values with full mantissas.
private func values(_ count: Int, seed: Int) -> [Double] {
    var state = UInt64(truncatingIfNeeded: seed &* 7919 &+ 17)
    return (0..<count).map { _ in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(Int64(bitPattern: state >> 11) % 2_000_001) / 1_000_003.0 - 1
    }
}

private func rows(_ flat: [Double], _ r: Int, _ c: Int) -> [[Double]] { (0..<r).map { Array(flat[($0 * c)..<(($0 + 1) * c)]) } }

private func check(m: Int, k: Int, n: Int) throws {
    let a = values(m * k, seed: m * 100 + k), b = values(k * n, seed: k * 100 + n + 1), r = values(m * n, seed: n * 100 + m + 2)
    var g = GraphBuilder()
    let A = g.leaf(.parameter, value: try Tensor(matrix: rows(a, m, k)))
    let B = g.leaf(.parameter, value: try Tensor(matrix: rows(b, k, n)))
    let R = g.leaf(.constant, value: try Tensor(matrix: rows(r, m, n)))
    let C = try g.apply(.matmul, A, B)
    let L = try g.apply(.sum, try g.apply(.multiply, C, R))
    let plan = try Plan(g, output: L)
    plan.forward()
    plan.backward()
    // The plain loops: C over p, ∂L/∂A a dot product over j (then added to 0), ∂L/∂B over i.
    var c = [Double](repeating: 0, count: m * n), dA = [Double](repeating: 0, count: m * k)
    var dB = [Double](repeating: 0, count: k * n)
    for i in 0..<m { for j in 0..<n { var s = 0.0; for p in 0..<k { s = s + a[i * k + p] * b[p * n + j] }; c[i * n + j] = s } }
    for i in 0..<m { for p in 0..<k { var s = 0.0; for j in 0..<n { s = s + r[i * n + j] * b[p * n + j] }; dA[i * k + p] = 0 + s } }
    for p in 0..<k { for j in 0..<n { var s = 0.0; for i in 0..<m { s = s + a[i * k + p] * r[i * n + j] }; dB[p * n + j] = s } }
    #expect(try #require(plan.value(C)).scalars == c, "C, \(m)×\(k)×\(n)")
    #expect(try #require(plan.gradient(A)).scalars == dA, "∂L/∂A, \(m)×\(k)×\(n)")
    #expect(try #require(plan.gradient(B)).scalars == dB, "∂L/∂B, \(m)×\(k)×\(n)")
}

@Test func tiledProductsGiveThePlainLoopsBits() throws {
    for m in 1...9 { for k in 1...9 { for n in 1...9 { try check(m: m, k: k, n: n) } } }
    for (m, k, n) in [(200, 16, 16), (200, 16, 1), (64, 64, 64), (64, 64, 10), (17, 13, 11)] { try check(m: m, k: k, n: n) }
}
