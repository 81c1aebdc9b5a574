import Autodiff
import LessonModel

/// The most arithmetic one block may do, checked before it runs (by `lessons check` and by a
/// build), so a block inside every size limit still cannot run for hours. Work is counted in
/// multiply-adds (see `GraphBuilder.passCost`): forward and backward pass of every training
/// step, plus `updateCost` per parameter per step for the optimizer.
package enum WorkBudget {
    /// About three minutes of training on one core (the engine does about 5·10⁸ multiply-adds a
    /// second); the largest block of the shipped course needs less than a hundredth of it.
    package static let limit = 100_000_000_000

    /// An optimizer's update of one parameter, in multiply-adds (Adam's is about this).
    package static let updateCost = 10

    /// Work above which a build shows a progress bar estimate (about a second).
    package static let noticeable = 500_000_000

    /// Total work of training: (one pass + the update) × steps, saturating at `Int.max`.
    package static func training(passCost: Int, parameters: Int, steps: Int) -> (perStep: Int, total: Int) {
        let perStep = saturating(passCost, plus: saturating(parameters, times: updateCost))
        return (perStep, saturating(perStep, times: steps))
    }

    /// The located error for a model block whose training would do `total` work, or nil.
    package static func check(perStep: Int, steps: Int, total: Int, path: String, at position: SourcePosition) -> Diagnostic? {
        guard total > limit else { return nil }
        return .error(path, position,
            "training this model would take about \(format(total)) multiply-adds (\(format(perStep)) per step × \(steps) steps), "
            + "more than the \(format(limit)) one block may do (a few minutes); use fewer epochs, fewer examples or smaller layers")
    }

    /// A graph block's check: one pass plus the gradient check's bounded finite differences.
    package static func check(graphCost total: Int, path: String, at position: SourcePosition) -> Diagnostic? {
        guard total > limit else { return nil }
        return .error(path, position,
            "running this graph would take about \(format(total)) multiply-adds, more than the \(format(limit)) one block may do (a few minutes); use smaller tensors")
    }

    /// `3.6e13`-style: two significant digits and a power of ten (exact below 10⁶).
    package static func format(_ n: Int) -> String {
        if n < 1_000_000 { return String(n) }
        if n == .max { return "more than 9.2e18" }
        var exponent = 0
        var mantissa = Double(n)
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        let rounded = (mantissa * 10).rounded() / 10
        if rounded >= 10 { return "1e\(exponent + 1)" }
        let digits = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(digits)e\(exponent)"
    }

    static func saturating(_ a: Int, plus b: Int) -> Int {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? .max : r
    }

    static func saturating(_ a: Int, times b: Int) -> Int {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? .max : r
    }
}
