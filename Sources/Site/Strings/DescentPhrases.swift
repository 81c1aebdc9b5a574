/// What the gradient-descent controls of a graph with a `descend` line say (GraphWidgetHTML+Descent);
/// `messages` travel in the block's live file, for the script to fill in.
struct DescentPhrases {
    var title = "Gradient descent by hand"
    /// {0}: the one leaf a step moves; or the leaves, as `list` joins them.
    var introOne = "A step replaces {0} by itself minus the learning rate times its gradient, then recomputes everything."
    var introMany = "A step replaces each of {0} by itself minus the learning rate times its gradient, then recomputes everything."
    var rate = "Learning rate"
    var step = "Take a step", steps = "Take 10 steps"
    var reset = "Reset", resetLabel = "Reset to the lesson's values and clear the steps"
    var caption = "Steps taken", stepColumn = "step"
    var messages: [String: String] = [
        "stepTaken": "Step {0}: {1} = {2}.",
        "badRate": "The learning rate needs a positive number.",
    ]
    private var zh = false

    init(lang: String?) {
        guard let lang, lang.lowercased().hasPrefix("zh") else { return }
        zh = true
        title = "手动梯度下降"
        introOne = "每走一步，{0} 都减去学习率乘以它的梯度，然后重新计算所有数值。"
        introMany = "每走一步，{0} 都各自减去学习率乘以自己的梯度，然后重新计算所有数值。"
        rate = "学习率"
        step = "走一步"; steps = "走 10 步"
        reset = "还原"; resetLabel = "还原为本课的数值并清空步骤"
        caption = "已走的步骤"; stepColumn = "步"
        messages = ["stepTaken": "第 {0} 步：{1} = {2}。", "badRate": "学习率需要一个正数。"]
    }

    /// `w, b and x`; `w、b 和 x` in Chinese.
    func list(_ names: [String]) -> String {
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: zh ? "、" : ", ") + (zh ? " 和 " : " and ") + last
    }
}
