extension Script {
    /// The graph step-through: Start/Back/Next/End and arrow keys move through the forward and backward steps.
    static let walk = #"""
  function setUp(widget) {
    // A graph with groups has one walk per view (data-view); only the shown view's steps count.
    var allSteps = Array.prototype.slice.call(widget.querySelectorAll(".steps > li"));
    var view = "0";
    var inView = function (li) { return (li.dataset.view || "0") === view; };
    var steps = allSteps.filter(inView);
    var cells = Array.prototype.slice.call(widget.querySelectorAll(".cell"));
    // The node table's value and gradient cells follow the walk like the cards do.
    var tableCells = Array.prototype.slice.call(widget.querySelectorAll(".node-table td[data-node]"));
    var cards = Array.prototype.slice.call(widget.querySelectorAll(".node"));
    var edges = Array.prototype.slice.call(widget.querySelectorAll(".edges path"));
    var stepper = widget.querySelector(".stepper");
    var counter = widget.querySelector(".counter");
    var buttons = {};
    Array.prototype.forEach.call(stepper.querySelectorAll("button"), function (b) { buttons[b.dataset.go] = b; });
    // data-order, where present, is a card's place in its view's walk; else its node index is.
    var order = function (element) { return parseInt(element.dataset.order || element.dataset.node, 10); };
    // A graph may be drawn twice (wide and narrow): the self-test reports the first drawing's cells.
    var first = widget.querySelector(".diagram");
    var firstCells = cells.filter(function (cell) { return !first || first.contains(cell); });
    var forwardCount, backwardCount;
    function countSteps() {
      forwardCount = steps.filter(function (li) { return li.dataset.phase === "forward"; }).length;
      backwardCount = steps.length - forwardCount;
    }
    countSteps();
    var position = 0;

    function show() {
      var step = position > 0 ? steps[position - 1] : null;
      var phase = step ? step.dataset.phase : "";
      var active = step ? parseInt(step.dataset.node, 10) : -1;
      var activeOrder = step ? order(step) : -1;
      cells.forEach(function (cell) {
        var i = order(cell);
        var known = !step || (cell.classList.contains("value") ? (phase === "backward" || i <= activeOrder)
                                                                : (phase === "backward" && i >= activeOrder));
        cell.classList.toggle("pending", !known);
        cell.classList.toggle("fresh", step !== null && parseInt(cell.dataset.node, 10) === active &&
                              cell.classList.contains(phase === "forward" ? "value" : "grad"));
      });
      // The node table lists every node in order: a number shows once the walk has passed it.
      tableCells.forEach(function (cell) {
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
      allSteps.forEach(function (li) { li.classList.toggle("current", li === step); });
      widget.classList.toggle("at-overview", position === 0);
      var template = !step ? stepper.dataset.overview : (phase === "forward" ? stepper.dataset.forward : stepper.dataset.backward);
      var k = phase === "forward" ? position : position - forwardCount;
      var n = !step ? forwardCount : (phase === "forward" ? forwardCount : backwardCount);
      counter.textContent = template.replace("{n}", String(n)).replace("{k}", String(k));
      buttons.first.disabled = buttons.prev.disabled = position === 0;
      buttons.last.disabled = buttons.next.disabled = position === steps.length;
      if (step) keepInView(widget, active);
    }

    function go(where) {
      if (where === "first") position = 0;
      else if (where === "last") position = steps.length;
      else if (where === "prev") position = Math.max(0, position - 1);
      else if (where === "next") position = Math.min(steps.length, position + 1);
      show();
    }

    var scrubber = setUpScrubber(widget, cells, tableCells, allSteps);

    // Shows view v (a graph with groups) and keeps the walk's place: the same node's step, the
    // first step inside a group just opened, or the step of a group just closed.
    function setView(v) {
      var step = position > 0 ? steps[position - 1] : null;
      view = String(v);
      steps = allSteps.filter(inView);
      api.steps = steps;
      countSteps();
      position = 0;
      if (step) {
        var node = step.dataset.node, within = step.dataset.within;
        steps.forEach(function (li, k) {
          if (position === 0 && li.dataset.phase === step.dataset.phase &&
              (li.dataset.node === node || li.dataset.within === node || li.dataset.node === within)) position = k + 1;
        });
      }
      show();
    }

    stepper.hidden = false;
    widget.classList.add("js");
    stepper.addEventListener("click", function (event) {
      var target = event.target.closest("button");
      if (target) go(target.dataset.go);
    });
    widget.addEventListener("keydown", function (event) {
      // Arrow keys in a number field or slider (Script+Live) change the number, not the step.
      if (event.target.closest && event.target.closest("input, textarea, select")) return;
      var keys = { ArrowRight: "next", ArrowLeft: "prev", Home: "first", End: "last" };
      if (keys[event.key] && !event.altKey && !event.ctrlKey && !event.metaKey) {
        go(keys[event.key]);
        event.preventDefault();
      }
    });
    show();
    // Drawings and steps that arrive later (a graph's opened groups, see Script+Groups) join the walk.
    function adopt() {
      [[cells, ".cell"], [cards, ".node"], [edges, ".edges path"], [allSteps, ".steps > li"]].forEach(function (pair) {
        Array.prototype.forEach.call(widget.querySelectorAll(pair[1]), function (e) {
          if (pair[0].indexOf(e) < 0) pair[0].push(e);
        });
      });
      steps = allSteps.filter(inView);
      api.steps = steps;
      countSteps();
      if (scrubber) scrubber.refresh();
      show();
    }

    var api = { go: go, steps: steps, cells: firstCells, scrub: scrubber && scrubber.scrub, load: scrubber && scrubber.load,
                setView: setView, adopt: adopt };
    return api;
  }
"""#
}
