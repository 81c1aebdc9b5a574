extension Stylesheet {
    /// In-page training of small models (ModelWidgetHTML+Retrain): a collapsed section under the
    /// charts, its controls in one wrapping row, the reader's loss curve drawn as an inline SVG in
    /// the page's colours. Hidden without JavaScript and on paper.
    static let retrain = #"""

.retrain { margin: 0.5rem 0 1rem; padding: 0.5rem 0.75rem; border: 1px solid var(--rule); border-radius: 8px;
  font-family: var(--font-ui); font-size: 0.9rem; }
.retrain[hidden] { display: none; }
.retrain summary { cursor: pointer; font-weight: 600; }
.retrain summary:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.retrain p { margin: 0.5rem 0; }
.retrain-controls { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; }
.retrain input[type="number"], .retrain select { font: 0.9rem var(--font-code); padding: 0.2rem 0.35rem; color: var(--fg);
  background: var(--bg); border: 1px solid var(--rule); border-radius: 4px; }
.retrain .retrain-rate { width: 6.5rem; }
.retrain .retrain-steps { width: 7rem; }
.retrain input[aria-invalid] { border-color: #b3261e; outline: 1px solid #b3261e; }
.retrain-run, .retrain-reset { font: inherit; padding: 0.25rem 0.8rem; border: 1px solid var(--rule); border-radius: 6px;
  background: var(--bg); color: var(--fg); cursor: pointer; }
.retrain-run { border-color: var(--accent); }
.retrain-run:disabled { opacity: 0.5; cursor: progress; }
.retrain input:focus-visible, .retrain select:focus-visible, .retrain-run:focus-visible, .retrain-reset:focus-visible {
  outline: 2px solid var(--accent); outline-offset: 1px; }
.retrain-status { color: var(--muted); min-height: 1.4em; }
.retrain-chart { margin: 0; max-width: 36rem; }
.retrain-chart svg { display: block; width: 100%; height: auto; overflow: visible; }
.retrain-chart .axis { fill: none; stroke: var(--muted); stroke-width: 1; }
.retrain-chart text { font: 12px var(--font-ui); fill: var(--muted); }
.retrain-chart .grid { fill: none; stroke: var(--rule); stroke-width: 1; }
.retrain-chart .build { fill: none; stroke: var(--muted); stroke-width: 1.5; stroke-dasharray: 4 3; }
.retrain-chart .mine { fill: none; stroke: var(--accent); stroke-width: 2; }
.retrain-chart figcaption { color: var(--muted); font-size: 0.8rem; }
@media print { .retrain { display: none; } }
"""#
}
