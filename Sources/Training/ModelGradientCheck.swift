import Autodiff
import LessonModel

/// Checks a model's gradients against finite differences once, at the first traced step (the
/// initial parameters and the first batch): every element of every parameter, or an even spread
/// of elements when that would cost more than `maxWork`. Training thousands of steps cannot
/// afford a check per step; one check at the start catches a wrong backward pass all the same,
/// since the same plan computes every later step.
package enum ModelGradientCheck {
    /// Work allowed for the check, in multiply-adds (a tenth of a graph block's, since a model's
    /// batch makes each forward pass costlier and its training is the point of the block).
    package static let maxWork = GradientCheck.maxWork / 10

    /// The check's rows (one per parameter), and its diagnostics as a graph block's check gives them (an error for
    /// a real disagreement, a warning when a relu, abs, max or min sits at its kink). The plan
    /// must hold the step's data; its values and gradients are left as they were.
    package static func run(_ model: ModelProgram, plan: Plan, compiled: GraphCompiler.Compiled, parameters: [Int],
                            path: String, maxWork: Int = maxWork) -> ([Trace.GradientCheckRow], [Diagnostic]) {
        let results = (try? GradientCheck.run(plan, leaves: parameters.map { compiled.ids[$0] }, maxWork: maxWork)) ?? []
        let report = GradientCheckReport(program: model.graph, plan: plan, compiled: compiled, path: path)
        return report.rowsAndDiagnostics(results)
    }
}
