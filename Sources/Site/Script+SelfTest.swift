extension Script {
    /// What the browser tests ask for with `#lessons-selftest`: every widget walked to its end, and the tabs tried.
    static let selfTest = #"""
  function selfTest(widgets) {
    // Used by the browser tests: walk every widget to its last step and report what is shown.
    var report = widgets.map(function (w) {
      var visited = 0;
      // After the first forward step, how many of the table's gradients are still hidden (all should be).
      w.api.go("first");
      w.api.go("next");
      var tableGradients = w.element.querySelectorAll(".node-table td.grad");
      var hiddenGradients = w.element.querySelectorAll(".node-table td.grad.pending").length;
      w.api.go("first");
      while (!w.api.steps.length || !w.element.querySelector(".steps > li.current") ||
             w.element.querySelector(".steps > li.current") !== w.api.steps[w.api.steps.length - 1]) {
        w.api.go("next");
        visited += 1;
        if (visited > w.api.steps.length) break;
      }
      var current = w.element.querySelector(".steps > li.current .equation");
      var grads = w.api.cells.filter(function (c) { return c.classList.contains("grad") && !c.classList.contains("pending"); })
        .map(function (c) { return c.textContent; });
      var result = { id: w.element.id, visited: visited, equation: current ? current.textContent : "", gradients: grads,
                     tableGradients: tableGradients.length, hiddenGradients: hiddenGradients };
      if (w.api.scrub) {
        // Scrub to the first traced step and report what it shows, then back to the last.
        w.api.scrub(0);
        result.firstStep = w.element.querySelector(".scrubber output").textContent;
        result.firstGradients = w.api.cells.filter(function (c) { return c.classList.contains("grad"); })
          .map(function (c) { return c.textContent; });
        result.firstTableGradients = Array.prototype.map.call(tableGradients, function (c) { return c.textContent; });
        var predictions = w.element.querySelector(".predictions");
        if (predictions) {
          result.firstPredictionsCaption = predictions.querySelector("caption").textContent;
          result.firstPredictions = Array.prototype.map.call(predictions.querySelectorAll("td[data-p]"), function (c) { return c.textContent; });
        }
        w.api.scrub(parseInt(w.element.querySelector(".scrubber input").max, 10));
        if (predictions) {
          result.lastPredictionsCaption = predictions.querySelector("caption").textContent;
          result.lastPredictions = Array.prototype.map.call(predictions.querySelectorAll("td[data-p]"), function (c) { return c.textContent; });
        }
      }
      return result;
    });
    // Then press the right arrow on the first block's tabs: every block should show the next framework.
    var groups = Array.prototype.slice.call(document.querySelectorAll(".code-tabs"));
    var chosen = groups.length ? groups[0].querySelector("[role=tab][aria-selected=true]") : null;
    if (chosen) {
      chosen.focus();
      chosen.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    }
    var tabs = groups.map(function (g) {
      var selected = g.querySelector("[role=tab][aria-selected=true]");
      return { id: g.id, tabs: g.querySelectorAll("[role=tab]").length, selected: selected ? selected.textContent : "",
               visible: g.querySelectorAll(".code-panel:not([hidden])").length };
    });
    document.body.setAttribute("data-selftest", JSON.stringify({
      widgets: report, tabs: tabs, focused: document.activeElement ? document.activeElement.textContent : "",
      scrollWidth: document.documentElement.scrollWidth, viewportWidth: window.innerWidth
    }));
  }
"""#
}
