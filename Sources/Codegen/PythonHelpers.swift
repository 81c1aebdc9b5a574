/// The small functions a generated NumPy program defines when it uses them: the seed article's
/// `sigmoid` and `sigmoid_prime`, and the numerically stable forms of the block's two losses.
enum PythonHelpers {
    /// Every helper in the order a program defines them, with what it needs defined first.
    static let all: [(name: String, needs: [String], lines: [String])] = basics + windows + channelWindows

    private static let basics: [(name: String, needs: [String], lines: [String])] = [
        ("sigmoid", [], [
            "def sigmoid(x):",
            "    return 1 / (1 + np.exp(-x))",
        ]),
        ("sigmoid_prime", [], [
            "def sigmoid_prime(s):",
            "    # The sigmoid's derivative, written with its output s = sigmoid(x).",
            "    return s * (1 - s)",
        ]),
        ("relu", [], [
            "def relu(x):",
            "    return np.maximum(x, 0)",
        ]),
        ("dropout_mask", [], [
            "def dropout_mask(shape, p, seed):",
            "    # The lesson's dropout mask (1 keeps an element, 0 drops it): a 32-bit hash of (seed,",
            "    # element index) compared with p, so this program drops the elements the page drops.",
            "    x = np.full(int(np.prod(shape)), (seed + 1) % 2**32, dtype=np.uint32) * np.uint32(0x9E3779B9)",
            "    x ^= np.arange(x.size, dtype=np.uint32)",
            "    x ^= x >> np.uint32(16)",
            "    x *= np.uint32(0x7FEB352D)",
            "    x ^= x >> np.uint32(15)",
            "    x *= np.uint32(0x846CA68B)",
            "    x ^= x >> np.uint32(16)",
            "    return (x / 2.0**32 >= p).astype(np.float64).reshape(shape)",
        ]),
        ("bce_logits", [], [
            "def bce_logits(z, y):",
            "    # Binary cross-entropy of targets y for logits z, averaged: the stable form of",
            "    # -(y log sigmoid(z) + (1 - y) log(1 - sigmoid(z))), which never overflows.",
            "    return np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))",
        ]),
        ("log_softmax", [], [
            "def log_softmax(z, axis=-1):",
            "    # Shifted by each row's maximum, so no exp overflows.",
            "    shifted = z - np.max(z, axis=axis, keepdims=True)",
            "    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))",
        ]),
        ("softmax", ["log_softmax"], [
            "def softmax(z, axis=-1):",
            "    return np.exp(log_softmax(z, axis))",
        ]),
        ("logsumexp", [], [
            "def logsumexp(z, axis=-1, keepdims=False):",
            "    # log(sum(exp(z))) with the maximum taken out first, so no exp overflows.",
            "    m = np.max(z, axis=axis, keepdims=True)",
            "    m = np.where(np.isfinite(m), m, 0)",
            "    result = m + np.log(np.sum(np.exp(z - m), axis=axis, keepdims=True))",
            "    return result if keepdims else np.squeeze(result, axis=axis)",
        ]),
        ("index_grad", [], [
            "def index_grad(x, index, g):",
            "    # The gradient of x[index]: g at the places the index picked, 0 everywhere else.",
            "    d = np.zeros_like(x)",
            "    d[index] = g",
            "    return d",
        ]),
        ("embedding_grad", [], [
            "def embedding_grad(W, ids, g):",
            "    # The gradient of W[ids]: each row of g added to the row of W its id picked.",
            "    d = np.zeros_like(W)",
            "    np.add.at(d, np.asarray(ids).astype(int), g)",
            "    return d",
        ]),
        ("layer_norm", [], [
            "def layer_norm(x, eps=1e-5, axis=-1):",
            "    # Each row (with axis=0: each column) shifted to mean 0 and scaled to variance 1;",
            "    # np.var divides by n (the biased variance), as PyTorch normalizes.",
            "    mean = np.mean(x, axis=axis, keepdims=True)",
            "    return (x - mean) / np.sqrt(np.var(x, axis=axis, keepdims=True) + eps)",
        ]),
        ("batch_norm", ["layer_norm"], [
            "def batch_norm(x, eps=1e-5):",
            "    # Each column (feature) normalized over the batch with the batch's own statistics:",
            "    # training mode, without running averages.",
            "    return layer_norm(x, eps, axis=0)",
        ]),
        ("layer_norm_backward", ["layer_norm"], [
            "def layer_norm_backward(x, g, eps=1e-5, axis=-1):",
            "    # The gradient through the mean and the variance: (g - mean(g) - y * mean(g * y)) / sigma.",
            "    y = layer_norm(x, eps, axis)",
            "    sigma = np.sqrt(np.var(x, axis=axis, keepdims=True) + eps)",
            "    return (g - np.mean(g, axis=axis, keepdims=True) - y * np.mean(g * y, axis=axis, keepdims=True)) / sigma",
        ]),
        ("softmax_cross_entropy", ["log_softmax"], [
            "def softmax_cross_entropy(z, y):",
            "    # Cross-entropy of the softmax of each row of logits z against targets y, averaged over rows.",
            "    return np.mean(-np.sum(y * log_softmax(z), axis=-1))",
        ]),
    ]

    /// The definitions of `names` and what they need, in a fixed order, separated as PEP 8 asks.
    static func definitions(_ names: Set<String>) -> [[String]] {
        var wanted = names
        for helper in all.reversed() where wanted.contains(helper.name) { wanted.formUnion(helper.needs) }
        return all.filter { wanted.contains($0.name) }.map(\.lines)
    }
}
