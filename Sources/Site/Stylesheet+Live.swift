extension Stylesheet {
    /// Editable graphs (GraphWidgetHTML+Live): the controls under the drawing, the live edge
    /// labels laid over the drawn ones, and a message at a node whose value left its domain.
    /// Without JavaScript the controls stay `hidden`; on paper they never show, and an edited
    /// drawing prints with its live numbers over it, so the printed numbers agree with the table.
    static let live = #"""

.live-edit { padding: 0.5rem 1rem; border-top: 1px solid var(--rule); font-family: var(--font-ui); font-size: 0.9rem; }
.live-edit[hidden] { display: none; }
.live-intro { margin: 0 0 0.5rem; color: var(--muted); }
.live-intro strong { color: var(--fg); }
.live-leaves { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: flex-start; }
.live-leaf { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem; margin: 0; }
fieldset.live-leaf { border: 0; padding: 0; flex-direction: column; align-items: flex-start; }
fieldset.live-leaf legend { padding: 0; margin-bottom: 0.25rem; }
.live-role { color: var(--muted); font-size: 0.8rem; }
.live-leaf.parameter code { color: #d55e00; }
.live-edit input[type="number"] { font: 0.9rem var(--font-code); width: 6.5rem; padding: 0.2rem 0.35rem; color: var(--fg);
  background: var(--bg); border: 1px solid var(--rule); border-radius: 4px; }
.live-cells input[type="number"] { width: 100%; }
.live-edit input[aria-invalid="true"] { border-color: #b3261e; outline: 1px solid #b3261e; }
.live-edit input[type="range"] { width: 9rem; accent-color: var(--accent); }
.live-edit input:focus-visible, .live-reset:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.live-cells { display: grid; gap: 0.25rem; }
.live-leaf.too-big { color: var(--muted); }
.live-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; margin: 0.5rem 0 0; }
.live-reset { font: inherit; padding: 0.25rem 0.7rem; border: 1px solid var(--rule); border-radius: 6px; background: var(--bg);
  color: var(--fg); cursor: pointer; }
.live-reset:disabled { opacity: 0.4; cursor: default; }
.live-status { color: var(--muted); }
.graph-widget.live-failed .live-status { color: #b3261e; }
.live-descent { margin-top: 0.75rem; padding-top: 0.5rem; border-top: 1px dashed var(--rule); }
.descent-controls { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; margin: 0; }
.live-edit input.descent-rate { width: 5.5rem; }
.descent-step, .descent-reset { font: inherit; padding: 0.25rem 0.7rem; border: 1px solid var(--rule); border-radius: 6px;
  background: var(--bg); color: var(--fg); cursor: pointer; }
.descent-step:first-of-type { border-color: var(--accent); }
.descent-reset:disabled { opacity: 0.4; cursor: default; }
.descent-step:focus-visible, .descent-reset:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.descent-status { color: var(--muted); }
.descent-rows { max-height: 14rem; overflow-y: auto; margin-top: 0.5rem; }
.descent-rows[hidden] { display: none; }
.descent-table { border-collapse: collapse; margin: 0; font-variant-numeric: tabular-nums; }
/* The newest step is scrolled into view; the column names stay above it. */
.descent-table thead th { position: sticky; top: 0; background: var(--bg); }
.descent-table caption { text-align: left; color: var(--muted); font-size: 0.8rem; }
.descent-table th, .descent-table td { padding: 0.1rem 0.8rem 0.1rem 0; text-align: right; border-bottom: 1px solid var(--rule); }
.diagram .live-label { position: absolute; transform: translateX(-50%); display: flex; align-items: center; justify-content: center;
  padding: 0 4px; box-sizing: border-box; font: 11px var(--font-ui); white-space: nowrap; color: #5d6570;
  background: rgba(255, 255, 255, 0.92); border-radius: 3px; pointer-events: none; }
/* The gradient check was made for the lesson's values, not the reader's. */
.graph-widget.edited .gradient-check { display: none; }
.diagram .node.live-bad { box-shadow: 0 0 0 3px #b3261e; }
.diagram .live-error { position: absolute; z-index: 3; max-width: 18rem; padding: 0.3rem 0.5rem; font: 0.8rem var(--font-ui);
  color: #fff; background: #b3261e; border-radius: 4px; white-space: normal; }
@media (prefers-color-scheme: dark) {
  .diagram .live-label { color: #a0a7b1; background: rgba(28, 31, 36, 0.92); }
  .live-edit input[aria-invalid="true"], .graph-widget.live-failed .live-status { border-color: #f2b8b5; color: #f2b8b5; }
}
@media print {
  .live-edit, .diagram .live-error { display: none !important; }
  .graph-widget.edited .diagram .cell { display: flex !important; }
}
"""#
}
