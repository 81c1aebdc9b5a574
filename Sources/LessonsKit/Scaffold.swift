import Foundation
import LessonModel
import Training

/// `lessons new NAME`: writes a lesson to start from, with front matter and a graph block.
public enum Scaffold {
    /// Creates `<lessons>/<slug>.md` and returns its path; never overwrites a file.
    public static func create(title: String, in lessonsDirectory: String) throws -> String {
        let slug = Slug.make(title, fallback: "lesson")
        let path = Paths.join(lessonsDirectory, slug + ".md")
        guard !FileManager.default.fileExists(atPath: path) else {
            throw ScaffoldError("\(path) already exists; choose another name or edit that file")
        }
        try FileManager.default.createDirectory(atPath: lessonsDirectory, withIntermediateDirectories: true)
        let order = nextOrder(in: lessonsDirectory)
        let text = """
        ---
        title: \(yamlString(title))
        order: \(order)
        summary: One sentence for the course index.
        ---

        Say what the reader will learn, then show it. Formulas such as $z = xy$ work inline and
        on their own line:

        $$\\frac{\\partial z}{\\partial x} = y$$

        ## A first graph

        Every value and gradient below is computed when the site is built.

        ```graph first
        x = 3
        param w = -2
        z = x * w
        ```

        The gradient of `w` is {{ first.w.grad }}, which is the value of `x`.

        ## Exercises

        1. Change `x` and rebuild. What happens to the gradient of `w`?

        """
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw ScaffoldError("cannot write \(path)")
        }
        return path
    }

    /// One more than the largest `order` in the folder (lessons without one count by position).
    static func nextOrder(in directory: String) -> Int {
        guard case .success(let found) = LessonDiscovery.find(in: directory, root: Paths.canonical(directory), excluding: nil) else {
            return 1
        }
        var highest = found.files.count
        for relative in found.files {
            guard let data = FileManager.default.contents(atPath: Paths.join(directory, relative)) else { continue }
            if let order = LessonParser.parse(bytes: [UInt8](data), path: relative, relativePath: relative).0?.frontMatter.order {
                highest = max(highest, order)
            }
        }
        return highest + 1
    }

    private static func yamlString(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Why a lesson could not be scaffolded.
public struct ScaffoldError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Diagnostics as JSON for editors: `{"errors": n, "warnings": n, "diagnostics": [...]}`.
public enum DiagnosticsJSON {
    public static func encode(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { d in
            "{\"file\":\(TraceJSON.string(d.path)),\"line\":\(d.position?.line.description ?? "null"),"
                + "\"column\":\(d.position?.column.description ?? "null"),\"severity\":\"\(d.severity.rawValue)\","
                + "\"message\":\(TraceJSON.string(d.message))}"
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        return "{\"errors\":\(errors),\"warnings\":\(diagnostics.count - errors),\"diagnostics\":[\(items.joined(separator: ","))]}"
    }
}
