"""NumPy peers: the seed article's program (W1) and textbook backprop (W1, W3).

Every implementation keeps each step's loss (as our LossHistory does) and returns the loss of
the last step: the loss of the forward pass before the last update.
"""
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def w1_seed(d):
    """The seed's loop, as in scripts/xor_reference.py's seed_program branch: it updates
    w_output before computing dH from it."""
    X, y = np.array(d["X"]), np.array(d["y"])
    w_hidden, w_output = np.array(d["params"]["W1"]), np.array(d["params"]["W2"])
    epochs, lr = d["epochs"], d["lr"]
    losses = np.empty(epochs)
    for epoch in range(epochs):
        act_hidden = sigmoid(X @ w_hidden)
        output = act_hidden @ w_output
        error = y - output
        losses[epoch] = 0.5 * np.sum(error ** 2)
        dZ = error * lr
        w_output += act_hidden.T @ dZ
        dH = dZ @ w_output.T * act_hidden * (1 - act_hidden)
        w_hidden += X.T @ dH
    return float(losses[-1])


def w1_textbook(d):
    """Half sum of squared errors; every gradient from the current weights, then the updates."""
    X, y = np.array(d["X"]), np.array(d["y"])
    W1, W2 = np.array(d["params"]["W1"]), np.array(d["params"]["W2"])
    epochs, lr = d["epochs"], d["lr"]
    losses = np.empty(epochs)
    for step in range(epochs):
        H = sigmoid(X @ W1)
        out = H @ W2
        err = out - y
        losses[step] = 0.5 * np.sum(err ** 2)
        dW2 = H.T @ err
        dZ = (err @ W2.T) * H * (1 - H)
        dW1 = X.T @ dZ
        W1 -= lr * dW1
        W2 -= lr * dW2
    return float(losses[-1])


def stable_sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def w3_textbook(d):
    """tanh, tanh, bce_logits (mean), as scripts/moons_reference.py."""
    X, y = np.array(d["X"]), np.array(d["y"])
    p = {k: np.array(v) for k, v in d["params"].items()}
    W1, W2, W3, b1, b2, b3 = (p[k] for k in ("W1", "W2", "W3", "b1", "b2", "b3"))
    epochs, lr, n = d["epochs"], d["lr"], X.shape[0]
    losses = np.empty(epochs)
    for step in range(epochs):
        H1 = np.tanh(X @ W1 + b1)
        H2 = np.tanh(H1 @ W2 + b2)
        z = H2 @ W3 + b3
        losses[step] = np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))
        dz = (stable_sigmoid(z) - y) / n
        dW3, db3 = H2.T @ dz, dz.sum(axis=0)
        dZ2 = (dz @ W3.T) * (1 - H2 * H2)
        dW2, db2 = H1.T @ dZ2, dZ2.sum(axis=0)
        dZ1 = (dZ2 @ W2.T) * (1 - H1 * H1)
        dW1, db1 = X.T @ dZ1, dZ1.sum(axis=0)
        W1 -= lr * dW1; W2 -= lr * dW2; W3 -= lr * dW3
        b1 -= lr * db1; b2 -= lr * db2; b3 -= lr * db3
    return float(losses[-1])


def adam_minibatches(d, params, X, Y, forward_backward):
    """W5 and W6: minibatches of d["batch"] rows in order (the rest dropped), Adam as PyTorch has
    it; forward_backward(params, x, y) -> (loss, gradients) is the reference script's own."""
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    (beta1, beta2), eps, lr, batch = d["betas"], d["eps"], d["lr"], d["batch"]
    per_epoch = len(X) // batch
    losses = np.empty(d["steps"])
    for step in range(d["steps"]):
        s = (step % per_epoch) * batch
        losses[step], grads = forward_backward(params, X[s:s + batch], Y[s:s + batch])
        t = step + 1
        for k, g in enumerate(grads):
            m[k] = beta1 * m[k] + (1 - beta1) * g
            v[k] = beta2 * v[k] + (1 - beta2) * g * g
            params[k] = params[k] - lr * (m[k] / (1 - beta1 ** t)) / (np.sqrt(v[k] / (1 - beta2 ** t)) + eps)
    return float(losses[-1])


def reference(module):
    """A reference script of scripts/ (its forward and backward passes are textbook NumPy)."""
    import importlib
    import pathlib
    import sys
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "scripts"))
    return importlib.import_module(module)


def w5_textbook(d):
    """The MLP of scripts/digits_reference.py: ReLU, softmax cross-entropy (mean)."""
    params = [np.array(d["params"][k]) for k in ("W1", "b1", "W2", "b2")]
    return adam_minibatches(d, params, np.array(d["X"]), np.array(d["y"]), reference("digits_reference").forward_backward)


def w6_textbook(d):
    """The conv net of scripts/digits_cnn_reference.py (sliding sums over the 9 kernel offsets)."""
    params = [np.array(d["params"]["K"]).reshape(8, 3, 3), np.array(d["params"]["W"]), np.array(d["params"]["b"])]
    return adam_minibatches(d, params, np.array(d["X"]).reshape(-1, 8, 8), np.array(d["y"]),
                            reference("digits_cnn_reference").forward_backward)


def make(impl):
    """workload name -> (prepare(d) -> seconds of compiling or None, run(d) -> final loss)."""
    if impl == "numpy-seed":
        return {"W1": (None, w1_seed)}
    return {"W1": (None, w1_textbook), "W3": (None, w3_textbook), "W5": (None, w5_textbook), "W6": (None, w6_textbook)}
