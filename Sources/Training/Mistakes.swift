import Autodiff
import LessonModel

/// The examples a trained classifier gets wrong, when each example is a picture
/// (`csv(..., image: [h, w])`): the validation examples if the block holds some out, else the
/// training examples, evaluated with the parameters after the last update.
package struct Mistakes: Sendable, Equatable {
    /// One example the model gets wrong.
    package struct Example: Sendable, Equatable {
        /// Row by row, `height` × `width` grey levels.
        package var pixels: [Double]
        /// The class the data gives, and the one the model picks.
        package var label: Int
        package var predicted: Int
        /// The probability the model gives its pick, when its loss takes logits (`OutputLink`).
        package var confidence: Double?
    }

    package var height: Int
    package var width: Int
    /// The darkest and lightest grey level in the whole data set, so every picture is drawn on one scale.
    package var pixelRange: ClosedRange<Double>
    /// True when the examples are the held-out (validation) ones.
    package var validation: Bool
    /// Examples evaluated, and how many of them the model gets wrong.
    package var total: Int
    package var wrong: Int
    /// The first `shown` wrong examples, in the data set's order.
    package var examples: [Example]

    /// How many wrong examples are kept for the page.
    package static let shown = 24

    /// Classifies every row of `rows` with the parameters `trained` holds; nil when the output is
    /// not a classifier's (a class per row) or cannot be evaluated.
    static func evaluate(_ model: ModelProgram, image: ImageShape, all: Dataset, rows: Dataset, validation: Bool,
                         trained: Plan, ids: [NodeID], averages: RunningAverages?, path: String) -> Mistakes? {
        let pixels = image.height * image.width
        guard rows.count > 0, rows.X.shape.dims.last == pixels,
              let evaluator = Evaluator(model, rowsX: rows.X, rowsY: rows.y, averages: averages, path: path),
              evaluator.run(copying: trained, ids: ids), let out = evaluator.plan.value(evaluator.ids[model.output]) else { return nil }
        let columns = out.shape.dims.count == 2 ? out.shape.dims[1] : 1
        let targets = rows.y.shape.dims.last ?? 1
        guard out.scalars.count == rows.count * columns, columns == targets else { return nil }
        let link = OutputLink.of(model)
        let probabilities = link?.probabilities(out.scalars, columns: columns)
        let y = rows.y.scalars, X = rows.X.scalars
        var wrong = 0, examples: [Example] = []
        for r in 0..<rows.count {
            let output = Array(out.scalars[(r * columns)..<((r + 1) * columns)])
            let target = Array(y[(r * columns)..<((r + 1) * columns)])
            let label: Int, predicted: Int
            if columns == 1 {
                label = target[0] > 0.5 ? 1 : 0
                predicted = output[0] > (link == .sigmoid ? 0 : 0.5) ? 1 : 0
            } else {
                label = argmax(target)
                predicted = argmax(output)
            }
            guard label != predicted else { continue }
            wrong += 1
            guard examples.count < shown else { continue }
            var confidence: Double?
            if let p = probabilities {
                confidence = columns == 1 ? (predicted == 1 ? p[r] : 1 - p[r]) : p[r * columns + predicted]
            }
            examples.append(Example(pixels: Array(X[(r * pixels)..<((r + 1) * pixels)]), label: label,
                                    predicted: predicted, confidence: confidence))
        }
        let lo = all.X.scalars.min() ?? 0, hi = all.X.scalars.max() ?? 1
        return Mistakes(height: image.height, width: image.width, pixelRange: lo...max(hi, lo + 1e-12), validation: validation,
                        total: rows.count, wrong: wrong, examples: examples)
    }

    /// The first index of the largest entry.
    private static func argmax(_ values: [Double]) -> Int {
        var best = 0
        for i in values.indices where values[i] > values[best] { best = i }
        return best
    }
}
