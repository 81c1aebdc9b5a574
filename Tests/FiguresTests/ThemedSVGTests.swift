import Foundation
import Testing
@testable import Figures

/// A combined SVG resolved back to one scheme: the `<style>` and root class removed and every
/// `var(--cN)` replaced by the scheme's value. Written independently of `ThemedSVG`.
private func resolve(_ combined: String, dark: Bool) throws -> String {
    let style = try #require(combined.firstMatch(of: #/<style>(?<css>[^<]*)</style>\n/#))
    let css = String(style.output.css)
    let parts = css.components(separatedBy: "@media (prefers-color-scheme: dark)")
    try #require(parts.count == 2)
    var values: [String: String] = [:]
    for match in parts[dark ? 1 : 0].matches(of: #/--(?<name>c[0-9]+):(?<value>[^;]*);/#) {
        values[String(match.output.name)] = String(match.output.value)
    }
    // Repeated styles became classes (`.scope .s3{...}` after the colours): put them back inline.
    var classes: [String: String] = [:]
    for match in parts[1].matches(of: #/\.[^ {]+ \.(?<name>s[0-9]+)\{(?<value>[^}]*)\}/#) {
        classes[String(match.output.name)] = String(match.output.value)
    }
    var out = combined.replacingOccurrences(of: String(style.output.0), with: "")
    // Repeated outlines were defined once and drawn with `<use>` (SVGSharedPaths): write them out again.
    var shapes: [String: String] = [:]
    for match in out.matches(of: #/<path id="(?<id>[^"]+-p[0-9]+)" d="(?<d>[^"]*)"\/>\n/#) {
        shapes[String(match.output.id)] = String(match.output.d)
    }
    out = out.replacing(#/<defs>\n(?:<path id="[^"]+-p[0-9]+" d="[^"]*"\/>\n)+<\/defs>\n/#, maxReplacements: 1) { _ in "" }
    out = out.replacing(#/<use href="#(?<id>[^"]+-p[0-9]+)" class="(?<c>s[0-9]+)"\/>/#) { match in
        "<path class=\"\(match.output.c)\" d=\"\(shapes[String(match.output.id)] ?? "?")\"/>"
    }
    out = out.replacing(#/ class="[^"]*"/#, maxReplacements: 1) { _ in "" }
    out = out.replacing(#/ class="(?<name>s[0-9]+)"/#) { match in " style=\"\(classes[String(match.output.name)] ?? "?")\"" }
    for (name, value) in values { out = out.replacingOccurrences(of: "var(--\(name))", with: value) }
    return out
}

private func both(_ draw: (ChartTheme) throws -> [UInt8]) throws -> (light: [UInt8], dark: [UInt8]) {
    (try draw(.light), try draw(.dark))
}

private func charts() throws -> [(String, ChartTheme) throws -> [UInt8]] {
    let moons = try ChartSamples.moonsChart(), spiral = try ChartSamples.spiralChart()
    var compact = moons
    compact.size = Size(width: 300, height: 380)
    return [
        { try ChartSamples.xorChart().render(theme: $1, format: .svg, idPrefix: $0) },
        { try ChartSamples.optimizerChart().render(theme: $1, format: .svg, idPrefix: $0) },
        { try moons.render(theme: $1, format: .svg, idPrefix: $0) },
        { try compact.render(theme: $1, format: .svg, idPrefix: $0) },
        { try spiral.render(theme: $1, format: .svg, idPrefix: $0) },
        { try ChartSamples.xorNetwork().render(theme: $1, format: .svg, idPrefix: $0) },
    ]
}

@Test func oneSVGHoldsTheLightAndTheDarkDrawingExactly() throws {
    for (i, draw) in try charts().enumerated() {
        let prefix = "chart\(i)"
        let (light, dark) = try both { try draw(prefix, $0) }
        let combined = try #require(ThemedSVG.combine(light: light, dark: dark, scope: prefix), "chart \(i)")
        let text = String(decoding: combined, as: UTF8.self)
        #expect(text.contains("<svg class=\"\(prefix)\""))
        #expect(text.contains("@media (prefers-color-scheme: dark){.\(prefix){"))
        #expect(try resolve(text, dark: false) == String(decoding: light, as: UTF8.self), "chart \(i) in light")
        #expect(try resolve(text, dark: true) == String(decoding: dark, as: UTF8.self), "chart \(i) in dark")
        // Only paints differ, so the file is about one drawing, not two.
        #expect(combined.count < light.count + light.count / 10, "chart \(i): \(combined.count) vs \(light.count)")
    }
}

@Test func theGraphDiagramCombinesToo() throws {
    let diagram = colahDiagram()
    let layout = try diagram.layout()
    let light = try diagram.render(layout, theme: .light, format: .svg, idPrefix: "g-colah")
    let dark = try diagram.render(layout, theme: .dark, format: .svg, idPrefix: "g-colah")
    let combined = try #require(ThemedSVG.combine(light: light, dark: dark, scope: "g-colah"))
    let text = String(decoding: combined, as: UTF8.self)
    #expect(try resolve(text, dark: false) == String(decoding: light, as: UTF8.self))
    #expect(try resolve(text, dark: true) == String(decoding: dark, as: UTF8.self))
}

@Test func drawingsThatDifferInShapeAreNotCombined() throws {
    let a = try ChartSamples.xorChart().render(theme: .light, format: .svg, idPrefix: "a")
    let b = try ChartSamples.optimizerChart().render(theme: .dark, format: .svg, idPrefix: "a")
    #expect(ThemedSVG.combine(light: a, dark: b, scope: "a") == nil)
}

@Test func combiningIsDeterministicAndNeedsNoStyleWhenNothingDiffers() throws {
    let (light, dark) = try both { try ChartSamples.moonsChart().render(theme: $0, format: .svg, idPrefix: "m") }
    #expect(ThemedSVG.combine(light: light, dark: dark, scope: "m") == ThemedSVG.combine(light: light, dark: dark, scope: "m"))
    #expect(ThemedSVG.combine(light: light, dark: light, scope: "m") == light)
}

@Test func aCompactBoundaryPutsItsLegendAndColourBarAboveAWidePlot() throws {
    var chart = try ChartSamples.moonsChart()
    chart.size = Size(width: 300, height: 380)
    let layout = try chart.layout()
    #expect(layout.legendFrame.maxY <= layout.plotArea.minY)
    let bar = try #require(layout.colorBarFrame)
    #expect(bar.width > bar.height && bar.maxY <= layout.plotArea.minY)
    #expect(layout.plotArea.width >= 0.7 * chart.size.width, "\(layout.plotArea)")
    for frame in [layout.legendFrame, bar, layout.plotArea] {
        #expect(frame.minX >= 0 && frame.maxX <= chart.size.width && frame.minY >= 0 && frame.maxY <= chart.size.height, "\(frame)")
    }
    // The wide chart keeps its legend to the right.
    let wide = try ChartSamples.moonsChart().layout()
    #expect(wide.legendFrame.minX >= wide.plotArea.maxX)
}

@Test func aPhoneSizedBoundaryHasFewerHeatmapRectangles() throws {
    let chart = try ChartSamples.moonsChart()
    let wide = try chart.layout().plotArea
    #expect(Heatmap.rectLimit(wide) == Heatmap.maxRects)
    #expect(Heatmap.rectLimit(Rect(x: 0, y: 0, width: 218, height: 125)) == 545)
    var compact = chart
    compact.size = Size(width: 300, height: 340)
    let plot = try compact.layout().plotArea
    #expect(Heatmap.make(compact.grid, plot: plot, theme: .light, overlap: 0.5).rectCount <= Heatmap.rectLimit(plot))
}

@Test func aBoundaryOfWideDataIsCutToTheHeightItsPlotNeeds() throws {
    var chart = try ChartSamples.moonsChart()
    chart.size = Size(width: 640, height: 440)
    let fitted = try chart.fittedToData()
    #expect(fitted.size.width == 640 && fitted.size.height < 440)
    #expect(try fitted.layout().plotArea.width >= (try chart.layout().plotArea.width) - 2)
    var square = chart
    square.equalAspect = false
    #expect(try square.fittedToData().size == square.size)
}
