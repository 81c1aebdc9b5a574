extension Script {
    /// Graphs with groups: a group's card opens the drawing with that group expanded in place;
    /// its Collapse button goes back to the drawing with every group collapsed.
    static let groups = #"""
  function setUpGroups(widget, walk, refit) {
    var diagrams = Array.prototype.slice.call(widget.querySelectorAll(".diagram[data-view]"));
    if (diagrams.length < 2 || !walk) return;
    widget.classList.add("grouped");
    widget.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-open]");
      if (!button || !widget.contains(button)) return;
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
    });
  }
"""#
}
