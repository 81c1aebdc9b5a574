import LessonModel
import Autodiff

/// A problem in CSV data: where (1-based line, and column counted in characters) and what.
package struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Line in the CSV text; nil when the problem is in the selection (an unknown column
    /// name), which the caller locates in the lesson.
    package let line: Int?
    /// Column in the line, in Unicode scalars; nil as for `line`.
    package let column: Int?
    /// A readable sentence, e.g. "'abc' in column 'x2' is not a number".
    package let message: String
    /// An error at a position in the CSV text (or at none).
    package init(_ line: Int?, _ column: Int?, _ message: String) {
        (self.line, self.column, self.message) = (line, column, message)
    }
    /// "3:7: message", or just the message when there is no position.
    package var description: String {
        guard let line, let column else { return message }
        return "\(line):\(column): \(message)"
    }
}

/// A table of numbers with named columns, read from CSV text: a header row of names, then
/// one row of comma-separated numbers per line. Names may be quoted ("petal length"), blanks
/// around fields are ignored, and blank lines may follow the last row. Pure: it takes the
/// text; the caller reads the file and maps positions into the lesson.
package struct CSVTable: Sendable, Equatable {
    /// The most numbers a table may hold (rows × columns): enough for any lesson, and small
    /// enough that training on it at build time stays quick.
    package static let maxCells = 1_000_000

    /// Column names from the header, in order.
    package let columns: [String]
    /// Number of data rows.
    package let rowCount: Int
    /// The numbers, row by row (rowCount × columns.count).
    package let values: [Double]
    /// The text parsed, to locate a problem found later in a cell (a class that is out of range).
    let text: String

    /// Parses CSV text; throws with the line and column of the first problem.
    package init(parsing text: String) throws(CSVError) {
        try self.init(parsing: text, maxCells: Self.maxCells)
    }

    /// `init(parsing:)` with another cell limit (tests use a small one).
    init(parsing text: String, maxCells: Int) throws(CSVError) {
        let lines = CSVScanner.lines(text)
        // Blank lines are fine after the last row, nowhere else.
        guard let last = lines.lastIndex(where: { !$0.isBlank }) else {
            throw CSVError(1, 1, "the CSV file is empty: it needs a header row naming the columns, then rows of numbers")
        }
        let used = lines[...last]
        guard let header = used.first, !header.isBlank else {
            throw CSVError(1, 1, "the first line is blank: it must name the columns, e.g. x1,x2,label")
        }
        let names = try CSVScanner.fields(of: header)
        try Self.checkHeader(names, line: header.number)
        guard used.count > 1 else {
            throw CSVError(header.number + 1, 1, "the CSV file has a header but no rows of numbers")
        }
        var values: [Double] = []
        for line in used.dropFirst() {
            guard values.count + names.count <= maxCells else {
                throw CSVError(line.number, 1, "the CSV file holds more than \(show(maxCells)) numbers (the limit); use fewer rows")
            }
            guard !line.isBlank else {
                throw CSVError(line.number, 1, "line \(line.number) is blank: blank lines may only come after the last row")
            }
            let cells = try CSVScanner.fields(of: line)
            guard cells.count == names.count else {
                let column = cells.count > names.count ? cells[names.count].column : CSVScanner.endColumn(of: line)
                throw CSVError(line.number, column, "line \(line.number) has \(show(cells.count)) values, but the header names \(show(names.count)) columns")
            }
            for (cell, name) in zip(cells, names) {
                guard !cell.text.isEmpty else {
                    throw CSVError(line.number, cell.column, "the cell in column '\(name.text)' is empty: every cell needs a number")
                }
                guard let x = CSVScanner.number(cell.text), x.isFinite else {
                    throw CSVError(line.number, cell.column, "'\(cell.text)' in column '\(name.text)' is not a number")
                }
                values.append(x)
            }
        }
        columns = names.map(\.text)
        rowCount = used.count - 1
        self.values = values
        self.text = text
    }

    /// Names must be there, distinct, and not all numbers (which means the header is missing).
    private static func checkHeader(_ names: [CSVScanner.Field], line: Int) throws(CSVError) {
        if names.allSatisfy({ !$0.quoted && CSVScanner.number($0.text) != nil }) {
            throw CSVError(line, 1, "the first line holds numbers, but it must name the columns, e.g. x1,x2,label")
        }
        var seen: Set<String> = []
        for (i, name) in names.enumerated() {
            guard !name.text.isEmpty else { throw CSVError(line, name.column, "column \(i + 1) has no name") }
            guard seen.insert(name.text).inserted else {
                throw CSVError(line, name.column, "the column name '\(name.text)' appears twice")
            }
        }
    }

    /// The numbers of one column, top to bottom; nil for an unknown name.
    package func column(named name: String) -> [Double]? {
        guard let c = columns.firstIndex(of: name) else { return nil }
        return (0..<rowCount).map { values[$0 * columns.count + c] }
    }

    /// A data set with X from the `features` columns (nil: every column that is not a target)
    /// and y from the `targets` columns, in the order given. Errors here have no position:
    /// they are about the selection, which the caller locates in the lesson.
    package func dataset(name: String, features: [String]?, targets: [String]) throws(CSVError) -> Dataset {
        guard !targets.isEmpty else { throw CSVError(nil, nil, "choose at least one column for y (the targets)") }
        let inputs = features ?? columns.filter { !targets.contains($0) }
        guard !inputs.isEmpty else {
            throw CSVError(nil, nil, features == nil ? "no columns are left for X: every column is a target"
                                                     : "choose at least one column for X (the inputs)")
        }
        let inputIndices = try indices(inputs), targetIndices = try indices(targets)
        if let both = inputs.first(where: targets.contains) {
            throw CSVError(nil, nil, "'\(both)' is chosen both as an input (X) and as a target (y)")
        }
        let x = gather(inputIndices), y = gather(targetIndices)
        do throws(ArgumentError) {
            return try Dataset(name: name,
                               description: "\(show(rowCount)) rows of \(name); X: \(Self.list(inputs)); y: \(Self.list(targets))",
                               X: try matrix(rowCount, inputIndices.count, x), y: try matrix(rowCount, targetIndices.count, y))
        } catch {
            throw CSVError(nil, nil, error.message)
        }
    }

    /// Column names for a description: all of a few, the ends of many.
    static func list(_ names: [String]) -> String {
        names.count <= 8 ? names.joined(separator: ", ")
            : "\(names[0]), \(names[1]), …, \(names[names.count - 1]) (\(show(names.count)) columns)"
    }

    /// Column positions of `names`; throws for an unknown name (with a did-you-mean) or a repeat.
    private func indices(_ names: [String]) throws(CSVError) -> [Int] {
        var result: [Int] = []
        for name in names {
            guard let index = columns.firstIndex(of: name) else {
                throw CSVError(nil, nil, "there is no column named '\(name)'."
                    + Suggestions.hint(for: name, among: columns) + " Columns: \(columns.joined(separator: ", ")).")
            }
            guard !result.contains(index) else { throw CSVError(nil, nil, "the column '\(name)' is chosen twice") }
            result.append(index)
        }
        return result
    }

    /// The given columns of every row, row-major.
    private func gather(_ indices: [Int]) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(rowCount * indices.count)
        for r in 0..<rowCount {
            for c in indices { out.append(values[r * columns.count + c]) }
        }
        return out
    }
}
