/// The site's own stylesheet, written to `output/assets/lessons.css`.
package enum Stylesheet {
    package static let fileName = "lessons.css"

    /// The base sheet, then the diagrams' drawings and toggle (Stylesheet+Diagram), then editable
    /// graphs' controls (Stylesheet+Live), then the search box (Stylesheet+Search), the notebook link
    /// (Stylesheet+Notebook) and the slide deck (Stylesheet+Slides).
    package static let css = base + diagram + live + retrain + exercise + search + notebook + slides

    static let base = #"""
/* lessons: long-form reading, light and dark, print, phones. No external resources. */
:root {
  --bg: #fdfcfa; --fg: #1f2328; --muted: #5d6570; --rule: #e3e0da; --accent: #0b63c5;
  --accent-soft: #e8f1fc; --code-bg: #f4f2ee; --card: #ffffff; --warn: #9a5b00;
  --measure: 44rem;
  --font-text: "Iowan Old Style", "Charter", "Source Serif 4", "Noto Serif", "Noto Serif CJK SC",
               "Songti SC", "DejaVu Serif", Georgia, serif;
  --font-ui: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC",
             "Microsoft YaHei", "DejaVu Sans", sans-serif;
  --font-code: ui-monospace, "SFMono-Regular", "JetBrains Mono", "DejaVu Sans Mono", "Noto Sans Mono CJK SC",
               Menlo, Consolas, monospace;
  /* Fonts with an OpenType MATH table first (stretchy delimiters, script sizes, fraction rules);
     `math` is the browser's own math font; the text fonts keep letters readable where there is none. */
  --font-math: "STIX Two Math", "Latin Modern Math", "Libertinus Math", "TeX Gyre Pagella Math", "Cambria Math",
               "DejaVu Math TeX Gyre", "Noto Sans Math", math, "STIX Two Text", "Noto Serif", "DejaVu Serif", serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #16181c; --fg: #e4e6ea; --muted: #a0a7b1; --rule: #30343b; --accent: #6cb2ff;
    --accent-soft: #1d2a3a; --code-bg: #1f2227; --card: #1c1f24; --warn: #f0b454;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font-family: var(--font-text); font-size: 1.125rem; line-height: 1.65;
  font-kerning: normal; text-rendering: optimizeLegibility;
}
/* Taller lines for CJK prose only: the graph cards' numbers keep their own spacing. */
:is(p, li, blockquote, figcaption, .lesson-summary):is(:lang(zh), :lang(ja), :lang(ko)) { line-height: 1.8; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
.skip-link { position: absolute; left: -999px; }
.skip-link:focus { left: 1rem; top: 1rem; background: var(--card); padding: 0.5rem; z-index: 10; }

.site-header, .site-footer, main { max-width: calc(var(--measure) + 2.5rem); margin: 0 auto; padding: 0 1.25rem; }
.site-header { padding-top: 1.25rem; padding-bottom: 0.75rem; border-bottom: 1px solid var(--rule);
  font-family: var(--font-ui); font-size: 0.95rem; }
.course-link { color: var(--muted); text-decoration: none; font-weight: 600; letter-spacing: 0.01em; }
.course-link:hover { color: var(--accent); }
.site-header:has(.language-switch) { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0.25rem 1rem; }
.language-switch a { color: var(--accent); text-decoration: none; }
.language-switch a:hover { text-decoration: underline; }
.site-footer { margin-top: 4rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--rule);
  color: var(--muted); font-family: var(--font-ui); font-size: 0.85rem; }
main { padding-top: 1.5rem; }

h1, h2, h3, h4, h5, h6 { font-family: var(--font-ui); line-height: 1.25; font-weight: 700; letter-spacing: -0.01em;
  overflow-wrap: break-word; hyphens: auto; }
/* A long URL written as a link (a reference) breaks rather than widening a phone's page. */
:is(p, li, td, dd) a { overflow-wrap: anywhere; }
h1 { font-size: 2.1rem; margin: 0.5rem 0 0.75rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.2rem; margin: 2rem 0 0.5rem; }
h4, h5, h6 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
.anchor { margin-left: 0.4rem; color: var(--rule); text-decoration: none; font-weight: 400; visibility: hidden; }
h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { visibility: visible; }
p, ul, ol, blockquote, figure, pre, .table-wrap { margin: 0 0 1.1rem; }
ul, ol { padding-left: 1.6rem; }
li + li { margin-top: 0.25rem; }
blockquote { margin-left: 0; padding: 0.25rem 1rem; border-left: 4px solid var(--rule); color: var(--muted); }
hr { border: 0; border-top: 1px solid var(--rule); margin: 2.5rem 0; }
img { max-width: 100%; height: auto; }
strong { font-weight: 700; }

.lesson-header { margin-bottom: 1.5rem; }
.lesson-summary { font-family: var(--font-ui); font-size: 1.1rem; color: var(--muted); margin-top: 0; }

code, pre, kbd { font-family: var(--font-code); font-size: 0.86em; }
:not(pre) > code { background: var(--code-bg); padding: 0.1em 0.35em; border-radius: 4px; overflow-wrap: anywhere; }
pre { background: var(--code-bg); padding: 0.9rem 1rem; border-radius: 8px; overflow-x: auto; line-height: 1.5;
  -webkit-overflow-scrolling: touch; tab-size: 4; }
pre code { font-size: 0.85rem; }

.lesson-block { border: 1px solid var(--rule); border-radius: 10px; background: var(--card); padding: 0; overflow: hidden; }
.lesson-block figcaption { font-family: var(--font-ui); font-size: 0.85rem; color: var(--muted);
  padding: 0.45rem 1rem; border-bottom: 1px solid var(--rule); }
.lesson-block .block-kind { font-weight: 700; color: var(--accent); text-transform: uppercase; letter-spacing: 0.05em;
  font-size: 0.75rem; margin-right: 0.15rem; }
.lesson-block pre { margin: 0; border-radius: 0; }

figure { text-align: center; }
figure img { display: block; margin: 0 auto; border-radius: 4px; }
figcaption { font-family: var(--font-ui); font-size: 0.9rem; color: var(--muted); margin-top: 0.5rem; line-height: 1.5; text-align: left; }
figure.small img { max-width: 60%; }
figure.middle img { max-width: 80%; }
.image-alt { display: inline-block; padding: 0.2rem 0.5rem; border: 1px dashed var(--muted); border-radius: 4px;
  color: var(--muted); font-family: var(--font-ui); font-size: 0.9rem; }
figure .image-alt, figure.missing-image .image-alt { display: flex; align-items: center; justify-content: center;
  min-height: 6rem; padding: 1rem; margin: 0 auto; max-width: 28rem; }
.center { text-align: center; }

/* A table wider than its column scrolls sideways, and says so: a shadow falls on each edge with
   more table behind it ("scroll shadows": the covers, in the background's colour, scroll with the
   table and hide a shadow once its edge is reached), and the scrollbar stays a thin visible line. */
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; --cover: var(--bg); --shade: rgb(0 0 0 / 0.22);
  background:
    linear-gradient(to right, var(--cover) 40%, transparent) left / 3rem 100% no-repeat local,
    linear-gradient(to left, var(--cover) 40%, transparent) right / 3rem 100% no-repeat local,
    linear-gradient(to right, var(--shade), transparent) left / 1.1rem 100% no-repeat scroll,
    linear-gradient(to left, var(--shade), transparent) right / 1.1rem 100% no-repeat scroll;
  scrollbar-width: thin; scrollbar-color: var(--muted) transparent; }
