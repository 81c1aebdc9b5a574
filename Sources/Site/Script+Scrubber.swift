extension Script {
    /// The training-step slider of a model widget: it refills cards, table and equations from a traced step.
    static let scrubber = #"""
  // Trained models: a slider picks the traced step whose numbers the diagram and walk show.
  // Returns the function that shows step k, or null when the widget has no slider.
  function setUpScrubber(widget, cells, steps) {
    var scrub = null;
    var data = widget.querySelector("script.snapshots");
    var scrubber = widget.querySelector(".scrubber");
    if (data && scrubber) {
      var snapshots = JSON.parse(data.textContent);
      var slider = scrubber.querySelector("input");
      var output = scrubber.querySelector("output");
      var marker = widget.querySelector(".chart-marker");
      var fill = function (cell, lines) {
        while (cell.firstChild) cell.removeChild(cell.firstChild);
        lines.forEach(function (line) {
          var span = document.createElement("span");
          span.textContent = line;
          cell.appendChild(span);
        });
      };
      scrub = function (k) {
        var snap = snapshots[Math.max(0, Math.min(snapshots.length - 1, k))];
        slider.value = String(k);
        output.textContent = snap.label;
        cells.forEach(function (cell) {
          var i = parseInt(cell.dataset.node, 10);
          fill(cell, (cell.classList.contains("value") ? snap.v : snap.g)[i] || []);
        });
        steps.forEach(function (li, j) {
          li.querySelector(".equation").textContent = snap.e[li.dataset.eq ? parseInt(li.dataset.eq, 10) : j] || "";
        });
        if (marker && snap.x !== null) { marker.style.left = snap.x + "%"; marker.hidden = false; }
      };
      slider.addEventListener("input", function () { scrub(parseInt(slider.value, 10)); });
      scrubber.hidden = false;
      scrub(snapshots.length - 1);
    }

    return scrub;
  }
"""#
}
