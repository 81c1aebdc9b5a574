import Testing
@testable import Figures

/// Ids and references found with regular expressions, independently of the production scanner.
private struct IDScan {
    var ids: [String] = []
    var references: [String] = []
    /// Every id-like name in document order, whether defined or referenced.
    var appearanceOrder: [String] = []

    init(_ svg: String) {
        let pattern = #/\sid="(?<id>[^"]*)"|href="#(?<href>[^"]*)"|url\(#(?<url>[^)]*)\)/#
        for match in svg.matches(of: pattern) {
            if let id = match.output.id {
                ids.append(String(id))
                appearanceOrder.append(String(id))
            } else if let name = match.output.href ?? match.output.url {
                references.append(String(name))
                appearanceOrder.append(String(name))
            }
        }
    }
}

/// A figure is shown only as an `<img>`, its own document, so its ids are short names unique
/// within the file (`SVGCompaction`): `a0`, `a1`, … whatever the canvas's prefix.
@Test func svgIDsAreShortNamesWhateverThePrefix() throws {
    let scan = IDScan(try SampleFigures.diagram(prefix: "loss").svgString())
    #expect(!scan.ids.isEmpty)
    #expect(scan.ids.allSatisfy { $0.first == "a" && $0.dropFirst().allSatisfy { $0.isNumber || ("a"..."z").contains($0) } })
}

@Test func everyReferenceResolvesToAnIDInTheSameDocument() throws {
    let scan = IDScan(try SampleFigures.diagram().svgString())
    #expect(!scan.references.isEmpty)
    #expect(Set(scan.references).isSubset(of: scan.ids))
}

@Test func idsAreUniqueWithinADocument() throws {
    let scan = IDScan(try SampleFigures.textHeavy().svgString())
    #expect(Set(scan.ids).count == scan.ids.count)
}

@Test func idsAreNumberedInOrderOfFirstAppearance() throws {
    let scan = IDScan(try SampleFigures.diagram(prefix: "d").svgString())
    var firstAppearances: [String] = []
    for name in scan.appearanceOrder where !firstAppearances.contains(name) { firstAppearances.append(name) }
    #expect(firstAppearances == (0..<firstAppearances.count).map { "a" + String($0, radix: 36) })
}

@Test func idPrefixIsSanitisedToAValidXMLNameStart() throws {
    func prefix(_ raw: String) throws -> String { try Canvas(size: Size(width: 1, height: 1), idPrefix: raw).idPrefix }
    #expect(try prefix("loss curve/1") == "loss_curve_1")
    #expect(try prefix("1st-figure") == "f1st-figure")
    #expect(try prefix("") == "figure")
    #expect(try prefix("反向\"><x") == "_____x")
}

@Test func svgContainsNoFilePathsOrTimestamps() throws {
    let svg = try SampleFigures.diagram().svgString()
    for forbidden in ["file:", "/tmp", "/work", "/home", "/usr"] {
        #expect(!svg.contains(forbidden), "found \(forbidden)")
    }
    #expect(svg.firstMatch(of: #/\d{4}-\d{2}-\d{2}/#) == nil)
}

@Test func rewriterLeavesCharacterDataCommentsAndCDATAUntouched() throws {
    let input = ##"<svg><!-- id="a" url(#a) --><text>id="b" href="#b" url(#b)</text><![CDATA[ url(#c) ]]><g id="c"/></svg>"##
    let output = try SVGIDRewriter.rewrite(Array(input.utf8), prefix: "p")
    let expected = ##"<svg><!-- id="a" url(#a) --><text>id="b" href="#b" url(#b)</text><![CDATA[ url(#c) ]]><g id="p-1"/></svg>"##
    #expect(String(decoding: output, as: UTF8.self) == expected)
}

@Test func rewriterRenamesIDsHrefsAndURLsInAnyQuotingConsistently() throws {
    let input = ##"<use xlink:href="#s9" href='#s9'/><path style="fill:url(#lin2);stroke:url(#s9)" mask="url(#m)"/><g id='lin2'><x id="s9" data-id="s9"/></g>"##
    let output = try SVGIDRewriter.rewrite(Array(input.utf8), prefix: "q")
    let expected = ##"<use xlink:href="#q-1" href='#q-1'/><path style="fill:url(#q-2);stroke:url(#q-1)" mask="url(#q-3)"/><g id='q-2'><x id="q-1" data-id="s9"/></g>"##
    #expect(String(decoding: output, as: UTF8.self) == expected)
}

@Test func rewriterRejectsAnUnterminatedTag() {
    #expect(throws: FigureError.self) {
        try SVGIDRewriter.rewrite(Array(##"<svg><g id="a""##.utf8), prefix: "p")
    }
}

/// Every id form seen in real Cairo 1.16 output (gradients, masks, the fixed `alpha` filter,
/// groups), trimmed from a probe that used paint_with_alpha and gradients.
@Test func rewriterHandlesEveryIDFormCairoEmits() throws {
    let input = """
    <defs>
    <g><symbol overflow="visible" id="glyph0-0"><path d="M 0 0 Z"/></symbol></g>
    <clipPath id="clip1"><path d="M 10 10 Z"/></clipPath>
    <linearGradient id="linear0" x1="0"><stop offset="0"/></linearGradient>
    <radialGradient id="radial0" cx="50"><stop offset="0"/></radialGradient>
    <filter id="alpha" filterUnits="objectBoundingBox"><feColorMatrix type="matrix"/></filter>
    <mask id="mask0"><g filter="url(#alpha)"><rect x="0"/></g></mask>
    <g id="surface18" clip-path="url(#clip1)"><rect style="fill:url(#radial0);stroke:none;"/></g>
    </defs>
    <g id="surface14">
    <rect style="fill:url(#linear0);stroke:none;"/>
    <use xlink:href="#glyph0-0" x="10" y="81.1"/>
    <use xlink:href="#surface18" mask="url(#mask0)"/>
    </g>
    """
    let expected = """
    <defs>
    <g><symbol overflow="visible" id="f-1"><path d="M 0 0 Z"/></symbol></g>
    <clipPath id="f-2"><path d="M 10 10 Z"/></clipPath>
    <linearGradient id="f-3" x1="0"><stop offset="0"/></linearGradient>
    <radialGradient id="f-4" cx="50"><stop offset="0"/></radialGradient>
    <filter id="f-5" filterUnits="objectBoundingBox"><feColorMatrix type="matrix"/></filter>
    <mask id="f-6"><g filter="url(#f-5)"><rect x="0"/></g></mask>
    <g id="f-7" clip-path="url(#f-2)"><rect style="fill:url(#f-4);stroke:none;"/></g>
    </defs>
    <g id="f-8">
    <rect style="fill:url(#f-3);stroke:none;"/>
    <use xlink:href="#f-1" x="10" y="81.1"/>
    <use xlink:href="#f-7" mask="url(#f-6)"/>
    </g>
    """
    let output = try SVGIDRewriter.rewrite(Array(input.utf8), prefix: "f")
    #expect(String(decoding: output, as: UTF8.self) == expected)
}
