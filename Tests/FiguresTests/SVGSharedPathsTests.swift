import Testing
@testable import Figures

/// A card's outline, which Cairo paints three times (fill, clipped header, border).
private let card = "m352 16c3.3 0 6 2.7 6 6v188c0 3.3-2.7 6-6 6h-330c-3.3 0-6-2.7-6-6v-188c0-3.3 2.7-6 6-6z"

/// Repeated outlines are defined once and drawn with `<use>`, each keeping its own class; clip
/// paths, short paths and outlines drawn once stay as they were (a browser check of the course's
/// figures, light and dark, found the drawings pixel-identical).
@Test func repeatedOutlinesAreDefinedOnceAndUsedWithTheirClasses() {
    let document = """
        <svg class="g-a" width="10px" height="10px">
        <defs>
        <clipPath id="a1e">
        <path d="\(card)"/>
        </clipPath>
        </defs>
        <path class="s3" d="\(card)"/>
        <g clip-path="url(#a1e)" clip-rule="nonzero">
        <path class="s4" d="\(card)"/>
        </g>
        <path class="s5" d="\(card)"/>
        <path class="s1" d="m358 116l130.6 133"/>
        <path class="s1" d="m358 116l130.6 133"/>
        <path class="s2" d="m1 2c3.3 0 6 2.7 6 6v188c0 3.3-2.7 6-6 6h-330c-3.3 0-6-2.7-6-6v-1z"/>
        </svg>
        """
    let out = String(decoding: SVGSharedPaths.apply(Array(document.utf8), scope: "g-a"), as: UTF8.self)
    #expect(out == """
        <svg class="g-a" width="10px" height="10px">
        <defs>
        <path id="g-a-p0" d="\(card)"/>
        </defs>
        <defs>
        <clipPath id="a1e">
        <path d="\(card)"/>
        </clipPath>
        </defs>
        <use href="#g-a-p0" class="s3"/>
        <g clip-path="url(#a1e)" clip-rule="nonzero">
        <use href="#g-a-p0" class="s4"/>
        </g>
        <use href="#g-a-p0" class="s5"/>
        <path class="s1" d="m358 116l130.6 133"/>
        <path class="s1" d="m358 116l130.6 133"/>
        <path class="s2" d="m1 2c3.3 0 6 2.7 6 6v188c0 3.3-2.7 6-6 6h-330c-3.3 0-6-2.7-6-6v-1z"/>
        </svg>
        """)
    #expect(SVGSharedPaths.apply(Array("<svg>\n<path class=\"s1\" d=\"\(card)\"/>\n</svg>".utf8), scope: "g")
            == Array("<svg>\n<path class=\"s1\" d=\"\(card)\"/>\n</svg>".utf8))
}
