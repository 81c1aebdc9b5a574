import Testing
import TeXMath

/// Wide accents use marks Chromium can stretch over (or under) their whole base: U+0332 for
/// `\overline` and `\underline`, U+0302 for `\widehat`. KaTeX's U+203E and U+005E stay one glyph
/// wide, so `\overline{x'^2}` (a mean of squares) looked like the square of a mean.
@Suite struct StretchyAccentTests {
    private func mathML(_ tex: String) -> String { TeXMath.convert(tex, display: false).mathML }

    @Test func overlineSpansItsBase() {
        let m = mathML(#"\overline{x'^2}"#)
        #expect(m.contains("<mover accent=\"true\"><msup><mi>x</mi>"), "\(m)")
        #expect(m.contains("<mo stretchy=\"true\">\u{0332}</mo></mover>"), "\(m)")
    }

    @Test func underlineAndWidehatStretch() {
        #expect(mathML(#"\underline{abc}"#).contains("<mo stretchy=\"true\">\u{0332}</mo></munder>"))
        #expect(mathML(#"\widehat{xyz}"#).contains("<mo stretchy=\"true\">\u{0302}</mo></mover>"))
    }

    @Test func narrowAccentsStayUnstretched() {
        #expect(mathML(#"\bar{x}"#).contains("<mo stretchy=\"false\">ˉ</mo>"))
        #expect(mathML(#"\hat{x}"#).contains("<mo stretchy=\"false\">^</mo>"))
    }
}
