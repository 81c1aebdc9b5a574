import LessonModel

/// Where a lesson's body breaks into slides: before every heading of level 1 or 2, and at every
/// `---` thematic break (which stays, first in its slide, so the page still shows its rule).
/// The page wraps each slide in `<section class="slide">`; the script shows one at a time when the
/// address is `#slide-<n>` (Script+Slides), so the deck is the page itself and weighs nothing extra.
package enum SlideSplit {
    /// The body's blocks, slide by slide, in order; no slide is empty.
    package static func slides(_ blocks: [Block]) -> [[Block]] {
        var slides: [[Block]] = []
        var current: [Block] = []
        for block in blocks {
            if startsSlide(block), !current.isEmpty {
                slides.append(current)
                current = []
            }
            current.append(block)
        }
        if !current.isEmpty { slides.append(current) }
        return slides
    }

    /// A block quote whose text opens with `Notes:` holds speaker notes: hidden on the page and on
    /// the slide, shown in the presenter view.
    package static func isNotes(_ block: Block) -> Bool {
        guard case .quote(let inner) = block.kind, case .paragraph(let content)? = inner.first?.kind,
              case .text(let text)? = content.first else { return false }
        return text.hasPrefix("Notes:") || text.hasPrefix("备注：") || text.hasPrefix("备注:")
    }

    private static func startsSlide(_ block: Block) -> Bool {
        switch block.kind {
        case .heading(let level, _, _): return level <= 2
        case .thematicBreak: return true
        default: return false
        }
    }
}
