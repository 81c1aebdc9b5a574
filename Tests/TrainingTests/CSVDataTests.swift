import Autodiff
import Testing
@testable import Training

// CSV text to a table and to X/y; errors with exact 1-based line:column and message.

/// "line:column: message" of the CSVError thrown by parsing `text`, or nil.
private func parseError(_ text: String, maxCells: Int = CSVTable.maxCells) -> String? {
    do {
        _ = try CSVTable(parsing: text, maxCells: maxCells)
        return nil
    } catch {
        return error.description
    }
}

/// The message of the CSVError thrown by selecting columns, or nil.
private func selectionError(_ table: CSVTable, _ features: [String]?, _ targets: [String]) -> String? {
    do {
        _ = try table.dataset(name: "t.csv", features: features, targets: targets)
        return nil
    } catch {
        return error.description
    }
}

@Test("a header of names, rows of numbers: values row by row, columns by name")
func parsesNumbers() throws {
    let table = try CSVTable(parsing: "x1,x2,label\n0.5,-1,1\n2e-3, .25 ,0\n")
    #expect(table.columns == ["x1", "x2", "label"] && table.rowCount == 2)
    #expect(table.values == [0.5, -1, 1, 0.002, 0.25, 0])
    #expect(table.column(named: "x2") == [-1, 0.25] && table.column(named: "nope") == nil)
}

@Test("quoted names (with commas and doubled quotes), CRLF line ends, a BOM and trailing blank lines")
func parsesQuotesAndLineEnds() throws {
    let table = try CSVTable(parsing: "\u{FEFF}\"petal, length\",\"say \"\"hi\"\"\", y\r\n1,2,3\r\n4,5,6\r\n\r\n  \n")
    #expect(table.columns == ["petal, length", "say \"hi\"", "y"])
    #expect(table.values == [1, 2, 3, 4, 5, 6])
}

@Test("selecting columns gives X and y as matrices in the order asked for")
func selectsColumns() throws {
    let table = try CSVTable(parsing: "a,b,c,d\n1,2,3,4\n5,6,7,8\n")
    let data = try table.dataset(name: "t.csv", features: ["c", "a"], targets: ["d"])
    #expect(try data.X == Tensor(matrix: [[3, 1], [7, 5]]) && data.y == Tensor(matrix: [[4], [8]]))
    let rest = try table.dataset(name: "t.csv", features: nil, targets: ["b", "d"])
    #expect(try rest.X == Tensor(matrix: [[1, 3], [5, 7]]) && rest.y == Tensor(matrix: [[2, 4], [6, 8]]))
    #expect(rest.description == "2 rows of t.csv; X: a, c; y: b, d")
}

@Test("unknown and repeated columns are selection errors, with a did-you-mean")
func selectionErrors() throws {
    let table = try CSVTable(parsing: "x1,x2,label\n1,2,0\n")
    #expect(selectionError(table, nil, ["lable"]) == "there is no column named 'lable'. Did you mean 'label'? Columns: x1, x2, label.")
    #expect(selectionError(table, ["x3"], ["label"]) == "there is no column named 'x3'. Did you mean 'x1'? Columns: x1, x2, label.",
            "the same hint rule as everywhere else (LessonModel's Suggestions): one edit away keeps a character")
    #expect(selectionError(table, ["zz"], ["label"]) == "there is no column named 'zz'. Columns: x1, x2, label.")
    #expect(selectionError(table, ["x1", "x1"], ["label"]) == "the column 'x1' is chosen twice")
    #expect(selectionError(table, ["x1"], ["x1"]) == "'x1' is chosen both as an input (X) and as a target (y)")
    #expect(selectionError(table, nil, []) == "choose at least one column for y (the targets)")
    #expect(selectionError(table, nil, ["x1", "x2", "label"]) == "no columns are left for X: every column is a target")
}

