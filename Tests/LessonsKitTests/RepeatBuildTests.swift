import Foundation
import Testing

// A lesson with a `repeat` line builds, and its page draws each time step as one group card,
// titled in the page's language.

private let rnn = """
    x = [[1.0, 0.5, -0.3, 0.8]]      # one input per step
    param w = 0.9
    param u = 0.5
    h0 = 0.0
    repeat t in 1...4:
        h[t] = tanh(w * h[t-1] + u * x[0, t-1])
    loss = h[4] * h[4]

    """

/// Every file of the built lesson `slug`, as text.
private func files(_ workspace: Workspace, _ slug: String) -> [String: String] {
    Workspace.tree(at: workspace.output + "/" + slug).mapValues { String(decoding: $0, as: UTF8.self) }
}

@Test func aLessonWithARepeatBuildsAndDrawsEachTimeStepAsAGroup() throws {
    let workspace = try Workspace()
    try workspace.write("rnn.md", "# RNN\n\n```graph rnn\n\(rnn)```\n")
    try workspace.write("zh-rnn.md", "---\ntitle: 循环\nlang: zh-CN\n---\n\n```graph rnn\n\(rnn)```\n")
    let report = workspace.build(workspace.lessons, output: workspace.output, useCache: false)
    #expect(report.succeeded, "\(report.diagnostics)")
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    let page = workspace.page("rnn")
    let english = files(workspace, "rnn")
    for k in 1...4 {
        #expect(english.values.contains { $0.contains("time step \(k)") }, "time step \(k)")
    }
    #expect(page.contains("Cards with a double border are groups"))
    // The walk takes a closed step as one move each way, and equations say which step holds a node.
    #expect(page.contains("time step 2: h2 computed from x, w, u, h1; h2 = 0.5823"))
    #expect(page.contains("∂loss/∂u5 (inside time step 2)"))
    // The drawings with a step opened in place are loaded on use (packed, so not searched here).
    #expect(english["views/graph-rnn.js"] != nil)
    for k in 1...4 { #expect(page.contains("Expand time step \(k)")) }
    let chinese = files(workspace, "zh-rnn")
    for k in 1...4 {
        #expect(chinese.values.contains { $0.contains("第 \(k) 个时间步") }, "第 \(k) 个时间步")
    }
    #expect(chinese["index.html"]?.contains("∂loss/∂u5（在第 2 个时间步内）") == true)
    #expect(!chinese.values.contains { $0.contains("time step") })
}
