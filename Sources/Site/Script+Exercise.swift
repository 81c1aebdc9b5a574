extension Script {
    /// Exercises (ExerciseHTML): the reader types a number and presses Check (or Enter); the
    /// graph's live evaluator (Script+Live's `evaluate`) computes the asked value or gradient with
    /// the exercise's leaves, without touching the graph on the page; the verdict goes to a polite
    /// status line, and the answer with the worked chain rule, rewritten from the same numbers,
    /// opens below. A graph whose live file cannot load is checked against the build's answer.
    static let exercise = #"""
  // The reader's number: "0.25", "-3", "−3" (a typeset minus), "1e-3", or a fraction "2/3".
  function readAnswer(text) {
    text = text.trim().replace(/\u2212/g, "-");
    var parts = text.split("/"), number = function (t) { t = t.trim(); return t === "" ? NaN : Number(t); };
    var x = parts.length === 2 ? number(parts[0]) / number(parts[1]) : parts.length === 1 ? number(text) : NaN;
    return isFinite(x) ? x : NaN;
  }

  function setUpExercise(box) {
    var d = box.dataset, form = box.querySelector(".exercise-form"), input = box.querySelector(".exercise-input");
    var verdict = box.querySelector(".exercise-verdict"), details = box.querySelector(".exercise-answer");
    if (!form || !input || !verdict) return;
    form.hidden = false;
    var changes = {};
    (d.leaves || "").split(",").forEach(function (pair) {
      var cut = pair.indexOf("=");
      if (cut > 0) changes[pair.slice(0, cut)] = pair.slice(cut + 1).split(";").map(Number);
    });

    function judge(x, answer, note) {
      var tolerance = Number(d.tolerance);
      var bound = d.relative === "1" ? Math.max(tolerance * Math.abs(answer), 1e-12) : tolerance;
      var right = Math.abs(x - answer) <= bound * (1 + 1e-12);
      box.classList.toggle("right", right);
      box.classList.toggle("wrong", !right);
      box.classList.add("attempted");
      if (details) details.open = true;
      var shown = formatNumber(answer);
      verdict.textContent = (right ? fillIn(d.right, [d.asked, shown]) : fillIn(d.wrong, [input.value.trim(), d.within, shown]))
        + (note ? " " + note : "");
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var x = readAnswer(input.value);
      if (x !== x) {
        input.setAttribute("aria-invalid", "true");
        box.classList.remove("right", "wrong");
        verdict.textContent = d.notNumber;
        return;
      }
      input.removeAttribute("aria-invalid");
      var widget = document.getElementById(d.widget), live = widget && widget.lessonsLive;
      var offline = function () { judge(x, Number(d.answer), d.offline); };
      if (!live || !live.evaluate) { offline(); return; }
      live.evaluate(changes, function (s, texts) {
        var answer = (d.quantity === "gradient" ? s.g : s.v)[Number(d.node)][Number(d.entry)];
        var below = d.vectorBelow ? { vector: d.vectorBelow, matrix: d.matrixBelow } : null;
        Array.prototype.forEach.call(box.querySelectorAll(".exercise-walk li"), function (li) {
          var i = parseInt(li.dataset.node, 10), equation = li.querySelector(".equation"), grid = li.querySelector(".exercise-grid");
          var forward = li.dataset.phase === "forward";
          if (equation) equation.textContent = forward ? texts.forward(s, i, below) : texts.backward(s, i, below);
          if (grid) grid.textContent = (texts.grid(s, i, forward ? "value" : "gradient", Number(d.side)) || []).join("\n");
        });
        judge(x, answer, null);
      }, offline);
    });
  }
"""#
}
