import Foundation
import Testing
@testable import Figures

@Test func pngStartsWithPNGSignature() throws {
    let bytes = try SampleFigures.diagram(format: .png).render()
    #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
}

@Test func svgStartsWithXMLDeclarationAndHasSVGRootInPixels() throws {
    let svg = try SampleFigures.diagram(format: .svg).svgString()
    #expect(svg.hasPrefix("<?xml"))
    #expect(svg.contains("<svg "))
    #expect(svg.contains(#"width="240px" height="120px""#))
}

@Test func pdfStartsWithPDFHeader() throws {
    let bytes = try SampleFigures.diagram(format: .pdf).render()
    #expect(Array(bytes.prefix(5)) == Array("%PDF-".utf8))
}

@Test func pngHasTheCanvasSizeRoundedUpToWholePixels() throws {
    let canvas = try Canvas(size: Size(width: 40.5, height: 30), format: .png)
    let png = try PNGPixels(canvas.render())
    #expect(png.width == 41)
    #expect(png.height == 30)
}

@Test func renderAsOverridesTheCanvasFormat() throws {
    let canvas = try SampleFigures.diagram(format: .png)
    #expect(try canvas.render(as: .svg).starts(with: Array("<?xml".utf8)))
    #expect(try canvas.render(as: .pdf).starts(with: Array("%PDF-".utf8)))
}

@Test func pdfCarriesTheFixedCreationDateAndNoModificationDate() throws {
    let pdf = String(decoding: try SampleFigures.diagram(format: .pdf).render(), as: UTF8.self)
    #expect(pdf.contains("/CreationDate (20000101000000Z)"))
    #expect(!pdf.contains("/ModDate"))
}

@Test func writeToPathStoresTheRenderedBytes() throws {
    let canvas = try SampleFigures.diagram(format: .svg)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("figures-\(UUID().uuidString).svg").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try canvas.write(to: path)
    #expect(try firstDifference(Array(Data(contentsOf: URL(fileURLWithPath: path))), canvas.render()) == nil)
}

@Test func writeToMissingDirectoryThrowsNamingThePath() throws {
    let canvas = try SampleFigures.diagram(format: .png)
    let path = "/nonexistent-dir-\(UUID().uuidString)/figure.png"
    let error = #expect(throws: FigureError.self) { try canvas.write(to: path) }
    #expect(error?.operation == "write \(path)")
}
