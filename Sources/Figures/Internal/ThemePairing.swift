import CCairo

/// A figure's light and dark drawings, which differ only in colours, as one list of commands to
/// render once: every colour pair that differs is painted with a marker colour of its own, and
/// the rendered SVG becomes the light and the dark document by putting each pair's colour text
/// where its marker's is. Rendering (Cairo, Pango, our SVG passes) is most of a figure's cost,
/// so a themed figure costs about one drawing instead of two, with the same bytes.
struct ThemePairing {
    struct Pair: Hashable {
        var light: Color
        var dark: Color
    }

    /// The commands, with marker colours.
    let commands: [DrawCommand]
    /// The colour pair each marker stands for; marker `k` is `Self.marker(k, alpha: pairs[k].light.alpha)`.
    let pairs: [Pair]
    /// Colours the same in both drawings: no marker may be written as one of them.
    let shared: [Color]

    /// Most colour pairs one figure's markers stand for (a figure has a few dozen).
    static let maxPairs = 40_000

    /// Nil when the drawings differ in more than colours, or when a colour is painted in one
    /// scheme and (being transparent) skipped by Cairo in the other.
    init?(light: [DrawCommand], dark: [DrawCommand]) {
        guard light.count == dark.count else { return nil }
        var index: [Pair: Int] = [:]
        var pairs: [Pair] = []
        var shared: Set<Color> = []
        var commands: [DrawCommand] = []
        commands.reserveCapacity(light.count)
        for (a, b) in zip(light, dark) {
            guard a.operation == b.operation, a.step.sameShape(as: b.step) else { return nil }
            let colors = a.step.colors
            guard !colors.isEmpty else {
                commands.append(a)
                continue
            }
            var painted: [Color] = []
            for (x, y) in zip(colors, b.step.colors) {
                if x == y {
                    shared.insert(x)
                    painted.append(x)
                    continue
                }
                guard Self.isDrawn(x), Self.isDrawn(y) else {
                    if Self.isDrawn(x) || Self.isDrawn(y) { return nil }
                    painted.append(x)
                    continue
                }
                let pair = Pair(light: x, dark: y)
                let k: Int
                if let known = index[pair] { k = known } else {
                    k = pairs.count
                    guard k < Self.maxPairs else { return nil }
                    index[pair] = k
                    pairs.append(pair)
                }
                painted.append(Self.marker(k, alpha: x.alpha))
            }
            commands.append(DrawCommand(operation: a.operation, step: a.step.painting(painted)))
        }
        self.commands = commands
        self.pairs = pairs
        self.shared = Array(shared)
    }

    /// Cairo skips painting with a colour this transparent, so it leaves no trace in the SVG.
    static func isDrawn(_ color: Color) -> Bool { color.alpha >= 0.001 }

    /// Marker `k`: a colour no chart picks on purpose (checked against the figure's own anyway).
    /// Red and green step by whole 8-bit levels: Cairo writes finer steps as the same text.
    static func marker(_ k: Int, alpha: Double) -> Color {
        Color(red: Double(28 + k % 200) / 255, green: Double(28 + k / 200 % 200) / 255, blue: 0.0123, alpha: alpha)
    }

    /// The light and the dark document from `marked`, the SVG of `commands`; nil when a marker's
    /// text could be mistaken for another colour's or is not where Cairo writes colours.
    func documents(from marked: [UInt8]) throws(FigureError) -> (light: [UInt8], dark: [UInt8])? {
        let n = pairs.count
        let probe = pairs.map(\.light) + pairs.map(\.dark) + (0..<n).map { Self.marker($0, alpha: pairs[$0].light.alpha) }
            + shared.map { $0.withAlpha(1) }
        guard let texts = try SVGColorText.of(probe) else { return nil }
        var markers: [[UInt8]: Int] = [:]
        for k in 0..<n {
            guard markers.updateValue(k, forKey: texts[2 * n + k].rgb) == nil else { return nil }
        }
        for text in texts[(3 * n)...] where markers[text.rgb] != nil { return nil }
        var light: [UInt8] = [], dark: [UInt8] = []
        light.reserveCapacity(marked.count)
        dark.reserveCapacity(marked.count)
        let open = Array("rgb(".utf8)
        var i = 0, copied = 0
        while let found = ByteSearch.first(open, in: marked, from: i) {
            guard let close = marked[found...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
            i = close + 1
            guard let k = markers[Array(marked[found...close])] else { continue }
            // `rgb(…);fill-opacity:A` (or stroke-): the marker's opacity is the light one.
            guard let colon = marked[i...].prefix(24).firstIndex(of: UInt8(ascii: ":")),
                  marked[i...colon].elementsEqual(Array(";fill-opacity:".utf8)) || marked[i...colon].elementsEqual(Array(";stroke-opacity:".utf8))
            else { return nil }
            var end = colon + 1
            while end < marked.count, marked[end] != UInt8(ascii: ";"), marked[end] != UInt8(ascii: "\"") { end += 1 }
            guard marked[(colon + 1)..<end].elementsEqual(texts[2 * n + k].opacity) else { return nil }
            let between = marked[copied..<found], punctuation = marked[(close + 1)...colon]
            light += between; light += texts[k].rgb; light += punctuation; light += texts[k].opacity
            dark += between; dark += texts[n + k].rgb; dark += punctuation; dark += texts[n + k].opacity
            copied = end
            i = end
        }
        light += marked[copied...]
        dark += marked[copied...]
        return (light, dark)
    }
}

/// How our SVGs write a colour: Cairo's `rgb(r%,g%,b%)` and opacity, with our number rounding.
enum SVGColorText {
    /// Each colour's `rgb(…)` and opacity text, found by filling a small square with each on an
    /// SVG surface; nil if Cairo did not write exactly one fill per colour.
    static func of(_ colors: [Color]) throws(FigureError) -> [(rgb: [UInt8], opacity: [UInt8])]? {
        let sink = ByteSink()
        let bytes = try withExtendedLifetime(sink) { () throws(FigureError) -> [UInt8] in
            guard let surface = cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, 10, 10) else {
                throw FigureError(operation: "create SVG surface", message: "out of memory")
            }
            defer { cairo_surface_destroy(surface) }
            guard let cr = cairo_create(surface) else { throw FigureError(operation: "render SVG", message: "out of memory") }
            defer { cairo_destroy(cr) }
            for color in colors {
                color.setSource(on: cr)
                cairo_rectangle(cr, 1, 1, 2, 2)
                cairo_fill(cr)
            }
            try FigureError.check(cairo_status(cr), "render SVG")
            cairo_surface_finish(surface)
            try FigureError.check(cairo_surface_status(surface), "write SVG")
            return SVGNumbers.rounded(sink.bytes)
        }
        var texts: [(rgb: [UInt8], opacity: [UInt8])] = []
        texts.reserveCapacity(colors.count)
        let fill = Array("fill:rgb(".utf8), opacity = Array(";fill-opacity:".utf8)
        var i = 0
        while let found = ByteSearch.first(fill, in: bytes, from: i) {
            let start = found + fill.count - 4
            guard let close = bytes[start...].firstIndex(of: UInt8(ascii: ")")),
                  bytes[(close + 1)...].starts(with: opacity) else { return nil }
            let valueStart = close + 1 + opacity.count
            guard let valueEnd = bytes[valueStart...].firstIndex(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\"") }) else { return nil }
            texts.append((Array(bytes[start...close]), Array(bytes[valueStart..<valueEnd])))
            i = valueEnd
        }
        return texts.count == colors.count ? texts : nil
    }
}
