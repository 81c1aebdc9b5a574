import Foundation
import Testing
@testable import Figures
@testable import LessonsKit

/// Every drawing of every graph and model diagram the shipped course writes (the wide and the
/// narrow one), read back from the pages: no card on a card, no label on a card or a label,
/// nothing outside the drawing.
@Suite struct DiagramGeometryTests {
    /// The drawings of a page, from its HTML: each `.diagram` box with its cards and label boxes.
    static func drawings(inPage html: String) -> [(kind: String, layout: LayeredLayout)] {
        var found: [(kind: String, layout: LayeredLayout)] = []
        let parts = html.components(separatedBy: "<div class=\"diagram ").dropFirst()
        for part in parts {
            let kind = String(part.prefix { $0 != "\"" })
            let body = part.components(separatedBy: "</svg>")
            guard body.count > 1, let size = numbers(after: "style=\"width: ", in: String(part), count: 2) else { continue }
            let labels = body[0].components(separatedBy: "<rect x=\"").dropFirst().compactMap { rect -> Rect? in
                let values = rect.components(separatedBy: "\"").enumerated().filter { $0.offset % 2 == 0 }.prefix(4).compactMap { Double($0.element) }
                return values.count == 4 ? Rect(x: values[0], y: values[1], width: values[2], height: values[3]) : nil
            }
            let cards = body[1].components(separatedBy: "<div class=\"node ").dropFirst().compactMap { card -> Rect? in
                    guard let v = numbers(after: "style=\"left: ", in: card, count: 4) else { return nil }
                    return Rect(x: v[0], y: v[1], width: v[2], height: v[3])
                }
            found.append((kind, LayeredLayout(nodeFrames: cards, edgeRoutes: cards.map { _ in [] }, labelFrames: labels,
                                              size: Size(width: size[0], height: size[1]))))
        }
        return found
    }

    /// The first `count` numbers after `marker` (as in `left: 1px; top: 2px; ...`).
    private static func numbers(after marker: String, in text: String, count: Int) -> [Double]? {
        guard let start = text.range(of: marker) else { return nil }
        var values: [Double] = []
        var current = ""
        for c in text[start.upperBound...] {
            if c.isNumber || c == "." || c == "-" { current.append(c); continue }
            if !current.isEmpty, let v = Double(current) { values.append(v) }
            current = ""
            if values.count == count || c == "\"" { break }
        }
        return values.count == count ? values : nil
    }

    @Test func noDrawingOfTheCourseHasAnOverlap() throws {
        let course = try SharedCourse.get()
        var drawings = 0, narrow = 0
        for (path, data) in Workspace.tree(at: course.output) where path.hasSuffix("index.html") {
            for (kind, layout) in Self.drawings(inPage: String(decoding: data, as: UTF8.self)) {
                drawings += 1
                if kind == "narrow" { narrow += 1 }
                #expect(!layout.nodeFrames.isEmpty, "\(path): a \(kind) drawing without cards")
                #expect(layout.overlaps().isEmpty, "\(path), \(kind) drawing: \(layout.overlaps().prefix(5))")
            }
        }
        #expect(drawings >= 60 && narrow >= 20, "\(drawings) drawings, \(narrow) narrow")
    }

    @Test func theReaderFindsCardsAndLabels() {
        let html = "<div class=\"diagram wide\" data-width=\"100\" style=\"width: 100px; height: 50px\">\n<img src=\"a.svg\">\n"
            + "<svg class=\"edges\"><mask id=\"m\"><rect width=\"100\" height=\"50\" fill=\"white\"/>"
            + "<rect x=\"40\" y=\"5\" width=\"20\" height=\"10\" fill=\"black\"/></mask></svg>\n"
            + "<div class=\"node input\" data-node=\"0\" style=\"left: 0px; top: 0px; width: 30px; height: 20px\"></div>\n"
            + "<div class=\"node output\" data-node=\"1\" style=\"left: 20px; top: 10px; width: 30px; height: 20px\"></div>\n</div>\n"
        let found = Self.drawings(inPage: html)
        #expect(found.count == 1 && found.first?.kind == "wide")
        #expect(found.first?.layout.nodeFrames.count == 2 && found.first?.layout.labelFrames.count == 1)
        #expect(found.first?.layout.overlaps().map(\.kind).contains(.cardCard) == true)
    }
}
