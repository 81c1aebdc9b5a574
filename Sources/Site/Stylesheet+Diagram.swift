extension Stylesheet {
    /// A graph drawn twice (GraphWidgetHTML+Diagram): the wide drawing on a desktop, the narrow
    /// one below 40rem (where charts switch too), on paper the one that fits the page; and the
    /// fit-to-width / actual-size toggle, which the script shows only for a drawing wider than its box.
    /// The script may pick the other drawing for the box it measured (`use-wide`, `use-narrow`).
    static let diagram = #"""

.diagram.narrow { display: none; }
/* Not in the deck: its stage is 1280px wide in every window, so it shows what a desktop does. */
@media (max-width: 40rem) {
  html:not(.deck) .diagram.wide { display: none; }
  html:not(.deck) .diagram.narrow { display: block; }
}
.graph-widget.use-wide .diagram.wide, .graph-widget.use-narrow .diagram.narrow { display: block; }
.graph-widget.use-wide .diagram.narrow, .graph-widget.use-narrow .diagram.wide { display: none; }
/* A graph with groups hides the views not shown, whatever the rules above say. */
.diagram[hidden] { display: none !important; }
.diagram-bar { padding: 0.5rem 0.75rem 0; text-align: right; }
.diagram-bar[hidden] { display: none; }
.fit-toggle { font-family: var(--font-ui); font-size: 0.8rem; color: var(--fg); background: var(--card);
  border: 1px solid var(--rule); border-radius: 4px; padding: 0.2rem 0.6rem; cursor: pointer; }
.fit-toggle:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
@media print {
  .diagram-bar { display: none !important; }
  .graph-widget.wide-prints .diagram.wide { display: block; zoom: 1 !important; }
  .graph-widget.wide-prints .diagram.narrow { display: none; }
  .graph-widget:not(.wide-prints) .diagram.wide { display: none; }
  .graph-widget:not(.wide-prints) .diagram.narrow { display: block; zoom: 1 !important; }
}
"""#
}
