import Codegen
import LessonModel
import Site
import Training

/// Works out an exercise (LessonModel/Exercise) against its graph block's trace: the leaves it
/// sets, the number it asks for, computed by the engine with those leaves, and the walk's
/// equations for them, or the first problem found, located in the lesson.
package enum ExercisePresentation {
    package struct Problem: Error, Equatable {
        package var position: SourcePosition
        package var message: String
        init(_ position: SourcePosition, _ message: String) { self.position = position; self.message = message }
    }

    package static func view(_ exercise: Exercise, trace: Trace, widgetID: String, words: Words) -> Result<ExerciseView, Problem> {
        do {
            return .success(try make(exercise, trace: trace, widgetID: widgetID, words: words))
        } catch let problem as Problem {
            return .failure(problem)
        } catch {
            return .failure(Problem(exercise.blockPosition, "cannot work out this exercise"))
        }
    }

    private static func make(_ exercise: Exercise, trace: Trace, widgetID: String, words: Words) throws -> ExerciseView {
        guard trace.kind == .graph, let lessonStep = trace.steps.first else {
            throw Problem(exercise.blockPosition, "'\(exercise.block)' is a \(trace.kind.rawValue) block; an exercise asks about a graph block")
        }
        let block = exercise.block
        func node(_ name: String, at position: SourcePosition) throws -> Int {
            if let i = trace.nodes.firstIndex(where: { $0.name == name }) { return i }
            let hint = Suggestions.closest(to: name, among: trace.nodes.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
            throw Problem(position, "block '\(block)' has no node named '\(name)'\(hint)")
        }
        func entry(_ index: [Int]?, of i: Int, at position: SourcePosition?, fallback: SourcePosition) throws -> Int? {
            guard let index else { return nil }
            let shape = trace.nodes[i].shape, name = trace.nodes[i].name
            let at = position ?? fallback
            guard index.count == shape.count else {
                let expected = shape.isEmpty ? "no index (it is one number)" : shape.count == 1 ? "one index ([k])" : "two indices ([row, column])"
                throw Problem(at, "'\(name)' has shape \(DisplayNumber.shape(shape, words: .english)); it takes \(expected)")
            }
            for (k, (at0, size)) in zip(index, shape).enumerated() where at0 >= size {
                throw Problem(at, "index \(at0) is out of range for '\(name)' (\(k == 0 && shape.count == 2 ? "rows" : shape.count == 2 ? "columns" : "entries") 0 to \(size - 1))")
            }
            return index.count == 2 ? index[0] * shape[1] + index[1] : index[0]
        }

        var values: [Int: [Double]] = [:]
        var order: [Int] = []
        for o in exercise.overrides {
            let i = try node(o.name, at: o.position)
            let leaf = trace.nodes[i]
            guard leaf.role == .input || leaf.role == .parameter else {
                throw Problem(o.position, "'\(o.name)' is \(leaf.role == .constant ? "a constant" : "computed by the graph"); an exercise sets inputs and parameters")
            }
            var numbers = values[i] ?? lessonStep.values[i]
            if let k = try entry(o.index, of: i, at: o.position, fallback: o.position) {
                numbers[k] = o.values[0]
            } else {
                guard o.values.count == numbers.count else {
                    throw Problem(o.position, "'\(o.name)' holds \(numbers.count) number\(numbers.count == 1 ? "" : "s"); \(o.values.count) given")
                }
                numbers = o.values
            }
            values[i] = numbers
            if !order.contains(i) { order.append(i) }
        }

        let ask = exercise.ask
        let asked = try node(ask.node, at: ask.nodePosition)
        if ask.quantity == .gradient {
            let output = trace.nodes[trace.output].name
            if ask.of != output {
                throw Problem(ask.ofPosition ?? ask.nodePosition, "block '\(block)' differentiates its output '\(output)'; ask d\(output)/d\(ask.node)")
            }
            if trace.nodes[asked].role == .constant {
                throw Problem(ask.nodePosition, "'\(ask.node)' is a constant; the graph has no gradient for it")
            }
        }
        let count = trace.nodes[asked].shape.reduce(1, *)
        let flat = try entry(ask.index, of: asked, at: ask.indexPosition, fallback: ask.nodePosition)
        if flat == nil && count != 1 {
            throw Problem(ask.nodePosition, "'\(ask.node)' holds \(count) numbers; pick one, as in '\(ask.node)[0\(trace.nodes[asked].shape.count == 2 ? ",0" : "")]'")
        }

        guard let (plan, ids) = LiveGraphCode.rebuild(trace, values: values) else {
            throw Problem(exercise.blockPosition, "block '\(block)' cannot be recomputed with these numbers")
        }
        plan.forward()
        plan.backward()
        let step = GraphRunner.step(0, plan: plan, ids: ids, loss: nil)
        for (i, node) in trace.nodes.enumerated() {
            let bad = !step.values[i].allSatisfy(\.isFinite) ? "value" : node.role != .constant && !step.gradients[i].allSatisfy(\.isFinite) ? "gradient" : nil
            if let bad {
                throw Problem(exercise.blockPosition, "with these numbers the \(bad) of '\(node.name)' in block '\(block)' is not finite; choose others")
            }
        }
        let k = flat ?? 0
        let answer = ask.quantity == .gradient ? step.gradients[asked][k] : step.values[asked][k]

        var edited = trace
        edited.steps = [step]
        // As the graph's own walk names a node inside another group (the page rewrites these steps
        // with its forms); a tensor too big to write inline is written under its equation, since
        // the graph's cards show the lesson's numbers, not the exercise's.
        var below = words
        below.vectorOnCard = words.vectorBelow
        below.matrixOnCard = words.matrixBelow
        let equations = GraphEquations(trace: edited, step: step, words: below, groups: trace.groups ?? [])
        let needed = ancestors(of: ask.quantity == .gradient ? trace.output : asked, in: trace)
        var steps = trace.nodes.indices.filter { needed.contains($0) && trace.nodes[$0].role == .operation }
            .map { GraphWidget.Step(phase: .forward, node: $0, equation: equations.forward($0)) }
        if ask.quantity == .gradient {
            let on = descendants(of: asked, in: trace).intersection(needed)
            steps += trace.nodes.indices.reversed().filter { on.contains($0) && trace.nodes[$0].role != .constant }
                .map { GraphWidget.Step(phase: .backward, node: $0, equation: equations.backward($0)) }
        }

        let indexText = ask.index.map { "[" + $0.map(String.init).joined(separator: ",") + "]" } ?? ""
        let outputName = trace.nodes[trace.output].name
        let askedText = ask.quantity == .gradient ? "∂\(outputName)/∂\(ask.node)\(indexText)" : ask.node + indexText
        let given = order.map { "\(trace.nodes[$0].name) = " + TensorText.inline(dims: trace.nodes[$0].shape, values: values[$0] ?? [], words: words) }
        let (relative, tolerance) = {
            switch exercise.tolerance {
            case .relative(let r): return (true, r)
            case .absolute(let a): return (false, a)
            }
        }()
        let grids = steps.map { s -> [String] in
            guard equations.isOnCard(s.node) else { return [] }
            let forward = s.phase == .forward
            return TensorText.lines(label: forward ? words.value : words.grad, dims: trace.nodes[s.node].shape,
                                    values: forward ? step.values[s.node] : step.gradients[s.node],
                                    words: words, side: TensorText.exerciseSide)
        }
        return ExerciseView(widgetID: widgetID, leaves: order.map { ExerciseView.Leaf(node: $0, values: values[$0] ?? []) },
                            given: given.joined(separator: ", "), isGradient: ask.quantity == .gradient, node: asked, entry: k,
                            asked: askedText, relative: relative, tolerance: tolerance, answer: answer,
                            answerText: DisplayNumber.format(answer),
                            toleranceText: relative ? DisplayNumber.format(tolerance * 100) + "%" : DisplayNumber.format(tolerance),
                            steps: steps, grids: grids,
                            below: grids.allSatisfy(\.isEmpty) ? nil
                                : (LivePresentation.template { n, _ in words.vectorBelow(n) }, LivePresentation.template { words.matrixBelow($0, $1) }))
    }

    /// `i` and every node it is computed from.
    static func ancestors(of i: Int, in trace: Trace) -> Set<Int> {
        var seen: Set<Int> = [i], stack = [i]
        while let j = stack.popLast() {
            for input in trace.nodes[j].inputs where input >= 0 && input < trace.nodes.count && seen.insert(input).inserted { stack.append(input) }
        }
        return seen
    }

    /// `i` and every node computed from it.
    static func descendants(of i: Int, in trace: Trace) -> Set<Int> {
        var seen: Set<Int> = [i]
        for j in trace.nodes.indices where j > i && trace.nodes[j].inputs.contains(where: seen.contains) { seen.insert(j) }
        return seen
    }
}
