import Foundation

/// Colours shared by the loss, network and decision-boundary charts.
///
/// Data colours come from the Okabe–Ito palette, which stays distinguishable under the common
/// colour-vision deficiencies; every chart also gives a second cue (dash pattern, marker shape,
/// line width), so colour is never the only one. Backgrounds match the site's cards.
package struct ChartTheme: Sendable, Hashable {
    /// Figure background (the card colour of the page).
    package var background: Color
    /// Titles, tick labels, axis titles, legend text.
    package var text: Color
    /// Secondary text: layer activations, notes, the colour-bar caption.
    package var muted: Color
    /// Grid lines inside the plot area.
    package var grid: Color
    /// Fainter grid lines (log-axis minor ticks).
    package var minorGrid: Color
    /// Plot frame and tick marks.
    package var axis: Color
    /// Fill behind a legend drawn over data.
    package var legendFill: Color
    /// Loss-curve series colours in order; series beyond the list wrap around (with another dash).
    package var series: [Color]
    /// Edges with a positive weight (network diagram).
    package var positive: Color
    /// Edges with a negative weight (network diagram).
    package var negative: Color
    /// Edges with a zero weight.
    package var zero: Color
    /// Neuron fill and outline.
    package var neuronFill: Color
    package var neuronStroke: Color
    /// Class colours of a decision boundary, class 0 first; for two classes the heatmap runs
    /// from a tint of `classes[0]` (p = 0) through `heatmapMiddle` to a tint of `classes[1]` (p = 1).
    package var classes: [Color]
    /// The heatmap colour at p = 0.5 (binary) and the base the class tints are mixed into.
    package var heatmapMiddle: Color
    /// How far (0...1) the heatmap goes from `heatmapMiddle` towards a class colour at full confidence.
    package var heatmapStrength: Double
    /// Outline of the data points drawn over the heatmap, chosen to contrast with the tints.
    package var markerOutline: Color
    /// The p = 0.5 contour of a binary boundary.
    package var contour: Color

    package init(background: Color, text: Color, muted: Color, grid: Color, minorGrid: Color, axis: Color,
                 legendFill: Color, series: [Color], positive: Color, negative: Color, zero: Color,
                 neuronFill: Color, neuronStroke: Color, classes: [Color], heatmapMiddle: Color,
                 heatmapStrength: Double, markerOutline: Color, contour: Color) {
        self.background = background
        self.text = text
        self.muted = muted
        self.grid = grid
        self.minorGrid = minorGrid
        self.axis = axis
        self.legendFill = legendFill
        self.series = series
        self.positive = positive
        self.negative = negative
        self.zero = zero
        self.neuronFill = neuronFill
        self.neuronStroke = neuronStroke
        self.classes = classes
        self.heatmapMiddle = heatmapMiddle
        self.heatmapStrength = heatmapStrength
        self.markerOutline = markerOutline
        self.contour = contour
    }

    /// For white cards.
    package static let light = ChartTheme(
        background: .white, text: Color(hex: 0x1F2328), muted: Color(hex: 0x5D6570),
        grid: Color(hex: 0xE3E6EA), minorGrid: Color(hex: 0xF0F2F4), axis: Color(hex: 0x8A9099),
        legendFill: Color(hex: 0xFFFFFF, alpha: 0.9),
        // blue, vermillion, bluish green, reddish purple, orange, black (Okabe–Ito)
        series: [Color(hex: 0x0072B2), Color(hex: 0xD55E00), Color(hex: 0x009E73),
                 Color(hex: 0xCC79A7), Color(hex: 0xE69F00), Color(hex: 0x1F2328)],
        positive: Color(hex: 0x0072B2), negative: Color(hex: 0xD55E00), zero: Color(hex: 0xA0A7B1),
        neuronFill: .white, neuronStroke: Color(hex: 0x5D6570),
        classes: [Color(hex: 0xD55E00), Color(hex: 0x0072B2), Color(hex: 0x009E73),
                  Color(hex: 0xCC79A7), Color(hex: 0xE69F00), Color(hex: 0x56B4E9), Color(hex: 0x1F2328)],
        heatmapMiddle: Color(hex: 0xF7F7F7), heatmapStrength: 0.42,
        markerOutline: Color(hex: 0x1F2328), contour: Color(hex: 0x1F2328, alpha: 0.75))

    /// For dark cards (#1C1F24).
    package static let dark = ChartTheme(
        background: Color(hex: 0x1C1F24), text: Color(hex: 0xE4E6EA), muted: Color(hex: 0xA0A7B1),
        grid: Color(hex: 0x30343B), minorGrid: Color(hex: 0x262A30), axis: Color(hex: 0x7A818B),
        legendFill: Color(hex: 0x1C1F24, alpha: 0.9),
        // sky blue, orange, bluish green (lifted), reddish purple, yellow, vermillion
        series: [Color(hex: 0x56B4E9), Color(hex: 0xE69F00), Color(hex: 0x2FC29A),
                 Color(hex: 0xCC79A7), Color(hex: 0xF0E442), Color(hex: 0xD55E00)],
        positive: Color(hex: 0x56B4E9), negative: Color(hex: 0xE69F00), zero: Color(hex: 0x7A818B),
        neuronFill: Color(hex: 0x24272D), neuronStroke: Color(hex: 0xA0A7B1),
        classes: [Color(hex: 0xE69F00), Color(hex: 0x56B4E9), Color(hex: 0x2FC29A),
                  Color(hex: 0xCC79A7), Color(hex: 0xF0E442), Color(hex: 0xD55E00), Color(hex: 0xE4E6EA)],
        // Stronger tints than in light mode (a tint of a dark grey is murky at 0.4) and dark
        // marker outlines, which keep the light markers crisp on them, as dark ones do in light mode.
        heatmapMiddle: Color(hex: 0x262A30), heatmapStrength: 0.52,
        markerOutline: Color(hex: 0x0E1013), contour: Color(hex: 0xF4F5F7, alpha: 0.9))

    /// The colour of series `index` (wrapping around).
    func seriesColor(_ index: Int) -> Color {
        series.isEmpty ? text : series[index % series.count]
    }

    /// The colour of class `index` (wrapping around).
    func classColor(_ index: Int) -> Color {
        classes.isEmpty ? text : classes[index % classes.count]
    }
}

