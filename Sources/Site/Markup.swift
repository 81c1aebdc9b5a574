/// HTML that is safe to put on a page by construction: text gets in only escaped, through
/// `\(text:)` or `\(attribute:)` in a `Markup` literal; markup our own code made (MathML, SVG,
/// highlighted code, phrases written with tags) gets in only through `Markup(raw:)`, which
/// says so where it happens. String literals are markup written in this source.
package struct Markup: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The HTML text.
    package private(set) var html: String

    /// Trusted markup, used as is: only for fragments our own code produced.
    package init(raw html: String) { self.html = html }

    /// Markup written as a literal in this source.
    package init(stringLiteral value: String) { html = value }

    /// A literal with escaped text and markup interpolated.
    package init(stringInterpolation: StringInterpolation) { html = stringInterpolation.html }

    package var description: String { html }

    package static func + (a: Markup, b: Markup) -> Markup { Markup(raw: a.html + b.html) }
    package static func += (a: inout Markup, b: Markup) { a.html += b.html }

    /// What a `Markup` literal may interpolate: markup, text (escaped for its place) and integers.
    package struct StringInterpolation: StringInterpolationProtocol {
        var html = ""

        package init(literalCapacity: Int, interpolationCount: Int) {
            html.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        package mutating func appendLiteral(_ literal: String) { html += literal }

        /// Markup, as is.
        package mutating func appendInterpolation(_ markup: Markup) { html += markup.html }

        /// Text in element content, escaped.
        package mutating func appendInterpolation(text: String) { html += HTML.text(text) }

        /// Text in a double-quoted attribute value, escaped.
        package mutating func appendInterpolation(attribute: String) { html += HTML.attribute(attribute) }

        /// A whole number (nothing to escape).
        package mutating func appendInterpolation(_ number: Int) { html += String(number) }
    }
}

extension Sequence where Element == Markup {
    /// The fragments one after another, with `separator` between them.
    package func joined(separator: Markup = "") -> Markup {
        Markup(raw: map(\.html).joined(separator: separator.html))
    }
}
