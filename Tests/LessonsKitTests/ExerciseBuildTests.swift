import Foundation
import Testing
@testable import LessonsKit

// Exercises through real builds: the answer is the engine's with the exercise's leaves, the page
// shows it in a <details> for readers without JavaScript, and every exercise that names what its
// graph does not have fails the build at its line and column.

private let graphs = exerciseGraphs + """


    ```model tiny
    data xor
    param W = [[0.5], [0.5]]
    out = X @ W
    loss = sum((y - out)^2)
    train sgd(lr: 0.1) epochs 2
    ```

    ## Exercises

    """

private func build(_ exercises: String) throws -> (Workspace, BuildReport) {
    let workspace = try Workspace()
    try workspace.write("ex.md", graphs + exercises)
    return (workspace, workspace.build(workspace.lessons, output: workspace.output, useCache: false))
}

/// The exercise's fence is on line 26 of the lesson.
private func errors(_ exercise: String) throws -> [String] {
    let (_, report) = try build("1. Q\n\n   ```exercise " + exercise + "\n   ```\n")
    return report.diagnostics.filter { $0.severity == .error }.map { $0.description.replacingOccurrences(of: #"^.*/ex\.md"#, with: "ex.md", options: .regularExpression) }
}

@Suite struct ExerciseBuildTests {
    @Test func theAnswerIsTheEnginesWithTheExercisesLeaves() throws {
        let (workspace, report) = try build("""
            1. With x = 2, what is the gradient of x?

               ```exercise chain
               with x = 2
               ask dz/dx
               within 0.5%
               ```

            2. Which entry?

               ```exercise layer
               with W[1,0] = 0
               ask dL/dW[0,1]
               ```

            """)
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = workspace.page("ex")
        // d log(x²)/dx = 2/x = 1 at x = 2; the walk's equations carry the exercise's numbers.
        #expect(page.contains("data-widget=\"graph-chain\" data-leaves=\"0=2.0\" data-quantity=\"gradient\" data-node=\"0\" data-entry=\"0\""))
        #expect(page.contains("<p class=\"exercise-given\">With x = 2:</p>"))
        #expect(page.contains("<label for=\"exercise-26-answer\">Your answer for ∂z/∂x</label>"))
        #expect(page.contains("<p class=\"exercise-result\">∂z/∂x = 1 (answers within 0.5% count as right).</p>"))
        #expect(page.contains("<li data-node=\"0\" data-phase=\"backward\"><span class=\"equation\">∂z/∂x = ∂z/∂y · ∂y/∂x = 0.25 · 4 = 1</span></li>"))
        #expect(page.contains("<p class=\"exercise-verdict\" role=\"status\" aria-live=\"polite\"></p>"))
        // dL/dW[0,1] = Σ_n X[n,0] (1 − tanh²(z[n,1])) with W[1,0] = 0, by hand:
        let z = [1.0 * -0.25 + 2.0 * 0.2, 3.0 * -0.25 + -1.0 * 0.2]
        let expected = 1.0 * (1 - tanh(z[0]) * tanh(z[0])) + 3.0 * (1 - tanh(z[1]) * tanh(z[1]))
        let answer = try #require(page.range(of: #"data-quantity="gradient" data-node="1" data-entry="1" data-relative="1" data-tolerance="0.001" data-answer="([^"]+)""#, options: .regularExpression))
        let number = Double(page[answer].split(separator: "\"").last.map(String.init) ?? "") ?? .nan
        #expect(Swift.abs(number - expected) <= 1e-12, "\(number) vs \(expected)")
        #expect(page.contains("data-leaves=\"1=0.5;-0.25;0.0;0.2\""))
    }

    @Test func whatAnExerciseNamesMustExistAtItsLineAndColumn() throws {
        let cases: [(String, String)] = [
            ("chian\n   ask z", "ex.md:26:4: error: no block named 'chian' in this lesson; did you mean 'chain'?"),
            ("tiny\n   ask loss", "ex.md:26:4: error: 'tiny' is a model block; an exercise asks about a graph block"),
            ("chain\n   with q = 1\n   ask z", "ex.md:27:9: error: block 'chain' has no node named 'q'"),
            ("chain\n   with y = 1\n   ask z", "ex.md:27:9: error: 'y' is computed by the graph; an exercise sets inputs and parameters"),
            ("chain\n   ask dy/dx", "ex.md:27:9: error: block 'chain' differentiates its output 'z'; ask dz/dx"),
            ("chain\n   ask z[0]", "ex.md:27:9: error: 'z' has shape scalar; it takes no index (it is one number)"),
            ("layer\n   ask dL/dW[2,0]", "ex.md:27:13: error: index 2 is out of range for 'W' (rows 0 to 1)"),
            ("layer\n   ask dL/dW[0,5]", "ex.md:27:13: error: index 5 is out of range for 'W' (columns 0 to 1)"),
            ("layer\n   ask dL/dW", "ex.md:27:12: error: 'W' holds 4 numbers; pick one, as in 'W[0,0]'"),
            ("layer\n   with W = [1, 2]\n   ask L", "ex.md:27:9: error: 'W' holds 4 numbers; 2 given"),
            ("chain\n   with x = 0\n   ask dz/dx", "ex.md:26:4: error: with these numbers the gradient of 'x' in block 'chain' is not finite; choose others"),
        ]
        for (exercise, expected) in cases {
            let found = try errors(exercise)
            #expect(found == [expected], "\(exercise): \(found)")
        }
    }
}
