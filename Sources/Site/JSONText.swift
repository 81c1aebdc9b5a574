import LessonModel

/// JSON for data embedded in pages (`<script type="application/json">`): strings escaped so
/// that nothing inside can end the script element.
enum JSONText {
    static func string(_ s: String) -> String {
        JSONString.quoted(s, inScript: true)
    }

    /// `[["a","b"],["c"]]`
    static func lines(_ nested: [[String]]) -> String {
        "[" + nested.map { "[" + $0.map(string).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
    }
}
