/// The engine's kernels in plain JavaScript, for pages that recompute a graph in the browser:
/// one shared script (`LessonsKernels`), and per graph the plan's steps as calls into it (see
/// Plan+JavaScript.swift). Each loop does the same operations on the same elements in the same
/// order as its Swift twin in Kernels.swift, Kernels+Matmul.swift, Kernels+Losses.swift and
/// OpTable.swift, and exp, log, log1p, tanh and sigmoid are `DeterministicMath`'s, written out
/// operation for operation, so results are bit for bit the engine's. The exception is `pow`
/// with an exponent other than 0 to 3: `Math.pow` is not required to be correctly rounded and
/// can differ from the C library's in the last bit (`usesLibm`).
/// Change a kernel here whenever its Swift twin changes; the browser tests compare both.
package enum JavaScriptKernels {
    /// The script's file name in a built site.
    package static let fileName = "lessons-kernels.js"

    /// The script: defines `LessonsKernels` (`run(plan, values)` evaluates a compiled plan).
    package static let source = #"""
"use strict";
var LessonsKernels = (function () {
  // Elementwise rules: value, then the partials (binary) or derivative (unary), as OpTable.swift.
  var binary = {
    add: [function (a, b) { return a + b; }, function () { return 1; }, function () { return 1; }],
    sub: [function (a, b) { return a - b; }, function () { return 1; }, function () { return -1; }],
    mul: [function (a, b) { return a * b; }, function (a, b) { return b; }, function (a) { return a; }],
    div: [function (a, b) { return a / b; }, function (a, b) { return 1 / b; }, function (a, b) { return -a / (b * b); }],
    max: [function (a, b) { return a >= b || a !== a ? a : b; },
          function (a, b) { return a > b ? 1 : a < b ? 0 : 0.5; }, function (a, b) { return a > b ? 0 : a < b ? 1 : 0.5; }],
    min: [function (a, b) { return a <= b || a !== a ? a : b; },
          function (a, b) { return a < b ? 1 : a > b ? 0 : 0.5; }, function (a, b) { return a < b ? 0 : a > b ? 1 : 0.5; }],
    // Comparisons: 0/1 masks with zero partials (GreaterRule in OpTable.swift).
    gt: [function (a, b) { return a > b ? 1 : 0; }, zero, zero],
    lt: [function (a, b) { return a < b ? 1 : 0; }, zero, zero],
    ge: [function (a, b) { return a >= b ? 1 : 0; }, zero, zero],
    le: [function (a, b) { return a <= b ? 1 : 0; }, zero, zero],
    eq: [function (a, b) { return a === b ? 1 : 0; }, zero, zero],
    ne: [function (a, b) { return a !== b ? 1 : 0; }, zero, zero]
  };
  function zero() { return 0; }
  // DeterministicMath (Sources/Autodiff/DeterministicMath/): exp, log, log1p, tanh and sigmoid
  // from +, −, ×, ÷ with the same operations in the same order as one lane of the Swift code,
  // so the page computes the engine's bits. Constants are the Swift hex literals in decimal.
  var exp2Table = new Float64Array([
    1.0, 0.0, 1.0218971486541166, 5.109225028973444e-17,
    1.0442737824274138, 8.551889705537965e-17, 1.0671404006768237, -7.899853966841582e-17,
    1.0905077326652577, -3.046782079812471e-17, 1.1143867425958924, 1.0410278456845571e-16,
    1.1387886347566916, 8.912812676025408e-17, 1.1637248587775775, 3.8292048369240935e-17,
    1.189207115002721, 3.982015231465646e-17, 1.215247359980469, -7.712630692681488e-17,
    1.241857812073484, 4.658027591836937e-17, 1.2690509571917332, 2.667932131342186e-18,
    1.2968395546510096, 2.5382502794888315e-17, 1.3252366431597413, -2.8587312100388614e-17,
    1.3542555469368927, 7.70094837980299e-17, 1.383909881963832, -6.770511658794786e-17,
    1.4142135623730951, -9.667293313452913e-17, 1.4451808069770467, -3.0237581349939873e-17,
    1.4768261459394993, -3.483994556892796e-17, 1.5091644275934228, -1.016455327754295e-16,
    1.5422108254079407, 7.949834809697621e-17, 1.5759808451078865, -1.0136916471278304e-17,
    1.6104903319492543, 2.4707192569797888e-17, 1.645755478153965, -1.0125679913674773e-16,
    1.681792830507429, 8.199010020581497e-17, 1.718619298122478, -1.851380418263111e-17,
    1.7562521603732995, 2.960140695448873e-17, 1.7947090750031072, 1.8227458427912087e-17,
    1.8340080864093424, 3.283107224245627e-17, 1.8741676341103, -6.122763413004143e-17,
    1.9152065613971474, -1.0619946056195963e-16, 1.9571441241754002, 8.960767791036668e-17
  ]);
  var word = new DataView(new ArrayBuffer(8));
  function powerOfTwo(k) { word.setUint32(0, (k + 1023) << 20); word.setUint32(4, 0); return word.getFloat64(0); }
  function scale(v, k) { var half = k >> 1; return (v * powerOfTwo(half)) * powerOfTwo(k - half); }
  // eˣ = (high + low) · 2ᵏ: [high, low, k] (expParts in DeterministicMath+Exp.swift).
  function expParts(x) {
    var shifted = x * 46.16624130844683 + 6755399441055744, n = shifted - 6755399441055744;
    var head = x - n * 0.021660849392446835, tail = n * 5.145609244655338e-14;
    var r = head - tail, rError = (head - r) - tail;
    var p = r * (1 / 5040) + 1 / 720;
    p = p * r + 1 / 120; p = p * r + 1 / 24; p = p * r + 1 / 6; p = p * r + 0.5;
    var q = r + ((r * r) * p + rError);
    var j = 2 * (n & 31), high = exp2Table[j], low = exp2Table[j + 1] + high * q, sum = high + low;
    return [sum, low - (sum - high), n >> 5];
  }
  function exp(x) {
    if (x !== x) return x;
    var e = expParts(x > 710 ? 710 : x < -746 ? -746 : x);
    return scale(e[0], e[2]);
  }
  // Dekker's two-product without FMA: [product, error].
  function split(a) { var c = 134217729 * a, high = c - (c - a); return [high, a - high]; }
  function twoProduct(a, b) {
    var product = a * b, sa = split(a), sb = split(b);
    return [product, ((sa[0] * sb[0] - product) + sa[0] * sb[1] + sa[1] * sb[0]) + sa[1] * sb[1]];
  }
  function tanh(x) {
    var magnitude = x < 0 ? -x : x;
    if (!(magnitude >= 0.125)) {
      if (x === 0) return x;
      var t = x * x, p = t * (6404582 / 10854718875) + -929569 / 638512875;
      p = p * t + 21844 / 6081075; p = p * t + -1382 / 155925; p = p * t + 62 / 2835;
      p = p * t + -17 / 315; p = p * t + 2 / 15; p = p * t + -1 / 3;
      return x + x * (t * p);
    }
    if (magnitude > 22) return x < 0 ? -1 : 1;
    var e = expParts(2 * magnitude), power = powerOfTwo(e[2]);
    var eHigh = e[0] * power, eLow = e[1] * power;
    var dHigh = eHigh + 1, dLow = (1 - (dHigh - eHigh)) + eLow;
    var uHigh = 2 / dHigh, pe = twoProduct(uHigh, dHigh);
    var uLow = (((2 - pe[0]) - pe[1]) - uHigh * dLow) * (0.5 * uHigh);
    var head = 1 - uHigh, headError = (1 - head) - uHigh;
    var ratio = head + (headError - uLow);
    return x < 0 ? -ratio : ratio;
  }
  function sigmoid(x) {
    if (x !== x) return x;
    if (x > 40) return 1;
    var m = x > 0 ? -x : x, f = expParts(m < -746 ? -746 : m);
    var fHigh = scale(f[0], f[2]), fLow = scale(f[1], f[2]);
    var dHigh = 1 + fHigh, dLow = (fHigh - (dHigh - 1)) + fLow;
    var nHigh = x >= 0 ? 1 : fHigh, nLow = x >= 0 ? 0 : fLow;
    var qHigh = nHigh / dHigh, pe = twoProduct(qHigh, dHigh);
    return qHigh + ((((nHigh - pe[0]) - pe[1]) + nLow) - qHigh * dLow) / dHigh;
  }
  var atanhCoefficients = [];
  for (var c = 11; c >= 1; c--) atanhCoefficients.push(2 / (2 * c + 1));
  function log(x) {
    if (x !== x || x < 0) return NaN;
    if (x === 0) return -Infinity;
    if (x === Infinity) return Infinity;
    word.setFloat64(0, x);
    var biased = (word.getUint32(0) >>> 20) & 0x7ff, k;
    if (biased === 0) { word.setFloat64(0, x * 18014398509481984); k = ((word.getUint32(0) >>> 20) & 0x7ff) - 1077; }
    else k = biased - 1023;
    word.setUint32(0, (word.getUint32(0) & 0x000fffff) | 0x3ff00000);
    var m = word.getFloat64(0);
    if (m > 1.4142135623730951) { m *= 0.5; k += 1; }
    var f = m - 1, s = f / (2 + f), z = s * s, r = 0;
    for (var i = 0; i < atanhCoefficients.length; i++) r = (r + atanhCoefficients[i]) * z;
    var halfSquare = 0.5 * f * f;
    return k * 0.6931471805598903 - ((halfSquare - (s * (halfSquare + r) + k * 5.497923018708371e-14)) - f);
  }
  function log1p(u) {
    var w = 1 + u;
    if (w === 1) return u;
    if (!isFinite(w)) return log(w);
    return log(w) + (u - (w - 1)) / w;
  }
  function power(x, p) {
    return p === 0 ? 1 : p === 1 ? x : p === 2 ? x * x : p === 3 ? x * x * x : Math.pow(x, p);
  }
  function powerDerivative(x, p) {
    return p === 0 ? 0 : p === 1 ? 1 : p === 2 ? 2 * x : p === 3 ? 3 * x * x : p * Math.pow(x, p - 1);
  }
  // Keys are the registry's trace names (Operations/Operation.swift).
  var unary = {
    neg: [function (x) { return -x; }, function () { return -1; }],
    pow: [power, function (x, y, p) { return powerDerivative(x, p); }],
    exp: [exp, function (x, y) { return y; }],
    log: [log, function (x) { return 1 / x; }],
    sigmoid: [sigmoid, function (x, y) { return y * (1 - y); }],
    tanh: [tanh, function (x, y) { return 1 - y * y; }],
    relu: [function (x) { return x > 0 || x !== x ? x : 0; }, function (x) { return x > 0 ? 1 : 0; }],
    sqrt: [function (x) { return Math.sqrt(x); }, function (x, y) { return 0.5 / y; }],
    abs: [function (x) { return Math.abs(x); }, function (x) { return x > 0 ? 1 : x < 0 ? -1 : 0; }],
    // reshape: row-major storage is the same in any shape (IdentityRule).
    reshape: [function (x) { return x; }, function () { return 1; }]
  };

  // s = [out, a, b, rows, cols, inner, strideA.row, strideA.col, strideB.row, strideB.col, p]
  function binaryForward(rule, s, v) {
    var f = rule[0], o = s[0];
    for (var r = 0; r < s[3]; r++) {
      var ia = s[1] + r * s[6], ib = s[2] + r * s[8];
      for (var c = 0; c < s[4]; c++) { v[o] = f(v[ia], v[ib]); o++; ia += s[7]; ib += s[9]; }
    }
  }
  function binaryBackward(rule, s, v, g) {
    var da = rule[1], db = rule[2], o = s[0];
    for (var r = 0; r < s[3]; r++) {
      var ia = s[1] + r * s[6], ib = s[2] + r * s[8];
      for (var c = 0; c < s[4]; c++) {
        var x = v[ia], y = v[ib], z = v[o], pa = da(x, y, z), pb = db(x, y, z);
        g[ia] += pa * g[o];
        g[ib] += pb * g[o];
        o++; ia += s[7]; ib += s[9];
      }
    }
  }
  // Three operands (Kernels+Ternary.swift): c at s[12], its strides at s[13] and s[14]. Only
  // nonzero partials are applied, as in Swift.
  var ternary = {
    where: [function (m, a, b) { return m !== 0 ? a : b; },
            function (m) { return m !== 0 ? [0, 1, 0] : [0, 0, 1]; }],
    clip: [function (x, lo, hi) { var r = x >= lo || x !== x ? x : lo; return r <= hi || r !== r ? r : hi; },
           function (x, lo, hi) { return [x >= lo && x <= hi ? 1 : 0, x < lo && lo < hi ? 1 : 0, x > hi || hi < lo ? 1 : 0]; }]
  };
  function ternaryForward(rule, s, v) {
    var f = rule[0], o = s[0];
    for (var r = 0; r < s[3]; r++) {
      var ia = s[1] + r * s[6], ib = s[2] + r * s[8], ic = s[12] + r * s[13];
      for (var c = 0; c < s[4]; c++) { v[o] = f(v[ia], v[ib], v[ic]); o++; ia += s[7]; ib += s[9]; ic += s[14]; }
    }
  }
  function ternaryBackward(rule, s, v, g) {
    var d = rule[1], o = s[0];
    for (var r = 0; r < s[3]; r++) {
      var ia = s[1] + r * s[6], ib = s[2] + r * s[8], ic = s[12] + r * s[13];
      for (var c = 0; c < s[4]; c++) {
        var p = d(v[ia], v[ib], v[ic]);
        if (p[0] !== 0) g[ia] += p[0] * g[o];
        if (p[1] !== 0) g[ib] += p[1] * g[o];
        if (p[2] !== 0) g[ic] += p[2] * g[o];
        o++; ia += s[7]; ib += s[9]; ic += s[14];
      }
    }
  }
  function unaryForward(rule, s, v) {
    var f = rule[0], p = s[10];
    for (var i = 0; i < s[4]; i++) v[s[0] + i] = f(v[s[1] + i], p);
  }
  function unaryBackward(rule, s, v, g) {
    var d = rule[1], p = s[10];
    for (var i = 0; i < s[4]; i++) g[s[1] + i] += d(v[s[1] + i], v[s[0] + i], p) * g[s[0] + i];
  }
  // dropout (Kernels+Dropout.swift): p at s[10], the seed at s[5]. The mask is DropoutMask's hash
  // in 32-bit unsigned arithmetic (Math.imul, >>> 0), so it keeps exactly the elements Swift keeps.
  function dropoutHash(seed, i) {
    var x = (Math.imul(seed + 1, 0x9E3779B9) ^ i) >>> 0;
    x = Math.imul((x ^ (x >>> 16)) >>> 0, 0x7FEB352D) >>> 0;
    x = Math.imul((x ^ (x >>> 15)) >>> 0, 0x846CA68B) >>> 0;
    return (x ^ (x >>> 16)) >>> 0;
  }
  function dropoutKeeps(seed, i, p) { return dropoutHash(seed, i) / 4294967296 >= p; }
  function dropoutForward(s, v) {
    var p = s[10], scale = 1 - p;
    for (var i = 0; i < s[4]; i++) v[s[0] + i] = v[s[1] + i] * (dropoutKeeps(s[5], i, p) ? 1 : 0) / scale;
  }
  function dropoutBackward(s, v, g) {
    var p = s[10], scale = 1 - p;
    for (var i = 0; i < s[4]; i++) g[s[1] + i] += g[s[0] + i] * (dropoutKeeps(s[5], i, p) ? 1 : 0) / scale;
  }
  // Reductions and normalizations walk s[3] slices of s[4] elements: element k of slice g sits
  // at a + g·s[6] + k·s[7] (Kernels.swift and Kernels+Axis.swift, with AxisRules' layout).
  function reduceForward(mean, s, v) {
    for (var group = 0; group < s[3]; group++) {
      var start = s[1] + group * s[6], total = 0;
      for (var k = 0; k < s[4]; k++) total += v[start + k * s[7]];
      v[s[0] + group] = mean ? total / s[4] : total;
    }
  }
  function reduceBackward(mean, s, v, g) {
    for (var group = 0; group < s[3]; group++) {
      var start = s[1] + group * s[6], share = mean ? g[s[0] + group] / s[4] : g[s[0] + group];
      for (var k = 0; k < s[4]; k++) g[start + k * s[7]] += share;
    }
  }
  function shiftedSum(s, v, group) {
    var start = s[1] + group * s[6], m = -Infinity, k;
    for (k = 0; k < s[4]; k++) if (v[start + k * s[7]] > m) m = v[start + k * s[7]];
    if (!isFinite(m)) m = 0;
    var total = 0;
    for (k = 0; k < s[4]; k++) total += exp(v[start + k * s[7]] - m);
    return [m, total];
  }
  function softmaxForward(logarithm, s, v) {
    for (var group = 0; group < s[3]; group++) {
      var mt = shiftedSum(s, v, group), logTotal = log(mt[1]);
      for (var k = 0; k < s[4]; k++) {
        var offset = group * s[6] + k * s[7], shifted = v[s[1] + offset] - mt[0];
        v[s[0] + offset] = logarithm ? shifted - logTotal : exp(shifted) / mt[1];
      }
    }
  }
  function softmaxBackward(logarithm, s, v, g) {
    for (var group = 0; group < s[3]; group++) {
      var inner = 0, k, o;
      for (k = 0; k < s[4]; k++) { o = s[0] + group * s[6] + k * s[7]; inner += logarithm ? g[o] : g[o] * v[o]; }
      for (k = 0; k < s[4]; k++) {
        var offset = group * s[6] + k * s[7], y = v[s[0] + offset], gy = g[s[0] + offset];
        g[s[1] + offset] += logarithm ? gy - exp(y) * inner : y * (gy - inner);
      }
    }
  }
  function logsumexpForward(s, v) {
    for (var group = 0; group < s[3]; group++) { var mt = shiftedSum(s, v, group); v[s[0] + group] = mt[0] + log(mt[1]); }
  }
  function logsumexpBackward(s, v, g) {
    for (var group = 0; group < s[3]; group++) {
      var y = v[s[0] + group], gy = g[s[0] + group];
      for (var k = 0; k < s[4]; k++) { var i = s[1] + group * s[6] + k * s[7]; g[i] += gy * exp(v[i] - y); }
    }
  }
  function extremeForward(largest, s, v) {
    for (var group = 0; group < s[3]; group++) {
      var start = s[1] + group * s[6], best = v[start];
      for (var k = 1; k < Math.max(1, s[4]); k++) {
        var x = v[start + k * s[7]];
        if (x !== x || (largest ? x > best : x < best)) best = x;
        if (best !== best) break;
      }
      v[s[0] + group] = best;
    }
  }
  function extremeBackward(s, v, g) {
    for (var group = 0; group < s[3]; group++) {
      var start = s[1] + group * s[6], y = v[s[0] + group], ties = 0, k;
      for (k = 0; k < s[4]; k++) if (v[start + k * s[7]] === y) ties++;
      if (ties === 0) continue;
      var share = g[s[0] + group] / ties;
      for (k = 0; k < s[4]; k++) if (v[start + k * s[7]] === y) g[start + k * s[7]] += share;
    }
  }
\#(windowKernels)
  // C (m×n) = A (m×k) B (k×n); every sum term by term from 0, as Kernels+Matmul.swift.
  function matmulForward(s, v) {
    var m = s[3], n = s[4], k = s[5];
    for (var i = 0; i < m; i++) {
      for (var j = 0; j < n; j++) {
        var sum = 0;
        for (var p = 0; p < k; p++) sum = sum + v[s[1] + i * k + p] * v[s[2] + p * n + j];
        v[s[0] + i * n + j] = sum;
      }
    }
  }
  function matmulBackward(s, v, g) {
    var m = s[3], n = s[4], k = s[5], A = s[1], B = s[2], G = s[0], i, j, p, sum;
    if (A === B) {  // A @ A: one interleaved pass, as the engine's plain loop
      for (i = 0; i < m; i++) {
        for (p = 0; p < k; p++) {
          var dot = 0;
          for (j = 0; j < n; j++) dot += g[G + i * n + j] * v[B + p * n + j];
          g[A + i * k + p] += dot;
          var aip = v[A + i * k + p];
          for (j = 0; j < n; j++) g[B + p * n + j] += aip * g[G + i * n + j];
        }
      }
      return;
    }
    // ∂L/∂A += G Bᵀ: each dot product from 0, then added.
    for (i = 0; i < m; i++) {
      for (p = 0; p < k; p++) {
        sum = 0;
        for (j = 0; j < n; j++) sum = sum + g[G + i * n + j] * v[B + p * n + j];
        g[A + i * k + p] = g[A + i * k + p] + sum;
      }
    }
    // ∂L/∂B += Aᵀ G: summed over i straight into the gradient.
    for (p = 0; p < k; p++) {
      for (j = 0; j < n; j++) {
        sum = g[B + p * n + j];
        for (i = 0; i < m; i++) sum = sum + v[A + i * k + p] * g[G + i * n + j];
        g[B + p * n + j] = sum;
      }
    }
  }
  function transposeForward(s, v) {
    for (var r = 0; r < s[3]; r++) for (var c = 0; c < s[4]; c++) v[s[0] + c * s[3] + r] = v[s[1] + r * s[4] + c];
  }
  function transposeBackward(s, v, g) {
    for (var r = 0; r < s[3]; r++) for (var c = 0; c < s[4]; c++) g[s[1] + r * s[4] + c] += g[s[0] + c * s[3] + r];
  }
\#(shapeKernels)
  // The losses, as Kernels+Losses.swift with OpTable.swift's rules. Swift's max(z, 0) is `0 >= z ? 0 : z`.
  function bceValue(z, y) { return (0 >= z ? 0 : z) - z * y + log1p(exp(-Math.abs(z))); }
  function bceForward(s, v) {
    var n = s[3] * s[4], total = 0;
    for (var i = 0; i < n; i++) total += bceValue(v[s[1] + i], v[s[2] + i]);
    v[s[0]] = total / n;
  }
  function bceBackward(s, v, g) {
    var n = s[3] * s[4], scale = g[s[0]] / n;
    for (var i = 0; i < n; i++) {
      var z = v[s[1] + i], y = v[s[2] + i], dz = sigmoid(z) - y, dy = -z;
      g[s[1] + i] += scale * dz;
      g[s[2] + i] += scale * dy;
    }
  }
  function shift(v, z, k) {
    var m = v[z];
    for (var j = 1; j < Math.max(k, 1); j++) if (v[z + j] > m || v[z + j] !== v[z + j]) m = v[z + j];
    if (!isFinite(m)) return [m, 0];
    var total = 0;
    for (j = 0; j < k; j++) total += exp(v[z + j] - m);
    return [m, log(total)];
  }
  function softmaxCEForward(s, v) {
    var k = s[4], total = 0;
    for (var r = 0; r < s[3]; r++) {
      var z = s[1] + r * k, y = s[2] + r * k, ms = shift(v, z, k), row = 0;
      for (var j = 0; j < k; j++) row += v[y + j] * (ms[1] - (v[z + j] - ms[0]));
      total += row;
    }
    v[s[0]] = total / s[3];
  }
  function softmaxCEBackward(s, v, g) {
    var k = s[4], scale = g[s[0]] / s[3];
    for (var r = 0; r < s[3]; r++) {
      var z = s[1] + r * k, y = s[2] + r * k, ms = shift(v, z, k), targetSum = 0, j;
      for (j = 0; j < k; j++) targetSum += v[y + j];
      for (j = 0; j < k; j++) {
        var logSoftmax = (v[z + j] - ms[0]) - ms[1];
        g[z + j] += scale * (exp(logSoftmax) * targetSum - v[y + j]);
        g[y + j] += scale * -logSoftmax;
      }
    }
  }

  var kernels = {
    bce_logits: [bceForward, bceBackward],
    softmax_cross_entropy: [softmaxCEForward, softmaxCEBackward],
    matmul: [matmulForward, matmulBackward],
    transpose: [transposeForward, transposeBackward],
    index: [indexForward, indexBackward],
    concat: [concatForward, concatBackward],
    embedding: [embeddingForward, embeddingBackward],
    sum: [function (s, v) { reduceForward(false, s, v); }, function (s, v, g) { reduceBackward(false, s, v, g); }],
    mean: [function (s, v) { reduceForward(true, s, v); }, function (s, v, g) { reduceBackward(true, s, v, g); }],
    softmax: [function (s, v) { softmaxForward(false, s, v); }, function (s, v, g) { softmaxBackward(false, s, v, g); }],
    log_softmax: [function (s, v) { softmaxForward(true, s, v); }, function (s, v, g) { softmaxBackward(true, s, v, g); }],
    logsumexp: [logsumexpForward, logsumexpBackward],
    amax: [function (s, v) { extremeForward(true, s, v); }, extremeBackward],
    amin: [function (s, v) { extremeForward(false, s, v); }, extremeBackward],
    layer_norm: [normForward, normBackward],
    batch_norm: [normForward, normBackward],
    conv2d: [function (s, v) { convPass(s, v, null); }, convPass],
    max_pool: [function (s, v) { poolPass(true, s, v, null); }, function (s, v, g) { poolPass(true, s, v, g); }],
    avg_pool: [function (s, v) { poolPass(false, s, v, null); }, function (s, v, g) { poolPass(false, s, v, g); }],
    dropout: [dropoutForward, dropoutBackward]
  };
  Object.keys(binary).forEach(function (name) {
    kernels[name] = [function (s, v) { binaryForward(binary[name], s, v); },
                     function (s, v, g) { binaryBackward(binary[name], s, v, g); }];
  });
  Object.keys(unary).forEach(function (name) {
    kernels[name] = [function (s, v) { unaryForward(unary[name], s, v); },
                     function (s, v, g) { unaryBackward(unary[name], s, v, g); }];
  });
  Object.keys(ternary).forEach(function (name) {
    kernels[name] = [function (s, v) { ternaryForward(ternary[name], s, v); },
                     function (s, v, g) { ternaryBackward(ternary[name], s, v, g); }];
  });
  // A mask passes no gradient back at all, as Kernels.backward (not even 0 · g, which is NaN for g = inf).
  ["gt", "lt", "ge", "le", "eq", "ne"].forEach(function (name) { kernels[name][1] = function () {}; });

  // Runs a plan (see Plan+JavaScript.swift) on `values`, a Float64Array of plan.size that
  // holds the leaves: computes every value, then every gradient of sum(output). Returns the
  // gradients (a Float64Array at the same offsets).
  function run(plan, values) {
    var i, s;
    for (i = 0; i < plan.forward.length; i++) { s = plan.forward[i]; kernels[s[11]][0](s, values); }
    var grads = new Float64Array(plan.size);
    for (i = 0; i < plan.output[1]; i++) grads[plan.output[0] + i] = 1;
    for (i = 0; i < plan.backward.length; i++) { s = plan.backward[i]; kernels[s[11]][1](s, values, grads); }
    return grads;
  }

  // A fresh copy of the plan's starting values (its leaves as the lesson gave them).
  function initialValues(plan) {
    var values = new Float64Array(plan.size);
    for (var i = 0; i < plan.leaves.length; i++) values.set(plan.leaves[i][1], plan.leaves[i][0]);
    return values;
  }

  // The elementwise rules too: the page labels a diagram's scalar edges with ∂node/∂input, as
  // Plan.localDerivative does from the same rules.
  return { run: run, initialValues: initialValues, kernels: kernels, binary: binary, unary: unary, ternary: ternary,
           sigmoid: sigmoid, dropoutHash: dropoutHash, dropoutKeeps: dropoutKeeps,
           math: { exp: exp, log: log, log1p: log1p, tanh: tanh, sigmoid: sigmoid } };
})();
"""#
}