@Test("a cell that is not a number is reported at its line and column")
func nonNumericCell() {
    #expect(parseError("x,y\n1,2\n3, abc\n") == "3:4: 'abc' in column 'y' is not a number")
    #expect(parseError("x,y\n1,nan\n") == "2:3: 'nan' in column 'y' is not a number")
    #expect(parseError("x,y\n1,1e999\n") == "2:3: '1e999' in column 'y' is not a number")
    #expect(parseError("x,y\n1,\n") == "2:3: the cell in column 'y' is empty: every cell needs a number")
}

@Test("columns count characters, not bytes: an error after é (2 bytes) is 1 column further")
func columnsCountCharacters() {
    #expect(parseError("\"é\",,y\n1,2,3\n") == "1:5: column 2 has no name", "é is 2 bytes but 1 column")
}

@Test("ragged rows: too many values point at the first extra one, too few at the line's end")
func raggedRows() {
    #expect(parseError("a,b\n1,2,3\n") == "2:5: line 2 has 3 values, but the header names 2 columns")
    #expect(parseError("a,b,c\n1,2,3\n4,5\n") == "3:4: line 3 has 2 values, but the header names 3 columns")
}

@Test("empty files, missing headers, missing rows and inner blank lines are errors")
func structureErrors() {
    #expect(parseError("") == "1:1: the CSV file is empty: it needs a header row naming the columns, then rows of numbers")
    #expect(parseError(" \n\n") == "1:1: the CSV file is empty: it needs a header row naming the columns, then rows of numbers")
    #expect(parseError("1,2\n3,4\n") == "1:1: the first line holds numbers, but it must name the columns, e.g. x1,x2,label")
    #expect(parseError("x,y\n") == "2:1: the CSV file has a header but no rows of numbers")
    #expect(parseError("x,y\n1,2\n\n3,4\n") == "3:1: line 3 is blank: blank lines may only come after the last row")
    #expect(parseError("\nx,y\n1,2\n") == "1:1: the first line is blank: it must name the columns, e.g. x1,x2,label")
}

@Test("header problems: a missing name, a repeated name, an unclosed quote")
func headerErrors() {
    #expect(parseError("x,,y\n1,2,3\n") == "1:3: column 2 has no name")
    #expect(parseError("x,y,x\n1,2,3\n") == "1:5: the column name 'x' appears twice")
    #expect(parseError("x,\"y\n1,2\n") == "1:3: this quote is not closed on its line")
    #expect(parseError("x,\"y\" z\n1,2\n") == "1:7: expected a comma after the closing quote")
}

@Test("more numbers than the limit is an error at the first row past it")
func cellLimit() {
    #expect(parseError("x,y\n1,2\n3,4\n5,6\n", maxCells: 4) == "4:1: the CSV file holds more than 4 numbers (the limit); use fewer rows")
    #expect(parseError("x,y\n1,2\n3,4\n", maxCells: 4) == nil)
    #expect(CSVTable.maxCells == 1_000_000)
}

@Test("classes: a label column becomes one-hot rows; a label that is no class is located in the file")
func classLabelsBecomeOneHot() throws {
    let table = try CSVTable(parsing: "p0,p1,label\n0,16,2\n8,8,0\n")
    let data = try table.dataset(name: "d.csv", features: nil, label: "label", classes: 3)
    #expect(data.X.scalars == [0, 16, 8, 8] && data.X.shape.dims == [2, 2])
    #expect(data.y.scalars == [0, 0, 1, 1, 0, 0] && data.y.shape.dims == [2, 3])
    for (text, expected) in [("p0,p1,label\n0,16,2\n8,8,  3\n", "3:7: '3' in column 'label' is not a class"),
                             ("p0,label,p1\n0,1.5,2\n", "2:3: '1.5' in column 'label' is not a class"),
                             ("p,label\r\n0,-1\r\n", "2:3: '")] {
        do {
            _ = try CSVTable(parsing: text).dataset(name: "d.csv", features: nil, label: "label", classes: 3)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }
}
