/// What the in-page training controls of a small model say (ModelWidgetHTML+Retrain); `messages`
/// travel in the box's `data-messages`, for the script to fill in.
struct RetrainPhrases {
    var title = "Train it again in your browser"
    var intro = "Change the learning rate, the optimizer or the number of steps and train this model again, from the same starting weights and on the same data; the page runs the engine's own kernels. At most {0} steps."
    var rate = "Learning rate", optimizer = "Optimizer", steps = "Steps"
    var train = "Train", reset = "Reset", resetLabel = "Back to the lesson's settings"
    var caption = "Loss at each step: this run (solid) and the build's (dashed)"
    var messages: [String: String] = [
        "training": "Training: step {0} of {1}…",
        "done": "Trained {0} steps with {1} (learning rate {2}): loss {3} at the last step; the build's was {4}.",
        "doneOther": "Trained {0} steps with {1} (learning rate {2}): loss {3} at the last step.",
        "diverged": "Training diverged at step {0}: the loss is no longer a finite number. Try a smaller learning rate.",
        "badRate": "The learning rate needs a positive number.",
        "badSteps": "The number of steps needs a whole number from 1 to {0}.",
        "loadFailed": "The model could not be trained here: this page's training file did not load.",
        "reset": "Back to the lesson's settings.",
    ]

    init(lang: String?) {
        guard let lang, lang.lowercased().hasPrefix("zh") else { return }
        title = "在浏览器里重新训练"
        intro = "修改学习率、优化器或步数，从同样的初始权重、在同样的数据上重新训练这个模型；页面用的是引擎自己的计算核。最多 {0} 步。"
        rate = "学习率"; optimizer = "优化器"; steps = "步数"
        train = "训练"; reset = "还原"; resetLabel = "还原为本课的设置"
        caption = "每一步的损失：本次训练（实线）与构建时的训练（虚线）"
        messages = [
            "training": "训练中：第 {0} 步，共 {1} 步……",
            "done": "用 {1}（学习率 {2}）训练了 {0} 步：最后一步的损失为 {3}；构建时为 {4}。",
            "doneOther": "用 {1}（学习率 {2}）训练了 {0} 步：最后一步的损失为 {3}。",
            "diverged": "训练在第 {0} 步发散：损失不再是有限的数。请试试更小的学习率。",
            "badRate": "学习率需要一个正数。",
            "badSteps": "步数需要 1 到 {0} 之间的整数。",
            "loadFailed": "无法在这里训练：本页的训练文件没有加载。",
            "reset": "已还原为本课的设置。",
        ]
    }
}
