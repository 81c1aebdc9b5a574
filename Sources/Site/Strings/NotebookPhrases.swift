/// What a lesson's notebook and its download link say (LessonNotebook, LessonPage), in the lesson's language.
struct NotebookPhrases {
    var download = "Download notebook"
    /// The link's tooltip: what the file is.
    var downloadTitle = "This lesson as a Jupyter notebook: the prose, and the page's NumPy programs as cells that print its numbers"
    /// The notebook's first cell under the title; {0}: the course.
    var about = "A lesson of *{0}* as a notebook. The code cells are the page's NumPy programs: run them top to bottom and they print the page's numbers. The cells marked *Optional* need PyTorch; without it they only say so."
    var numpy = "NumPy"
    var optionalTorch = "Optional: PyTorch. The same computation with autograd (and torch.optim); it runs only where PyTorch is installed."
    var noTorch = "PyTorch is not installed: this optional cell is skipped."
    /// {0}: the files as Markdown links with what they hold.
    var reads = "The program reads {0}, on the course site next to this notebook: download it too, into a folder `code/` beside the notebook."
    var exerciseOnPage = "Answer it on the lesson's page, which checks your number."

    init(lang: String?) {
        guard let lang, lang.lowercased().hasPrefix("zh") else { return }
        download = "下载笔记本"
        downloadTitle = "本课的 Jupyter 笔记本：正文，以及页面上的 NumPy 程序（作为可运行的单元格，打印出页面上的数值）"
        about = "《{0}》中的一课，写成笔记本。代码单元格就是页面上的 NumPy 程序：从上到下运行，它们会打印出页面上的数值。标为*可选*的单元格需要 PyTorch；没有安装时它们只会说明这一点。"
        optionalTorch = "可选：PyTorch。用自动求导（和 torch.optim）做同样的计算；只在安装了 PyTorch 时运行。"
        noTorch = "未安装 PyTorch：跳过这个可选单元格。"
        reads = "程序读取 {0}，它们在课程网站上与本笔记本放在一起：请一并下载，放到笔记本旁边的 `code/` 文件夹里。"
        exerciseOnPage = "请在本课的页面上作答，页面会检查你的数值。"
    }
}
