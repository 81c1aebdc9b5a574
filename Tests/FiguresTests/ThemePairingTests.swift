import Testing
@testable import Figures

/// Every kind of figure as a light and a dark drawing (one id prefix for both, as pages use).
private func drawings() throws -> [(name: String, draw: (ChartTheme) throws -> Drawing)] {
    let moons = try ChartSamples.moonsChart(), spiral = try ChartSamples.spiralChart()
    var compact = moons
    compact.size = Size(width: 300, height: 380)
    var pictures: [PictureGrid.Picture] = []
    for i in 0..<6 {
        let pixels: [Double] = (0..<64).map { k in Double((k * 7 + i) % 17) }
        let note: String? = i % 2 == 0 ? "label \(i + 1)" : nil
        pictures.append(PictureGrid.Picture(pixels: pixels, height: 8, width: 8, caption: "predicted \(i)", note: note))
    }
    let digits = PictureGrid(pictures: pictures, range: 0...16, emptyNote: "none")
    let diagram = colahDiagram()
    let layout = try diagram.layout()
    return [
        ("loss", { try ChartSamples.xorChart().drawing(theme: $0, format: .svg, idPrefix: "loss") }),
        ("optimizers", { try ChartSamples.optimizerChart().drawing(theme: $0, format: .svg, idPrefix: "opt") }),
        ("moons", { try moons.drawing(theme: $0, format: .svg, idPrefix: "moons") }),
        ("compact moons", { try compact.drawing(theme: $0, format: .svg, idPrefix: "compact") }),
        ("spiral", { try spiral.drawing(theme: $0, format: .svg, idPrefix: "spiral") }),
        ("network", { try ChartSamples.xorNetwork().drawing(theme: $0, format: .svg, idPrefix: "net") }),
        ("pictures", { try digits.drawing(theme: $0, format: .svg, idPrefix: "digits") }),
        ("graph", { theme in
            let scheme: DiagramTheme = theme == ChartTheme.light ? .light : .dark
            return try diagram.drawing(layout, theme: scheme, format: .svg, idPrefix: "graph")
        }),
    ]
}

/// What the one rendering must equal: each scheme rendered on its own, then combined.
private func separately(_ light: Drawing, _ dark: Drawing, scope: String) throws -> [UInt8] {
    let lightDocument = try light.render()
    return ThemedSVG.combine(light: lightDocument, dark: try dark.render(), scope: scope) ?? lightDocument
}

@Test func oneRenderingGivesEachSchemesDocumentByteForByte() throws {
    for (name, draw) in try drawings() {
        let light = try draw(.light), dark = try draw(.dark)
        let pairing = try #require(ThemePairing(light: light.canvas.commands, dark: dark.canvas.commands), "\(name)")
        #expect(!pairing.pairs.isEmpty, "\(name)")
        let marked = try light.canvas.svg(replaying: pairing.commands)
        let documents = try #require(try pairing.documents(from: marked), "\(name)")
        #expect(documents.light == (try light.canvas.render()), "\(name): light")
        #expect(documents.dark == (try dark.canvas.render()), "\(name): dark")
        #expect(try ThemedSVG.render(light: light, dark: dark, scope: name) == separately(light, dark, scope: name), "\(name)")
    }
}

/// A canvas with `colors.count` squares, square i filled with colors[i].
private func squares(_ colors: [Color], extra: Bool = false, prefix: String = "sq") throws -> Canvas {
    let canvas = try Canvas(size: Size(width: 400, height: 400), idPrefix: prefix)
    for (i, color) in colors.enumerated() {
        canvas.fill(Rect(x: Double(i % 20) * 20, y: Double(i / 20) * 20, width: 18, height: 18), color: color)
    }
    canvas.text("caption", at: Point(x: 200, y: 390), style: TextStyle(size: 12, color: colors.first ?? .black))
    if extra { canvas.line(from: Point(x: 0, y: 0), to: Point(x: 400, y: 400), style: StrokeStyle(width: 2)) }
    return canvas
}

private func grey(_ level: Int) -> Color { Color(red: Double(level) / 255, green: Double(level) / 255, blue: Double(level) / 255) }

@Test func hundredsOfColourPairsStillRenderOnce() throws {
    let light = try squares((0..<300).map { grey($0 % 256).withAlpha(0.5 + Double($0 % 5) / 10) })
    let dark = try squares((0..<300).map { grey(255 - $0 % 256) })
    let pairing = try #require(ThemePairing(light: light.commands, dark: dark.commands))
    #expect(pairing.pairs.count > 200)
    let documents = try #require(try pairing.documents(from: try light.svg(replaying: pairing.commands)))
    #expect(documents.light == (try light.render()))
    #expect(documents.dark == (try dark.render()))
}

@Test func drawingsThatDifferInMoreThanColourAreRenderedApart() throws {
    let light = try squares([grey(10), grey(20)]), dark = try squares([grey(200), grey(220)], extra: true)
    #expect(ThemePairing(light: light.commands, dark: dark.commands) == nil)
    let l = Drawing(canvas: light), d = Drawing(canvas: dark)
    #expect(try ThemedSVG.render(light: l, dark: d, scope: "sq") == separately(l, d, scope: "sq"))
}

@Test func aColourTransparentInOneSchemeOnlyIsRenderedApart() throws {
    let light = try squares([grey(10), .clear]), dark = try squares([grey(200), grey(220)])
    #expect(ThemePairing(light: light.commands, dark: dark.commands) == nil)
    let l = Drawing(canvas: light), d = Drawing(canvas: dark)
    #expect(try ThemedSVG.render(light: l, dark: d, scope: "sq") == separately(l, d, scope: "sq"))
}

@Test func aFigureColourThatLooksLikeAMarkerIsNeverMistakenForOne() throws {
    // The figure paints, in both schemes, exactly the colour the first marker would be written as.
    let lookalike = ThemePairing.marker(0, alpha: 1)
    let light = try squares([grey(10), lookalike]), dark = try squares([grey(200), lookalike])
    let pairing = try #require(ThemePairing(light: light.commands, dark: dark.commands))
    #expect(try pairing.documents(from: try light.svg(replaying: pairing.commands)) == nil)
    let l = Drawing(canvas: light), d = Drawing(canvas: dark)
    #expect(try ThemedSVG.render(light: l, dark: d, scope: "sq") == separately(l, d, scope: "sq"))
}

@Test func aDrawingWithAnErrorThrowsItAsRenderingDoes() throws {
    let light = try squares([grey(10)]), dark = try squares([grey(200)])
    light.line(from: Point(x: .nan, y: 0), to: Point(x: 1, y: 1), style: StrokeStyle())
    dark.line(from: Point(x: .nan, y: 0), to: Point(x: 1, y: 1), style: StrokeStyle())
    #expect(throws: FigureError.self) { try ThemedSVG.render(light: Drawing(canvas: light), dark: Drawing(canvas: dark), scope: "sq") }
}
