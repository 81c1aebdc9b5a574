import Presentation
import Codegen
import LessonModel

/// The exact output a block may have: the names of the files it writes (relative to its
/// lesson's output folder) and the id of its widget. A cache entry is checked against this, so a
/// forged entry cannot name any other file (`../../x`, `/etc/x`, `index.html`).
struct BlockFiles: Sendable, Equatable {
    var kind: LessonBlock.Kind
    var widgetID: String
    var names: Set<String>

    /// A graph block: its diagram (one SVG for light and dark, one for phones, and one per group opened), trace and two programs.
    static func graph(stem: String, groups: Int = 0) -> BlockFiles {
        BlockFiles(kind: .graph, widgetID: "graph-\(stem)",
                   names: Set(figures(stem) + figures("\(stem)-narrow") + openedGroups(stem, groups) + TraceOutput.names(stem: stem) + programs(stem)))
    }

    /// The drawings of a graph with one group opened (see `GraphPresentation.renderGrouped`).
    private static func openedGroups(_ stem: String, _ count: Int) -> [String] {
        (0..<max(0, count)).flatMap { figures(GraphPresentation.openedStem(stem, group: $0)) }
    }

    /// A model block: its graph's diagram, its five charts (and their phone drawings), trace, programs, and the CSV files the programs may read
    /// (the data, the batch order, and one per parameter too big to write inline).
    static func model(stem: String, program: ModelProgram) -> BlockFiles {
        let names = PythonNames(program.graph.nodes.map(\.name), isModel: true).nodes
        var csv = ["data", "order"]
        for (i, node) in program.graph.nodes.enumerated() where i < names.count {
            switch node.kind {
            case .parameter, .initialized: csv.append(names[i])
            default: break
            }
        }
        var all = figures(stem) + figures("\(stem)-narrow") + openedGroups(stem, program.graph.groups.count) + TraceOutput.names(stem: stem) + programs(stem) + csv.map { "code/\(stem)-\($0).csv" }
        for chart in ["loss", "gradients", "network", "boundary", "mistakes"] { all += figures("\(stem)-\(chart)") + figures("\(stem)-\(chart)-narrow") }
        return BlockFiles(kind: .model, widgetID: "model-\(stem)", names: Set(all.filter(isConfined)))
    }

    private static func figures(_ stem: String) -> [String] {
        ["figures/\(stem).svg"]
    }

    private static func programs(_ stem: String) -> [String] { ["code/\(stem).py", "code/\(stem)_torch.py"] }

    /// A relative path of plain components: no `..`, `.` or empty component, no leading `/`,
    /// no backslash and no control character (a second check, after the exact names).
    static func isConfined(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 1024 else { return false }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" || $0 == ":" }) { return false }
        return name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
