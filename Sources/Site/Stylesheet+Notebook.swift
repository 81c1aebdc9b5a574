extension Stylesheet {
    /// The "Download notebook" and "Slides" links under a lesson's title (LessonPage): quiet
    /// button-like links side by side in the page's colours (light and dark alike), not printed.
    static let notebook = #"""

.lesson-download, .slides-link { display: inline-block; margin: 0.4rem 0.5rem 0 0; font-family: var(--font-ui);
  font-size: 0.9rem; }
.slides-link[hidden] { display: none; }
.lesson-download a, .slides-link a { display: inline-flex; align-items: center; gap: 0.35rem; padding: 0.2rem 0.7rem; color: var(--fg);
  border: 1px solid var(--rule); border-radius: 6px; text-decoration: none; }
.lesson-download a::before { content: "↓"; color: var(--accent); font-weight: 700; }
.slides-link a::before { content: "▶"; color: var(--accent); font-size: 0.75em; }
.lesson-download a:hover, .slides-link a:hover { border-color: var(--accent); }
.lesson-download a:focus-visible, .slides-link a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
@media print { .lesson-download, .slides-link { display: none; } }
"""#
}
