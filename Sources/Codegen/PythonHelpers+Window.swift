extension PythonHelpers {
    /// conv2d and the pools, forward and backward, as loops over the windows (the way a lesson
    /// explains them; PyTorch's tab calls its own fast functions).
    static let windows: [(name: String, needs: [String], lines: [String])] = [
        ("conv2d", [], [
            "def conv2d(x, k, stride=1, padding=0):",
            "    # Cross-correlation, as PyTorch's conv2d: each output element is the sum of a window",
            "    # of the zero-padded image times the kernel.",
            "    xp = np.pad(x, padding)",
            "    kh, kw = k.shape",
            "    y = np.zeros(((xp.shape[0] - kh) // stride + 1, (xp.shape[1] - kw) // stride + 1))",
            "    for i in range(y.shape[0]):",
            "        for j in range(y.shape[1]):",
            "            y[i, j] = np.sum(xp[i * stride:i * stride + kh, j * stride:j * stride + kw] * k)",
            "    return y",
        ]),
        ("conv2d_backward", [], [
            "def conv2d_backward(x, k, g, stride=1, padding=0):",
            "    # Each output element sends g[i, j] * k back to its window of x, and g[i, j] * window to k.",
            "    # Summed up (stride 1), dx is the full convolution of g with the kernel flipped both ways.",
            "    xp = np.pad(x, padding)",
            "    dxp, dk = np.zeros_like(xp), np.zeros_like(k)",
            "    kh, kw = k.shape",
            "    for i in range(g.shape[0]):",
            "        for j in range(g.shape[1]):",
            "            rows, cols = slice(i * stride, i * stride + kh), slice(j * stride, j * stride + kw)",
            "            dxp[rows, cols] += g[i, j] * k",
            "            dk += g[i, j] * xp[rows, cols]",
            "    return dxp[padding:padding + x.shape[0], padding:padding + x.shape[1]], dk",
        ]),
        ("max_pool", [], [
            "def max_pool(x, size=2, stride=2):",
            "    # The largest element of each size x size window.",
            "    y = np.zeros(((x.shape[0] - size) // stride + 1, (x.shape[1] - size) // stride + 1))",
            "    for i in range(y.shape[0]):",
            "        for j in range(y.shape[1]):",
            "            y[i, j] = np.max(x[i * stride:i * stride + size, j * stride:j * stride + size])",
            "    return y",
        ]),
        ("max_pool_backward", [], [
            "def max_pool_backward(x, g, size=2, stride=2):",
            "    # Each window's whole gradient goes to its first largest element (row by row), as PyTorch's",
            "    # max_pool2d does: a tie is not split.",
            "    dx = np.zeros_like(x)",
            "    for i in range(g.shape[0]):",
            "        for j in range(g.shape[1]):",
            "            window = x[i * stride:i * stride + size, j * stride:j * stride + size]",
            "            a, b = np.unravel_index(np.argmax(window), window.shape)",
            "            dx[i * stride + a, j * stride + b] += g[i, j]",
            "    return dx",
        ]),
        ("avg_pool", [], [
            "def avg_pool(x, size=2, stride=2):",
            "    # The mean of each size x size window.",
            "    y = np.zeros(((x.shape[0] - size) // stride + 1, (x.shape[1] - size) // stride + 1))",
            "    for i in range(y.shape[0]):",
            "        for j in range(y.shape[1]):",
            "            y[i, j] = np.mean(x[i * stride:i * stride + size, j * stride:j * stride + size])",
            "    return y",
        ]),
        ("avg_pool_backward", [], [
            "def avg_pool_backward(x, g, size=2, stride=2):",
            "    # Each element of a window gets an equal share of the window's gradient.",
            "    dx = np.zeros_like(x)",
            "    for i in range(g.shape[0]):",
            "        for j in range(g.shape[1]):",
            "            dx[i * stride:i * stride + size, j * stride:j * stride + size] += g[i, j] / size ** 2",
            "    return dx",
        ]),
    ]

    /// Several channels stacked along the rows (channel c of a (C·H)×W image is its rows
    /// c·H ..< (c+1)·H): the rows split into channels, each pair through the one-channel helper.
    static let channelWindows: [(name: String, needs: [String], lines: [String])] = [
        ("conv2d_channels", ["conv2d"], [
            "def conv2d_channels(x, k, in_channels, out_channels, stride=1, padding=0):",
            "    # x stacks in_channels images along its rows, k stacks out_channels * in_channels kernels",
            "    # (kernel d * in_channels + c for output channel d, input channel c). Output channel d is",
            "    # the sum over c of channel c correlated with kernel (d, c), stacked along the rows again.",
            "    xs, ks = np.split(x, in_channels), np.split(k, out_channels * in_channels)",
            "    return np.vstack([sum(conv2d(xs[c], ks[d * in_channels + c], stride, padding) for c in range(in_channels))",
            "                      for d in range(out_channels)])",
        ]),
        ("conv2d_channels_backward", ["conv2d_backward"], [
            "def conv2d_channels_backward(x, k, g, in_channels, out_channels, stride=1, padding=0):",
            "    # Each (d, c) pair is a one-channel conv2d: its gradients add up in channel c of x and fill",
            "    # kernel (d, c).",
            "    xs, ks, gs = np.split(x, in_channels), np.split(k, out_channels * in_channels), np.split(g, out_channels)",
            "    dxs, dks = [np.zeros_like(xc) for xc in xs], list(ks)",
            "    for d in range(out_channels):",
            "        for c in range(in_channels):",
            "            dx, dks[d * in_channels + c] = conv2d_backward(xs[c], ks[d * in_channels + c], gs[d], stride, padding)",
            "            dxs[c] += dx",
            "    return np.vstack(dxs), np.vstack(dks)",
        ]),
    ] + ["max_pool", "avg_pool"].flatMap { pool in
        [
            ("\(pool)_channels", [pool], [
                "def \(pool)_channels(x, channels, size=2, stride=2):",
                "    # Each channel (stacked along the rows) pooled alone: a window never spans two.",
                "    return np.vstack([\(pool)(xc, size, stride) for xc in np.split(x, channels)])",
            ]),
            ("\(pool)_channels_backward", ["\(pool)_backward"], [
                "def \(pool)_channels_backward(x, g, channels, size=2, stride=2):",
                "    return np.vstack([\(pool)_backward(xc, gc, size, stride) for xc, gc in zip(np.split(x, channels), np.split(g, channels))])",
            ]),
        ]
    }
}
