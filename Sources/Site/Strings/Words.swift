/// The words figures and widgets use, in the lesson's language (English unless `lang` is zh).
package struct Words: Sendable {
    package var value = "value", grad = "grad"
    package var input = "input", parameter = "parameter", constant = "constant"
    package var hidden = "hidden", output = "output"
    package var step = "step", loss = "loss", rmsGradient = "RMS gradient"
    package var lossCaption = "Loss during training", gradientsCaption = "Gradient size per layer"
    package var networkCaption = "The trained network", boundaryCaption = "Decision boundary after training"
    package var classPrefix = "class"
    package var positive = "w > 0", negative = "w < 0", width = "width ∝ |w|", bias = "fill: bias"
    package var training = "training", validation = "validation"

    /// "Trained while this page was built: ..."
    package var summary: @Sendable (_ steps: String, _ optimizer: String, _ examples: String, _ batch: Int?, _ loss: String?) -> String = { steps, optimizer, examples, batch, loss in
        "Trained while this page was built: \(steps) steps of \(optimizer) on \(examples) examples"
            + (batch.map { " in batches of \($0)" } ?? " on the full batch") + (loss.map { "; final loss \($0)" } ?? "") + "."
    }
    /// The predictions table's caption at a traced step (the slider refills it with the step it shows).
    package var predictionsCaption: @Sendable (_ step: String, _ more: String?) -> String = { step, more in
        "Predictions on the training data at step \(step)" + (more.map { " (\($0))" } ?? "")
    }
    package var firstOf: @Sendable (_ shown: Int, _ total: String) -> String = { "the first \($0) of \($1)" }

    /// The sentence under the code tabs, and what each file the programs read holds.
    package var graphCodeNote = "Both programs compute the graph from the same numbers and print every node's value and "
        + "gradient, which agree with the table above."
    package var modelCodeNote = "Both programs start from the same numbers as the page and print the loss at every traced step, "
        + "which agrees with the page."
    package var shuffledCodeNote = "Both programs start from the same numbers as the page but shuffle the batches their own way, "
        + "so their losses differ from the page's."
    package var examplesFile: @Sendable (_ rows: Int) -> String = { "the \($0) examples" }
    package var ordersFile = "the order of the examples in each epoch"
    package var startingFile: @Sendable (_ name: String) -> String = { "the starting \($0)" }

    /// Shapes (`scalar`, `vector of 3`; matrices are `2x3` in every language) and tensor summaries.
    package var scalar = "scalar"
    package var vectorOf: @Sendable (_ n: Int) -> String = { "vector of \($0)" }
    package var meanRange: @Sendable (_ mean: String, _ low: String, _ high: String) -> String = { "mean \($0), range \($1)…\($2)" }
    /// The walk's glosses, with their punctuation: `x = 1.5, an input`, `∂z/∂z = 1, where the backward pass starts`, ...
    package var anInput = ", an input", aParameter = ", a parameter", aConstant = ", a constant"
    package var backwardStarts = ", where the backward pass starts"
    package var backwardStartsFromSum: @Sendable (_ out: String) -> String = { " for every element: the backward pass starts from the sum of \($0)" }
    package var doesNotFeed: @Sendable (_ node: String, _ out: String) -> String = { ": \($0) does not feed into \($1)" }
    package var vectorOnCard: @Sendable (_ n: Int) -> String = { "a vector of \($0) (see its card)" }
    package var matrixOnCard: @Sendable (_ rows: Int, _ cols: Int) -> String = { "a \($0)×\($1) matrix (see its card)" }
    /// An exercise's worked answer writes a big tensor's numbers under its equation, not on a card.
    package var vectorBelow: @Sendable (_ n: Int) -> String = { "a vector of \($0) (below)" }
    package var matrixBelow: @Sendable (_ rows: Int, _ cols: Int) -> String = { "a \($0)×\($1) matrix (below)" }
    /// The scrubber's label of a traced step: `step 1,000 · loss 0.25`.
    package var stepLabel: @Sendable (_ step: String, _ loss: String?) -> String = { step, loss in
        "step \(step)" + (loss.map { " · loss \($0)" } ?? "")
    }
    /// Alt texts of the figures.
    package var graphAlt: @Sendable (_ nodes: Int, _ given: String, _ output: String, _ gradients: String) -> String = { nodes, given, output, gradients in
        "Computational graph of \(nodes) nodes. Given \(given), it computes \(output). Gradients: \(gradients)."
    }
    package var lossAlt: @Sendable (_ first: String, _ last: String, _ step: String) -> String = {
        "Loss curve: the loss goes from \($0) at the first step to \($1) at step \($2)."
    }
    package var lossAltEmpty = "Loss curve."
    package var gradientsAlt = "The root-mean-square gradient of each weight matrix over the training steps."
    package var networkAlt = "Network diagram of the trained weights: edge width shows the size of a weight, colour its sign."
    package var boundaryAlt = "The trained model's output over the input plane, with the training points coloured by their class."
    package var compareAlt: @Sendable (_ finals: [String]) -> String = { "Loss curves compared; final losses: " + $0.joined(separator: ", ") + "." }
    /// Headers of the predictions table.
    package var target = "target", prediction = "prediction", targetClass = "target class", predictedClass = "predicted class"
    /// With many classes, the probability of the predicted one.
    package var probability = "its probability"
    /// Collapsed groups of a graph.
    package var groups = GroupWords.english
    /// A bce_logits model's raw output; a linear output's level line and colour bar on the boundary chart.
    package var logit = "logit", outputLevel = "output = 0.5", outputBar = "output (shown 0…1)"

    /// The pictures a classifier gets wrong (`csv(..., image:)`): caption, alt text, and the note when there are none.
    package var mistakesCaption: @Sendable (_ wrong: String, _ total: String, _ validation: Bool, _ shown: Int?, _ confidence: Bool) -> String = {
        wrong, total, validation, shown, confidence in
        let set = validation ? "validation examples" : "training examples"
        let which = shown.map { "The first \($0) of the \(wrong) \(set) (of \(total))" } ?? "The \(wrong) \(set) (of \(total))"
        return which + " the trained model gets wrong, each marked label → prediction"
            + (confidence ? ", with the probability the model gives its prediction" : "")
    }
    package var mistakesAlt: @Sendable (_ wrong: String, _ total: String, _ validation: Bool) -> String = { wrong, total, validation in
        "Pictures of the \(wrong) \(validation ? "validation" : "training") examples out of \(total) that the trained model classifies wrongly, each with its label and the model's prediction."
    }
    package var mistakesNone: @Sendable (_ total: String, _ validation: Bool) -> String = { total, validation in
        "The trained model gets all \(total) \(validation ? "validation" : "training") examples right."
    }

    package static let english = Words()

    package static let chinese: Words = {
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
        w.predictionsCaption = { step, more in "第 \(step) 步时模型在训练数据上的预测" + (more.map { "（\($0)）" } ?? "") }
        w.firstOf = { "共 \($1) 个中的前 \($0) 个" }
        w.graphCodeNote = "两个程序都用同样的数字计算这张图，并打印每个节点的值和梯度，与上面的表格一致。"
        w.modelCodeNote = "两个程序都从与本页相同的数字开始，并打印每个记录步骤的损失，与本页一致。"
        w.shuffledCodeNote = "两个程序都从与本页相同的数字开始，但按各自的方式打乱批次，所以它们的损失与本页不同。"
        w.examplesFile = { "\($0) 个样本" }
        w.ordersFile = "每轮训练中样本的顺序"
        w.startingFile = { "\($0) 的初始值" }
        w.scalar = "标量"
        w.vectorOf = { "长度为 \($0) 的向量" }
        w.meanRange = { "均值 \($0)，范围 \($1)…\($2)" }
        w.anInput = "（输入）"; w.aParameter = "（参数）"; w.aConstant = "（常数）"
        w.backwardStarts = "，反向传播从这里开始"
        w.backwardStartsFromSum = { "（对每个元素）：反向传播从 \($0) 所有元素之和开始" }
        w.doesNotFeed = { "：\($0) 不通向 \($1)" }
        w.vectorOnCard = { "长度为 \($0) 的向量（见节点卡片）" }
        w.matrixOnCard = { "\($0)×\($1) 矩阵（见节点卡片）" }
        w.vectorBelow = { "长度为 \($0) 的向量（见下）" }
        w.matrixBelow = { "\($0)×\($1) 矩阵（见下）" }
        w.stepLabel = { step, loss in "第 \(step) 步" + (loss.map { " · 损失 \($0)" } ?? "") }
        w.graphAlt = { nodes, given, output, gradients in
            "有 \(nodes) 个节点的计算图。给定 \(given)，计算出 \(output)。梯度：\(gradients)。"
        }
        w.lossAlt = { "损失曲线：损失从第一步的 \($0) 变为第 \($2) 步的 \($1)。" }
        w.lossAltEmpty = "损失曲线。"
        w.gradientsAlt = "训练过程中每个权重矩阵梯度的均方根。"
        w.networkAlt = "训练后权重的网络图：线宽表示权重的大小，颜色表示正负。"
        w.boundaryAlt = "训练后的模型在输入平面上的输出，训练样本按类别着色。"
        w.compareAlt = { "损失曲线对比；最终损失：" + $0.joined(separator: "，") + "。" }
        w.target = "目标"; w.prediction = "预测"; w.targetClass = "目标类别"; w.predictedClass = "预测类别"
        w.probability = "其概率"
        w.groups = .chinese
        w.logit = "logit"; w.outputLevel = "输出 = 0.5"; w.outputBar = "输出（显示 0…1）"
        w.mistakesCaption = { wrong, total, validation, shown, confidence in
            let set = validation ? "验证集" : "训练集"
            let which = shown.map { "训练后的模型在\(set) \(total) 个样本中判错 \(wrong) 个，这里是前 \($0) 个" }
                ?? "训练后的模型在\(set) \(total) 个样本中判错的 \(wrong) 个"
            return which + "，每个标为“标签 → 预测”" + (confidence ? "，并附模型给其预测的概率" : "")
        }
        w.mistakesAlt = { wrong, total, validation in
            "训练后的模型在\(validation ? "验证集" : "训练集") \(total) 个样本中分错的 \(wrong) 个样本的图像，每个都标有标签和模型的预测。"
        }
        w.mistakesNone = { total, validation in "训练后的模型把\(validation ? "验证集" : "训练集")的 \(total) 个样本全部分对了。" }
        return w
    }()

    package static func forLang(_ lang: String?) -> Words {
        lang?.lowercased().hasPrefix("zh") == true ? chinese : english
    }
}
