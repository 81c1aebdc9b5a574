/// Python identifiers for a block's nodes and their gradients. The teacher's names are kept
/// (they are valid Python identifiers already); a name that is a Python keyword or one the
/// generated program uses itself (`np`, `sigmoid`, `epochs`, ...) gets a trailing underscore,
/// as PEP 8 suggests (`lambda` becomes `lambda_`).
package struct PythonNames {
    /// Keywords, and the names every generated program may define or call.
    static let reserved: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
        "np", "torch", "F", "print", "range", "len", "float", "int", "abs", "sum", "max", "min", "list",
        "sigmoid", "sigmoid_prime", "relu", "softmax", "log_softmax", "bce_logits", "softmax_cross_entropy", "index_grad", "embedding_grad",
        "layer_norm", "batch_norm", "layer_norm_backward", "conv2d", "conv2d_backward", "max_pool", "max_pool_backward",
        "avg_pool", "avg_pool_backward", "conv2d_channels", "conv2d_channels_backward", "max_pool_channels",
        "max_pool_channels_backward", "avg_pool_channels", "avg_pool_channels_backward",
        "forward", "backward",
    ]
    /// What a graph program adds: its printing.
    static let graphProgram: Set<String> = ["show", "name", "node", "value", "grad"]
    /// What a model program adds: data, hyperparameters, the loop.
    static let modelProgram: Set<String> = [
        "data", "orders", "order", "rows", "start", "epoch", "epochs", "step", "steps", "batch", "lr", "beta",
        "beta1", "beta2", "eps", "t", "optimizer", "traced", "rng", "alpha", "weight_decay", "every", "gamma",
        "min_lr", "lr_epoch", "scheduler",
    ]

    /// Each node's identifier, in node order.
    package private(set) var nodes: [String] = []
    private var taken: Set<String>

    /// Names for `names` (the trace's node names), each unique and not reserved in a model's
    /// (or a graph's) program.
    package init(_ names: [String], isModel: Bool) {
        taken = PythonNames.reserved.union(isModel ? PythonNames.modelProgram : PythonNames.graphProgram)
        for name in names { nodes.append(claim(name)) }
    }

    /// A fresh identifier starting from `base`: `base`, else `base_`, `base__`, ...
    mutating func claim(_ base: String) -> String {
        var name = base
        while taken.contains(name) { name += "_" }
        taken.insert(name)
        return name
    }

    /// The gradient's name for a node called `name`: `dW1` (cs231n's convention), else `grad_W1`.
    mutating func gradient(of name: String) -> String {
        let d = "d" + name
        return taken.contains(d) ? claim("grad_" + name) : claim(d)
    }
}
