extension Script {
    /// The search box (SearchBox): loads the edition's index on first focus, tokenises the query
    /// as SearchTokens does, ranks as SearchIndex.search does, and lists the sections found with
    /// a snippet; arrow keys move through them, Enter follows, Escape closes, `/` focuses the box.
    static let search = #"""
  // The index file (assets/search-<edition>.js, written by SearchIndex) calls
  // lessonsSearch("search", packed) (PackedScript); a <script src> works from file://, where fetch does not.
  var searchData = null, searchKeys = [], searchTable = Object.create(null), searchReady = [];
  window.lessonsSearch = function (id, packed) { unpack(packed).then(receiveSearch); };

  // Keys come front-coded (a digit: the characters shared with the key before, then the rest).
  function receiveSearch(data) {
    var lists = data.v.split(" "), previous = "";
    data.k.split(" ").forEach(function (coded, i) {
      if (!coded) return;
      var key = previous.slice(0, +coded.charAt(0)) + coded.slice(1);
      previous = key;
      searchKeys.push(key);
      searchTable[key] = lists[i] || "";
    });
    searchData = data;
    searchReady.forEach(function (done) { done(); });
    searchReady = [];
  }

  function hasOwn(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  // SearchTokens.kind: 1 a word character, 2 Han (or kana, hangul), 0 a separator.
  function searchKind(c) {
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0x24f && c !== 0xf7) ||
        (c >= 0x370 && c <= 0x4ff)) return 1;
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
        (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff)) return 2;
    return 0;
  }

  function searchRuns(lower) {
    var runs = [], start = 0, kind = 0;
    for (var i = 0; i <= lower.length; i++) {
      var k = i < lower.length ? searchKind(lower.charCodeAt(i)) : 0;
      if (k !== kind) {
        if (kind) runs.push({ kind: kind, text: lower.slice(start, i) });
        start = i; kind = k;
      }
    }
    return runs;
  }

  // SearchIndex.keyGroups: per distinct token, the keys that match it (the last word as a
  // prefix while it is typed, a lone Han character inside any key).
  function searchGroups(query) {
    var lower = query.toLowerCase(), runs = searchRuns(lower), seen = {}, groups = [], terms = [];
    var open = lower.length > 0 && searchKind(lower.charCodeAt(lower.length - 1)) !== 0;
    runs.forEach(function (run, r) {
      var tokens = [run.text];
      if (run.kind === 2 && run.text.length > 1) {
        tokens = [];
        for (var i = 0; i + 1 < run.text.length; i++) tokens.push(run.text.substr(i, 2));
      }
      terms.push(run.text);
      tokens.forEach(function (token) {
        if (hasOwn(seen, token)) return;
        seen[token] = true;
        terms.push(token);
        if (run.kind === 2 && run.text.length === 1) {
          groups.push(searchKeys.filter(function (key) { return key.indexOf(token) >= 0; }));
        } else if (run.kind === 1 && open && r === runs.length - 1) {
          groups.push(searchKeys.filter(function (key) { return key.lastIndexOf(token, 0) === 0; }));
        } else {
          groups.push([token]);
        }
      });
    });
    return { groups: groups, terms: terms };
  }

  // Postings: base-36 numbers, each (section gap) * 16 + weight.
  function searchPostings(key) {
    var list = [], section = 0;
    if (!hasOwn(searchTable, key) || !searchTable[key]) return list;
    searchTable[key].split(",").forEach(function (n) {
      var v = parseInt(n, 36);
      section += Math.floor(v / 16);
      list.push([section, v % 16]);
    });
    return list;
  }

  // SearchIndex.search: sections holding every token, by summed weight, then in course order.
  function searchHits(groups) {
    var total = null;
    groups.forEach(function (keys) {
      var best = {}, next = {};
      keys.forEach(function (key) {
        searchPostings(key).forEach(function (p) { if (!(best[p[0]] >= p[1])) best[p[0]] = p[1]; });
      });
      if (total === null) { total = best; return; }
      for (var s in total) if (hasOwn(best, s)) next[s] = total[s] + best[s];
      total = next;
    });
    var hits = [];
    for (var s in total || {}) hits.push({ section: +s, score: total[s] });
    hits.sort(function (a, b) { return b.score - a.score || a.section - b.section; });
    return hits.slice(0, 20);
  }

  // The text with every term in <mark>, longest term first at each place; nodes, never HTML.
  function searchMarked(text, terms) {
    var out = document.createDocumentFragment(), lower = text.toLowerCase(), plain = "", i = 0;
    if (lower.length !== text.length) text = lower;
    var sorted = terms.slice().sort(function (a, b) { return b.length - a.length; });
    while (i < text.length) {
      var hit = "";
      for (var k = 0; k < sorted.length && !hit; k++) if (sorted[k] && lower.substr(i, sorted[k].length) === sorted[k]) hit = sorted[k];
      if (!hit) { plain += text.charAt(i); i++; continue; }
      if (plain) { out.appendChild(document.createTextNode(plain)); plain = ""; }
      var mark = document.createElement("mark");
      mark.textContent = text.substr(i, hit.length);
      out.appendChild(mark);
      i += hit.length;
    }
    if (plain) out.appendChild(document.createTextNode(plain));
    return out;
  }

  // A window of the section's text around the query as typed, else around its first term;
  // cut at spaces where there are any nearby (Chinese has none, and needs none).
  function searchSnippet(text, terms, phrase) {
    var lower = text.toLowerCase(), at = phrase ? lower.indexOf(phrase) : -1;
    if (at < 0) terms.forEach(function (t) { var i = lower.indexOf(t); if (i >= 0 && (at < 0 || i < at)) at = i; });
    var start = at < 60 ? 0 : at - 50, end = Math.min(text.length, start + 180);
    if (start > 0) { var space = text.indexOf(" ", start); if (space >= 0 && space < at) start = space + 1; }
    if (end < text.length) { var last = text.lastIndexOf(" ", end); if (last > at + 20 && last > end - 30) end = last; }
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  function setUpSearch(box) {
    var input = box.querySelector(".search-input"), list = box.querySelector(".search-results");
    var count = box.querySelector(".search-count"), links = [], active = -1, loading = false;

    function load() {
      if (searchData || loading) return;
      loading = true;
      searchReady.push(update);
      var script = document.createElement("script");
      script.src = input.dataset.index;
      document.head.appendChild(script);
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      select(-1);
    }

    function select(k) {
      active = k;
      links.forEach(function (link, j) { link.setAttribute("aria-selected", j === k ? "true" : "false"); });
      if (k < 0) { input.removeAttribute("aria-activedescendant"); return; }
      input.setAttribute("aria-activedescendant", links[k].id);
      links[k].scrollIntoView({ block: "nearest" });
    }

    function update() {
      if (!searchData) return;
      var query = input.value, found = searchGroups(query);
      list.textContent = "";
      links = [];
      if (!found.groups.length) { count.textContent = ""; close(); return; }
      var hits = searchHits(found.groups);
      // The query as typed is marked whole where it stands, before its words one by one.
      var phrase = query.toLowerCase().replace(/\s+/g, " ").replace(/^ | $/g, "");
      var terms = phrase.indexOf(" ") > 0 ? [phrase].concat(found.terms) : found.terms;
      hits.forEach(function (hit, k) {
        var entry = searchData.s[hit.section], page = searchData.p[entry[0]];
        var link = document.createElement("a");
        link.id = "search-result-" + k;
        link.className = "search-result";
        link.setAttribute("role", "option");
        link.tabIndex = -1;
        link.href = input.dataset.root + page[1] + (entry[1] ? "#" + entry[1] : "");
        var where = document.createElement("span");
        where.className = "search-where";
        where.appendChild(searchMarked(page[0] + (entry[1] ? " › " + entry[2] : ""), terms));
        var text = document.createElement("span");
        text.className = "search-snippet";
        text.appendChild(searchMarked(searchSnippet(entry[3], found.terms, phrase), terms));
        link.appendChild(where);
        link.appendChild(text);
        list.appendChild(link);
        links.push(link);
      });
      if (!hits.length) {
        var none = document.createElement("p");
        none.className = "search-none";
        none.textContent = box.dataset.none;
        list.appendChild(none);
      }
      count.textContent = hits.length === 0 ? box.dataset.none : hits.length === 1 ? box.dataset.one
        : box.dataset.many.replace("{n}", hits.length);
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      select(-1);
    }

    input.addEventListener("focus", function () { load(); if (input.value) update(); });
    input.addEventListener("input", update);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden) update();
        if (!links.length) return;
        var k = event.key === "ArrowDown" ? Math.min(active + 1, links.length - 1) : Math.max(active - 1, -1);
        select(k);
      } else if (event.key === "Enter") {
        var link = links[active >= 0 ? active : 0];
        if (!link || list.hidden) return;
        event.preventDefault();
        close();
        link.click();  // as a click would: the browser's own handling of the link
      } else if (event.key === "Escape") {
        if (!list.hidden) { event.preventDefault(); close(); } else if (input.value) { input.value = ""; update(); }
      }
    });
    list.addEventListener("click", function () { close(); });
    document.addEventListener("click", function (event) { if (!box.contains(event.target)) close(); });
    // "/" anywhere but in a field focuses the box, as on many documentation sites.
    document.addEventListener("keydown", function (event) {
      var target = event.target, tag = target && target.tagName;
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
      event.preventDefault();
      input.focus();
      input.select();
    });
    box.hidden = false;
  }
"""#
}
