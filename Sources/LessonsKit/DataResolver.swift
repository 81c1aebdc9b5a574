import Autodiff
import Foundation
import LessonModel
import Training

/// Turns a model block's `data` line into numbers: a built-in set, a CSV file inside the lessons
/// folder (its errors located in that file), or the block's literal `X` and `y`.
struct DataResolver {
    let lessonsDirectory: String
    let lessonsRoot: String  // canonical

    func dataset(for model: ModelProgram, lesson: Lesson, diagnostics: inout Diagnostics) -> Dataset? {
        switch model.data {
        case .builtin(let name, let arguments, let position):
            do throws(ArgumentError) {
                return try Datasets.make(name, arguments: arguments.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                                         seed: model.train.seed)
            } catch {
                diagnostics.error(position, error.message)
                return nil
            }
        case .csv(let source):
            return csv(source, lesson: lesson, diagnostics: &diagnostics)
        case .literals:
            return literals(model, diagnostics: &diagnostics)
        }
    }

    /// The bytes of a block's data file, for the cache key (nil when it cannot be read).
    func bytes(ofDataFile path: String, lesson: Lesson) -> [UInt8]? {
        let folder = lesson.relativePath.split(separator: "/").dropLast().joined(separator: "/")
        guard let relative = Paths.normalise(folder.isEmpty ? path : folder + "/" + path), !relative.isEmpty,
              case .success(let bytes) = SourceFile.load(Paths.join(lessonsDirectory, relative)) else { return nil }
        return bytes
    }

    private func csv(_ source: CSVSource, lesson: Lesson, diagnostics: inout Diagnostics) -> Dataset? {
        let path = source.path, position = source.position
        let folder = lesson.relativePath.split(separator: "/").dropLast().joined(separator: "/")
        guard let relative = Paths.normalise(folder.isEmpty ? path : folder + "/" + path), !relative.isEmpty else {
            diagnostics.error(position, "data file '\(path)' is outside the lessons folder; data files must live inside it")
            return nil
        }
        let file = Paths.join(lessonsDirectory, relative)
        // Checked before reading: a link out of the lessons folder is never followed.
        guard !FileManager.default.fileExists(atPath: file) || Paths.isInside(Paths.canonical(file), lessonsRoot) else {
            diagnostics.error(position, "data file '\(path)' resolves (through a symbolic link) outside the lessons folder")
            return nil
        }
        let data: [UInt8]
        switch SourceFile.load(file) {
        case .success(let bytes): data = bytes
        case .failure(.missing):
            diagnostics.error(position, "data file '\(path)' not found (looked for \(file))")
            return nil
        case .failure(.tooLarge(let size)):
            diagnostics.append(.error(file, SourcePosition(line: 1, column: 1), SourceFile.tooLargeMessage(size: size)))
            diagnostics.error(position, "cannot use data file '\(path)' (see the error above)")
            return nil
        case .failure(.notRegular):
            diagnostics.error(position, "data file '\(path)' is not a regular file (looked at \(file))")
            return nil
        case .failure(.unreadable(let reason)):
            diagnostics.error(position, "cannot read data file '\(path)': \(reason)")
            return nil
        }
        let text: String
        switch SourceText.decode(data, path: file) {
        case .failure(let d): diagnostics.append(d); return nil
        case .success(let s): text = s.text
        }
        do throws(CSVError) {
            let table = try CSVTable(parsing: text), features = source.x.isEmpty ? nil : source.x
            let data = if let classes = source.classes, let label = source.y.first {
                try table.dataset(name: path, features: features, label: label, classes: classes)
            } else {
                try table.dataset(name: path, features: features, targets: source.y)
            }
            if let image = source.image, data.X.shape.dims.last != image.height * image.width {
                let columns = data.X.shape.dims.last ?? 0
                diagnostics.error(image.position, "an image of \(image.height) × \(image.width) pixels needs "
                    + "\(image.height * image.width) input columns, one per pixel, but X has \(columns)")
                return nil
            }
            return data
        } catch {
            // The problem is in the CSV file; say where there, and where the block asked for it.
            if let line = error.line {
                diagnostics.append(.error(file, SourcePosition(line: line, column: error.column ?? 1), error.message))
                diagnostics.error(position, "cannot use data file '\(path)' (see the error above)")
            } else {
                diagnostics.error(position, "data file '\(path)': \(error.message)")
            }
            return nil
        }
    }

    /// The block's own `X = [[...]]` and `y = [[...]]`.
    private func literals(_ model: ModelProgram, diagnostics: inout Diagnostics) -> Dataset? {
        func literal(_ name: String) -> Tensor? {
            guard let node = model.graph.nodes.first(where: { $0.name == name }), case .input(let lit) = node.kind,
                  lit.dims.count == 2 else { return nil }
            return try? Tensor(shape: .matrix(lit.dims[0], lit.dims[1]), scalars: lit.scalars)
        }
        guard let X = literal("X"), let y = literal("y") else {
            diagnostics.error(model.train.position, "a model needs data: add a line like 'data xor', or give X and y as matrix literals")
            return nil
        }
        do throws(ArgumentError) {
            return try Dataset(name: "literal", description: "the block's X and y", X: X, y: y)
        } catch {
            diagnostics.error(model.train.position, error.message)
            return nil
        }
    }
}
