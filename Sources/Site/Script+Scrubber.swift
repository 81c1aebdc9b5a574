extension Script {
    /// The training-step slider of a model widget: it loads the widget's step file on first use
    /// and refills cards, node table, equations and predictions table from the traced step it shows.
    static let scrubber = #"""
  // Step files (steps/<widget-id>.js, written by StepData) call lessonsSteps(id, packed) when
  // they load; a <script src> works from file://, where fetch does not.
  var stepFiles = {};

  window.lessonsSteps = function (id, packed) {
    var file = stepFiles[id];
    if (!file) return;
    unpack(packed).then(function (data) {
      file.snapshots = decodeSteps(data);
      file.waiting.forEach(function (done) { done(); });
      file.waiting = [];
      var widget = document.getElementById(id);
      if (widget) widget.dispatchEvent(new CustomEvent("lessons:steps"));
    });
  };

  // Each text is a template whose holes (\u0001) take the step's numbers in order; a text
  // worded differently at this step is stored whole ("o"), a step of another shape too ("r").
  function decodeSteps(data) {
    var shape = data.shape;
    return data.steps.map(function (step) {
      if (step.r) { step.r.x = step.x; return step.r; }
      var numbers = step.n === "" ? [] : step.n.split("|"), k = 0, whole = step.o || {}, distinct = [];
      // "  ~3": the spaces, then the fourth distinct number of this step (see StepText.shared).
      numbers = numbers.map(function (number) {
        var digits = number.replace(/^ +/, ""), spaces = number.slice(0, number.length - digits.length);
        if (digits.charAt(0) === "~") return spaces + (distinct[parseInt(digits.slice(1), 36)] || "");
        distinct.push(digits);
        return number;
      });
      var texts = data.t.map(function (template, slot) {
        if (whole.hasOwnProperty(String(slot))) return whole[slot];
        return (template || "").replace(/\u0001/g, function () { return numbers[k++] || ""; });
      });
      var at = 0;
      var take = function (n) { var part = texts.slice(at, at + n); at += n; return part; };
      var label = take(1)[0];
      return { label: label, x: step.x, v: shape.v.map(take), g: shape.g.map(take),
               e: take(shape.e), tv: take(shape.tv), tg: take(shape.tg), p: take(shape.p || 0) };
    });
  }

  function loadSteps(id, src, done) {
    var file = stepFiles[id];
    if (file && file.snapshots) { done(); return; }
    if (!file) {
      file = stepFiles[id] = { snapshots: null, waiting: [] };
      var script = document.createElement("script");
      script.src = src;
      document.head.appendChild(script);
    }
    file.waiting.push(done);
  }

  // Trained models: a slider picks the traced step whose numbers the diagram, table and walk show.
  // Returns { scrub(k), load(done) }, or null when the widget has no slider.
  function setUpScrubber(widget, cells, tableCells, steps) {
    var scrubber = widget.querySelector(".scrubber");
    // Without DecompressionStream the slider stays hidden and the page shows the last step.
    if (!scrubber || !scrubber.dataset.steps || !canUnpack) return null;
    var slider = scrubber.querySelector("input");
    var output = scrubber.querySelector("output");
    var marker = widget.querySelector(".chart-marker");
    // The predictions table: its caption names the step, its step columns (data-p) take that step's numbers.
    var predictions = widget.querySelector(".predictions");
    var caption = predictions ? predictions.querySelector("caption") : null;
    var predictionCells = predictions ? Array.prototype.slice.call(predictions.querySelectorAll("td[data-p]")) : [];
    var snapshots = null, wanted = null;
    var fill = function (cell, lines) {
      while (cell.firstChild) cell.removeChild(cell.firstChild);
      lines.forEach(function (line) {
        var span = document.createElement("span");
        span.textContent = line;
        cell.appendChild(span);
      });
    };
    var place = function (x) {
      if (marker && x !== null && x !== undefined && x !== "") { marker.style.left = x + "%"; marker.hidden = false; }
    };
    var show = function (k) {
      var snap = snapshots[Math.max(0, Math.min(snapshots.length - 1, k))];
      output.textContent = snap.label;
      cells.forEach(function (cell) {
        var i = parseInt(cell.dataset.node, 10);
        fill(cell, (cell.classList.contains("value") ? snap.v : snap.g)[i] || []);
      });
      tableCells.forEach(function (cell) {
        var i = parseInt(cell.dataset.node, 10);
        cell.textContent = (cell.classList.contains("value") ? snap.tv : snap.tg)[i] || "";
      });
      // A graph with groups numbers its steps' equations (data-eq): every view shares them.
      steps.forEach(function (li, j) {
        li.querySelector(".equation").textContent = snap.e[li.dataset.eq ? parseInt(li.dataset.eq, 10) : j] || "";
      });
      if (snap.p && snap.p.length) {
        if (caption) caption.textContent = snap.p[0];
        predictionCells.forEach(function (cell) { cell.textContent = snap.p[1 + parseInt(cell.dataset.p, 10)] || ""; });
      }
      place(snap.x);
    };
    var load = function (done) {
      loadSteps(widget.id, scrubber.dataset.steps, function () {
        snapshots = stepFiles[widget.id].snapshots;
        if (wanted !== null) show(wanted);
        if (done) done();
      });
    };
    var scrub = function (k) {
      slider.value = String(k);
      wanted = k;
      if (snapshots) show(k); else load();
    };
    slider.addEventListener("input", function () { scrub(parseInt(slider.value, 10)); });
    // Fetched as soon as the reader reaches for the slider, so it is there when it moves.
    slider.addEventListener("pointerdown", function () { load(); });
    slider.addEventListener("focus", function () { load(); });
    place(scrubber.dataset.x);
    scrubber.hidden = false;
    // Cells and steps added since (opened groups) take the step the slider shows.
    var refresh = function () { if (snapshots && wanted !== null) show(wanted); };
    return { scrub: scrub, load: load, refresh: refresh };
  }
"""#
}
