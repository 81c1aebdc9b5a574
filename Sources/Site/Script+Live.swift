extension Script {
    /// Editable graph blocks: the reader changes an input or a parameter and the page recomputes
    /// every value and gradient with the engine's kernels (assets/lessons-kernels.js) and the
    /// block's live file (live/<widget-id>.js, LiveData), both loaded on first use, then rewrites
    /// the cards, the edge labels, the node table and the walk's equations (Script+LiveText).
    /// Edits live in the address (`#graph-colah:a=3,b=-1`), so a link brings them back.
    static let live = #"""
  var liveFiles = {};
  window.lessonsLive = function (id, data) { var file = liveFiles[id]; if (file) file(data); };
  // The kernels sit beside this script (assets/), wherever the page is.
  var scriptBase = ((document.currentScript && document.currentScript.src) || "").replace(/[^\/]*$/, "");
  var kernelWaiters = [];

  function loadScript(src, done, failed) {
    var script = document.createElement("script");
    script.src = src;
    script.onload = done;
    script.onerror = failed;
    document.head.appendChild(script);
  }

  function withKernels(done, failed) {
    if (window.LessonsKernels) { done(); return; }
    kernelWaiters.push([done, failed]);
    if (kernelWaiters.length > 1) return;
    var finish = function (k) { return function () { kernelWaiters.forEach(function (w) { w[k](); }); kernelWaiters = []; }; };
    loadScript(scriptBase + "lessons-kernels.js", finish(0), finish(1));
  }

  function fillLines(cell, lines) {
    while (cell.firstChild) cell.removeChild(cell.firstChild);
    lines.forEach(function (line) {
      var span = document.createElement("span");
      span.textContent = line;
      cell.appendChild(span);
    });
  }

  // Returns { ready(done), edit(node, k, x), reset(), applyLink(text), state() }, or null.
  function setUpLive(widget) {
    var box = widget.querySelector(".live-edit");
    if (!box || !box.dataset.live) return null;
    var status = box.querySelector(".live-status"), resetButton = box.querySelector(".live-reset");
    var fields = Array.prototype.slice.call(box.querySelectorAll("input[data-node]"));
    var loadFailures = [];
    var data = null, texts = null, failed = false, waiting = [], lesson = {}, current = {}, state = null, stepOf = {};
    box.hidden = false;

    function say(text) { status.textContent = text; }
    function ready(done) {
      if (data) { done(); return; }
      if (failed) { say(box.dataset.failed); return; }
      waiting.push(done);
      if (waiting.length > 1) return;
      var fail = function () { failed = true; waiting = []; say(box.dataset.failed); loadFailures.forEach(function (f) { f(); }); loadFailures = []; };
      liveFiles[widget.id] = function (d) {
        withKernels(function () {
          data = d;
          texts = liveTexts(d);
          d.plan.forward.forEach(function (s) { stepOf[s[0]] = s; });
          d.plan.leaves.forEach(function (leaf) {
            d.plan.nodes.forEach(function (n, i) { if (n[0] === leaf[0]) { lesson[i] = leaf[1].slice(); current[i] = leaf[1].slice(); } });
          });
          waiting.forEach(function (f) { f(); });
          waiting = [];
        }, fail);
      };
      loadScript(box.dataset.live, null, fail);
    }

    function edited() {
      return Object.keys(current).some(function (i) {
        return current[i].some(function (x, k) { return !Object.is(x, lesson[i][k]); });
      });
    }

    // Values and gradients per node, and ∂c/∂input and each consumer's share on demand (as
    // Plan.localDerivative and Plan.contributions compute them).
    function compute() {
      var plan = data.plan, K = window.LessonsKernels, values = K.initialValues(plan);
      Object.keys(current).forEach(function (i) { values.set(current[i], plan.nodes[i][0]); });
      var grads = K.run(plan, values);
      var slice = function (array, i) { var n = plan.nodes[i]; return Array.prototype.slice.call(array.subarray(n[0], n[0] + n[1])); };
      var s = { v: [], g: [] };
      data.nodes.forEach(function (node, i) { s.v.push(slice(values, i)); s.g.push(slice(grads, i)); });
      s.local = function (c, p) {
        var node = data.nodes[c], x = s.v[node.inputs[0]][0], y = s.v[c][0], step = stepOf[plan.nodes[c][0]];
        if (K.binary[node.op]) return K.binary[node.op][1 + p](x, s.v[node.inputs[1]][0], y);
        if (K.unary[node.op]) return K.unary[node.op][1](x, y, step ? step[10] : 1);
        if (K.ternary[node.op]) return K.ternary[node.op][1](x, s.v[node.inputs[1]][0], s.v[node.inputs[2]][0])[p];
        if (node.op === "bce_logits") return p === 0 ? K.sigmoid(x) - s.v[node.inputs[1]][0] : -x;
        // A scalar is dropout's element 0: mask / (1 - p), the seed at step[5].
        if (node.op === "dropout" && step) return (K.dropoutKeeps(step[5], 0, step[10]) ? 1 : 0) / (1 - step[10]);
        return 1;  // sum, mean and transpose of one number pass it through
      };
      s.share = function (c, i) {
        var step = stepOf[plan.nodes[c][0]], scratch = new Float64Array(plan.size), own = plan.nodes[c];
        scratch.set(grads.subarray(own[0], own[0] + own[1]), own[0]);
        K.kernels[step[11]][1](step, values, scratch);
        return slice(scratch, i);
      };
      return s;
    }

    // The first value (in node order) or gradient (output back) that is not finite, as the build finds it.
    function problem(s) {
      var finite = function (xs) { return xs.every(isFinite); }, m = data.messages, i;
      for (i = 0; i < data.nodes.length; i++) {
        if (!finite(s.v[i])) {
          var nan = s.v[i].some(function (x) { return x !== x; }), op = data.nodes[i].op;
          var hint = m[op] || m.other;
          return { node: i, text: fillIn(m.value, [data.nodes[i].name, nan ? m.nan : m.infinite, hint]) };
        }
      }
      for (i = data.nodes.length - 1; i >= 0; i--) {
        if (data.nodes[i].role !== "constant" && !finite(s.g[i])) return { node: i, text: fillIn(m.gradient, [data.nodes[i].name]) };
      }
      return null;
    }

    function showProblem(p) {
      Array.prototype.forEach.call(widget.querySelectorAll(".live-error"), function (e) { e.parentNode.removeChild(e); });
      Array.prototype.forEach.call(widget.querySelectorAll(".node.live-bad"), function (c) { c.classList.remove("live-bad"); });
      widget.classList.toggle("live-failed", !!p);
      if (!p) return;
      // A node inside a closed group has no card in that drawing: the group's card shows it.
      var cards = [p.node];
      (data.groups || []).forEach(function (g, k) { if (g[5].indexOf(p.node) >= 0) cards.push(data.nodes.length + k); });
      var selector = cards.map(function (i) { return '.node[data-node="' + i + '"]'; }).join(", ");
      Array.prototype.forEach.call(widget.querySelectorAll(selector), function (card) {
        card.classList.add("live-bad");
        var note = document.createElement("div");
        note.className = "live-error";
        note.textContent = p.text;
        note.style.left = card.style.left;
        note.style.top = (parseFloat(card.style.top) + parseFloat(card.style.height) + 6) + "px";
        card.parentNode.appendChild(note);
      });
    }

    function labels(s) {
      Array.prototype.forEach.call(widget.querySelectorAll(".diagram"), function (drawing, d) {
        (data.labels[d] || []).forEach(function (frame) {
          var e = frame[0], label = drawing.querySelector('.live-label[data-edge="' + e + '"]');
          if (!label) {
            label = document.createElement("span");
            label.className = "live-label";
            label.dataset.edge = String(e);
            label.setAttribute("aria-hidden", "true");
            label.style.left = (frame[1] + frame[3] / 2) + "px";
            label.style.top = frame[2] + "px";
            label.style.minWidth = frame[3] + "px";
            label.style.height = frame[4] + "px";
            drawing.appendChild(label);
          }
          label.textContent = texts.label(s, e);
        });
      });
    }

    // Every drawing's cards (a closed group's summary too), the table and the walk; views of a
    // graph with groups that load later are rendered when they arrive (lessons:views).
    function render(s) {
      var nodeCount = data.nodes.length, groupCount = (data.groups || []).length;
      Array.prototype.forEach.call(widget.querySelectorAll(".cell"), function (cell) {
        var i = parseInt(cell.dataset.node, 10), kind = cell.classList.contains("value") ? "value" : "grad";
        if (i < nodeCount) fillLines(cell, texts.card(s, i, kind));
        else if (i - nodeCount < groupCount) fillLines(cell, texts.group(s, i - nodeCount, kind));
      });
      Array.prototype.forEach.call(widget.querySelectorAll(".node-table td[data-node]"), function (cell) {
        var i = parseInt(cell.dataset.node, 10);
        if (i < nodeCount) cell.textContent = texts.cell(s, i, cell.classList.contains("value") ? "value" : "grad");
      });
      Array.prototype.forEach.call(widget.querySelectorAll(".steps > li"), function (li) {
        var i = parseInt(li.dataset.node, 10);
        var forward = li.dataset.phase === "forward", equation = li.querySelector(".equation");
        if (i < nodeCount) equation.textContent = forward ? texts.forward(s, i) : texts.backward(s, i);
        else if (i - nodeCount < groupCount) equation.textContent = forward ? texts.groupForward(s, i - nodeCount) : texts.groupBackward(s, i - nodeCount);
      });
      labels(s);
    }

    // The address holds the edited leaves: #<widget>:a=3,W=1;2;3;4 (each number as JavaScript
    // writes it, which reads back exactly).
    function remember() {
      var pairs = Object.keys(current).filter(function (i) {
        return current[i].some(function (x, k) { return !Object.is(x, lesson[i][k]); });
      }).map(function (i) { return encodeURIComponent(data.nodes[i].name) + "=" + current[i].map(String).join(";"); });
      var mine = location.hash.indexOf("#" + widget.id + ":") === 0;
      if (!pairs.length && !mine) return;
      var hash = "#" + widget.id + (pairs.length ? ":" + pairs.join(",") : "");
      try { history.replaceState(history.state, "", hash); } catch (e) { /* a page that forbids it keeps its address */ }
    }

    function recompute(announce) {
      state = compute();
      render(state);
      var p = problem(state);
      showProblem(p);
      var changed = edited();
      widget.classList.toggle("edited", changed);
      resetButton.disabled = !changed;
      fields.forEach(function (f) {
        var x = current[f.dataset.node][parseInt(f.dataset.k, 10)];
        if (document.activeElement !== f && !(f.type === "number" && Number(f.value) === x)) f.value = String(x);
      });
      remember();
      if (announce) {
        var out = data.output;
        say(p ? p.text : fillIn(changed ? data.messages.recomputed : data.messages.reset, [data.nodes[out].name, texts.inline(state, out)]));
      }
      return p;
    }

    function edit(i, k, x) {
      current[i][k] = x;
      recompute(true);
    }

    function fromField(field) {
      var text = field.value.trim(), x = text === "" ? NaN : Number(text);
      var i = field.dataset.node, k = parseInt(field.dataset.k, 10);
      if (!isFinite(x)) {
        field.setAttribute("aria-invalid", "true");
        var name = field.getAttribute("aria-label") || data.nodes[i].name;
        say(fillIn(data.messages.needNumber, [name]));
        return;
      }
      field.removeAttribute("aria-invalid");
      fields.forEach(function (f) { if (f !== field && f.dataset.node === i && f.dataset.k === String(k)) f.value = String(x); });
      edit(i, k, x);
    }

    widget.addEventListener("lessons:views", function () {
      if (!state) return;
      render(state);
      showProblem(problem(state));
    });

    fields.forEach(function (field) {
      field.addEventListener("input", function () { ready(function () { fromField(field); }); });
      // Fetched as soon as the reader reaches for a control, so it is there for the first change.
      field.addEventListener("focus", function () { ready(function () {}); });
    });
    resetButton.addEventListener("click", function () { ready(function () { api.reset(); }); });

    // Applies the part of an address after "#<widget>:"; anything it cannot read leaves the
    // lesson's values and says why.
    function applyLink(text) {
      var m = data.messages, wanted = {}, why = null;
      var names = {};
      Object.keys(current).forEach(function (i) { if (current[i].length <= 16) names[data.nodes[i].name] = i; });
      text.split(",").forEach(function (pair) {
        if (why) return;
        var cut = pair.indexOf("="), name = cut < 0 ? pair : pair.slice(0, cut);
        try { name = decodeURIComponent(name); } catch (e) { /* kept as written */ }
        var i = names.hasOwnProperty(name) ? names[name] : null;
        if (cut < 0 || i === null) { why = fillIn(m.unknownName, [name]); return; }
        var parts = pair.slice(cut + 1).split(";");
        if (parts.length !== current[i].length) { why = fillIn(m.count, [name, current[i].length]); return; }
        var numbers = parts.map(function (p) { return p.trim() === "" ? NaN : Number(p); });
        if (!numbers.every(isFinite)) { why = fillIn(m.notNumber, [parts.join(";")]); return; }
        wanted[i] = numbers;
      });
      if (why) { say(fillIn(m.badLink, [why])); return; }
      Object.keys(lesson).forEach(function (i) { current[i] = (wanted[i] || lesson[i]).slice(); });
      recompute(true);
    }

    var api = {
      ready: ready,
      edit: function (i, k, x) { ready(function () { edit(String(i), k, x); }); },
      reset: function () {
        Object.keys(lesson).forEach(function (i) { current[i] = lesson[i].slice(); });
        fields.forEach(function (f) { f.removeAttribute("aria-invalid"); });
        recompute(true);
      },
      applyLink: function (text) { ready(function () { applyLink(text); }); },
      state: function () { return state; },
      // For Script+Descent: the live file, a leaf's current numbers, and setting several leaves
      // at once through the same path as an edit (recomputed, kept in the address, not
      // announced here); returns the problem at a node, or null.
      data: function () { return data; },
      // For Script+Exercise: the state with the lesson's values and `changes` (node index ->
      // numbers) in place, computed without touching the page; `failed` if the files do not load.
      evaluate: function (changes, done, otherwise) {
        if (failed) { if (otherwise) otherwise(); return; }
        if (!data && otherwise) loadFailures.push(otherwise);
        ready(function () {
          var kept = current;
          current = {};
          Object.keys(lesson).forEach(function (i) { current[i] = (changes[i] || lesson[i]).slice(); });
          var s = compute();
          current = kept;
          done(s, texts, data);
        });
      },
      texts: function () { return texts; },
      values: function (i) { return current[i].slice(); },
      set: function (changes) {
        Object.keys(changes).forEach(function (i) { current[i] = changes[i].slice(); });
        fields.forEach(function (f) { f.removeAttribute("aria-invalid"); });
        return recompute(false);
      }
    };
    widget.lessonsLive = api;
    return api;
  }

  // "#graph-colah:a=3,b=-1" edits that widget once its files are in; other addresses are not ours.
  function applyAddress() {
    var hash = location.hash, cut = hash.indexOf(":");
    if (cut < 2) return;
    var widget = document.getElementById(hash.slice(1, cut));
    if (!widget || !widget.lessonsLive) return;
    widget.lessonsLive.applyLink(hash.slice(cut + 1));
    widget.lessonsLive.ready(function () { widget.scrollIntoView(); });
  }
"""#
}
