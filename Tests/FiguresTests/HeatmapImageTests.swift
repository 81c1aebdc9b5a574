import Foundation
import Testing
@testable import Figures

/// The base64 PNGs of a document's `<image>` elements, in order.
private func embeddedImages(_ svg: String) throws -> [[UInt8]] {
    try svg.components(separatedBy: "data:image/png;base64,").dropFirst().map { rest in
        try #require(Data(base64Encoded: String(rest.prefix { $0 != "\"" })).map(Array.init))
    }
}

private func argb(_ c: Color) -> UInt32 {
    func b(_ v: Double) -> UInt32 { UInt32((v * 255).rounded()) }
    return 0xFF00_0000 | b(c.red) << 16 | b(c.green) << 8 | b(c.blue)
}

@Test func aPaletteImageDecodesToItsColoursTopRowFirst() throws {
    let palette = [Color(red: 1, green: 0, blue: 0), Color(red: 0, green: 0.5, blue: 1), Color(red: 0.2, green: 0.4, blue: 0.6)]
    let png = try PNGEncoder.encodeIndexed(width: 3, height: 2, indices: [0, 1, 2, 2, 1, 0], palette: palette)
    let decoded = try PNGPixels(png)
    #expect(decoded.width == 3 && decoded.height == 2)
    #expect(decoded.pixels == [0, 1, 2, 2, 1, 0].map { argb(palette[$0]) })
}

@Test func aBadPaletteImageIsAnErrorNotATrap() {
    #expect(throws: FigureError.self) { try PNGEncoder.encodeIndexed(width: 2, height: 1, indices: [0, 3], palette: [Color(red: 0, green: 0, blue: 0)]) }
    #expect(throws: FigureError.self) { try PNGEncoder.encodeIndexed(width: 2, height: 2, indices: [0], palette: [Color(red: 0, green: 0, blue: 0)]) }
    #expect(throws: FigureError.self) { try PNGEncoder.encodeIndexed(width: 0, height: 1, indices: [], palette: [Color(red: 0, green: 0, blue: 0)]) }
}

@Test func anSVGBoundaryChartCarriesItsHeatmapAsOneImagePerColourScheme() throws {
    let chart = try ChartSamples.moonsChart()
    let light = try chart.render(theme: .light, format: .svg, idPrefix: "moons")
    let dark = try chart.render(theme: .dark, format: .svg, idPrefix: "moons")
    let text = String(decoding: light, as: UTF8.self)
    #expect(!text.contains("6.25%"))  // the placeholder is gone
    #expect(text.contains("style=\"opacity:1\" xlink:href=\"data:image/png") && text.contains("style=\"opacity:0\" xlink:href=\"data:image/png"))
    #expect(text.components(separatedBy: "<image ").count == 3)
    // The same images in both drawings, so one file serves both schemes.
    #expect(try embeddedImages(text) == embeddedImages(String(decoding: dark, as: UTF8.self)))
    let combined = String(decoding: try #require(ThemedSVG.combine(light: light, dark: dark, scope: "moons")), as: UTF8.self)
    #expect(combined.contains("style=\"opacity:var(--c"))
    // One pixel per grid cell, the top row first, in each scheme's colours.
    let images = try embeddedImages(text)
    let grid = chart.grid
    for (image, theme) in zip(images, [ChartTheme.light, .dark]) {
        let pixels = try PNGPixels(image)
        #expect(pixels.width == grid.columns && pixels.height == grid.rows)
        let (cells, colors) = Heatmap.quantize(grid, levels: HeatmapImage.levels(grid), theme: theme)
        let topLeft = cells[(grid.rows - 1) * grid.columns], bottomRight = cells[grid.columns - 1]
        #expect(pixels.pixels.first == colors[topLeft].map(argb))
        #expect(pixels.pixels.last == colors[bottomRight].map(argb))
    }
}

@Test func consecutivePathsOfOneStyleShareAGroup() {
    let style = "fill-rule:nonzero;fill:rgb(0%,0%,0%);fill-opacity:1;"
    let path = { (d: String) in "<path style=\"\(style)\" d=\"\(d)\"/>" }
    let three = [path("m1 1h1"), path("m2 2h1"), path("m3 3h1")].joined(separator: "\n")
    #expect(String(decoding: SVGStyleRuns.group(Array(three.utf8)), as: UTF8.self)
            == "<g style=\"\(style)\">\n<path d=\"m1 1h1\"/>\n<path d=\"m2 2h1\"/>\n<path d=\"m3 3h1\"/>\n</g>")
    // Two are not worth a group; another attribute or a property that is not inherited keeps the path whole.
    let unchanged = [
        [path("m1 1h1"), path("m2 2h1")].joined(separator: "\n"),
        Array(repeating: "<path style=\"fill:red;opacity:0.5;\" d=\"m1 1h1\"/>", count: 3).joined(separator: "\n"),
        Array(repeating: "<path style=\"\(style)\" d=\"m1 1h1\" transform=\"scale(2)\"/>", count: 3).joined(separator: "\n"),
    ]
    for svg in unchanged { #expect(String(decoding: SVGStyleRuns.group(Array(svg.utf8)), as: UTF8.self) == svg) }
}
