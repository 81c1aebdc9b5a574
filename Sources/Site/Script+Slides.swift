extension Script {
    /// The deck: the lesson page itself, one `section.slide` (SlideSplit) at a time, at `#slide-<n>`;
    /// the presenter view at `#presenter-<n>` (current and next slide, notes, clock), opened with `P`
    /// and kept in step through a BroadcastChannel and `postMessage` (both work from file://).
    /// On entering the deck, a section that would need shrinking below `readable` is split into
    /// continuation slides between its blocks (its heading repeated), so long page sections become
    /// several slides. A block still too tall on a slide of its own (a widget with its diagram,
    /// walk, tables and code) is shown in parts on consecutive slides: the live widget itself
    /// moves to the slide on show with the other parts hidden, so its walk still works, and print
    /// and the presenter's preview get static copies. What still does not fit is scaled down to
    /// its 1280x720 stage, so no slide overflows and nothing is cut off.
    static let slides = #"""
  function setUpSlides() {
    var article = document.querySelector("article.lesson"), link = document.querySelector(".slides-link");
    if (!article || !link || document.querySelectorAll("article.lesson").length !== 1) return;
    link.hidden = false;
    // The address only the script understands, so it is given here (a page without it links nowhere).
    link.querySelector("a").setAttribute("href", "#slide-1");
    var words = link.querySelector("a").dataset;
    function collect() {
      return Array.prototype.filter.call(article.children, function (e) {
        return e.classList.contains("lesson-header") || e.classList.contains("slide") || e.classList.contains("references");
      });
    }
    var slides = collect(), paginated = false;
    var root = document.documentElement, mode = "", index = -1, bar = null, panel = null, other = null, timer = 0;
    var started = Date.now(), smallest = 0.05, readable = 0.8, channel = null, preparing = 0;
    try { channel = new BroadcastChannel("lessons-slides " + location.pathname); } catch (e) { channel = null; }

    function address() {
      var m = /^#(slide|presenter)-(\d+)$/.exec(location.hash);
      return m ? { mode: m[1], n: Math.min(Math.max(parseInt(m[2], 10), 1), slides.length) } : null;
    }
    function zoom(slide, z) {
      Array.prototype.forEach.call(slide.children, function (c) { c.style.zoom = z === 1 ? "" : String(z); });
    }
    // How many times too big the slide's content is for its stage (at most 1 when it fits).
    function overflow(slide) {
      var style = getComputedStyle(slide);
      var padY = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      var padX = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      return Math.max((slide.scrollHeight - padY) / (slide.clientHeight - padY),
                      (slide.scrollWidth - padX) / (slide.clientWidth - padX));
    }
    // Splits each section that would need shrinking below `readable` between its blocks, once:
    // measured on the fixed 1280x720 stage, so the slides are the same in every window.
    function paginate() {
      if (paginated) return;
      paginated = true;
      stage(true);
      Array.prototype.slice.call(article.querySelectorAll(":scope > section.slide")).forEach(function (slide) {
        var current = slide, heading = slide.querySelector(":scope > h2, :scope > h1");
        for (var guard = 0; guard < 60; guard++) {
          current.classList.add("slide-current");
          refit(current);
          var blocks = Array.prototype.filter.call(current.children, function (c) {
            return !c.classList.contains("slide-notes") && !c.classList.contains("continued-title");
          });
          // A heading and one block stay together: a tall block is split into its parts below.
          var alone = blocks.length < 2 || (blocks.length === 2 && blocks[0] === heading);
          var list = blocks[blocks.length - 1];
          var long = alone && list && /^(OL|UL)$/.test(list.tagName) && list.children.length > 1;
          if (overflow(current) <= 1 / readable || (alone && !long)) { current.classList.remove("slide-current"); break; }
          var next = document.createElement("section");
          next.className = "slide slide-continued";
          current.after(next);
          if (long) {
            // A long list (the exercises) goes on between its items, numbered on.
            var rest = list.cloneNode(false), items = Array.prototype.slice.call(list.children);
            rest.removeAttribute("id");
            while (items.length > 1 && overflow(current) > 1 / readable) rest.insertBefore(items.pop(), rest.firstChild);
            if (list.tagName === "OL") rest.setAttribute("start", String(parseInt(list.getAttribute("start") || "1", 10) + items.length));
            next.appendChild(rest);
          }
          // Blocks move to the next slide from the end until this one fits (the first always stays).
          while (blocks.length > 1 && overflow(current) > 1 / readable) next.insertBefore(blocks.pop(), next.firstChild);
          current.classList.remove("slide-current");
          if (heading) next.insertBefore(continuedTitle(heading), next.firstChild);
          current = next;
        }
      });
      Array.prototype.slice.call(article.querySelectorAll(":scope > section.slide")).forEach(function (slide) {
        splitWidget(slide, slide.querySelector(":scope > h2, :scope > h1, :scope > .continued-title"));
      });
      slides = collect();
    }
    // The deck's stage is 1280px wide in every window, so what the page fits to the window fits
    // the stage instead: each diagram measures its box again (Script+Fit refits on resize), and
    // the charts show their wide drawing (a <source media> picks the narrow one for a phone).
    function stage(on) {
      if (root.classList.contains("deck") === on) return;
      root.classList.toggle("deck", on);
      wideCharts(on);
      window.dispatchEvent(new Event("resize"));
    }
    // A slide's diagrams fit its box, measured while it shows (hidden, a box has no width).
    function refit(slide) {
      Array.prototype.forEach.call(slide.querySelectorAll(".graph-widget"), function (w) { w.dispatchEvent(new Event("lessons-refit")); });
    }
    function wideCharts(on) {
      Array.prototype.forEach.call(article.querySelectorAll("picture > source[media]"), function (s) {
        if (on && !s.hasAttribute("data-media")) { s.setAttribute("data-media", s.media); s.media = "not all"; }
        else if (!on && s.hasAttribute("data-media")) { s.media = s.getAttribute("data-media"); s.removeAttribute("data-media"); }
      });
    }
    function continuedTitle(heading) {
      var title = heading.cloneNode(true);
      title.removeAttribute("id");
      Array.prototype.forEach.call(title.querySelectorAll("[id], .anchor"), function (e) {
        if (e.classList.contains("anchor")) e.remove(); else e.removeAttribute("id");
      });
      title.classList.add("continued-title");
      return title;
    }
    // The parts of a widget that stay together on a slide: the diagram with its walk; every
    // other child (charts, a table, the code) is a part of its own. The caption shows on each.
    var walkParts = ".diagram-scroll, .live-edit, .group-note, .scrubber, .stepper, .steps-hint, ol.steps";
    function showPart(widget, part) {
      Array.prototype.forEach.call(widget.children, function (c, k) {
        c.classList.toggle("deck-off", k !== 0 && part.indexOf(k) < 0);
      });
    }
    // A slide holding one block too tall to read becomes one slide per part of it: the block
    // stays where it is for part 1, and the next slides get markers it moves to when shown.
    function splitWidget(slide, heading) {
      var blocks = Array.prototype.filter.call(slide.children, function (c) {
        return !c.classList.contains("slide-notes") && !c.classList.contains("continued-title") && c !== heading;
      });
      var widget = blocks[0];
      if (blocks.length !== 1 || !widget.matches("figure.lesson-block") || widget.children.length < 3) return;
      slide.classList.add("slide-current");
      refit(slide);
      if (overflow(slide) > 1 / readable) {
        var units = [];
        Array.prototype.forEach.call(widget.children, function (c, k) {
          if (k === 0) return;
          var last = units[units.length - 1];
          if (last && c.matches(walkParts) && widget.children[last[last.length - 1]].matches(".diagram-bar, " + walkParts)) last.push(k);
          else units.push([k]);
        });
        var parts = [[]];
        units.forEach(function (unit) {
          var part = parts[parts.length - 1], tried = part.concat(unit);
          showPart(widget, tried);
          if (part.length && overflow(slide) > 1 / readable) parts.push(unit.slice()); else parts[parts.length - 1] = tried;
        });
        showPart(widget, []);
        Array.prototype.forEach.call(widget.children, function (c) { c.classList.remove("deck-off"); });
        if (parts.length > 1) {
          var after = slide;
          parts.forEach(function (part, k) {
            var marker = document.createElement("div");
            marker.className = "deck-part";
            marker.deckWidget = widget; marker.deckPart = part;
            if (k === 0) { marker.deckHome = true; widget.before(marker); return; }
            var next = document.createElement("section");
            next.className = "slide slide-continued";
            if (heading) next.appendChild(continuedTitle(heading));
            next.appendChild(marker);
            after.after(next);
            after = next;
          });
        }
      }
      slide.classList.remove("slide-current");
    }
    // Brings the widgets of a slide's markers there, showing the marker's part.
    function placeParts(slide) {
      Array.prototype.forEach.call(slide.querySelectorAll(":scope > .deck-part"), function (m) {
        if (m.nextElementSibling !== m.deckWidget) m.after(m.deckWidget);
        showPart(m.deckWidget, m.deckPart);
      });
    }
    // Each widget back on its first slide showing its first part (where print and the preview
    // expect it until a slide further on takes it).
    function homeParts() {
      Array.prototype.forEach.call(article.querySelectorAll(".deck-part"), function (m) {
        if (!m.deckHome) return;
        if (m.nextElementSibling !== m.deckWidget) m.after(m.deckWidget);
        showPart(m.deckWidget, m.deckPart);
      });
    }
    // Static copies of the parts for slides that are not on show (the preview, print); a copy
    // stays until its slide is shown, which takes the live widget instead.
    function copyParts(slide) {
      Array.prototype.forEach.call(slide.querySelectorAll(":scope > .deck-part"), function (m) {
        var after = m.nextElementSibling;
        if (after === m.deckWidget || (after && after.classList.contains("deck-copy"))) return;
        slide.deckFitted = false;
        var copy = m.deckWidget.cloneNode(true);
        showPart(copy, m.deckPart);
        copy.classList.add("deck-copy");
        Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (e) { e.removeAttribute("id"); });
        copy.removeAttribute("id");
        m.after(copy);
      });
    }
    function dropCopies(within) {
      Array.prototype.forEach.call((within || article).querySelectorAll(".deck-copy"), function (c) { c.remove(); });
    }
    // Print lays every slide out at once, each as it is on show: its parts (copies where the live
    // widget is elsewhere) at its own scale. Prepared in the background once a slide is shown and
    // again on `beforeprint`, so a print that raises no event (or a user agent that has none)
    // still gets each slide whole on its page.
    function ready(s) {
      if (s === slides[index]) return;
      copyParts(s);
      if (s.deckFitted) return;
      s.classList.add("slide-current"); fit(s, false); s.classList.remove("slide-current");
      s.deckFitted = true;
    }
    function readyAll() { if (mode) slides.forEach(ready); }
    // Leaving the deck puts each split widget back where the page has it, whole.
    function restoreParts() {
      dropCopies();
      Array.prototype.forEach.call(article.querySelectorAll(".deck-part"), function (m) { if (m.deckHome) m.after(m.deckWidget); });
      Array.prototype.forEach.call(article.querySelectorAll(".deck-off"), function (c) { c.classList.remove("deck-off"); });
    }
    // Scales the slide's content (not the stage) until it fits, never below `smallest`. On the
    // slide on show (`live`), a diagram or table too tall to read at `readable` first gets a box
    // of its own height that scrolls, and the walk keeps its current node in view (keepInView);
    // the preview and print show it whole, scaled.
    function fit(slide, live) {
      zoom(slide, 1);
      clampDiagrams(slide, live);
      var z = 1, over = overflow(slide), tooBig = 1;
      for (var pass = 0; pass < 8 && over > 1.001 && z > smallest; pass++) {
        tooBig = z;
        z = Math.max(smallest, z / over * 0.99);
        zoom(slide, z);
        over = overflow(slide);
      }
      // Text rewraps at a smaller zoom, so the first zoom that fits may be smaller than needed:
      // halve the gap to the last one that did not fit a few times, keeping the largest that fits.
      if (z < tooBig && over <= 1.001) {
        for (var step = 0; step < 6 && tooBig - z > 0.01; step++) {
          var mid = (z + tooBig) / 2;
          zoom(slide, mid);
          if (overflow(slide) <= 1.001) z = mid; else tooBig = mid;
        }
        zoom(slide, z);
      }
      slide.dataset.fit = String(Math.round(z * 1000) / 1000);
    }
    function clampDiagrams(slide, live) {
      var boxes = Array.prototype.filter.call(slide.querySelectorAll(".diagram-scroll, .table-wrap"), function (b) {
        b.style.maxHeight = ""; b.classList.remove("deck-clamped");
        return b.getClientRects().length > 0;
      });
      Array.prototype.forEach.call(slide.querySelectorAll(".deck-side"), function (w) { w.classList.remove("deck-side"); });
      refit(slide);
      if (!live || !boxes.length) return;
      // Measured at the zoom the slide should keep at least, where text rewraps as it will show.
      zoom(slide, readable);
      var style = getComputedStyle(slide), padY = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      var excess = (slide.scrollHeight - padY) - (slide.clientHeight - padY);
      if (excess > 1) {
        var box = boxes.reduce(function (a, b) { return b.offsetHeight > a.offsetHeight ? b : a; });
        // The number fields go beside the diagram, which keeps the height they would take below it.
        var widget = box.parentElement, edit = widget && widget.querySelector(":scope > .live-edit");
        if (edit && edit.getClientRects().length) {
          widget.classList.add("deck-side");
          refit(slide);
          excess = (slide.scrollHeight - padY) - (slide.clientHeight - padY);
        }
      }
      if (excess > 1) {
        // The slide's pixels in the box's own (the box is zoomed and the stage scaled).
        var slideScale = slide.getBoundingClientRect().height / slide.offsetHeight;
        var boxScale = box.getBoundingClientRect().height / box.offsetHeight;
        var cut = excess * slideScale / boxScale;
        // Beside the fields, the diagram may be as tall as they are: they set the row's height.
        var beside = widget.classList.contains("deck-side") ? edit.getBoundingClientRect().height / boxScale : 0;
        box.style.maxHeight = Math.max(240, beside, box.offsetHeight - cut) + "px";
        box.classList.add("deck-clamped");
      }
      zoom(slide, 1);
    }
    function layout() {
      var w = window.innerWidth, h = window.innerHeight, s = Math.min(w / 1280, h / 720);
      if (mode === "presenter") {
        s = Math.min((w * 0.64 - 24) / 1280, (h - 56) / 720);
        root.style.setProperty("--next-scale", String(Math.min((w * 0.36 - 32) / 1280, 0.3)));
        panel.style.width = Math.max(w * 0.36 - 32, 120) + "px";
        var box = panel.querySelector(".deck-next"), ns = Math.min((w * 0.36 - 32) / 1280, 0.3);
        box.style.width = 1280 * ns + "px"; box.style.height = 720 * ns + "px";
      }
      root.style.setProperty("--deck-scale", String(s));
    }
    function button(label, action) {
      var b = document.createElement("button");
      b.type = "button"; b.textContent = label; b.addEventListener("click", action);
      return b;
    }
    function enter(next) {
      stage(true);
      mode = next;
      root.classList.toggle("presenter", mode === "presenter");
      homeParts();
      if (!bar) {
        bar = document.createElement("div"); bar.className = "deck-bar";
        bar.appendChild(button("←", function () { go(index); }));
        bar.appendChild(document.createElement("span"));
        bar.appendChild(button("→", function () { go(index + 2); }));
        bar.appendChild(button(words.presenter, present));
        bar.appendChild(button("✕", leave));
        document.body.appendChild(bar);
      }
      if (mode === "presenter" && !panel) {
        panel = document.createElement("aside"); panel.className = "deck-presenter";
        panel.innerHTML = '<div class="deck-clock"></div><p class="deck-label"></p><div class="deck-next"></div>'
          + '<p class="deck-label"></p><div class="deck-notes"></div>';
        var labels = panel.querySelectorAll(".deck-label");
        labels[0].textContent = words.next; labels[1].textContent = words.notes;
        document.body.appendChild(panel);
        tick(); timer = setInterval(tick, 1000);
      }
      layout();
    }
    function leave() {
      var slide = slides[index];
      slides.forEach(function (s) { s.classList.remove("slide-current"); zoom(s, 1); s.deckFitted = false; });
      restoreParts();
      root.classList.remove("presenter");
      if (bar) { bar.remove(); bar = null; }
      if (panel) { panel.remove(); panel = null; clearInterval(timer); }
      mode = ""; index = -1;
      stage(false);
      clearTimeout(following);
      if (location.hash) history.replaceState(null, "", location.pathname + location.search);
      if (slide) slide.scrollIntoView();
    }
    function tick() {
      var clock = panel && panel.querySelector(".deck-clock");
      if (!clock) return;
      var t = Math.floor((Date.now() - started) / 1000), pad = function (n) { return (n < 10 ? "0" : "") + n; };
      clock.textContent = new Date().toLocaleTimeString() + " · " + pad(Math.floor(t / 60)) + ":" + pad(t % 60);
    }
    function presenterPanel() {
      var box = panel.querySelector(".deck-next"), notes = panel.querySelector(".deck-notes"), next = slides[index + 1];
      box.textContent = ""; notes.textContent = "";
      if (next) {
        copyParts(next);
        var copy = next.cloneNode(true);
        copy.removeAttribute("id");
        Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (e) { e.removeAttribute("id"); });
        copy.classList.remove("slide-current"); copy.classList.add("slide-preview");
        box.appendChild(copy);
      }
      Array.prototype.forEach.call(slides[index].querySelectorAll(".slide-notes"), function (n) {
        var copy = n.cloneNode(true); copy.hidden = false; notes.appendChild(copy);
      });
    }
    function show(n, remote) {
      if (slides[index]) slides[index].classList.remove("slide-current");
      index = n - 1;
      var slide = slides[index];
      dropCopies(slide);
      placeParts(slide);
      slide.deckFitted = false;
      slide.classList.add("slide-current");
      fit(slide, true);
      // An image still loading without a stated size has no height yet: fit again once it has.
      Array.prototype.forEach.call(slide.querySelectorAll("img"), function (img) {
        if (!img.complete && !(img.getAttribute("width") && img.getAttribute("height"))) img.addEventListener("load", function () { if (slides[index] === slide) fit(slide, true); }, { once: true });
      });
      slide.scrollTop = 0;
      bar.querySelector("span").textContent = n + " / " + slides.length;
      if (mode === "presenter") presenterPanel();
      if (!remote) send(n);
      clearTimeout(preparing);
      preparing = setTimeout(readyAll, 150);
    }
    function go(n, remote) {
      n = Math.min(Math.max(n, 1), slides.length);
      if (n === index + 1 || !mode) return;
      follow("#" + mode + "-" + n);
      show(n, remote);
    }
    // The address follows the slide once moving pauses: each same-document history entry costs
    // the browser about 20 ms, and Chromium throttles a page that replaces its address hundreds of
    // times in a few seconds (an arrow key held down through a deck).
    var following = 0;
    function follow(hash) {
      clearTimeout(following);
      following = setTimeout(function () { if (mode && location.hash !== hash) history.replaceState(null, "", hash); }, 100);
    }
    function send(n) {
      var message = { lessonsSlide: n, page: location.pathname };
      if (channel) channel.postMessage(message);
      [other, window.opener].forEach(function (w) {
        if (w && w !== window && !w.closed) { try { w.postMessage(message, "*"); } catch (e) { /* gone */ } }
      });
    }
    function receive(data, source) {
      if (!data || typeof data.lessonsSlide !== "number" || data.page !== location.pathname) return;
      if (source && source !== window) other = source;
      go(data.lessonsSlide, true);
    }
    function present() {
      other = window.open(location.pathname + location.search + "#presenter-" + (index + 1), "lessons-presenter");
    }
    function apply() {
      clearTimeout(following);  // the address typed wins over one still to be written
      if (/^#(slide|presenter)-\d+$/.test(location.hash)) paginate();
      var place = address();
      if (!place) { if (mode) leave(); return; }
      if (place.mode !== mode) enter(place.mode);
      show(place.n);
    }
    if (channel) channel.onmessage = function (e) { receive(e.data, null); };
    window.addEventListener("message", function (e) { receive(e.data, e.source); });
    window.addEventListener("resize", function () { if (mode) layout(); });
    // Print shows the slide on show whole too, then the deck gets its scrolling box back.
    window.addEventListener("beforeprint", function () { readyAll(); if (slides[index]) fit(slides[index], false); });
    window.addEventListener("afterprint", function () { if (mode && slides[index]) fit(slides[index], true); });
    window.addEventListener("hashchange", apply);
    document.addEventListener("keydown", function (e) {
      if (!mode || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      var t = e.target, tag = t && t.tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) return;
      var moves = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };
      if (e.key in moves) go(index + 1 + (e.shiftKey && e.key === " " ? -1 : moves[e.key]));
      else if (e.key === "Home") go(1);
      else if (e.key === "End") go(slides.length);
      else if (e.key === "p" || e.key === "P") present();
      else if (e.key === "Escape") leave();
      else return;
      e.preventDefault();
    });
    apply();
  }
"""#
}
