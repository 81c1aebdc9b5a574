/// A citation in prose: `[@goodfellow2016]`, `[@olah2015; @nielsen2015]`,
/// `[@goodfellow2016, section 6.5]`. The page shows it as numbered links to the lesson's
/// references section; the keys are looked up in the course's `bibliography.yml`.
public struct Citation: Sendable, Equatable {
    /// One cited work: its key and what part of it (`section 6.5`), if said.
    public struct Item: Sendable, Equatable {
        public var key: String
        public var locator: String?
        /// Where the `@` of this key is.
        public var position: SourcePosition

        public init(key: String, locator: String? = nil, position: SourcePosition) {
            self.key = key
            self.locator = locator
            self.position = position
        }
    }

    public var items: [Item]
    /// The citation as written, brackets included.
    public var source: String
    /// Where the opening `[` is.
    public var position: SourcePosition
}

/// Private-use scalars of the Basic Multilingual Plane that stand for citations in what cmark
/// parses: planes 15 and 16 are taken by formulas and quoted results. A citation needs one
/// marker, so a block of 6,144 after the filler (U+E001) is far more than a lesson cites.
enum CitationMarker {
    static let first: UInt32 = 0xE100
    static let max = 0x1800

    static func marker(_ index: Int) -> Unicode.Scalar {
        Unicode.Scalar(first + UInt32(index)) ?? Placeholder.filler  // the caller keeps index < max
    }

    static func index(of scalar: Unicode.Scalar) -> Int? {
        let v = scalar.value
        return v >= first && v < first + UInt32(max) ? Int(v - first) : nil
    }

    /// A citation key: a letter, digit or `_`, then letters, digits and `_ - : . /`, never ending
    /// in punctuation (so `[@a.]` or a sentence's full stop is not part of the key). Pandoc's rule, in ASCII.
    public static func isKey(_ key: Substring) -> Bool {
        guard let first = key.unicodeScalars.first, let last = key.unicodeScalars.last,
              isKeyAlphanumeric(first), isKeyAlphanumeric(last) else { return false }
        return key.unicodeScalars.allSatisfy { isKeyAlphanumeric($0) || "-:./".unicodeScalars.contains($0) }
    }

    static func isKeyAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        s == "_" || (s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s)))
    }

    /// What a malformed citation lacks.
    struct Expected: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// Parses the scalars between `[` and `]` (starting with `@`): items separated by `;`, each
    /// `@key` with an optional `, locator`. `column` is the 0-based column of the first scalar,
    /// for the items' positions. Returns the items, or what was expected.
    static func parse(_ inner: [Unicode.Scalar], line: Int, column: Int) -> Result<[Citation.Item], Expected> {
        var items: [Citation.Item] = []
        var start = 0
        while start <= inner.count {
            let end = inner[start...].firstIndex(of: ";") ?? inner.count
            let part = inner[start..<end]
            let leading = part.prefix { $0 == " " || $0 == "\t" }.count
            let body = part.dropFirst(leading)
            guard body.first == "@" else {
                return .failure(Expected(items.isEmpty ? "expected '@' and a key" : "expected '@' and a key after ';'"))
            }
            let keyScalars = body.dropFirst().prefix { isKeyAlphanumeric($0) || "-:./".unicodeScalars.contains($0) }
            var key = String(String.UnicodeScalarView(keyScalars))
            // Trailing punctuation belongs to the text, not the key.
            while let last = key.unicodeScalars.last, !isKeyAlphanumeric(last) { key.unicodeScalars.removeLast() }
            guard !key.isEmpty, isKey(Substring(key)) else { return .failure(Expected("expected a key after '@'")) }
            let rest = body.dropFirst(1 + key.unicodeScalars.count)
            let afterKey = rest.drop { $0 == " " || $0 == "\t" }
            var locator: String?
            if let comma = afterKey.first {
                guard comma == "," else { return .failure(Expected("expected ',' and a locator, ';' and another key, or ']' after '@\(key)'")) }
                let text = String(String.UnicodeScalarView(afterKey.dropFirst())).trimmingWhitespace
                guard !text.isEmpty else { return .failure(Expected("expected a locator after '@\(key),' (like 'section 6.5')")) }
                locator = text
            }
            let at = SourcePosition(line: line, column: column + start + leading + 1)
            items.append(Citation.Item(key: key, locator: locator, position: at))
            start = end + 1
        }
        return .success(items)
    }
}
