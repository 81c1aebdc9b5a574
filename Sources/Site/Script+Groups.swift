extension Script {
    /// Graphs with groups: a group's card opens the drawing with that group expanded in place;
    /// its Collapse button goes back to the drawing with every group collapsed.
    static let groups = #"""
  // A views file (views/<widget-id>.js, see GroupViews) calls lessonsViews when it has loaded:
  // [opened drawings' markup, their walks' steps, the SVG of view 1, of view 2, ...].
  var viewFiles = {};
  window.lessonsViews = function (id, packed) {
    var file = viewFiles[id];
    if (file) unpack(packed).then(file);
  };

  function setUpGroups(widget, walk, refit) {
    var box = widget.querySelector(".diagram-scroll");
    var source = box && box.dataset.views;
    var diagrams = Array.prototype.slice.call(widget.querySelectorAll(".diagram[data-view]"));
    if ((diagrams.length < 2 && !source) || !walk || (source && !canUnpack)) return;
    widget.classList.add("grouped");
    // The opened drawings and their walks arrive with the first click (or are on the page already).
    var loaded = !source, waiting = [];
    function withViews(done) {
      if (loaded) { done(); return; }
      waiting.push(done);
      if (waiting.length > 1) return;
      viewFiles[widget.id] = function (parts) {
        box.insertAdjacentHTML("beforeend", parts[0]);
        widget.querySelector(".steps").insertAdjacentHTML("beforeend", parts[1]);
        box.querySelectorAll("img[data-svg]").forEach(function (img) {
          var svg = parts[1 + Number(img.dataset.svg)];
          if (svg) img.src = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
        });
        diagrams = Array.prototype.slice.call(widget.querySelectorAll(".diagram[data-view]"));
        walk.adopt();
        loaded = true;
        waiting.forEach(function (f) { f(); });
        waiting = [];
        widget.dispatchEvent(new CustomEvent("lessons:views"));
      };
      var script = document.createElement("script");
      script.src = source;
      document.head.appendChild(script);
    }
    widget.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-open]");
      if (!button || !widget.contains(button)) return;
      withViews(function () { open(button); });
    });
    function open(button) {
      var from = button.closest(".diagram").dataset.view;
      var to = button.dataset.open;
      // View 0 may be drawn twice (wide and narrow): the stylesheet picks which shows.
      diagrams.forEach(function (d) { d.hidden = d.dataset.view !== to; });
      if (refit) refit();
      walk.setView(to);
      // Keep the keyboard where the reader is: on the button that undoes the click.
      var shown = shownDiagram(widget);
      var back = shown && (to === "0" ? shown.querySelector('.expand[data-open="' + from + '"]') : shown.querySelector(".collapse"));
      if (back) back.focus({ preventScroll: true });
    }
  }
"""#
}
