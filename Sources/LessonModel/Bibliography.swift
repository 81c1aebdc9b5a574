/// The course's works, from `lessons/bibliography.yml`: what `[@key]` in any lesson of any
/// edition cites. Each entry's fields may have a variant per language (`title_zh`), used on
/// pages of that language.
public struct Bibliography: Sendable, Equatable {
    /// The fields an entry may have.
    public enum Field: String, CaseIterable, Sendable {
        case author, title, `in`, publisher, year, url, note
    }

    public struct Entry: Sendable, Equatable {
        public var key: String
        /// Field values by name as written: `title`, `title_zh`.
        public var fields: [String: String]
        /// The line of the key in the bibliography file.
        public var line: Int

        public init(key: String, fields: [String: String], line: Int) {
            self.key = key
            self.fields = fields
            self.line = line
        }

        /// The field for a page in `lang` (`zh-CN` reads `title_zh` first), else the plain field.
        public func value(_ field: Field, lang: String?) -> String? {
            if let edition = lang?.split(separator: "-").first?.lowercased(),
               let variant = fields["\(field.rawValue)_\(edition)"] {
                return variant
            }
            return fields[field.rawValue]
        }
    }

    /// The file's name in the lessons folder.
    public static let fileName = "bibliography.yml"

    public var entries: [String: Entry] = [:]
    /// The keys in file order (for suggestions that do not depend on hashing).
    public var keys: [String] = []

    public init() {}

    public subscript(key: String) -> Entry? { entries[key] }
}
