extension Script {
    /// Small models trained again in the page (ModelWidgetHTML+Retrain): the model's plan before
    /// step 0 (retrain/<widget-id>.js) runs on the engine's kernels (assets/lessons-kernels.js)
    /// step after step, with each optimizer written as Optimizers.swift writes it, operation for
    /// operation, and the rate of LearningRates.swift, so the lesson's own settings give the
    /// build's losses. The curve is redrawn as the steps come; the widget then fires
    /// `lessons:retrained`, and the box keeps the last loss in full (`data-final-loss`).
    static let retrain = #"""
  var retrainFiles = {};
  window.lessonsRetrain = function (id, data) { var file = retrainFiles[id]; if (file) file(data); };

  // PyTorch's defaults, taken when the reader picks another optimizer than the lesson's.
  var optimizerDefaults = {
    sgd: { weight_decay: 0 }, momentum: { beta: 0.9, weight_decay: 0 }, nesterov: { beta: 0.9, weight_decay: 0 },
    adam: { beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0 },
    adamw: { beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.01 },
    rmsprop: { alpha: 0.99, eps: 1e-8, weight_decay: 0 }
  };

  // LearningRates.swift: the rate of each epoch, moving forward only.
  function learningRates(base, schedule, epochs) {
    var epoch = 0, current = base;
    epochs = Math.max(1, epochs);
    return function (target) {
      while (epoch < target) {
        epoch += 1;
        if (!schedule) break;
        var s = schedule.values;
        if (schedule.kind === "step") { if (epoch % s.every === 0) current *= s.gamma; }
        else if (schedule.kind === "exponential") current *= s.gamma;
        else if (schedule.kind === "cosine") current = s.minimum + (base - s.minimum) * (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
      }
      return current;
    };
  }

  // Optimizers.swift's step, on `values` with `grads` at each parameter's [offset, count].
  function optimizerStep(name, a, lr, state, params, values, grads) {
    var decay = a.weight_decay || 0, p, i, o, n, x, gradient;
    if (name === "adam" || name === "adamw") {
      state.b1 *= a.beta1; state.b2 *= a.beta2;
      var stepSize = lr / (1 - state.b1), correction2 = Math.sqrt(1 - state.b2), w = 1 - a.beta1;
      for (p = 0; p < params.length; p++) {
        o = params[p][0]; n = params[p][1];
        var m = state.m[p], v = state.v[p];
        for (i = 0; i < n; i++) {
          if (name === "adamw") { values[o + i] *= 1 - lr * decay; gradient = grads[o + i]; }
          else gradient = grads[o + i] + decay * values[o + i];
          // PyTorch's lerp, from the nearer end (Optimizer.lerp).
          m[i] = Math.abs(w) < 0.5 ? m[i] + w * (gradient - m[i]) : gradient - (gradient - m[i]) * (1 - w);
          v[i] = v[i] * a.beta2 + (1 - a.beta2) * gradient * gradient;
          values[o + i] -= stepSize * (m[i] / (Math.sqrt(v[i]) / correction2 + a.eps));
        }
      }
      return;
    }
    for (p = 0; p < params.length; p++) {
      o = params[p][0]; n = params[p][1];
      var s = state.m[p];
      for (i = 0; i < n; i++) {
        x = values[o + i];
        gradient = grads[o + i] + decay * x;
        if (name === "sgd") values[o + i] = x - lr * gradient;
        else if (name === "momentum" || name === "nesterov") {
          s[i] = a.beta * s[i] + gradient;
          values[o + i] = x - lr * (name === "nesterov" ? gradient + a.beta * s[i] : s[i]);
        } else {
          s[i] = a.alpha * s[i] + (1 - a.alpha) * gradient * gradient;
          values[o + i] = x - lr * (gradient / (Math.sqrt(s[i]) + a.eps));
        }
      }
    }
  }

  function setUpRetrain(widget) {
    var box = widget.querySelector(".retrain");
    if (!box || !box.dataset.retrain) return;
    var rateField = box.querySelector(".retrain-rate"), optimizerField = box.querySelector(".retrain-optimizer");
    var stepsField = box.querySelector(".retrain-steps"), runButton = box.querySelector(".retrain-run");
    var resetButton = box.querySelector(".retrain-reset"), status = box.querySelector(".retrain-status");
    var svg = box.querySelector(".retrain-chart svg"), messages = JSON.parse(box.dataset.messages);
    var lesson = { rate: rateField.value, optimizer: optimizerField.value, steps: stepsField.value };
    var data = null, failed = false, waiting = [], run = 0;
    box.hidden = false;

    function say(text) { status.textContent = text; }
    function ready(done) {
      if (data) { done(); return; }
      if (failed) { say(messages.loadFailed); return; }
      waiting.push(done);
      if (waiting.length > 1) return;
      var fail = function () { failed = true; waiting = []; say(messages.loadFailed); };
      retrainFiles[widget.id] = function (d) {
        withKernels(function () { data = d; draw(null, 0); waiting.forEach(function (w) { w(); }); waiting = []; }, fail);
      };
      loadScript(box.dataset.retrain, null, fail);
    }
    function number(x) { return Number(x.toPrecision(6)).toString(); }

    // This run's losses so far (solid) under the build's curve (dashed, so both show where they
    // agree), on a log scale when they span decades, with a label at each decade.
    function draw(losses, count) {
      // Drawn at the width it is shown, so its text is 12 CSS px on a phone as on a desktop.
      var width = Math.round(svg.getBoundingClientRect().width) || 480;
      svg.setAttribute("viewBox", "0 0 " + width + " 190");
      var total = losses ? losses.length : data.steps, left = 58, right = width - 10, top = 10, bottom = 170;
      var build = [];
      data.buildSteps.forEach(function (s, k) { if (s < total) build.push([s, data.buildLosses[k]]); });
      var mine = [], every = Math.max(1, Math.floor(count / 400));
      for (var k = 0; k < count; k += every) mine.push([k, losses[k]]);
      if (count > 0) mine.push([count - 1, losses[count - 1]]);
      var all = build.concat(mine).map(function (p) { return p[1]; }).filter(isFinite);
      var lo = Math.min.apply(null, all), hi = Math.max.apply(null, all);
      var log = lo > 0 && hi / lo > 20, f = log ? Math.log10 : function (x) { return x; };
      var y0 = f(lo), y1 = f(hi);
      if (!(y1 > y0)) { y0 -= 1; y1 += 1; }
      var X = function (s) { return left + (right - left) * s / Math.max(1, total - 1); };
      var Y = function (v) { return bottom - (bottom - top) * (f(v) - y0) / (y1 - y0); };
      var line = function (points) {
        return points.filter(function (p) { return isFinite(p[1]); })
          .map(function (p) { return X(p[0]).toFixed(1) + "," + Y(p[1]).toFixed(1); }).join(" ");
      };
      var ns = "http://www.w3.org/2000/svg";
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      var add = function (name, attributes, text) {
        var e = document.createElementNS(ns, name);
        Object.keys(attributes).forEach(function (key) { e.setAttribute(key, attributes[key]); });
        if (text !== undefined) e.textContent = text;
        svg.appendChild(e);
      };
      var ticks = [[lo, Number(lo.toPrecision(3)).toString()], [hi, Number(hi.toPrecision(3)).toString()]];
      if (log && Math.floor(y1) - Math.ceil(y0) <= 8) {
        ticks = [];
        for (var d = Math.ceil(y0); d <= Math.floor(y1); d++) ticks.push([Math.pow(10, d), d >= 0 && d < 4 ? String(Math.pow(10, d)) : "1e" + d]);
      }
      ticks.forEach(function (t) {
        var y = Y(t[0]).toFixed(1);
        add("path", { d: "M" + left + " " + y + "H" + right, "class": "grid" });
        add("text", { x: left - 5, y: Number(y) + 4, "text-anchor": "end" }, t[1]);
      });
      add("path", { d: "M" + left + " " + top + "V" + bottom + "H" + right, "class": "axis" });
      add("text", { x: left, y: bottom + 16, "text-anchor": "middle" }, "0");
      add("text", { x: right, y: bottom + 16, "text-anchor": "end" }, grouped(total - 1));
      if (mine.length) add("polyline", { points: line(mine), "class": "mine" });
      if (build.length) add("polyline", { points: line(build), "class": "build" });
    }
    function grouped(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

    function settings() {
      var rate = rateField.value.trim() === "" ? NaN : Number(rateField.value);
      var steps = stepsField.value.trim() === "" ? NaN : Number(stepsField.value);
      rateField.toggleAttribute("aria-invalid", !(rate > 0 && isFinite(rate)));
      stepsField.toggleAttribute("aria-invalid", !(steps >= 1 && steps <= data.maxSteps && steps === Math.floor(steps)));
      if (!(rate > 0 && isFinite(rate))) { say(messages.badRate); return null; }
      if (!(steps >= 1 && steps <= data.maxSteps && steps === Math.floor(steps))) {
        say(fillIn(messages.badSteps, [grouped(data.maxSteps)])); return null;
      }
      var name = optimizerField.value, own = name === data.optimizer, a = {};
      var defaults = optimizerDefaults[name] || {};
      Object.keys(defaults).forEach(function (key) { a[key] = own && key in data.arguments ? data.arguments[key] : defaults[key]; });
      return { rate: rate, steps: steps, name: name, arguments: a, lessons: own && rate === data.arguments.lr && steps === data.steps };
    }

    function train() {
      var s = settings();
      if (!s) {
        delete box.dataset.finalLoss;
        widget.dispatchEvent(new CustomEvent("lessons:retrained"));
        return;
      }
      var mine = ++run, plan = data.plan, values = LessonsKernels.initialValues(plan);
      var params = data.parameters.map(function (i) { return plan.nodes[i]; }), lossAt = plan.nodes[data.loss][0];
      var state = { b1: 1, b2: 1, m: params.map(function (p) { return new Float64Array(p[1]); }),
                    v: params.map(function (p) { return new Float64Array(p[1]); }) };
      var rates = learningRates(s.rate, data.schedule, s.steps), losses = new Float64Array(s.steps), step = 0;
      var chunk = Math.max(1, Math.floor(200000 / Math.max(1, plan.size)));
      runButton.disabled = true;
      var finish = function (text, last) {
        runButton.disabled = false;
        say(text);
        if (last !== undefined) box.dataset.finalLoss = String(last); else delete box.dataset.finalLoss;
        widget.dispatchEvent(new CustomEvent("lessons:retrained"));
      };
      var next = function () {
        if (mine !== run) return;
        var end = Math.min(s.steps, step + chunk);
        for (; step < end; step++) {
          var grads = LessonsKernels.run(plan, values), loss = values[lossAt];
          losses[step] = loss;
          if (!isFinite(loss)) { draw(losses, step); finish(fillIn(messages.diverged, [step])); return; }
          // Each step's epoch sets the rate (one step an epoch: every example is in each step).
          optimizerStep(s.name, s.arguments, rates(step), state, params, values, grads);
        }
        draw(losses, step);
        if (step < s.steps) {
          say(fillIn(messages.training, [grouped(step), grouped(s.steps)]));
          setTimeout(next, 0);
          return;
        }
        var last = losses[s.steps - 1];
        finish(s.lessons ? fillIn(messages.done, [grouped(s.steps), s.name, number(s.rate), number(last), number(data.finalLoss)])
                         : fillIn(messages.doneOther, [grouped(s.steps), s.name, number(s.rate), number(last)]), last);
      };
      next();
    }

    runButton.addEventListener("click", function () { ready(train); });
    box.addEventListener("toggle", function () { if (box.open) ready(function () {}); });
    resetButton.addEventListener("click", function () {
      run++;
      rateField.value = lesson.rate; optimizerField.value = lesson.optimizer; stepsField.value = lesson.steps;
      rateField.removeAttribute("aria-invalid"); stepsField.removeAttribute("aria-invalid");
      runButton.disabled = false;
      delete box.dataset.finalLoss;
      if (data) draw(null, 0);
      say(messages.reset);
    });
  }
"""#
}
