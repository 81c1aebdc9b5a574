#!/usr/bin/env python3
"""Noise-free reference versions of the built-in data sets, from scikit-learn and NumPy.

Our generators draw their noise from our own PRNG, which NumPy cannot reproduce, so the
fixtures pin the construction itself: with noise 0, moons and circles must equal
scikit-learn's make_moons / make_circles (shuffle=False, noise=None), spiral the cs231n
construction (radius and angle by np.linspace, point (r sin t, r cos t)), line and sine
np.linspace with the formula. Writes Tests/TrainingTests/Fixtures/datasets.json.

Regenerate (from the repository root):
    python3 -m venv .venv-scripts && .venv-scripts/bin/pip install numpy scikit-learn
    .venv-scripts/bin/python scripts/reference_datasets.py
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.datasets import make_circles, make_moons

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/TrainingTests/Fixtures/datasets.json"


def spiral(n, classes):
    # cs231n: for class j, r = linspace(0, 1, N), t = linspace(4j, 4(j+1), N) (+ noise, here 0).
    # Our convention for n not divisible by the class count: the first n % k classes get one more.
    X, y = [], []
    for j in range(classes):
        m = n // classes + (1 if j < n % classes else 0)
        r = np.linspace(0.0, 1, m)
        t = np.linspace(j * 4, (j + 1) * 4, m)
        X.append(np.c_[r * np.sin(t), r * np.cos(t)])
        y.append(np.eye(classes)[np.full(m, j)])
    return np.vstack(X), np.vstack(y)


def entry(name, arguments, X, y):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if y.ndim == 1:
        y = y.reshape(-1, 1)
    return {"name": name, "arguments": arguments, "X_shape": list(X.shape), "X": X.reshape(-1).tolist(),
            "y_shape": list(y.shape), "y": y.reshape(-1).tolist()}


cases = []
for n in [200, 7, 1]:
    X, y = make_moons(n_samples=n, shuffle=False, noise=None)
    cases.append(entry("moons", {"n": n, "noise": 0}, X, y))
for n, factor in [(200, 0.5), (9, 0.3)]:
    X, y = make_circles(n_samples=n, shuffle=False, noise=None, factor=factor)
    cases.append(entry("circles", {"n": n, "noise": 0, "factor": factor}, X, y))
for n, classes in [(300, 3), (10, 3), (8, 4)]:
    X, y = spiral(n, classes)
    cases.append(entry("spiral", {"n": n, "classes": classes, "noise": 0}, X, y))
x = np.linspace(-1, 1, 50)
cases.append(entry("line", {"n": 50, "slope": 2, "intercept": 1, "noise": 0}, x.reshape(-1, 1), 2 * x + 1))
x = np.linspace(-np.pi, np.pi, 100)
cases.append(entry("sine", {"n": 100, "noise": 0}, x.reshape(-1, 1), np.sin(x)))

body = ",\n  ".join(json.dumps(c) for c in cases)
OUT.write_text('{\n "generator": "scripts/reference_datasets.py",\n'
               f' "sklearn": "{sklearn.__version__}",\n "numpy": "{np.__version__}",\n "cases": [\n  ' + body + "\n ]\n}\n")
print(f"wrote {OUT}")
