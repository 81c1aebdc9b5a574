extension Script {
    /// The texts of an editable graph, written in the page from recomputed numbers exactly as the
    /// build writes them: numbers as Presentation/DisplayNumber.swift, tensors as TensorText, and
    /// the walk's equations from the forms in the block's live file (Presentation/GraphEquations).
    /// A browser test compares these texts with a build of the edited lesson.
    static let liveText = #"""
  function fillIn(template, parts) {
    return template.replace(/\{(\d+)\}/g, function (m, k) { return String(parts[parseInt(k, 10)]); });
  }

  // C's %.4g as DisplayNumber.format has it: no "+" or leading zeros in the exponent, a real
  // minus sign (in the exponent too). toExponential rounds an exact tie away from zero, C to even: 1.0625 is 1.062 in C.
  function formatNumber(x) {
    if (x !== x) return "NaN";
    if (x === Infinity || x === -Infinity) return x < 0 ? "−∞" : "∞";
    if (x === 0) return "0";
    var a = Math.abs(x), parts = a.toExponential(3).split("e");
    var digits = parts[0].replace(".", ""), exp = parseInt(parts[1], 10);
    var exact = a.toExponential(40).split("e"), all = exact[0].replace(".", "");
    if (/^\d{4}50*$/.test(all) && parseInt(all.charAt(3), 10) % 2 === 0) { digits = all.slice(0, 4); exp = parseInt(exact[1], 10); }
    var text;
    if (exp < -4 || exp >= 4) {
      text = (digits.charAt(0) + "." + digits.slice(1)).replace(/0+$/, "").replace(/\.$/, "") + "e" + (exp < 0 ? "−" : "") + Math.abs(exp);
    } else if (exp >= 0) {
      var fraction = digits.slice(exp + 1).replace(/0+$/, "");
      text = digits.slice(0, exp + 1) + (fraction ? "." + fraction : "");
    } else {
      text = "0." + (new Array(-exp).join("0") + digits).replace(/0+$/, "");
    }
    return (x < 0 ? "−" : "") + text;
  }

  // TensorText and GraphEquations over one block's live file `data` and a computed state
  // { v: values per node, g: gradients per node, local(c, p), share(c, i) }.
  function liveTexts(data) {
    var words = data.words, nodes = data.nodes, maxSide = 4;
    function shape(dims) {
      return dims.length === 0 ? words.scalar : dims.length === 1 ? fillIn(words.vectorOf, [dims[0]]) : dims.join("x");
    }
    function summary(values) {
      if (!values.length) return "(empty)";
      var lo = values[0], hi = values[0], total = 0;
      values.forEach(function (x) { if (x < lo) lo = x; if (x > hi) hi = x; total += x; });
      return fillIn(words.meanRange, [formatNumber(total / values.length), formatNumber(lo), formatNumber(hi)]);
    }
    function grid(dims, values, side) {
      var rows = dims.length === 2 ? dims[0] : 1, cols = dims.length === 2 ? dims[1] : dims[0];
      side = side || maxSide;
      return rows <= side && cols <= side && rows * cols === values.length ? { rows: rows, cols: cols } : null;
    }
    function lines(label, dims, values, side) {
      if (dims.length === 0) return [label + " " + formatNumber(values[0])];
      var g = grid(dims, values, side);
      if (!g) return [label + " " + shape(dims), summary(values)];
      var cells = values.map(formatNumber), width = 1;
      cells.forEach(function (c) { width = Math.max(width, c.length); });
      cells = cells.map(function (c) { return new Array(width - c.length + 1).join(" ") + c; });
      var rows = [];
      for (var r = 0; r < g.rows; r++) rows.push("[" + cells.slice(r * g.cols, (r + 1) * g.cols).join(" ") + "]");
      return dims.length === 1 ? [label + " " + rows[0]] : [label + " " + shape(dims)].concat(rows);
    }
    function inline(dims, values) {
      if (dims.length === 0) return formatNumber(values[0]);
      var g = grid(dims, values);
      if (!g) return shape(dims) + ": " + summary(values);
      var rows = [];
      for (var r = 0; r < g.rows; r++) rows.push("[" + values.slice(r * g.cols, (r + 1) * g.cols).map(formatNumber).join(", ") + "]");
      return dims.length === 1 ? rows[0] : "[" + rows.join(", ") + "]";
    }
    function onCard(i) {
      var dims = nodes[i].dims;
      return dims.length < 2 ? (dims.length ? dims[0] : 1) > maxSide : !(dims[0] <= 2 && dims[1] <= maxSide);
    }
    // `below`: an exercise's words for a tensor written under its equation ({vector, matrix}).
    function result(i, values, below) {
      var dims = nodes[i].dims;
      if (!onCard(i)) return inline(dims, values);
      return dims.length < 2 ? fillIn(below ? below.vector : words.vectorOnCard, [dims[0]])
        : fillIn(below ? below.matrix : words.matrixOnCard, [dims[0], dims[1]]);
    }
    // [kind, template, node]: as GroupSummary writes a value, a range, a gradient or a gradient's rms.
    function groupLine(s, l) {
      var xs = l[0] === "value" || l[0] === "range" ? s.v[l[2]] : s.g[l[2]];
      if (l[0] === "value" || l[0] === "gradient") return fillIn(l[1], [formatNumber(xs[0])]);
      if (l[0] === "range") {
        // As Swift's min() and max(): the first value no later one is below (above).
        var lo = xs.length ? xs[0] : 0, hi = lo;
        xs.forEach(function (x) { if (x < lo) lo = x; if (x > hi) hi = x; });
        return fillIn(l[1], [formatNumber(lo), formatNumber(hi)]);
      }
      var total = 0;
      xs.forEach(function (x) { total += x * x; });
      return fillIn(l[1], [formatNumber(xs.length ? Math.sqrt(total / xs.length) : 0)]);
    }
    return {
      card: function (s, i, kind) {
        if (kind === "value") return lines(words.value, nodes[i].dims, s.v[i]);
        return nodes[i].role === "constant" ? [] : lines(words.grad, nodes[i].dims, s.g[i]);
      },
      cell: function (s, i, kind) {
        if (kind === "value") return inline(nodes[i].dims, s.v[i]);
        return nodes[i].role === "constant" ? "" : inline(nodes[i].dims, s.g[i]);
      },
      inline: function (s, i) { return inline(nodes[i].dims, s.v[i]); },
      // An exercise's grid under a step (TensorText.lines with the exercise's side), or null.
      grid: function (s, i, kind, side) {
        if (!onCard(i)) return null;
        return kind === "value" ? lines(words.value, nodes[i].dims, s.v[i], side) : lines(words.grad, nodes[i].dims, s.g[i], side);
      },
      forward: function (s, i, below) {
        var f = nodes[i].f, value = function (j) { return inline(nodes[j].dims, s.v[j]); };
        if (f[0] === "leaf") return f[1] + value(i) + f[2];
        if (f[0] === "scalar") {
          return f[1] + f[2].replace(/\u0001(\d+)/g, function (m, k) { return value(nodes[i].inputs[parseInt(k, 10)]); }) + " = " + value(i);
        }
        return f[1] + result(i, s.v[i], below);
      },
      backward: function (s, i, below) {
        var b = nodes[i].b, gradient = function (j) { return inline(nodes[j].dims, s.g[j]); };
        if (b[0] === "fixed") return b[1];
        if (b[0] === "scalar") {
          return b[1] + nodes[i].uses.map(function (u) { return gradient(u[0]) + " · " + formatNumber(s.local(u[0], u[1])); }).join(" + ")
            + " = " + gradient(i);
        }
        if (b[0] === "shares") {
          return b[1] + nodes[i].consumers.map(function (c) { return result(i, s.share(c, i), below); }).join(" + ") + " = " + result(i, s.g[i], below);
        }
        return b[1] + result(i, s.g[i], below);
      },
      // A closed group's card lines and walk texts (GroupSummary), from the live file's templates.
      group: function (s, g, kind) { return data.groups[g][kind === "value" ? 0 : 1].map(function (l) { return groupLine(s, l); }); },
      groupForward: function (s, g) {
        var t = data.groups[g];
        return fillIn(t[2], [t[0].map(function (l) { return groupLine(s, l); }).join("; ")]);
      },
      groupBackward: function (s, g) {
        var t = data.groups[g];
        return fillIn(t[3], [t[4].map(function (l) { return groupLine(s, l); }).join(", ")]);
      },
      label: function (s, e) {
        var c = data.edges[e][0], p = data.edges[e][1];
        return "∂" + nodes[c].name + "/∂" + nodes[nodes[c].inputs[p]].name + " = " + formatNumber(s.local(c, p));
      }
    };
  }
"""#
}
