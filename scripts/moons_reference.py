#!/usr/bin/env python3
"""Reference run of benchmark W3 in NumPy (float64), independent of our engine.

W3: a 2-16-16-1 network, tanh, tanh, then one logit z with loss = mean binary cross-entropy of
sigmoid(z) against y, computed from the logit (bce_logits); full batch of 200 two-moons points;
plain SGD, lr 0.5, 2,000 epochs; textbook backprop (every gradient from the current weights,
then every update).

Random choices (all from one generator, np.random.default_rng(0), PCG64, drawn in this order):
  1. the data: scikit-learn's make_moons construction without shuffling: 100 points on the
     upper moon (cos t, sin t) with label 0, then 100 on the lower moon (1 - cos t, 1/2 - sin t)
     with label 1, t = linspace(0, pi, 100); plus Gaussian noise, rng.normal(0, 0.1, (200, 2));
  2. the weights, Glorot uniform: rng.uniform(-a, a, (fan_in, fan_out)) with
     a = sqrt(6 / (fan_in + fan_out)), for W1 (2x16), W2 (16x16), W3 (16x1);
  3. biases start at zero (b1, b2: 16 numbers; b3: 1).

Step k (0-based) is the k-th forward+backward pass; its loss is the loss before update k.
Writes Tests/TrainingTests/Fixtures/w3-reference.json: X, y, initial weights and biases, the
loss at steps 0, 500, 1000, 1500 and 1999, and the final weights and biases. The benchmark
(`make bench`) trains every implementation on these same numbers.

Run: python3 scripts/moons_reference.py   (any Python 3 with NumPy)
"""
import json
import pathlib

import numpy as np

EPOCHS, LR, POINTS, NOISE = 2_000, 0.5, 200, 0.1
RECORDED = (0, 500, 1000, 1500, 1999)
SIZES = (2, 16, 16, 1)


def make_data(rng):
    n_out = POINTS // 2
    n_in = POINTS - n_out
    t_out, t_in = np.linspace(0, np.pi, n_out), np.linspace(0, np.pi, n_in)
    X = np.vstack([np.column_stack([np.cos(t_out), np.sin(t_out)]),
                   np.column_stack([1 - np.cos(t_in), 0.5 - np.sin(t_in)])])
    X = X + rng.normal(0.0, NOISE, size=X.shape)
    y = np.concatenate([np.zeros(n_out), np.ones(n_in)]).reshape(-1, 1)
    return X, y


def make_weights(rng):
    params = []
    for fan_in, fan_out in zip(SIZES[:-1], SIZES[1:]):
        a = np.sqrt(6.0 / (fan_in + fan_out))
        params.append(rng.uniform(-a, a, size=(fan_in, fan_out)))
    for fan_out in SIZES[1:]:
        params.append(np.zeros(fan_out))
    return params  # W1, W2, W3, b1, b2, b3


def sigmoid(z):
    # The stable form (only ever exp of a non-positive number), as our engine's sigmoid.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def bce_logits(z, y):
    return float(np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))))


def train(X, y, params, epochs=EPOCHS, lr=LR, recorded=RECORDED):
    W1, W2, W3, b1, b2, b3 = (p.copy() for p in params)
    n = X.shape[0]
    losses = {}
    for step in range(epochs):
        H1 = np.tanh(X @ W1 + b1)
        H2 = np.tanh(H1 @ W2 + b2)
        z = H2 @ W3 + b3
        if step in recorded:
            losses[step] = bce_logits(z, y)
        dz = (sigmoid(z) - y) / n
        dW3, db3 = H2.T @ dz, dz.sum(axis=0)
        dZ2 = (dz @ W3.T) * (1 - H2 * H2)
        dW2, db2 = H1.T @ dZ2, dZ2.sum(axis=0)
        dZ1 = (dZ2 @ W2.T) * (1 - H1 * H1)
        dW1, db1 = X.T @ dZ1, dZ1.sum(axis=0)
        W1 -= lr * dW1; W2 -= lr * dW2; W3 -= lr * dW3
        b1 -= lr * db1; b2 -= lr * db2; b3 -= lr * db3
    return losses, (W1, W2, W3, b1, b2, b3)


def main():
    rng = np.random.default_rng(0)
    X, y = make_data(rng)
    params = make_weights(rng)
    losses, final = train(X, y, params)
    names = ("W1", "W2", "W3", "b1", "b2", "b3")
    out = {
        "generator": "scripts/moons_reference.py (NumPy %s, float64)" % np.__version__,
        "rng": "np.random.default_rng(0): moons noise normal(0, 0.1, (200, 2)), then Glorot-uniform W1, W2, W3; biases zero",
        "epochs": EPOCHS, "lr": LR, "sizes": list(SIZES),
        "X": X.tolist(), "y": y.tolist(),
        "initial": {k: v.tolist() for k, v in zip(names, params)},
        "loss": {str(k): v for k, v in losses.items()},
        "final": {k: v.tolist() for k, v in zip(names, final)},
    }
    path = pathlib.Path(__file__).resolve().parent.parent / "Tests/TrainingTests/Fixtures/w3-reference.json"
    path.write_text(json.dumps(out) + "\n")
    print(json.dumps(out["loss"]))


if __name__ == "__main__":
    main()
