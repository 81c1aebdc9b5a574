#!/usr/bin/env python3
"""Reference run of benchmark W5 in NumPy (float64), independent of our engine.

W5: the 8x8 handwritten digits (lessons/data/digits.csv: 1,797 images, 64 pixels of 0..16
and a label 0..9; see lessons/data/_digits-source.md for source and licence), pixels divided by 16;
an MLP 64-64-10, ReLU, then softmax cross-entropy (mean over the batch) against the label;
minibatches of 64 rows in the file's order, no shuffling, the 5 rows left over dropped
(1,797 = 28 * 64 + 5, as PyTorch's drop_last, so every step has the same shapes): 28 steps an
epoch; Adam as PyTorch has it (lr 0.001, betas 0.9 and 0.999, eps 1e-8 added to the square root
of the bias-corrected second moment); 20 epochs, 560 steps; textbook backprop (every gradient
from the current weights, then every update).

Random choices (one generator, np.random.default_rng(0), PCG64, drawn in this order): the
weights, Glorot uniform: rng.uniform(-a, a, (fan_in, fan_out)) with a = sqrt(6 / (fan_in +
fan_out)), for W1 (64x64) then W2 (64x10); biases start at zero.

Step k (0-based) is the k-th forward+backward pass; its loss is the loss before update k.
Writes Tests/TrainingTests/Fixtures/w5-reference.json: the initial weights, the loss at steps
0, 28, 140, 280, 420 and 559, the final parameters, and the final accuracy on all 1,797 images. The benchmark trains every implementation on these same numbers.

Run: python3 scripts/digits_reference.py   (any Python 3 with NumPy)
"""
import json
import pathlib

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "lessons/data/digits.csv"
OUT = ROOT / "Tests/TrainingTests/Fixtures/w5-reference.json"
EPOCHS, BATCH, LR, BETA1, BETA2, EPS = 20, 64, 0.001, 0.9, 0.999, 1e-8
SIZES = (64, 64, 10)


def load():
    rows = np.loadtxt(DATA, delimiter=",", skiprows=1)
    X, labels = rows[:, :64] / 16.0, rows[:, 64].astype(int)
    Y = np.zeros((len(labels), 10))
    Y[np.arange(len(labels)), labels] = 1.0
    return X, Y, labels


def make_weights(rng):
    W = [rng.uniform(-np.sqrt(6.0 / (i + o)), np.sqrt(6.0 / (i + o)), size=(i, o)) for i, o in zip(SIZES[:-1], SIZES[1:])]
    return [W[0], np.zeros(SIZES[1]), W[1], np.zeros(SIZES[2])]  # W1, b1, W2, b2


def forward_backward(params, X, Y):
    W1, b1, W2, b2 = params
    Z1 = X @ W1 + b1
    H = np.maximum(Z1, 0)
    Z2 = H @ W2 + b2
    shifted = Z2 - Z2.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    n = X.shape[0]
    loss = -(Y * log_p).sum() / n
    dZ2 = (np.exp(log_p) - Y) / n
    dW2, db2 = H.T @ dZ2, dZ2.sum(axis=0)
    dZ1 = (dZ2 @ W2.T) * (Z1 > 0)
    dW1, db1 = X.T @ dZ1, dZ1.sum(axis=0)
    return loss, [dW1, db1, dW2, db2]


def main():
    X, Y, labels = load()
    rng = np.random.default_rng(0)
    params = make_weights(rng)
    initial = [p.tolist() for p in params]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    batches = [(s, s + BATCH) for s in range(0, len(X) - BATCH + 1, BATCH)]
    steps = EPOCHS * len(batches)
    recorded = sorted({0, len(batches), steps // 4, steps // 2, 3 * steps // 4, steps - 1})
    losses, t = {}, 0
    for _ in range(EPOCHS):
        for s, e in batches:
            loss, grads = forward_backward(params, X[s:e], Y[s:e])
            if t in recorded:
                losses[str(t)] = loss
            t += 1
            for k, g in enumerate(grads):
                m[k] = BETA1 * m[k] + (1 - BETA1) * g
                v[k] = BETA2 * v[k] + (1 - BETA2) * g * g
                m_hat = m[k] / (1 - BETA1 ** t)
                v_hat = v[k] / (1 - BETA2 ** t)
                params[k] = params[k] - LR * m_hat / (np.sqrt(v_hat) + EPS)
    W1, b1, W2, b2 = params
    predicted = (np.maximum(X @ W1 + b1, 0) @ W2 + b2).argmax(axis=1)
    out = {"epochs": EPOCHS, "batch": BATCH, "lr": LR, "betas": [BETA1, BETA2], "eps": EPS, "steps": steps,
           "initial": dict(zip(("W1", "b1", "W2", "b2"), initial)), "loss": losses,
           "final": dict(zip(("W1", "b1", "W2", "b2"), (p.tolist() for p in params))),
           "accuracy": float((predicted == labels).mean())}
    OUT.write_text(json.dumps(out, separators=(",", ":")) + "\n")
    print("W5: %d steps; loss %s; accuracy %.4f -> %s" % (steps, {k: round(float(v), 6) for k, v in losses.items()},
                                                          out["accuracy"], OUT.relative_to(ROOT)))


if __name__ == "__main__":
    main()
