/// Our only JavaScript, written to `output/assets/lessons.js`: the graph step-through.
/// Position 0 is the overview (everything computed); then one step per node forward, and one
/// per node backward. Pages read fine without it.
public enum Script {
    public static let fileName = "lessons.js"

    public static let javaScript = #"""
"use strict";
(function () {
  function setUp(widget) {
    var steps = Array.prototype.slice.call(widget.querySelectorAll(".steps > li"));
    var cells = Array.prototype.slice.call(widget.querySelectorAll(".cell"));
    var cards = Array.prototype.slice.call(widget.querySelectorAll(".node"));
    var edges = Array.prototype.slice.call(widget.querySelectorAll(".edges path"));
    var stepper = widget.querySelector(".stepper");
    var counter = widget.querySelector(".counter");
    var buttons = {};
    Array.prototype.forEach.call(stepper.querySelectorAll("button"), function (b) { buttons[b.dataset.go] = b; });
    var count = cards.length;
    var position = 0;

    function show() {
      var step = position > 0 ? steps[position - 1] : null;
      var phase = step ? step.dataset.phase : "";
      var active = step ? parseInt(step.dataset.node, 10) : -1;
      cells.forEach(function (cell) {
        var i = parseInt(cell.dataset.node, 10);
        var known = !step || (cell.classList.contains("value") ? (phase === "backward" || i <= active)
                                                                : (phase === "backward" && i >= active));
        cell.classList.toggle("pending", !known);
        cell.classList.toggle("fresh", step !== null && i === active &&
                              cell.classList.contains(phase === "forward" ? "value" : "grad"));
      });
      cards.forEach(function (card) {
        card.classList.toggle("current", parseInt(card.dataset.node, 10) === active);
      });
      edges.forEach(function (edge) {
        var end = parseInt(phase === "forward" ? edge.dataset.to : edge.dataset.from, 10);
        edge.classList.toggle("active", end === active);
        edge.classList.toggle("backward", phase === "backward");
      });
      steps.forEach(function (li, k) { li.classList.toggle("current", k === position - 1); });
      widget.classList.toggle("at-overview", position === 0);
      var template = !step ? stepper.dataset.overview : (phase === "forward" ? stepper.dataset.forward : stepper.dataset.backward);
      var k = phase === "forward" ? position : position - count;
      counter.textContent = template.replace("{n}", String(count)).replace("{k}", String(k));
      buttons.first.disabled = buttons.prev.disabled = position === 0;
      buttons.last.disabled = buttons.next.disabled = position === steps.length;
    }

    function go(where) {
      if (where === "first") position = 0;
      else if (where === "last") position = steps.length;
      else if (where === "prev") position = Math.max(0, position - 1);
      else if (where === "next") position = Math.min(steps.length, position + 1);
      show();
    }

    // Trained models: a slider picks the traced step whose numbers the diagram and walk show.
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
        steps.forEach(function (li, j) { li.querySelector(".equation").textContent = snap.e[j] || ""; });
        if (marker && snap.x !== null) { marker.style.left = snap.x + "%"; marker.hidden = false; }
      };
      slider.addEventListener("input", function () { scrub(parseInt(slider.value, 10)); });
      scrubber.hidden = false;
      scrub(snapshots.length - 1);
    }

    stepper.hidden = false;
    widget.classList.add("js");
    stepper.addEventListener("click", function (event) {
      var target = event.target.closest("button");
      if (target) go(target.dataset.go);
    });
    widget.addEventListener("keydown", function (event) {
      var keys = { ArrowRight: "next", ArrowLeft: "prev", Home: "first", End: "last" };
      if (keys[event.key] && !event.altKey && !event.ctrlKey && !event.metaKey) {
        go(keys[event.key]);
        event.preventDefault();
      }
    });
    show();
    return { go: go, steps: steps, cells: cells, scrub: scrub };
  }

  function selfTest(widgets) {
    // Used by the browser tests: walk every widget to its last step and report what is shown.
    var report = widgets.map(function (w) {
      var visited = 0;
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
      var result = { id: w.element.id, visited: visited, equation: current ? current.textContent : "", gradients: grads };
      if (w.api.scrub) {
        // Scrub to the first traced step and report what it shows, then back to the last.
        w.api.scrub(0);
        result.firstStep = w.element.querySelector(".scrubber output").textContent;
        result.firstGradients = w.api.cells.filter(function (c) { return c.classList.contains("grad"); })
          .map(function (c) { return c.textContent; });
        w.api.scrub(parseInt(w.element.querySelector(".scrubber input").max, 10));
      }
      return result;
    });
    document.body.setAttribute("data-selftest", JSON.stringify({
      widgets: report, scrollWidth: document.documentElement.scrollWidth, viewportWidth: window.innerWidth
    }));
  }

  function start() {
    var widgets = Array.prototype.slice.call(document.querySelectorAll(".graph-widget")).map(function (element) {
      return { element: element, api: setUp(element) };
    });
    if (location.hash === "#lessons-selftest") selfTest(widgets);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
"""#
}
