extension Stylesheet {
    /// The search box in the site header (SearchBox): shown by the script only, between the
    /// course's name and the language switch, on a row of its own on a phone; results drop down
    /// over the page. Print has no use for it.
    static let search = #"""
.site-search[hidden], .search-results[hidden] { display: none; }
.site-header:has(.site-search:not([hidden])) { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
.site-header:has(.site-search:not([hidden])) .course-link { margin-right: auto; }
.site-search { position: relative; flex: 0 1 16rem; font-family: var(--font-ui); }
.search-input { display: block; width: 100%; margin: 0; padding: 0.3rem 2rem 0.3rem 0.65rem; font: inherit; font-size: 0.95rem;
  color: var(--fg); background: var(--card); border: 1px solid var(--rule); border-radius: 6px; }
.search-input::placeholder { color: var(--muted); }
.search-input:focus { outline: 2px solid var(--accent); outline-offset: -1px; border-color: var(--accent); }
.search-key { position: absolute; right: 0.5rem; top: 50%; transform: translateY(-50%); padding: 0 0.35rem; pointer-events: none;
  font: 0.75rem/1.4 var(--font-code); color: var(--muted); border: 1px solid var(--rule); border-radius: 4px; }
.search-input:focus ~ .search-key, .search-input:not(:placeholder-shown) ~ .search-key { display: none; }
/* A touch screen has no `/` key to press. */
@media (hover: none) { .search-key { display: none; } }
/* Read out, not shown: the result list shows what it holds. */
.search-count { position: absolute; width: 1px; height: 1px; margin: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.search-results { position: absolute; right: 0; top: calc(100% + 0.35rem); z-index: 20; width: min(34rem, calc(100vw - 2rem));
  max-height: min(70vh, 34rem); overflow-y: auto; padding: 0.3rem; background: var(--card); border: 1px solid var(--rule);
  border-radius: 8px; box-shadow: 0 10px 30px rgb(0 0 0 / 0.18); }
.search-result { display: block; padding: 0.45rem 0.6rem; border-radius: 6px; color: var(--fg); text-decoration: none; line-height: 1.4; }
.search-result[aria-selected="true"], .search-result:hover { background: var(--accent-soft); }
.search-result[aria-selected="true"] { outline: 2px solid var(--accent); outline-offset: -2px; }
.search-where { display: block; font-weight: 600; color: var(--accent); }
.search-snippet { display: block; margin-top: 0.1rem; font-size: 0.85rem; color: var(--muted); overflow-wrap: anywhere; }
.search-results mark { padding: 0 0.05em; color: inherit; background: #ffe08a; border-radius: 2px; }
.search-none { margin: 0; padding: 0.5rem 0.6rem; color: var(--muted); }
@media (prefers-color-scheme: dark) {
  .search-results { box-shadow: 0 10px 30px rgb(0 0 0 / 0.5); }
  .search-results mark { background: #6b5200; color: #fff; }
}
@media (max-width: 600px) {
  .site-search { order: 3; flex: 1 1 100%; }
  .search-input { font-size: 1rem; }
  .search-results { width: 100%; max-height: 65vh; }
}
@media print { .site-search { display: none !important; } }
"""#
}
