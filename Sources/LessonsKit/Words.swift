/// The words figures and widgets use, in the lesson's language (English unless `lang` is zh).
struct Words: Sendable {
    var value = "value", grad = "grad"
    var input = "input", parameter = "parameter", constant = "constant"
    var hidden = "hidden", output = "output"
    var step = "step", loss = "loss", rmsGradient = "RMS gradient"
    var lossCaption = "Loss during training", gradientsCaption = "Gradient size per layer"
    var networkCaption = "The trained network", boundaryCaption = "Decision boundary after training"
    var classPrefix = "class"
    var positive = "w > 0", negative = "w < 0", width = "width ∝ |w|", bias = "fill: bias"
    var training = "training", validation = "validation"

    /// "Trained while this page was built: ..."
    var summary: @Sendable (_ steps: String, _ optimizer: String, _ examples: String, _ batch: Int?, _ loss: String?) -> String = { steps, optimizer, examples, batch, loss in
        "Trained while this page was built: \(steps) steps of \(optimizer) on \(examples) examples"
            + (batch.map { " in batches of \($0)" } ?? " on the full batch") + (loss.map { "; final loss \($0)" } ?? "") + "."
    }
    var predictionsCaption: @Sendable (_ more: String?) -> String = { more in
        "Predictions of the trained model on the training data" + (more.map { " (\($0))" } ?? "")
    }
    var firstOf: @Sendable (_ shown: Int, _ total: String) -> String = { "the first \($0) of \($1)" }

    static let english = Words()

    static let chinese: Words = {
        var w = Words()
        w.value = "值"; w.grad = "梯度"
        w.input = "输入"; w.parameter = "参数"; w.constant = "常数"
        w.hidden = "隐藏层"; w.output = "输出"
        w.step = "步数"; w.loss = "损失"; w.rmsGradient = "梯度均方根"
        w.lossCaption = "训练过程中的损失"; w.gradientsCaption = "各层梯度大小"
        w.networkCaption = "训练后的网络"; w.boundaryCaption = "训练后的决策边界"
        w.classPrefix = "类别"
        w.width = "线宽 ∝ |w|"; w.bias = "填充：偏置"
        w.training = "训练集"; w.validation = "验证集"
        w.summary = { steps, optimizer, examples, batch, loss in
            "本页构建时训练：\(optimizer) 共 \(steps) 步，\(examples) 个样本，" + (batch.map { "每批 \($0) 个" } ?? "全批量")
                + (loss.map { "；最终损失 \($0)" } ?? "") + "。"
        }
        w.predictionsCaption = { more in "训练后的模型在训练数据上的预测" + (more.map { "（\($0)）" } ?? "") }
        w.firstOf = { "共 \($1) 个中的前 \($0) 个" }
        return w
    }()

    static func forLang(_ lang: String?) -> Words {
        lang?.lowercased().hasPrefix("zh") == true ? chinese : english
    }
}
