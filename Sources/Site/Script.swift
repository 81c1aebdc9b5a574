/// Our only JavaScript, written to `output/assets/lessons.js`: the graph step-through, and the
/// framework tabs with their copy buttons. In the step-through, position 0 is the overview
/// (everything computed); then one step per node forward, and one per node backward. Pages read
/// fine without it.
package enum Script {
    package static let fileName = "lessons.js"

    package static let javaScript = #"""
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

  // Framework tabs (WAI-ARIA tabs pattern): the page holds labelled panels one after the other;
  // here they become a tab list. Choosing a framework shows it under every block of the page.
  var tabGroups = [];

  function choose(label) {
    tabGroups.forEach(function (group) { group.show(label); });
  }

  function setUpTabs(box) {
    var panels = Array.prototype.slice.call(box.querySelectorAll(".code-panel"));
    var list = document.createElement("div");
    list.className = "code-tablist";
    list.setAttribute("role", "tablist");
    list.setAttribute("aria-label", box.dataset.label || "Code");
    var tabs = panels.map(function (panel) {
      var tab = document.createElement("button");
      tab.type = "button";
      tab.id = panel.id + "-tab";
      tab.textContent = panel.dataset.tab;
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.tabIndex = 0;
      list.appendChild(tab);
      return tab;
    });
    function select(k) {
      tabs.forEach(function (tab, j) {
        tab.setAttribute("aria-selected", j === k ? "true" : "false");
        tab.tabIndex = j === k ? 0 : -1;
        panels[j].hidden = j !== k;
      });
    }
    list.addEventListener("click", function (event) {
      var k = tabs.indexOf(event.target.closest("[role=tab]"));
      if (k >= 0) choose(panels[k].dataset.tab);
    });
    list.addEventListener("keydown", function (event) {
      var k = tabs.indexOf(document.activeElement);
      var moves = { ArrowRight: k + 1, ArrowLeft: k - 1, Home: 0, End: tabs.length - 1 };
      if (k < 0 || !(event.key in moves)) return;
      var next = (moves[event.key] + tabs.length) % tabs.length;
      choose(panels[next].dataset.tab);
      tabs[next].focus();
      event.preventDefault();
    });
    // Arrow keys inside the code belong to the tabs and the scrolling, not to the graph's walk.
    box.addEventListener("keydown", function (event) { event.stopPropagation(); });
    box.insertBefore(list, box.firstChild);
    box.classList.add("js");
    // A link to a panel (#model-xor-code-2) opens its tab.
    var linked = panels.map(function (p) { return "#" + p.id; }).indexOf(location.hash);
    select(Math.max(0, linked));
    tabGroups.push({ show: function (label) {
      var k = panels.map(function (p) { return p.dataset.tab; }).indexOf(label);
      if (k >= 0) select(k);
    } });
    setUpCopy(box);
  }

  function setUpCopy(box) {
    Array.prototype.forEach.call(box.querySelectorAll(".code-copy"), function (button) {
      var code = button.closest(".code-panel").querySelector("pre code");
      // The words come from the page (data-copied, data-selected), in its language.
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener("click", function () {
        var shown = function (text) {
          button.textContent = text;
          setTimeout(function () { button.textContent = label; }, 2000);
        };
        var byHand = function () {
          // Select the code so Ctrl+C copies it, and try the old command too.
          var range = document.createRange();
          range.selectNodeContents(code);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          var ok = false;
          try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
          shown(ok ? button.dataset.copied || "Copied" : button.dataset.selected || "Selected: press Ctrl+C");
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(code.textContent).then(function () { shown(button.dataset.copied || "Copied"); }, byHand);
        } else {
          byHand();
        }
      });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".code-tabs"), setUpTabs);
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
