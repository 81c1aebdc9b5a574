import Testing
@testable import Presentation

/// Cards of an editable graph are made wide enough for numbers an edit may bring
/// (`LivePresentation.makeRoom`); card numbers are set in a monospaced font, so a number that
/// prints longer than the measured one overflows its card, as −0.06664 once did.
@Test func everyNumberAnEditMayBringIsNoWiderThanTheOneCardsAreMeasuredWith() {
    let measured = TensorText.lines(label: "grad", dims: [3], values: [Double](repeating: LivePresentation.widestNumber, count: 3))
    let room = measured.map(\.count).max() ?? 0
    var samples: [Double] = [0, -0.06664, -0.009991, 0.1405, -1.235e-5, -9.999e-9, 123.4, -4321, 1e15, -1e-300]
    var x = 1e-12
    while x < 1e12 { samples += [x, -x, x * 1.2345678, -x * 9.8765432]; x *= 7.3 }
    for v in samples {
        let lines = TensorText.lines(label: "grad", dims: [3], values: [v, v, v])
        #expect((lines.map(\.count).max() ?? 0) <= room, "\(v) prints as \(lines)")
    }
}

/// A scalar leaf's slider reaches twice its value, rounded up to 1, 2 or 5 times a power of ten;
/// near the largest double that reach overflows, and the rounding loop once never ended (a
/// `y0 = 1e308` leaf hung the build).
@Test func slidersOfHugeAndOddLeavesStillGetARange() {
    #expect(LivePresentation.sliderRange(3) == [-10, 10, 0.1])
    #expect(LivePresentation.sliderRange(0) == [-2, 2, 0.02])
    for v in [1e308, -1.7e308, Double.greatestFiniteMagnitude, 9e307, .infinity, .nan] {
        let range = LivePresentation.sliderRange(v)
        #expect(range.count == 3 && range.allSatisfy(\.isFinite) && range[0] < range[1] && range[2] > 0, "\(v): \(range)")
    }
}