.lesson-block .table-wrap { --cover: var(--card); }
table { border-collapse: collapse; font-family: var(--font-ui); font-size: 0.95rem; margin: 0 auto; }
th, td { padding: 0.4rem 0.8rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { text-align: left; border-bottom: 2px solid var(--rule); font-weight: 600; }
tbody tr:nth-child(even) { background: color-mix(in srgb, var(--code-bg) 60%, transparent); }

/* MathML Core, converted from TeX at build time. Math fonts run small next to text fonts. */
math { font-family: var(--font-math); font-size: 1.1em; }
.math.display { display: block; text-align: center; margin: 0 0 1.1rem; overflow-x: auto; overflow-y: hidden; padding: 0.25rem 0; }
math[display="block"] { padding: 0.2rem 0; }
:lang(zh) math, :lang(ja) math, :lang(ko) math { font-size: 1.05em; }
figcaption math { font-size: 1em; }
math mtd { padding: 0.3em 0.5em; }  /* TeX's matrices breathe more than the browser's default */
merror { color: var(--warn); border: 1px dashed var(--warn); padding: 0 0.2em; font-family: var(--font-code); font-size: 0.85em; }

.toc { font-family: var(--font-ui); font-size: 0.95rem; background: var(--card); border: 1px solid var(--rule);
  border-radius: 10px; padding: 0.75rem 1.25rem; margin: 0 0 2rem; }
.toc-title { font-weight: 700; margin: 0 0 0.35rem; color: var(--muted); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; }
.toc ol { margin: 0; padding-left: 1.2rem; }
.toc ol ol { margin-top: 0.2rem; }
.toc li + li { margin-top: 0.15rem; }
.toc a { text-decoration: none; }
.toc a:hover { text-decoration: underline; }
.citation a { text-decoration: none; }
.citation a:hover { text-decoration: underline; }
.reference-list li { overflow-wrap: anywhere; }
.reference-list li + li { margin-top: 0.3rem; }
.reference-list li:target { background: var(--card); }

.pager { display: flex; gap: 1rem; justify-content: space-between; margin-top: 3rem; font-family: var(--font-ui); }
.pager a { flex: 1 1 0; display: flex; flex-direction: column; padding: 0.75rem 1rem; border: 1px solid var(--rule);
  border-radius: 10px; text-decoration: none; min-width: 0; }
.pager a:hover { border-color: var(--accent); background: var(--accent-soft); }
.pager .next { text-align: right; margin-left: auto; }
.pager-label { font-size: 0.8rem; color: var(--muted); }
.pager-title { font-weight: 600; overflow-wrap: anywhere; }

.editions { font-family: var(--font-ui); margin-top: 0.5rem; }
.edition-title { margin-top: 2.5rem; }
.course-header h1 { font-size: clamp(1.7rem, 7vw, 2.4rem); margin-bottom: 0.5rem; }
.course-description { font-family: var(--font-ui); color: var(--muted); font-size: 1.15rem; }
.lesson-list { list-style: none; padding: 0; counter-reset: lesson; margin-top: 2rem; }
.lesson-list li { counter-increment: lesson; margin: 0 0 0.75rem; }
.lesson-list a { display: block; padding: 0.9rem 1.1rem 0.9rem 3.4rem; border: 1px solid var(--rule); border-radius: 10px;
  text-decoration: none; color: var(--fg); position: relative; background: var(--card); }
.lesson-list a::before { content: counter(lesson); position: absolute; left: 1.1rem; top: 0.9rem; font-family: var(--font-ui);
  font-weight: 700; color: var(--accent); }
.lesson-list a:hover { border-color: var(--accent); }
.lesson-list-title { display: block; font-family: var(--font-ui); font-weight: 650; font-size: 1.1rem; }
.lesson-list-summary { display: block; color: var(--muted); font-size: 0.98rem; margin-top: 0.15rem; }


/* Graph widgets: a Cairo-drawn diagram with the numbers of each step laid over it. */
.graph-widget { text-align: left; position: relative; left: 50%; transform: translateX(-50%);
  width: clamp(100%, calc(var(--diagram-width, 0px) + 1.5rem + 2px), calc(100vw - 2.5rem)); }
.graph-widget:focus { outline: 2px solid var(--accent); outline-offset: 2px; }
.diagram-scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; padding: 0.75rem; }
.diagram { position: relative; margin: 0 auto; }
.diagram picture, .diagram img { display: block; max-width: none; border-radius: 0; }
.diagram .edges { position: absolute; left: 0; top: 0; pointer-events: none; overflow: visible; }
.diagram .edges path { fill: none; stroke: transparent; stroke-width: 3.5; stroke-linecap: round; stroke-linejoin: round; }
.diagram .edges path.active { stroke: #0072b2; }
.diagram .edges path.active.backward { stroke: #d55e00; }
.diagram .node { position: absolute; border-radius: 7px; pointer-events: none; }
.diagram .node.current { box-shadow: 0 0 0 3px #0072b2; }
.graph-widget .cell { position: absolute; display: none; flex-direction: column; justify-content: center; gap: 2px;
  padding: 0 8px; background: #fff; font-family: "DejaVu Sans Mono", var(--font-code); font-size: 12px; line-height: 1.2;
  white-space: pre; overflow: hidden; color: #1f2328; }
.graph-widget .cell.grad { color: #5d6570; }
.graph-widget.js .cell { display: flex; }
.graph-widget .cell.pending span { visibility: hidden; }
.graph-widget .cell.pending::after { content: "?"; position: absolute; left: 8px; color: #999; }
.graph-widget .cell.fresh { background: #fff4d6; }
.model-summary { font-family: var(--font-ui); font-size: 0.9rem; color: var(--muted); margin: 0; padding: 0.5rem 1rem; }
.model-expansion { font-family: var(--font-ui); font-size: 0.85rem; padding: 0 1rem 0.5rem; }
/* Charts are drawn at the size they are shown: two 300 px charts to a desktop row, wide ones
   (network, boundary, comparisons) a whole row, each with a 300 px drawing for phones. */
.model-charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 18.75rem), 1fr)); gap: 0.75rem;
  padding: 0.5rem 1rem 1rem; align-items: start; }
.model-charts .chart { margin: 0; }
.model-charts .chart.wide { grid-column: 1 / -1; }
.chart-frame { position: relative; margin: 0 auto; }
.chart-block { padding: 0.75rem; }
.chart-frame img { display: block; width: 100%; height: auto; border-radius: 0; }
.chart-marker { position: absolute; width: 0; border-left: 2px solid #d55e00; pointer-events: none; }
.model-charts figcaption { text-align: center; margin-top: 0.25rem; font-size: 0.85rem; }
.graph-widget .predictions { margin: 0; padding: 0 1rem 0.75rem; }
.graph-widget .predictions table { font-size: 0.85rem; }
/* On a phone a vector of logits or probabilities wraps after its commas, so the table fits. */
@media (max-width: 40rem) { html:not(.deck) .graph-widget .predictions td.num { white-space: normal; } }
.graph-widget .predictions caption { caption-side: top; text-align: left; font-family: var(--font-ui); font-size: 0.8rem;
  color: var(--muted); padding: 0.3rem 0; }
/* A table wider than a phone scrolls in its box; its caption stays in view, wrapped to the screen. */
.graph-widget .table-wrap caption { position: sticky; left: 0; max-width: calc(100vw - 4rem); }
.scrubber { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; padding: 0.5rem 1rem; border-top: 1px solid var(--rule);
  font-family: var(--font-ui); font-size: 0.9rem; }
.scrubber input { flex: 1 1 12rem; accent-color: var(--accent); }
.scrubber output { font-family: var(--font-code); font-size: 0.85rem; color: var(--muted); min-width: 14rem; }
.stepper { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; padding: 0.5rem 1rem; border-top: 1px solid var(--rule);
  font-family: var(--font-ui); font-size: 0.9rem; }
.stepper button { font: inherit; padding: 0.3rem 0.7rem; border: 1px solid var(--rule); border-radius: 6px; background: var(--bg);
  color: var(--fg); cursor: pointer; }
.stepper button:hover:not(:disabled) { border-color: var(--accent); }
.stepper button:disabled { opacity: 0.4; cursor: default; }
.stepper .counter { flex: 1 1 auto; text-align: center; color: var(--muted); min-width: 10rem; }
.graph-widget .steps { margin: 0; padding: 0.5rem 1rem 0.5rem 2.6rem; font-size: 0.95rem; border-top: 1px solid var(--rule); }
.graph-widget .steps li { margin: 0.15rem 0; }
.graph-widget.js .steps { list-style: none; padding-left: 1rem; min-height: 3.2rem; }
.graph-widget .steps-hint { display: none; margin: 0; padding: 0.6rem 1rem; border-top: 1px solid var(--rule); font-family: var(--font-ui);
  font-size: 0.9rem; color: var(--muted); min-height: 3.2rem; }
.graph-widget.js.at-overview .steps-hint { display: block; }
.graph-widget.js.at-overview .steps { display: none; }
.graph-widget.js .steps li { display: none; }
.graph-widget.js .steps li.current { display: block; }
.graph-widget .phase { font-family: var(--font-ui); font-size: 0.75rem; font-weight: 700; text-transform: uppercase;
  letter-spacing: 0.05em; color: #0072b2; margin-right: 0.4rem; }
.graph-widget li[data-phase="backward"] .phase { color: #d55e00; }
.graph-widget .equation { font-family: var(--font-math); overflow-wrap: anywhere; }
.graph-widget .node-table { margin: 0; padding: 0 1rem; border-top: 1px solid var(--rule); }
/* Without JavaScript no control is shown ([hidden] must beat the display above), and neither is
   a teacher's instruction to use one (class "interactive", see README). */
.stepper[hidden], .scrubber[hidden] { display: none; }
.interactive { display: none; }
html.js .interactive { display: revert; }
.graph-widget .node-table td.pending { color: transparent; position: relative; }
.graph-widget .node-table td.pending::after { content: "?"; position: absolute; left: 0.5rem; color: var(--muted); }
.graph-widget .node-table table { margin: 0.5rem 0; font-size: 0.85rem; }
.graph-widget .node-table th, .graph-widget .node-table td:nth-child(-n+3) { white-space: nowrap; }
.graph-widget td.num { font-family: var(--font-code); white-space: pre; }
.graph-widget .gradient-check { margin: 0; padding: 0 1rem 0.5rem; }
.graph-widget .gradient-check table { margin: 0; font-size: 0.8rem; color: var(--muted); }
.graph-widget .gradient-check caption { caption-side: top; text-align: left; font-family: var(--font-ui); font-size: 0.8rem;
  color: var(--muted); padding: 0.3rem 0; }
.graph-widget .block-source { border-top: 1px solid var(--rule); padding: 0.4rem 1rem; font-family: var(--font-ui); font-size: 0.85rem; }
.graph-widget .block-source pre { margin: 0.5rem 0; }
.graph-widget .block-source p { margin: 0.3rem 0; }
.graph-widget .block-files { border-top: 1px solid var(--rule); padding: 0.4rem 1rem; margin: 0; font-family: var(--font-ui);
  font-size: 0.85rem; text-align: left; }

/* Framework tabs: the block as written, in NumPy and in PyTorch. Without JavaScript the panels
   follow one another, each under its label; lessons.js turns the labels into a tab list. */
.code-tabs { border-top: 1px solid var(--rule); padding: 0.5rem 1rem 0; text-align: left; min-width: 0; }
.code-panel { margin: 0 0 0.75rem; min-width: 0; }
.code-panel:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.code-bar { display: flex; align-items: center; gap: 0.5rem; margin: 0.2rem 0 0.35rem; padding: 0 0.25rem;
  font-family: var(--font-ui); font-size: 0.85rem; }
.code-label { flex: 1 1 auto; font-weight: 700; }
.code-actions { display: flex; align-items: center; gap: 0.75rem; margin-left: auto; }
.code-copy { font: inherit; padding: 0.15rem 0.65rem; border: 1px solid var(--rule); border-radius: 6px; background: var(--bg);
  color: var(--fg); cursor: pointer; }
.code-copy:hover { border-color: var(--accent); }
.code-copy:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.code-panel pre { margin: 0; max-height: 34rem; overflow: auto; }
.code-note { margin: 0 0 0.6rem; font-family: var(--font-ui); font-size: 0.8rem; color: var(--muted); }
.code-tabs.js .code-label { display: none; }
.code-tabs.js .code-elsewhere { display: none; }
.code-elsewhere { font-family: var(--font-ui); font-size: 0.85rem; color: var(--muted); }
.code-tablist { display: flex; flex-wrap: wrap; gap: 0.25rem; border-bottom: 1px solid var(--rule); margin: 0 0 0.5rem; }
.code-tablist [role="tab"] { font: inherit; font-family: var(--font-ui); font-size: 0.9rem; padding: 0.35rem 0.95rem; margin-bottom: -1px;
  border: 1px solid transparent; border-bottom: 0; border-radius: 6px 6px 0 0; background: none; color: var(--muted); cursor: pointer; }
.code-tablist [role="tab"]:hover { color: var(--fg); }
.code-tablist [role="tab"][aria-selected="true"] { color: var(--fg); font-weight: 600; background: var(--code-bg); border-color: var(--rule); }
.code-tablist [role="tab"]:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }

/* Python highlighting, done at build time (PythonHighlighter.swift). */
:root {
  --tok-keyword: #b3136c; --tok-constant: #0550ae; --tok-builtin: #6f42c1; --tok-def: #6639ba; --tok-string: #0a5b2e;
  --tok-interp: #b3136c; --tok-number: #0550ae; --tok-comment: #5d6570; --tok-decorator: #8a4600; --tok-operator: #8a4600;
}
code .k, code .kc { color: var(--tok-keyword); font-weight: 600; }
code .kc { color: var(--tok-constant); }
code .nb { color: var(--tok-builtin); }
code .nf { color: var(--tok-def); font-weight: 600; }
code .s { color: var(--tok-string); }
code .si { color: var(--tok-interp); }
code .m { color: var(--tok-number); }
code .c { color: var(--tok-comment); font-style: italic; }
code .nd { color: var(--tok-decorator); }
code .o { color: var(--tok-operator); }
@media (prefers-color-scheme: dark) {
  :root {
    --tok-keyword: #ff7ab2; --tok-constant: #79c0ff; --tok-builtin: #d2a8ff; --tok-def: #dcbdfb; --tok-string: #a5d6a7;
    --tok-interp: #ff7ab2; --tok-number: #79c0ff; --tok-comment: #9ba3ad; --tok-decorator: #ffa657; --tok-operator: #ffa657;
  }
}

@media (prefers-color-scheme: dark) {
  .table-wrap { --shade: rgb(255 255 255 / 0.2); }
  .graph-widget .cell { background: #24272d; color: #e4e6ea; }
  .graph-widget .cell.grad { color: #a0a7b1; }
  .graph-widget .cell.fresh { background: #3a3220; }
  .diagram .edges path.active { stroke: #56b4e9; }
  .diagram .edges path.active.backward { stroke: #e69f00; }
  .diagram .node.current { box-shadow: 0 0 0 3px #56b4e9; }
}
.print-title { text-align: center; padding: 30vh 0 4rem; }
.print-title h1 { font-size: 2.6rem; }
@page { size: A4; }
@media print {
  .print-title { break-after: page; }
  .print-toc { break-after: page; border: 0; }
  .print-lesson { break-before: page; }
  .graph-widget, .model-widget { width: 100% !important; left: 0 !important; transform: none !important; }
  .diagram-scroll { overflow: visible; }
  /* The drawing alone (it has every final value and gradient), scaled to the paper, never cut off. */
  .diagram { width: auto !important; height: auto !important; }
  .diagram picture, .diagram img { max-width: 100% !important; height: auto !important; }
  .table-wrap { overflow: visible; }
  .graph-widget td.num { white-space: pre-wrap; overflow-wrap: anywhere; }
  .graph-widget .node-table td.pending { color: inherit; }
  .graph-widget .node-table td.pending::after, .chart-marker { display: none; }
  .graph-widget.js.at-overview .steps { display: block; }
  .interactive, button, .steps-hint, .graph-widget .scrubber { display: none !important; }
  details.block-source, .steps-hint, .graph-widget .scrubber { display: none; }
  .stepper, .graph-widget .cell, .diagram .edges, .code-tablist, .code-copy { display: none !important; }
  code .c { font-style: normal; }
  .graph-widget.js .steps li { display: list-item; }
}

/* A phone's page; the deck's 1280px stage keeps the desktop's sizes in every window. */
@media (max-width: 600px) {
  html:not(.deck) body { font-size: 1.05rem; }
  html:not(.deck) h1 { font-size: 1.7rem; }
  html:not(.deck) h2 { font-size: 1.3rem; }
  html:not(.deck) .site-header, html:not(.deck) .site-footer, html:not(.deck) main { padding-left: 1rem; padding-right: 1rem; }
  .pager { flex-direction: column; }
  .pager .next { margin-left: 0; }
  html:not(.deck) figure.small img, html:not(.deck) figure.middle img { max-width: 100%; }
}

@media print {
  :root { --bg: #fff; --fg: #000; --muted: #444; --rule: #ccc; --code-bg: #f5f5f5; --card: #fff; --accent: #000; }
  body { font-size: 11pt; line-height: 1.5; }
  .site-header, .site-footer, .pager, .skip-link, .anchor { display: none; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2, h3 { break-after: avoid; }
  pre, figure, table, .math.display, .lesson-block { break-inside: avoid; }
  pre { white-space: pre-wrap; }
}

/* Graphs with groups: a group's card is a button that opens it in place; without JavaScript
   (and in print) the collapsed drawing and its walk are all there is, and no button shows. */
.diagram .expand { position: absolute; margin: 0; padding: 0; border: 0; border-radius: 7px; background: transparent;
  cursor: zoom-in; z-index: 1; }
.diagram .expand:hover, .diagram .expand:focus-visible { box-shadow: 0 0 0 3px #cc79a7; outline: none; }
.diagram .node.in-group { outline: 2px dashed #cc79a7; outline-offset: 3px; }
.diagram .collapse { position: absolute; transform: translateY(calc(-100% - 4px)); margin: 0; padding: 0.1rem 0.5rem; z-index: 2;
  font: 600 0.75rem var(--font-ui); color: #fff; background: #a8518a; border: 0; border-radius: 6px 6px 0 0; cursor: zoom-out; }
.diagram[data-view]:not([data-view="0"]) { margin-top: 1.4rem; }
.graph-widget .group-note { display: none; margin: 0; padding: 0 1rem 0.5rem; font-family: var(--font-ui); font-size: 0.8rem;
  color: var(--muted); }
.graph-widget.grouped .group-note { display: block; }
.graph-widget:not(.grouped) .expand, .graph-widget:not(.grouped) .collapse { display: none; }
@media print {
  .diagram .expand, .diagram .collapse, .graph-widget .group-note { display: none !important; }
  .graph-widget.js .steps li[hidden] { display: none; }
}
"""#
}
