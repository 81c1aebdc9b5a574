/// Reads `bibliography.yml`: a two-level subset of YAML, a mapping of citation keys to mappings
/// of fields to one-line scalars (plain, 'single' or "double" quoted), with `#` comments.
/// Our own parser rather than Yams (which the front matter uses): a general YAML reader accepts
/// far more than a bibliography should (anchors, flow and block scalars, duplicate keys) and
/// cannot say, line by line, what was expected. Every line it does not understand is an error
/// at its line and column; nothing here traps.
public enum BibliographyParser {
    public static func parse(_ text: String, into diagnostics: inout Diagnostics) -> Bibliography {
        var bibliography = Bibliography()
        var current: (entry: Bibliography.Entry, indent: Int?, valid: Bool)?
        func finish() {
            guard let done = current else { return }
            current = nil
            guard done.valid else { return }
            if done.entry.fields["title"] == nil {
                diagnostics.error(SourcePosition(line: done.entry.line, column: 1),
                                  "entry '\(done.entry.key)' has no title; expected a 'title:' line among its fields")
            }
            bibliography.entries[done.entry.key] = done.entry
            bibliography.keys.append(done.entry.key)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = Array(raw.unicodeScalars)
            let indent = line.prefix { $0 == " " }.count
            let rest = line[indent...]
            if rest.allSatisfy({ $0 == " " || $0 == "\t" }) || rest.first == "#" { continue }
            if index == 0 && String(raw).trimmingTrailingWhitespace == "---" { continue }  // a document start
            if rest.first == "\t" {
                diagnostics.error(SourcePosition(line: number, column: indent + 1),
                                  "a tab in the indentation; YAML indents with spaces only")
                continue
            }
            guard let field = keyAndValue(rest, line: number, into: &diagnostics) else {
                if indent == 0 { finish() }
                continue
            }
            if indent == 0 {
                finish()
                if field.value != nil {
                    diagnostics.error(field.valuePosition,
                                      "expected nothing after '\(field.key):' at the start of an entry; its fields go on the lines below, indented")
                }
                if !CitationMarker.isKey(Substring(field.key)) {
                    diagnostics.error(SourcePosition(line: number, column: 1),
                                      "'\(field.key)' cannot be a citation key; expected letters, digits and '_', with '-', ':', '.' or '/' inside (like 'goodfellow2016')")
                    current = (Bibliography.Entry(key: field.key, fields: [:], line: number), nil, false)
                } else if let earlier = bibliography.entries[field.key] {
                    diagnostics.error(SourcePosition(line: number, column: 1),
                                      "'\(field.key)' is already an entry (line \(earlier.line)); every key must be unique")
                    current = (Bibliography.Entry(key: field.key, fields: [:], line: number), nil, false)
                } else {
                    current = (Bibliography.Entry(key: field.key, fields: [:], line: number), nil, true)
                }
                continue
            }
            guard var entry = current else {
                diagnostics.error(SourcePosition(line: number, column: indent + 1),
                                  "expected a citation key at the start of the line, like 'goodfellow2016:'")
                continue
            }
            let expectedIndent = entry.indent ?? indent
            entry.indent = expectedIndent
            defer { current = entry }
            guard indent == expectedIndent else {
                diagnostics.error(SourcePosition(line: number, column: indent + 1),
                                  "expected this field indented like the first field of '\(entry.entry.key)' (\(expectedIndent) spaces)")
                continue
            }
            guard checkFieldName(field.key, line: number, column: indent + 1, into: &diagnostics) else { continue }
            if entry.entry.fields[field.key] != nil {
                diagnostics.error(SourcePosition(line: number, column: indent + 1),
                                  "'\(field.key)' is given twice in '\(entry.entry.key)'; expected each field once")
                continue
            }
            guard let value = field.value else {
                diagnostics.error(field.valuePosition, "expected a value after '\(field.key):' on the same line")
                continue
            }
            if field.key.hasPrefix("url"), !(value.hasPrefix("https://") || value.hasPrefix("http://")) {
                diagnostics.error(field.valuePosition, "expected a web address starting with 'https://' or 'http://' for '\(field.key)'")
                continue
            }
            entry.entry.fields[field.key] = value
        }
        finish()
        return bibliography
    }

    /// `author`, `title_zh`: a field we know, optionally `_` and a language's primary subtag.
    private static func checkFieldName(_ name: String, line: Int, column: Int, into diagnostics: inout Diagnostics) -> Bool {
        let parts = name.split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
        let base = String(parts[0])
        let known = Bibliography.Field.allCases.map(\.rawValue)
        guard known.contains(base) else {
            let hint = Suggestions.closest(to: base, among: known).map { "; did you mean '\($0)'?" } ?? ""
            diagnostics.error(SourcePosition(line: line, column: column),
                              "unknown field '\(name)'; expected one of \(known.joined(separator: ", ")), optionally with '_' and a language (like 'title_zh')\(hint)")
            return false
        }
        if parts.count == 2 {
            let lang = parts[1]
            guard (2...3).contains(lang.count), lang.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else {
                diagnostics.error(SourcePosition(line: line, column: column + base.count + 1),
                                  "'\(lang)' in '\(name)' is not a language; expected a primary language subtag in lower case, like 'zh' or 'de'")
                return false
            }
        }
        return true
    }

    private struct KeyValue {
        var key: String
        var value: String?
        var valuePosition: SourcePosition
    }

    /// `key: value` (the value may be absent); nil, with an error, for anything else. The
    /// slice's indices are 0-based columns of the line.
    private static func keyAndValue(_ text: ArraySlice<Unicode.Scalar>, line: Int,
                                    into diagnostics: inout Diagnostics) -> KeyValue? {
        let start = text.startIndex
        if text.first == "-", text.dropFirst().first.map({ $0 == " " }) ?? true {
            diagnostics.error(SourcePosition(line: line, column: start + 1),
                              "lists are not supported; expected 'field: value' (several authors go on one line, like 'author: A, B and C')")
            return nil
        }
        // YAML ends a key at ': ' or at a ':' that ends the line; a key may hold ':' otherwise.
        guard let colon = text.indices.first(where: { i in
            text[i] == ":" && (i + 1 == text.endIndex || text[i + 1] == " " || text[i + 1] == "\t")
        }) else {
            diagnostics.error(SourcePosition(line: line, column: start + 1),
                              "expected 'key: value' (a name, ':' and a space), found no ':'; a value must stay on its key's line (quote it if it is long)")
            return nil
        }
        let key = String(String.UnicodeScalarView(text[start..<colon]))
        guard !key.isEmpty, text[start..<colon].allSatisfy({ CitationMarker.isKeyAlphanumeric($0) || "-:./".unicodeScalars.contains($0) }) else {
            diagnostics.error(SourcePosition(line: line, column: start + 1),
                              "expected a name of letters, digits, '_', '-', ':', '.' or '/' before ':', found '\(key)'")
            return nil
        }
        let valueStart = text[(colon + 1)...].firstIndex { $0 != " " && $0 != "\t" } ?? text.endIndex
        let position = SourcePosition(line: line, column: valueStart + 1)
        if valueStart == text.endIndex || text[valueStart] == "#" {
            return KeyValue(key: key, value: nil, valuePosition: position)
        }
        switch ScalarValue.parse(text[valueStart...]) {
        case .success(let value): return KeyValue(key: key, value: value, valuePosition: position)
        case .failure(let problem):
            diagnostics.error(SourcePosition(line: line, column: problem.column + 1), problem.message)
            return nil
        }
    }
}
