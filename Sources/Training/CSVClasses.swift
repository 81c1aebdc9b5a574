import Autodiff

extension CSVTable {
    /// The data set of `dataset(name:features:targets:)` with its one target column of class
    /// numbers (0 to `classes` − 1) turned into one-hot rows of `classes`; a cell that is not
    /// such a number is an error at its line and column in the file.
    package func dataset(name: String, features: [String]?, label: String, classes: Int) throws(CSVError) -> Dataset {
        let plain = try dataset(name: name, features: features, targets: [label])
        var oneHot = [Double](repeating: 0, count: plain.count * classes)
        for (row, value) in plain.y.scalars.enumerated() {
            guard let k = Int(exactly: value), (0..<classes).contains(k) else {
                let (line, column) = position(row: row, column: label)
                throw CSVError(line, column, "'\(show(value))' in column '\(label)' is not a class: with 'classes: \(classes)' "
                    + "every class is a whole number from 0 to \(classes - 1)")
            }
            oneHot[row * classes + k] = 1
        }
        do throws(ArgumentError) {
            return try Dataset(name: plain.name, description: plain.description + " (\(classes) classes, one-hot)",
                               X: plain.X, y: try matrix(plain.count, classes, oneHot))
        } catch {
            throw CSVError(nil, nil, error.message)
        }
    }

    /// The line and column of a cell: data rows follow the header line without gaps.
    private func position(row: Int, column name: String) -> (Int, Int) {
        let lines = CSVScanner.lines(text)
        let index = row + 1
        guard index < lines.count, let c = columns.firstIndex(of: name),
              let fields = try? CSVScanner.fields(of: lines[index]), c < fields.count else { return (row + 2, 1) }
        return (lines[index].number, fields[c].column)
    }
}
