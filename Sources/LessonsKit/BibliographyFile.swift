import Foundation
import LessonModel

/// The optional `bibliography.yml` at the root of the lessons folder, shared by every edition.
/// Read like `course.yml`: inside the lessons folder, within the size limit, strictly UTF-8.
enum BibliographyFile {
    /// The course's works, or an empty bibliography (and `exists` false) when there is no file.
    struct Loaded: Sendable {
        var bibliography = Bibliography()
        var exists = false
        var path: String
    }

    static func load(lessonsDirectory: String, lessonsRoot: String, diagnostics: inout [Diagnostic]) -> Loaded {
        let path = Paths.join(lessonsDirectory, Bibliography.fileName)
        var loaded = Loaded(path: path)
        var info = stat()
        guard lstat(path, &info) == 0 else { return loaded }
        loaded.exists = true
        guard Paths.isInside(Paths.canonical(path), lessonsRoot) else {
            diagnostics.append(.fileError(path, "is a symbolic link to a file outside the lessons folder; it must live inside it"))
            return loaded
        }
        let data: [UInt8]
        switch SourceFile.load(path) {
        case .success(let bytes): data = bytes
        case .failure(.missing):
            diagnostics.append(.fileError(path, "is a symbolic link to nothing; expected the course's bibliography"))
            return loaded
        case .failure(let failure): diagnostics.append(SourceFile.diagnostic(failure, path: path)); return loaded
        }
        switch SourceText.decode(data, path: path) {
        case .failure(let d): diagnostics.append(d)
        case .success(let text):
            var local = Diagnostics(path: path)
            loaded.bibliography = BibliographyParser.parse(text.text, into: &local)
            diagnostics += Builder.capped(local.all, path: path)  // a garbage file must not bury the lessons' problems
        }
        return loaded
    }
}
