#!/usr/bin/env python3
"""Reference run of benchmark W6 in NumPy (float64), independent of our engine.

W6: the 8x8 digits of W5 (lessons/data/digits.csv, pixels divided by 16), a small
convolutional net: conv 3x3 with 8 output channels (no bias, no padding, stride 1: 8 maps of
6x6), ReLU, max pool 2x2 (stride 2: 8 maps of 3x3), flattened channel by channel (72 numbers, as
PyTorch's flatten of (8, 3, 3)), dense 72 -> 10 with bias, softmax cross-entropy (mean over the
batch); minibatches of 64 in the file's order (the 5 rows left over dropped: 28 steps an epoch);
Adam as PyTorch has it (lr 0.001, betas 0.9 and 0.999, eps 1e-8); 20 epochs, 560 steps.
A max-pool window whose largest value is tied sends its gradient to the first of them, row by
row (PyTorch's rule); after a ReLU such ties are zeros, whose gradient the ReLU stops anyway.

Random choices (one generator, np.random.default_rng(0), drawn in this order): the kernel,
uniform(-a, a, (8, 3, 3)) with a = sqrt(6 / (9 + 72)) (Glorot for fan-in 1·3·3 and fan-out
8·3·3), then the dense weights, uniform(-a, a, (72, 10)) with a = sqrt(6 / (72 + 10)); the bias
starts at zero.

Writes Tests/TrainingTests/Fixtures/w6-reference.json: the initial parameters, the loss at
steps 0, 28, 140, 280, 420 and 559, the final parameters and the accuracy on all 1,797 images.

Run: python3 scripts/digits_cnn_reference.py   (any Python 3 with NumPy)
"""
import json
import pathlib

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "lessons/data/digits.csv"
OUT = ROOT / "Tests/TrainingTests/Fixtures/w6-reference.json"
EPOCHS, BATCH, LR, BETA1, BETA2, EPS = 20, 64, 0.001, 0.9, 0.999, 1e-8
CHANNELS = 8


def load():
    rows = np.loadtxt(DATA, delimiter=",", skiprows=1)
    X, labels = rows[:, :64].reshape(-1, 8, 8) / 16.0, rows[:, 64].astype(int)
    Y = np.zeros((len(labels), 10))
    Y[np.arange(len(labels)), labels] = 1.0
    return X, Y, labels


def forward(params, X):
    """Logits, and what the backward pass needs."""
    K, W, b = params
    n = X.shape[0]
    Z = np.zeros((n, CHANNELS, 6, 6))
    for a in range(3):
        for c in range(3):
            Z += K[None, :, a, c, None, None] * X[:, None, a:a + 6, c:c + 6]
    H = np.maximum(Z, 0)
    windows = H.reshape(n, CHANNELS, 3, 2, 3, 2).transpose(0, 1, 2, 4, 3, 5).reshape(n, CHANNELS, 3, 3, 4)
    first = windows.argmax(axis=4)  # the first largest, row by row in the window
    P = windows.max(axis=4)
    F = P.reshape(n, 72)
    return F @ W + b, (Z, first, F)


def forward_backward(params, X, Y):
    K, W, b = params
    n = X.shape[0]
    logits, (Z, first, F) = forward(params, X)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -(Y * log_p).sum() / n
    dlogits = (np.exp(log_p) - Y) / n
    dW, db = F.T @ dlogits, dlogits.sum(axis=0)
    dP = (dlogits @ W.T).reshape(n, CHANNELS, 3, 3)
    dwindows = np.zeros((n, CHANNELS, 3, 3, 4))
    np.put_along_axis(dwindows, first[..., None], dP[..., None], axis=4)
    dH = dwindows.reshape(n, CHANNELS, 3, 3, 2, 2).transpose(0, 1, 2, 4, 3, 5).reshape(n, CHANNELS, 6, 6)
    dZ = dH * (Z > 0)
    dK = np.zeros_like(K)
    for a in range(3):
        for c in range(3):
            dK[:, a, c] = np.einsum("ndij,nij->d", dZ, X[:, a:a + 6, c:c + 6])
    return loss, [dK, dW, db]


def main():
    X, Y, labels = load()
    rng = np.random.default_rng(0)
    a_k, a_w = np.sqrt(6.0 / (9 + 72)), np.sqrt(6.0 / (72 + 10))
    params = [rng.uniform(-a_k, a_k, size=(CHANNELS, 3, 3)), rng.uniform(-a_w, a_w, size=(72, 10)), np.zeros(10)]
    initial = {"K": params[0].reshape(CHANNELS * 3, 3).tolist(), "W": params[1].tolist(), "b": params[2].tolist()}
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    per_epoch = len(X) // BATCH
    steps = EPOCHS * per_epoch
    recorded = sorted({0, per_epoch, steps // 4, steps // 2, 3 * steps // 4, steps - 1})
    losses = {}
    for t in range(steps):
        s = (t % per_epoch) * BATCH
        loss, grads = forward_backward(params, X[s:s + BATCH], Y[s:s + BATCH])
        if t in recorded:
            losses[str(t)] = float(loss)
        for k, g in enumerate(grads):
            m[k] = BETA1 * m[k] + (1 - BETA1) * g
            v[k] = BETA2 * v[k] + (1 - BETA2) * g * g
            params[k] = params[k] - LR * (m[k] / (1 - BETA1 ** (t + 1))) / (np.sqrt(v[k] / (1 - BETA2 ** (t + 1))) + EPS)
    predicted = forward(params, X)[0].argmax(axis=1)
    out = {"epochs": EPOCHS, "batch": BATCH, "lr": LR, "betas": [BETA1, BETA2], "eps": EPS, "steps": steps,
           "initial": initial, "loss": losses,
           "final": {"K": params[0].reshape(CHANNELS * 3, 3).tolist(), "W": params[1].tolist(), "b": params[2].tolist()},
           "accuracy": float((predicted == labels).mean())}
    OUT.write_text(json.dumps(out, separators=(",", ":")) + "\n")
    print("W6: %d steps; loss %s; accuracy %.4f -> %s" % (steps, {k: round(v, 6) for k, v in losses.items()},
                                                          out["accuracy"], OUT.relative_to(ROOT)))


if __name__ == "__main__":
    main()
