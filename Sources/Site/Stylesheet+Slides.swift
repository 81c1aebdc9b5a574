extension Stylesheet {
    /// The deck (Script+Slides): at `#slide-<n>` the page shows one `section.slide` at a time on a
    /// 1280x720 stage scaled to the window; `#presenter-<n>` adds the next slide, the notes and a clock.
    /// Printed as a deck, each slide is one 1280x720 page without controls.
    static let slides = #"""
html.deck { font-size: 22px; }
html.deck body { overflow: hidden; font-size: 1rem; }
html.deck .site-header, html.deck .site-footer, html.deck .pager, html.deck .skip-link, html.deck .toc,
html.deck .slides-link, html.deck .anchor { display: none !important; }
html.deck article.lesson > .lesson-header, html.deck article.lesson > .slide, html.deck article.lesson > .references { display: none; }
html.deck article.lesson > .slide-current, .deck-next > .slide-preview {
  display: block; position: fixed; left: 50%; top: 50%; z-index: 5; width: 1280px; height: 720px; margin: 0;
  box-sizing: border-box; padding: 36px 64px; overflow: auto; background: var(--bg);
  transform: translate(-50%, -50%) scale(var(--deck-scale, 1)); }
html.deck article.lesson > .lesson-header.slide-current, .deck-next > .lesson-header {
  display: flex; flex-direction: column; justify-content: center; text-align: center; }
html.deck .lesson-header h1 { font-size: 2.6rem; }
html.deck .slide-current > h2:first-child, .slide-preview > h2:first-child,
html.deck .slide-current > h1:first-child, .slide-preview > h1:first-child { margin-top: 0; }
html.deck .slide-current > hr:first-child, .slide-preview > hr:first-child { display: none; }
.continued-title { display: none; }
html.deck .deck-off { display: none !important; }
html.deck .continued-title { display: block; margin-top: 0; }
/* A table's caption stays within the stage's width, not the window's. */
html.deck .graph-widget .table-wrap caption { max-width: 1088px; }
html.deck .graph-widget, html.deck .model-widget { width: 100% !important; left: 0 !important; transform: none !important;
  margin-left: 0 !important; margin-right: 0 !important; }
.deck-bar { position: fixed; right: 10px; bottom: 6px; z-index: 6; display: flex; gap: 4px; align-items: center;
  font: 12px var(--font-ui); color: var(--muted); opacity: 0.6; }
.deck-bar:hover, .deck-bar:focus-within { opacity: 1; }
.deck-bar button { font: inherit; padding: 2px 8px; border: 1px solid var(--rule); border-radius: 6px;
  background: var(--bg); color: var(--fg); cursor: pointer; }
html.presenter article.lesson > .slide-current { left: 16px; top: 16px; transform-origin: 0 0; transform: scale(var(--deck-scale, 1));
  outline: 1px solid var(--rule); }
.deck-presenter { position: fixed; top: 16px; right: 16px; bottom: 40px; z-index: 6; display: flex; flex-direction: column;
  gap: 8px; overflow: auto; font-family: var(--font-ui); font-size: 16px; }
.deck-clock { font-size: 28px; font-variant-numeric: tabular-nums; }
.deck-label { margin: 0; color: var(--muted); font-weight: 600; }
.deck-next { position: relative; flex: none; overflow: hidden; border: 1px solid var(--rule); }
.deck-next > .slide-preview { position: absolute; left: 0; top: 0; overflow: hidden; transform-origin: 0 0;
  transform: scale(var(--next-scale, 0.3)); }
.deck-notes { line-height: 1.5; }
.deck-notes .slide-notes { display: block; }
html.deck .deck-clamped { overflow: auto; }
html.deck .deck-side { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, max-content); }
html.deck .deck-side > * { grid-column: 1 / -1; }
html.deck .deck-side > .diagram-scroll { grid-column: 1; }
html.deck .deck-side > .live-edit { grid-column: 2; align-self: start; max-width: 34rem; border-top: 0; border-left: 1px solid var(--rule); }
html.deck .deck-side > .live-edit { font-size: 0.72rem; }
html.deck .deck-side > .live-edit input[type="number"] { font-size: 1em; }
@page slide { size: 1280px 720px; margin: 0; }
@media print {
  html.deck .diagram-scroll { max-height: none !important; }
  html.deck article.lesson > .lesson-header, html.deck article.lesson > .slide, html.deck article.lesson > .references {
    display: block; position: relative; left: 0; top: 0; transform: none; width: 1280px; height: 720px; margin: 0;
    box-sizing: border-box; padding: 36px 64px; overflow: hidden; page: slide; break-after: page; break-inside: avoid; }
  html.deck article.lesson > .lesson-header { display: flex; flex-direction: column; justify-content: center; text-align: center; }
  html.deck article.lesson > .slide > h2:first-child, html.deck article.lesson > .slide > h1:first-child { margin-top: 0; }
  html.deck article.lesson > .slide > hr:first-child { display: none; }
  html.deck body { font-size: 1rem; overflow: visible; }
  html.deck main { padding: 0; }
  .deck-bar, .deck-presenter, .slides-link { display: none !important; }
}
"""#
}
