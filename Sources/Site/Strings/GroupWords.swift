/// What collapsed groups of a graph say, in both languages (see `Words.groups`).
package struct GroupWords: Sendable {
    /// The title of an automatic dense-layer group.
    package var layer: @Sendable (_ k: Int) -> String = { "layer \($0)" }
    /// The title of a time step of a `repeat` line ("time step", not "step": a graph's slider
    /// already counts descent steps).
    package var step: @Sendable (_ k: Int) -> String = { "time step \($0)" }
    /// A card's caption: what goes in and what comes out, as shapes.
    package var shapes: @Sendable (_ inputs: String, _ outputs: String) -> String = { "\($0) → \($1)" }
    /// A card's value line: `out 4×8, −0.98…0.97`.
    package var valueRange: @Sendable (_ name: String, _ shape: String, _ low: String, _ high: String) -> String = {
        "\($0) \($1), \($2)…\($3)"
    }
    package var valueScalar: @Sendable (_ name: String, _ value: String) -> String = { "\($0) = \($1)" }
    /// A card's gradient line: `∇W2 rms 0.0012`.
    package var gradientRMS: @Sendable (_ name: String, _ rms: String) -> String = { "∇\($0) rms \($1)" }
    /// A scalar's gradient keeps its sign: `∇h = −1.1`.
    package var gradientScalar: @Sendable (_ name: String, _ value: String) -> String = { "∇\($0) = \($1)" }
    /// The walk through a collapsed group.
    package var forward: @Sendable (_ title: String, _ inputs: String, _ outputs: String, _ summary: String) -> String = {
        "\($0): \($2) computed from \($1); \($3)"
    }
    package var backward: @Sendable (_ title: String, _ gradients: String) -> String = { "\($0): gradients \($1)" }
    /// A node an equation names that is inside a group (hidden while the group is closed).
    package var inside: @Sendable (_ name: String, _ title: String) -> String = { "\($0) (inside \($1))" }
    /// The buttons that open and close a group in place.
    package var expand: @Sendable (_ title: String) -> String = { "Expand \($0)" }
    package var collapse: @Sendable (_ title: String) -> String = { "Collapse \($0)" }
    /// The page's note under a graph drawn with collapsed groups.
    package var note = "Cards with a double border are groups: click one to see the nodes inside."

    package static let english = GroupWords()

    package static let chinese: GroupWords = {
        var w = GroupWords()
        w.layer = { "第 \($0) 层" }
        w.step = { "第 \($0) 个时间步" }
        w.gradientRMS = { "∇\($0) 均方根 \($1)" }
        w.forward = { "\($0)：由 \($1) 计算 \($2)；\($3)" }
        w.backward = { "\($0)：梯度 \($1)" }
        w.inside = { "\($0)（在\($1)内）" }
        w.expand = { "展开 \($0)" }
        w.collapse = { "收起 \($0)" }
        w.note = "双线边框的卡片是一组节点：点击即可展开查看其中的节点。"
        return w
    }()
}
