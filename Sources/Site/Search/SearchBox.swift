/// The search box in the site header. It is a JavaScript-only control, so it is `hidden` until
/// the script shows it (a page without JavaScript has no box that cannot work) and print hides
/// it. A combobox over a listbox of results, with a live region for the number found; the
/// index (`index`, the edition's `search-<code>.js`) loads on the box's first focus.
enum SearchBox {
    static func render(index: String, root: String, phrases: Phrases) -> Markup {
        """
        <div class="site-search" role="search" hidden data-one="\(attribute: phrases.oneResult)" \
        data-many="\(attribute: phrases.manyResults)" data-none="\(attribute: phrases.noResults)">\
        <input type="search" class="search-input" role="combobox" aria-autocomplete="list" aria-expanded="false" \
        aria-controls="search-results" aria-label="\(attribute: phrases.searchLabel)" aria-keyshortcuts="/" \
        placeholder="\(attribute: phrases.search)" autocomplete="off" spellcheck="false" \
        data-index="\(attribute: root)assets/\(attribute: index)" data-root="\(attribute: root)">\
        <kbd class="search-key" aria-hidden="true">/</kbd>\
        <p class="search-count" aria-live="polite"></p>\
        <div class="search-results" id="search-results" role="listbox" aria-label="\(attribute: phrases.searchResults)" hidden></div>\
        </div>
        """
    }
}
