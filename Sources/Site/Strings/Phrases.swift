/// The few words the site itself writes, in the lesson's language.
struct Phrases {
    var contents = "Contents", previous = "Previous", next = "Next", lessons = "Lessons", imageMissing = "Image not available"
    var graph = "Computational graph", start = "« Start", back = "‹ Back", forwardButton = "Next ›", end = "End »"
    var overviewLabel = "Back to the overview", endLabel = "Last step"
    var hint: Markup = "Press <strong>Next</strong> to compute the values node by node, then the gradients from the output back. The diagram shows the finished computation."
    var forward = "Forward", backward = "Backward"
    var overviewCounter = "Overview: all {n} values and gradients", forwardCounter = "Forward {k} of {n}", backwardCounter = "Backward {k} of {n}"
    var node = "Node", operation = "Operation", shape = "Shape", value = "Value", gradient = "Gradient"
    var checkCaption = "Gradient check: each input's gradient from the backward pass against a central finite difference"
    var checkInput = "Input", checkError = "Largest relative error", checkResult = "Result"
    var agrees = "agrees", inconclusive = "inconclusive (at a kink)"
    var source = "Source, trace and picture", traceLink = "Trace (JSON)", pictureLink = "Diagram (SVG)"
    var trainingStep = "Training step"
    var fitToWidth = "Fit to width", actualSize = "Actual size"
    var layersExpansion: Markup = "What the <code>layers</code> line stands for"
    /// The code tabs under a block: the block as written, its accessible name, the copy button.
    var lessonTab = "Lesson", codeOf = "Code of {block}"
    var copy = "Copy", copied = "Copied", selected = "Selected: press Ctrl+C"
    /// Where a long listing is when it is not in the page (it loads when its tab is opened).
    var listingInFile = "This listing opens with its tab; the program is also in the file above."
    /// " They read a.csv (the 4 examples) and b.csv (...); download them next to the programs.":
    /// each file is its link and what it holds, both HTML.
    var theyRead: @Sendable (_ files: [(link: Markup, purpose: Markup)]) -> Markup = { files in
        let pronoun: Markup = files.count == 1 ? "it" : "them"
        return " They read " + files.map { file -> Markup in "\(file.link) (\(file.purpose))" }.joined(separator: " and ")
            + "; download \(pronoun) next to the programs."
    }
    var skipLink = "Skip to content"
    var slides = "Slides", notes = "Notes", nextSlide = "Next slide", presenter = "Presenter view"
    /// The search box: placeholder, accessible names, and the number found ({n}).
    var search = "Search", searchLabel = "Search the lessons", searchResults = "Search results"
    var oneResult = "1 result", manyResults = "{n} results", noResults = "No results"
    /// The language switch's accessible name.
    var languages = "Other languages"
    /// The heading of a lesson's list of cited works, and how an entry names where it appeared.
    var references = "References", appearedIn = "In"
    var footer: Markup = "Built with <strong>lessons</strong>: every model on these pages was run while the site was built."

    /// A block's kind in its caption (`graph`, `model`) and an operation in the node table (`mul`):
    /// the block language's own words in English; other languages name them in their words.
    var kindNames: [String: String] = [:]
    var operationNames: [String: String] = [:]

    func kindName(_ kind: String) -> String { kindNames[kind] ?? kind }

    /// `乘（mul）` in Chinese: the word a reader knows, then the name the code and the trace use.
    func operationName(_ op: String) -> String {
        guard let word = operationNames[op] else { return op }
        return ["input", "param", "const"].contains(op) ? word : "\(word)（\(op)）"
    }

    /// The name shown for a code tab: the block's own tab in the page's language, frameworks as named.
    func tabName(_ label: String) -> String { label == CodeTabs.lessonLabel ? lessonTab : label }

    /// The controls of editable graphs.
    var live = LivePhrases(lang: nil)
    /// The in-page training controls of small models.
    var retrain = RetrainPhrases(lang: nil)
    var exercise = ExercisePhrases(lang: nil)
    var notebook = NotebookPhrases(lang: nil)

    init(lang: String?) {
        live = LivePhrases(lang: lang)
        retrain = RetrainPhrases(lang: lang)
        exercise = ExercisePhrases(lang: lang)
        notebook = NotebookPhrases(lang: lang)
        if let lang, lang.lowercased().hasPrefix("zh") {
            languages = "其他语言"
            contents = "目录"; previous = "上一课"; next = "下一课"; lessons = "课程"; imageMissing = "图片缺失"
            graph = "计算图"; start = "« 开始"; back = "‹ 上一步"; forwardButton = "下一步 ›"; end = "最后 »"
            overviewLabel = "回到总览"; endLabel = "最后一步"
            hint = "按<strong>下一步</strong>逐个节点计算数值，再从输出开始往回计算梯度。图中显示的是计算完成后的结果。"
            forward = "前向"; backward = "反向"
            overviewCounter = "总览：全部 {n} 个节点的值与梯度"; forwardCounter = "前向 {k} / {n}"; backwardCounter = "反向 {k} / {n}"
            node = "节点"; operation = "运算"; shape = "形状"; value = "值"; gradient = "梯度"
            checkCaption = "梯度检验：反向传播得到的每个输入的梯度与中心有限差分的比较"
            checkInput = "输入"; checkError = "最大相对误差"; checkResult = "结果"
            agrees = "一致"; inconclusive = "无法判定（位于不可导点）"
            source = "源代码、轨迹与图片"; traceLink = "轨迹（JSON）"; pictureLink = "计算图（SVG）"
            fitToWidth = "适应宽度"; actualSize = "实际大小"
            trainingStep = "训练步数"; layersExpansion = "<code>layers</code> 一行展开后的内容"
            lessonTab = "本课代码"; codeOf = "{block} 的代码"
            copy = "复制"; copied = "已复制"; selected = "已选中：请按 Ctrl+C"
            listingInFile = "这段代码在打开它的标签页时载入；完整程序也在上方的文件里。"
            theyRead = { files in
                let pronoun: Markup = files.count == 1 ? "它" : "它们"
                return "程序会读取" + files.map { file -> Markup in " \(file.link)（\(file.purpose)）" }.joined(separator: "和")
                    + "，请把\(pronoun)下载到程序所在的文件夹。"
            }
            skipLink = "跳到正文"
            slides = "幻灯片"; notes = "备注"; nextSlide = "下一张"; presenter = "演讲者视图"
            search = "搜索"; searchLabel = "搜索课程"; searchResults = "搜索结果"
            oneResult = "1 个结果"; manyResults = "{n} 个结果"; noResults = "没有找到结果"
            kindNames = ["graph": "计算图", "model": "模型", "compare": "比较", "data": "数据"]
            operationNames = ["input": "输入", "param": "参数", "const": "常数", "add": "加", "sub": "减", "mul": "乘",
                              "div": "除", "neg": "取负", "pow": "幂", "matmul": "矩阵乘法", "exp": "指数", "log": "对数",
                              "sqrt": "平方根", "abs": "绝对值", "sum": "求和", "mean": "平均", "max": "最大值", "min": "最小值",
                              "transpose": "转置", "amax": "最大值", "amin": "最小值"]
            references = "参考文献"; appearedIn = "载于"
            footer = "由 <strong>lessons</strong> 生成：本站的每个模型都是在生成网站时实际运行的。"
        }
    }
}
