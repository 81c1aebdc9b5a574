import LessonModel
import Site
import Training

extension ModelPresentation {
    /// The predictions table and, per traced step, what the slider puts in it.
    struct Predictions {
        /// The table at the last traced step: the step the cards show first.
        var table: ModelWidget.Table
        /// Per traced step (in the order of the trace's steps): the caption, then the cells of
        /// the table's step columns row by row (see `GraphWidget.Snapshot.predictions`).
        var steps: [[String]]
    }

    /// Predictions against targets on the first training examples, at every traced step: the
    /// table shows one step's numbers only, the one the slider shows (issue 14: one step, one set
    /// of numbers). A loss that takes logits gets them called "logit", with the probabilities
    /// the engine's σ or softmax makes of them and the class they predict.
    func predictionsTable() -> Predictions? {
        let n = run.train.count
        let d = run.train.X.shape.dims.last ?? 1, k = run.train.y.shape.dims.last ?? 1
        let recorded = run.stepPredictions
        guard n > 0, let last = recorded.last, recorded.map(\.step) == run.trace.steps.map(\.step) else { return nil }
        let shown = min(n, StepPredictions.rows)
        guard last.outputs.count == shown * last.columns else { return nil }
        let classes = k > 1 && isClassifier
        let link = OutputLink.of(model)
        let linkName = link == .softmax ? "softmax(\(words.logit))" : "σ(\(words.logit))"
        // A single logit (bce_logits) is a number; several (softmax) a vector in one cell each.
        // Beyond `maxVectorClasses` classes the vectors would only be summarised: the table shows
        // the probability of the predicted class instead.
        let many = link == .softmax && last.columns > Self.maxVectorClasses
        let logitColumns = link.map { _ in [words.logit, linkName] } ?? []
        // A regression (or an output the loss does not read as logits) shows just its prediction.
        let predictsClass = classes || (k == 1 && last.columns == 1 && link != nil)
        let stepHeaders = many ? [words.predictedClass, words.probability]
            : predictsClass ? logitColumns + [words.predictedClass] : [words.prediction]
        // Up to `maxInputColumns` features get a column each; more (the pixels of a picture) one summary.
        let inputs = d <= Self.maxInputColumns ? (0..<d).map { "x\(subscriptDigits($0 + 1))" } : ["x"]
        let headers = inputs + [classes ? words.targetClass : words.target] + stepHeaders
        let more = n > shown ? words.firstOf(shown, DisplayNumber.count(n)) : nil
        var steps: [[String]] = []
        for p in recorded {
            guard p.outputs.count == shown * p.columns else { return nil }
            var texts = [words.predictionsCaption(DisplayNumber.count(p.step), more)]
            for i in 0..<shown { texts += stepCells(p, row: i, predictsClass: predictsClass, link: link, many: many) }
            steps.append(texts)
        }
        guard let shownStep = steps.last else { return nil }
        let width = stepHeaders.count
        let rows = (0..<shown).map { i -> [String] in
            let row = Array(run.train.X.scalars[(i * d)..<((i + 1) * d)])
            let x = d <= Self.maxInputColumns ? row.map(DisplayNumber.format) : [TensorText.inline(dims: [d], values: row, words: words)]
            let y = Array(run.train.y.scalars[(i * k)..<((i + 1) * k)])
            let target = classes ? String(argmax(y)) : TensorText.inline(dims: k == 1 ? [] : [k], values: y, words: words)
            return x + [target] + Array(shownStep[(1 + i * width)..<(1 + (i + 1) * width)])
        }
        let table = ModelWidget.Table(caption: shownStep[0], headers: headers, rows: rows, stepColumns: width)
        return Predictions(table: table, steps: steps)
    }

    /// One example's cells of the step columns: the output (or the logits and their
    /// probabilities) and, for a classifier, the class it predicts.
    private func stepCells(_ p: StepPredictions, row i: Int, predictsClass: Bool, link: OutputLink?, many: Bool) -> [String] {
        let c = p.columns
        let outputs = Array(p.outputs[(i * c)..<((i + 1) * c)])
        let text = { (values: [Double]) in TensorText.inline(dims: c == 1 ? [] : [c], values: values, words: self.words) }
        guard predictsClass else { return [text(outputs)] }
        var cells: [String] = []
        var scores = outputs
        if link != nil {
            // The engine's probabilities, when it gave them; the logits alone otherwise.
            let probabilities = p.probabilities.flatMap { $0.count == p.outputs.count ? Array($0[(i * c)..<((i + 1) * c)]) : nil }
            cells = [text(outputs), probabilities.map(text) ?? "–"]
            scores = probabilities ?? outputs
            if many {
                let best = argmax(scores)
                return [String(best), probabilities.map { DisplayNumber.format($0[best]) } ?? "–"]
            }
        }
        // One output: class 1 above 0.5 (a logit without its σ: above 0); several: the largest.
        let threshold = link != nil && p.probabilities == nil ? 0 : 0.5
        let predicted = c == 1 ? ((scores.first ?? 0) > threshold ? 1 : 0) : argmax(scores)
        return cells + [String(predicted)]
    }

    /// The most input features shown one column each.
    static let maxInputColumns = 8
    /// The most classes whose logits and probabilities are shown as whole vectors.
    static let maxVectorClasses = 4

    private func argmax(_ values: [Double]) -> Int {
        values.indices.max { values[$0] < values[$1] } ?? 0
    }
}
