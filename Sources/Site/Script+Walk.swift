extension Script {
    /// The graph step-through: Start/Back/Next/End and arrow keys move through the forward and backward steps.
    static let walk = #"""
  function setUp(widget) {
    var steps = Array.prototype.slice.call(widget.querySelectorAll(".steps > li"));
    var cells = Array.prototype.slice.call(widget.querySelectorAll(".cell"));
    // The node table's value and gradient cells follow the walk like the cards do.
    var tableCells = Array.prototype.slice.call(widget.querySelectorAll(".node-table td[data-node]"));
    var cards = Array.prototype.slice.call(widget.querySelectorAll(".node"));
    var edges = Array.prototype.slice.call(widget.querySelectorAll(".edges path"));
    var stepper = widget.querySelector(".stepper");
    var counter = widget.querySelector(".counter");
    var buttons = {};
    Array.prototype.forEach.call(stepper.querySelectorAll("button"), function (b) { buttons[b.dataset.go] = b; });
    var forwardCount = steps.filter(function (li) { return li.dataset.phase === "forward"; }).length;
    var backwardCount = steps.length - forwardCount;
    var position = 0;

    function show() {
      var step = position > 0 ? steps[position - 1] : null;
      var phase = step ? step.dataset.phase : "";
      var active = step ? parseInt(step.dataset.node, 10) : -1;
      cells.concat(tableCells).forEach(function (cell) {
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
      var k = phase === "forward" ? position : position - forwardCount;
      var n = !step ? forwardCount : (phase === "forward" ? forwardCount : backwardCount);
      counter.textContent = template.replace("{n}", String(n)).replace("{k}", String(k));
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

    var scrubber = setUpScrubber(widget, cells, tableCells, steps);

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
    return { go: go, steps: steps, cells: cells, scrub: scrubber && scrubber.scrub, load: scrubber && scrubber.load };
  }
"""#
}
