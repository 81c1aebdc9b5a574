extension JavaScriptKernels {
    /// The norms' and the sliding windows' loops (layer_norm, batch_norm, conv2d, the pools), spliced
    /// into `source`: twins of Kernels+Norm.swift and Kernels+Conv.swift.
    static let windowKernels = #"""
  // layer_norm and batch_norm (Kernels+Norm.swift): the slices of the reductions, eps at s[10].
  function moments(s, v, group) {
    var start = s[1] + group * s[6], n = s[4], total = 0, squares = 0, k, d;
    for (k = 0; k < n; k++) total += v[start + k * s[7]];
    var mean = total / n;
    for (k = 0; k < n; k++) { d = v[start + k * s[7]] - mean; squares += d * d; }
    return [mean, Math.sqrt(squares / n + s[10])];
  }
  function normForward(s, v) {
    for (var group = 0; group < s[3]; group++) {
      var ms = moments(s, v, group);
      for (var k = 0; k < s[4]; k++) { var offset = group * s[6] + k * s[7]; v[s[0] + offset] = (v[s[1] + offset] - ms[0]) / ms[1]; }
    }
  }
  function normBackward(s, v, g) {
    var n = s[4];
    for (var group = 0; group < s[3]; group++) {
      var sigma = moments(s, v, group)[1], total = 0, along = 0, k, o;
      for (k = 0; k < n; k++) { o = s[0] + group * s[6] + k * s[7]; total += g[o]; along += g[o] * v[o]; }
      var meanG = total / n, meanGY = along / n;
      for (k = 0; k < n; k++) {
        var offset = group * s[6] + k * s[7];
        g[s[1] + offset] += (g[s[0] + offset] - meanG - v[s[0] + offset] * meanGY) / sigma;
      }
    }
  }
  // conv2d and the pools (Kernels+Conv.swift): each channel of the image s[3]×s[4], the stride
  // s[5], the channels in and out s[6] and s[7] (stacked along the rows), the kernel (window)
  // s[8]×s[9], the padding s[13].
  function walk(s) {
    var stride = Math.max(s[5], 1), pad = s[13];
    return [s[8], s[9], stride, pad, Math.floor((s[3] + 2 * pad - s[8]) / stride) + 1, Math.floor((s[4] + 2 * pad - s[9]) / stride) + 1,
            Math.max(s[6], 1), Math.max(s[7], 1)];
  }
  function convPass(s, v, g) {
    var w = walk(s), H = s[3], W = s[4], C = w[6];
    for (var d = 0; d < w[7]; d++) {
      for (var i = 0; i < w[4]; i++) {
        for (var j = 0; j < w[5]; j++) {
          var o = s[0] + (d * w[4] + i) * w[5] + j, total = 0, gy = g ? g[o] : 0;
          for (var ch = 0; ch < C; ch++) {
            var image = s[1] + ch * H * W, kernel = s[2] + (d * C + ch) * w[0] * w[1];
            for (var a = 0; a < w[0]; a++) {
              var r = i * w[2] + a - w[3];
              if (r < 0 || r >= H) continue;
              for (var b = 0; b < w[1]; b++) {
                var c = j * w[2] + b - w[3];
                if (c < 0 || c >= W) continue;
                var ix = image + r * W + c, ik = kernel + a * w[1] + b;
                if (g) { g[ix] += gy * v[ik]; g[ik] += gy * v[ix]; } else total += v[ix] * v[ik];
              }
            }
          }
          if (!g) v[o] = total;
        }
      }
    }
  }
  function firstLargest(s, v, corner, w) {
    var best = v[corner], at = 0;
    for (var a = 0; a < w[0]; a++) {
      for (var b = 0; b < w[1]; b++) {
        if (a === 0 && b === 0) continue;
        var x = v[corner + a * s[4] + b];
        if (x > best || x !== x) { best = x; at = a * s[4] + b; }
      }
    }
    return at;
  }
  function poolPass(largest, s, v, g) {
    var w = walk(s), area = w[0] * w[1];
    for (var ch = 0; ch < w[6]; ch++) {
      var image = s[1] + ch * s[3] * s[4], result = s[0] + ch * w[4] * w[5];
      for (var i = 0; i < w[4]; i++) {
        for (var j = 0; j < w[5]; j++) {
          var corner = image + i * w[2] * s[4] + j * w[2], o = result + i * w[5] + j, a, b;
          if (largest) {
            var at = firstLargest(s, v, corner, w);
            if (g) g[corner + at] += g[o]; else v[o] = v[corner + at];
          } else if (g) {
            var share = g[o] / area;
            for (a = 0; a < w[0]; a++) for (b = 0; b < w[1]; b++) g[corner + a * s[4] + b] += share;
          } else {
            var total = 0;
            for (a = 0; a < w[0]; a++) for (b = 0; b < w[1]; b++) total += v[corner + a * s[4] + b];
            v[o] = total / area;
          }
        }
      }
    }
  }
"""#

    /// Indexing, concat and embedding, spliced into `source`: twins of Kernels+Index.swift,
    /// Kernels+Concat.swift and Kernels+Embedding.swift.
    static let shapeKernels = #"""
  // X[...]: a block of s[3] rows of s[4], rows s[6] apart from s[1] (Kernels+Index.swift).
  function indexForward(s, v) {
    for (var r = 0; r < s[3]; r++) for (var c = 0; c < s[4]; c++) v[s[0] + r * s[4] + c] = v[s[1] + r * s[6] + c];
  }
  function indexBackward(s, v, g) {
    for (var r = 0; r < s[3]; r++) for (var c = 0; c < s[4]; c++) g[s[1] + r * s[6] + c] += g[s[0] + r * s[4] + c];
  }
  // concat: output row r is row r of a (s[6] wide), of b (s[8]) and of c (s[13], 0 when absent), at s[1], s[2], s[12].
  function concatWalk(s, visit) {
    var o = s[0], parts = [[s[1], s[6]], [s[2], s[8]], [s[12], s[13]]];
    for (var r = 0; r < s[3]; r++) {
      for (var k = 0; k < 3; k++) { for (var j = 0; j < parts[k][1]; j++) { visit(parts[k][0] + r * parts[k][1] + j, o); o++; } }
    }
  }
  function concatForward(s, v) { concatWalk(s, function (i, o) { v[o] = v[i]; }); }
  function concatBackward(s, v, g) { concatWalk(s, function (i, o) { g[i] += g[o]; }); }
  // embedding: row i of the output is row ids[i] of the table (s[1], s[5] rows of s[4]); a
  // bad id (not whole, out of range) gives a row of NaN and no gradient (Kernels+Embedding.swift).
  function embeddingRow(s, v, i) { var id = v[s[2] + i]; return id === Math.floor(id) && id >= 0 && id < s[5] ? id : -1; }
  function embeddingForward(s, v) {
    for (var i = 0; i < s[3]; i++) {
      var row = embeddingRow(s, v, i);
      for (var j = 0; j < s[4]; j++) v[s[0] + i * s[4] + j] = row < 0 ? NaN : v[s[1] + row * s[4] + j];
    }
  }
  function embeddingBackward(s, v, g) {
    for (var i = 0; i < s[3]; i++) {
      var row = embeddingRow(s, v, i);
      if (row < 0) continue;
      for (var j = 0; j < s[4]; j++) g[s[1] + row * s[4] + j] += g[s[0] + i * s[4] + j];
    }
  }
"""#
}
