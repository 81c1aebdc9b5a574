extension Script {
    /// Gradient descent by hand (GraphWidgetHTML+Descent): each step sets every trainable leaf to
    /// leaf − rate · gradient, with the gradients the page shows (of the output, which the
    /// `descend` line names), and hands the new values to the live evaluator the way an edit does,
    /// so the cards, table, walk and address all follow. A table keeps the steps taken; when the
    /// reader edits a leaf between steps, the next step starts a new table from the edited values.
    static let descent = #"""
  function setUpDescent(widget) {
    var box = widget.querySelector(".live-descent"), live = widget.lessonsLive;
    if (!box || !live) return;
    var rateField = box.querySelector(".descent-rate"), status = box.querySelector(".descent-status");
    var resetButton = box.querySelector(".descent-reset"), rows = box.querySelector(".descent-rows");
    var body = box.querySelector("tbody"), leaves = box.dataset.leaves.split(","), taken = 0, last = null;

    function say(text) { status.textContent = text; }
    function snapshot() { return leaves.map(function (i) { return live.values(i); }); }
    function same(a, b) {
      return !!a && !!b && a.every(function (xs, j) { return xs.every(function (x, k) { return Object.is(x, b[j][k]); }); });
    }
    function addRow(s) {
      var data = live.data(), texts = live.texts(), tr = document.createElement("tr");
      var cells = [String(taken), texts.inline(s, data.output)].concat(leaves.map(function (i) { return texts.inline(s, i); }));
      cells.forEach(function (text, k) {
        var cell = document.createElement(k === 0 ? "th" : "td");
        if (k === 0) cell.setAttribute("scope", "row");
        cell.textContent = text;
        tr.appendChild(cell);
      });
      body.appendChild(tr);
      rows.hidden = false;
      rows.scrollTop = rows.scrollHeight;
      last = snapshot();
    }
    function clear() {
      while (body.firstChild) body.removeChild(body.firstChild);
      rows.hidden = true;
      taken = 0;
      last = null;
    }

    // Takes `count` steps, stopping at a value or gradient that is not finite (shown at its node).
    function steps(count) {
      var rate = rateField.value.trim() === "" ? NaN : Number(rateField.value);
      if (!(rate > 0 && isFinite(rate))) {
        rateField.setAttribute("aria-invalid", "true");
        say(live.data().messages.badRate);
        return;
      }
      rateField.removeAttribute("aria-invalid");
      var problem = live.state() ? null : live.set({});
      if (!same(last, snapshot())) { clear(); addRow(live.state()); }
      for (var n = 0; n < count && !problem; n++) {
        var s = live.state(), changes = {};
        leaves.forEach(function (i) {
          changes[i] = s.v[i].map(function (x, k) { return x - rate * s.g[i][k]; });
        });
        problem = live.set(changes);
        taken += 1;
        addRow(live.state());
      }
      resetButton.disabled = false;
      var data = live.data(), out = data.output;
      say(problem ? problem.text
        : fillIn(data.messages.stepTaken, [taken, data.nodes[out].name, live.texts().inline(live.state(), out)]));
    }

    Array.prototype.forEach.call(box.querySelectorAll(".descent-step"), function (button) {
      button.addEventListener("click", function () {
        live.ready(function () { steps(parseInt(button.dataset.count, 10) || 1); });
      });
    });
    rateField.addEventListener("focus", function () { live.ready(function () {}); });
    resetButton.addEventListener("click", function () {
      live.ready(function () {
        clear();
        live.reset();
        resetButton.disabled = true;
        say("");
      });
    });
  }
"""#
}
