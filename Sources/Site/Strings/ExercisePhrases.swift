/// What an exercise's answer box says (ExerciseHTML, Script+Exercise), in the lesson's language.
/// Templates take {0}, {1}, ... and travel in data attributes for the script.
struct ExercisePhrases {
    var given = "With {0}:"
    var answerLabel = "Your answer for {0}"
    var check = "Check"
    var answer = "Answer"
    var worked = "The chain rule, worked for these numbers:"
    /// {0}: the quantity, {1}: the answer, {2}: the tolerance.
    var answerLine = "{0} = {1} (answers within {2} count as right)."
    var right = "Right: {0} = {1}."
    var wrong = "Not quite: {0} is not within {1} of {2}. The worked chain rule is below."
    var notNumber = "Type a number, such as 0.25 or -3."
    var offline = "Checked against the build's answer (the live evaluator did not load)."

    init(lang: String?) {
        guard let lang, lang.lowercased().hasPrefix("zh") else { return }
        given = "取 {0}："
        answerLabel = "你对 {0} 的答案"
        check = "检查"
        answer = "答案"
        worked = "按这些数值逐步写出的链式法则："
        answerLine = "{0} = {1}（与之相差在 {2} 以内都算对）。"
        right = "答对了：{0} = {1}。"
        wrong = "还差一点：{0} 与 {2} 的差超出了 {1}。下面是逐步的链式法则。"
        notNumber = "请输入一个数，例如 0.25 或 -3。"
        offline = "已与构建时算出的答案比较（实时计算未能载入）。"
    }

}