/// Type sizes used by every chart, in px.
enum ChartType {
    static let tick = TextStyle(size: 11.5)
    static let axisTitle = TextStyle(size: 13)
    static let title = TextStyle(size: 15, weight: .bold)
    static let legend = TextStyle(size: 12)
    static let note = TextStyle(size: 13, italic: true)

    static func styled(_ style: TextStyle, _ color: Color, maxWidth: Double? = nil) -> TextStyle {
        var s = style
        s.color = color
        if let maxWidth { s.maxWidth = max(maxWidth, 1) }
        return s
    }
}

/// Colour arithmetic for the charts: mixing in OKLab, so a ramp looks evenly spaced to the eye.
enum ChartColor {
    /// `a` moved the fraction `t` (0...1) of the way to `b`; alpha is interpolated linearly.
    static func mix(_ a: Color, _ b: Color, _ t: Double) -> Color {
        let t = min(max(t.isFinite ? t : 0, 0), 1)
        let la = oklab(a), lb = oklab(b)
        let l = la.0 + (lb.0 - la.0) * t
        let m = la.1 + (lb.1 - la.1) * t
        let s = la.2 + (lb.2 - la.2) * t
        let rgb = fromOKLab(l, m, s)
        return Color(red: rgb.0, green: rgb.1, blue: rgb.2, alpha: a.alpha + (b.alpha - a.alpha) * t)
    }

    /// Rounds components to 8 bits, so equal-looking colours compare equal (and SVG runs merge).
    static func quantized(_ c: Color) -> Color {
        func q(_ v: Double) -> Double { (min(max(v, 0), 1) * 255).rounded() / 255 }
        return Color(red: q(c.red), green: q(c.green), blue: q(c.blue), alpha: q(c.alpha))
    }

    /// WCAG relative luminance, 0 (black) ... 1 (white).
    static func luminance(_ c: Color) -> Double {
        0.2126 * linear(c.red) + 0.7152 * linear(c.green) + 0.0722 * linear(c.blue)
    }

    /// WCAG contrast ratio between two opaque colours, 1 ... 21.
    static func contrast(_ a: Color, _ b: Color) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    private static func linear(_ v: Double) -> Double {
        v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
    }

    private static func gamma(_ v: Double) -> Double {
        let v = min(max(v, 0), 1)
        return v <= 0.0031308 ? 12.92 * v : 1.055 * pow(v, 1 / 2.4) - 0.055
    }

    private static func oklab(_ c: Color) -> (Double, Double, Double) {
        let r = linear(c.red), g = linear(c.green), b = linear(c.blue)
        let l = cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b)
        let m = cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b)
        let s = cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
        return (0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
                1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
                0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s)
    }

    private static func fromOKLab(_ L: Double, _ a: Double, _ b: Double) -> (Double, Double, Double) {
        let l = pow3(L + 0.3963377774 * a + 0.2158037573 * b)
        let m = pow3(L - 0.1055613458 * a - 0.0638541728 * b)
        let s = pow3(L - 0.0894841775 * a - 1.2914855480 * b)
        return (gamma(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
                gamma(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
                gamma(-0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s))
    }

    private static func pow3(_ v: Double) -> Double { v * v * v }
}

extension ChartTheme {
    /// The size (px, in the chart's own units) of tick labels, the smallest text of every chart:
    /// a page must show a chart at no less than 11 / this of its size.
    package static var tickFontSize: Double { ChartType.tick.size }
}
