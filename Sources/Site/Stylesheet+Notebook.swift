extension Stylesheet {
    /// The "Download notebook" link under a lesson's title (LessonPage): a quiet button-like link
    /// in the page's colours (light and dark alike), not printed.
    static let notebook = #"""

.lesson-download { margin: 0.4rem 0 0; font-family: var(--font-ui); font-size: 0.9rem; }
.lesson-download a { display: inline-flex; align-items: center; gap: 0.35rem; padding: 0.2rem 0.7rem; color: var(--fg);
  border: 1px solid var(--rule); border-radius: 6px; text-decoration: none; }
.lesson-download a::before { content: "↓"; color: var(--accent); font-weight: 700; }
.lesson-download a:hover { border-color: var(--accent); }
.lesson-download a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
@media print { .lesson-download { display: none; } }
"""#
}
