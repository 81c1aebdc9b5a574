extension Script {
    /// A diagram wider than its box is shown fitted to the box's width, or at actual size with
    /// sideways scrolling when the reader asks (the toggle is shown only then); the walk keeps its
    /// current node in view.
    static let fit = #"""
  // The drawing the stylesheet shows (a widget may carry a wide and a narrow one).
  function shownDiagram(widget) {
    var all = widget.querySelectorAll(".diagram");
    for (var i = 0; i < all.length; i++) if (all[i].getClientRects().length) return all[i];
    return all[0] || null;
  }

  // The narrow drawing's cells come empty (the page carries each number once): copy the lines.
  function fillNarrowCells(widget) {
    var first = widget.querySelector(".diagram");
    Array.prototype.forEach.call(widget.querySelectorAll(".diagram.narrow .cell"), function (cell) {
      var kind = cell.classList.contains("value") ? "value" : "grad";
      var source = first.querySelector(".cell." + kind + '[data-node="' + cell.dataset.node + '"]');
      if (source && !cell.firstChild) {
        Array.prototype.forEach.call(source.childNodes, function (line) { cell.appendChild(line.cloneNode(true)); });
      }
    });
  }

  // Returns the function that fits again (after the shown drawing changes), or null.
  function setUpFit(widget) {
    fillNarrowCells(widget);
    var box = widget.querySelector(".diagram-scroll");
    var bar = widget.querySelector(".diagram-bar");
    var toggle = bar ? bar.querySelector("button") : null;
    if (!box || !toggle) return null;
    var actual = false;
    function fit() {
      var style = getComputedStyle(box);
      var room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (!(room > 0)) return;
      // Between a phone and a desktop, the drawing that is shown larger wins (the wide one if it
      // keeps 0.8 of its size); the stylesheet's width query decides without the script.
      var wide = widget.querySelector(".diagram.wide"), narrow = widget.querySelector(".diagram.narrow");
      if (wide && narrow) {
        var wideScale = Math.min(1, room / parseFloat(wide.dataset.width));
        var narrowScale = Math.min(1, room / parseFloat(narrow.dataset.width));
        var useWide = wideScale >= 0.8 || wideScale >= narrowScale;
        widget.classList.toggle("use-wide", useWide);
        widget.classList.toggle("use-narrow", !useWide);
      }
      var shown = shownDiagram(widget);
      if (!shown) return;
      Array.prototype.forEach.call(widget.querySelectorAll(".diagram"), function (d) {
        var width = parseFloat(d.dataset.width);
        d.style.zoom = !actual && width > room ? String(room / width) : "";
      });
      bar.hidden = !(parseFloat(shown.dataset.width) > room + 0.5);
      toggle.textContent = actual ? toggle.dataset.fit : toggle.dataset.actual;
      toggle.setAttribute("aria-pressed", actual ? "true" : "false");
    }
    toggle.addEventListener("click", function () { actual = !actual; fit(); });
    window.addEventListener("resize", fit);
    // The deck shows one slide at a time: a widget measures its box again when its slide shows.
    widget.addEventListener("lessons-refit", fit);
    fit();
    return fit;
  }

  // Scrolls the diagram's own box (never the page, unless the card is out of sight altogether)
  // so that the card of `node` is visible; smoothly, unless the reader asked for less motion.
  function keepInView(widget, node) {
    var box = widget.querySelector(".diagram-scroll");
    var shown = shownDiagram(widget);
    var card = shown && node >= 0 ? shown.querySelector('.node[data-node="' + node + '"]') : null;
    if (!box || !card) return;
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var behavior = still ? "auto" : "smooth";
    var c = card.getBoundingClientRect(), b = box.getBoundingClientRect(), margin = 16;
    // A deck shows the box zoomed and scaled: turn screen pixels into the box's own.
    var k = box.offsetHeight > 0 && b.height > 0 ? b.height / box.offsetHeight : 1;
    var dx = 0, dy = 0;
    if (c.left < b.left + margin) dx = c.left - b.left - margin;
    else if (c.right > b.right - margin) dx = Math.min(c.right - b.right + margin, c.left - b.left - margin);
    // A box with a height of its own (a slide's tall diagram) scrolls down to the card too.
    if (box.scrollHeight > box.clientHeight + 1) {
      if (c.top < b.top + margin) dy = c.top - b.top - margin;
      else if (c.bottom > b.bottom - margin) dy = Math.min(c.bottom - b.bottom + margin, c.top - b.top - margin);
    }
    if (dx !== 0 || dy !== 0) box.scrollBy({ left: dx / k, top: dy / k, behavior: behavior });
    var height = window.innerHeight || document.documentElement.clientHeight;
    if (c.bottom < 0 || c.top > height) window.scrollBy({ top: c.top - height / 3, behavior: behavior });
  }
"""#
}
