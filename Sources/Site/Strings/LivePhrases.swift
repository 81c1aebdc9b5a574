/// What the controls of an editable graph say, in the lesson's language. Those the script says
/// later (results, errors) travel in the block's live file as templates with {0}, {1}, ...
struct LivePhrases {
    var title = "Try other numbers"
    var intro = "Change an input or a parameter: every value, gradient and equation of this graph is recomputed in your browser."
    var reset = "Reset", resetLabel = "Reset to the lesson's values"
    var input = "input", parameter = "parameter"
    var entry = "{0}, entry {1}", cell = "{0}, row {1}, column {2}", slider = "{0}, slider"
    var tooBig = "{0} ({1} numbers): too big to edit here"
    /// The controls of a graph with a `descend` line.
    var descent = DescentPhrases(lang: nil)
    var messages: [String: String] = [
        "recomputed": "Recomputed: {0} = {1}.",
        "reset": "Back to the lesson's values: {0} = {1}.",
        "needNumber": "{0} needs a number; the last one is kept.",
        "badLink": "The numbers in this link could not be read ({0}); the lesson's values are shown.",
        "unknownName": "no editable {0}", "count": "{0} takes {1} numbers", "notNumber": "{0} is not a number",
        "value": "The value of {0} is {1}: {2}.", "nan": "NaN (not a number)", "infinite": "infinite",
        "log": "log needs positive inputs", "div": "check for a division by zero", "exp": "exp overflows above about 709",
        "pow": "a negative number to a fractional power, or zero to a negative one, has no real value",
        "sqrt": "sqrt needs inputs of at least 0", "other": "check the inputs of this node",
        "gradient": "The gradient of {0} is not finite: the function is not differentiable at these values.",
        "loadFailed": "The numbers could not be recomputed: this page's live file did not load.",
    ]

    init(lang: String?) {
        descent = DescentPhrases(lang: lang)
        guard let lang, lang.lowercased().hasPrefix("zh") else { return }
        title = "换几个数试试"
        intro = "修改任一输入或参数：这张图的每个值、梯度和等式都会在浏览器中重新计算。"
        reset = "还原"; resetLabel = "还原为本课的数值"
        input = "输入"; parameter = "参数"
        entry = "{0}，第 {1} 个元素"; cell = "{0}，第 {1} 行第 {2} 列"; slider = "{0}，滑块"
        tooBig = "{0}（{1} 个数）：太大，无法在此编辑"
        messages = [
            "recomputed": "已重新计算：{0} = {1}。",
            "reset": "已还原为本课的数值：{0} = {1}。",
            "needNumber": "{0} 需要一个数；保留上一个值。",
            "badLink": "无法读取链接中的数值（{0}）；显示本课的数值。",
            "unknownName": "没有可编辑的 {0}", "count": "{0} 需要 {1} 个数", "notNumber": "{0} 不是数",
            "value": "{0} 的值是 {1}：{2}。", "nan": "NaN（不是数）", "infinite": "无穷大",
            "log": "log 的输入必须为正", "div": "请检查是否除以零", "exp": "exp 的输入超过约 709 会溢出",
            "pow": "负数的分数次幂或零的负数次幂没有实数值",
            "sqrt": "sqrt 的输入不能小于 0", "other": "请检查这个节点的输入",
            "gradient": "{0} 的梯度不是有限数：函数在这些数值处不可导。",
            "loadFailed": "无法重新计算：本页的实时文件没有载入。",
        ]
    }
}
