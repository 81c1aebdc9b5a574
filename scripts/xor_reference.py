#!/usr/bin/env python3
"""Reference run of the seed article's XOR network, in NumPy (float64), independent of our engine.

Writes Tests/TrainingTests/Fixtures/xor-reference.json: the initial weights (np.random.seed(0),
uniform), and for textbook backprop (gradients from the current weights, then both updates) the
half sum of squared errors at every 5,000th step and at the last, and the final weights.
The seed's own program updates w_output before computing dH; its losses are recorded too.

Run: python3 scripts/xor_reference.py
"""
import json
import pathlib

import numpy as np

EPOCHS, LR = 50_000, 0.1
X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)
y = np.array([[0], [1], [1], [0]], dtype=np.float64)

np.random.seed(0)
w_hidden0 = np.random.uniform(size=(2, 3))
w_output0 = np.random.uniform(size=(3, 1))


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def run(textbook):
    w_hidden, w_output = w_hidden0.copy(), w_output0.copy()
    losses = {}
    for epoch in range(EPOCHS):
        act_hidden = sigmoid(X @ w_hidden)
        output = act_hidden @ w_output
        error = y - output
        if epoch % 5000 == 0 or epoch == EPOCHS - 1:
            losses[epoch] = float(0.5 * np.sum(error ** 2))
        dZ = error * LR
        if textbook:
            dH = dZ @ w_output.T * act_hidden * (1 - act_hidden)
            w_output += act_hidden.T @ dZ
        else:  # the seed's order: w_output first, then dH from the updated w_output
            w_output += act_hidden.T @ dZ
            dH = dZ @ w_output.T * act_hidden * (1 - act_hidden)
        w_hidden += X.T @ dH
    return losses, w_hidden, w_output


textbook_losses, w_hidden, w_output = run(True)
seed_losses, _, _ = run(False)
out = {
    "generator": "scripts/xor_reference.py (NumPy %s, float64)" % np.__version__,
    "epochs": EPOCHS, "lr": LR,
    "W1_initial": w_hidden0.tolist(), "W2_initial": w_output0.tolist(),
    "textbook": {"loss": {str(k): v for k, v in textbook_losses.items()},
                 "W1_final": w_hidden.tolist(), "W2_final": w_output.tolist()},
    "seed_program": {"loss": {str(k): v for k, v in seed_losses.items()}},
}
path = pathlib.Path(__file__).resolve().parent.parent / "Tests/TrainingTests/Fixtures/xor-reference.json"
path.write_text(json.dumps(out, indent=1) + "\n")
print(json.dumps({k: out["textbook"]["loss"][k] for k in ("0", "49999")}))
print("W1 =", [[repr(v) for v in row] for row in w_hidden0.tolist()])
print("W2 =", [[repr(v) for v in row] for row in w_output0.tolist()])
