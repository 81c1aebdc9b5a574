#!/usr/bin/env python3
"""Reference for batch_norm's running averages in model blocks, computed by PyTorch (float64):
each case trains a small model whose hidden layer is normalized by BatchNorm1d(affine=False,
momentum=0.1) with full-batch SGD, and after every step's forward and backward pass (before the
update, where the engine traces a step) records the model's output in evaluation mode
(model.eval(): normalized by the running mean and the unbiased running variance) on the first
rows of the training set, what the page's predictions table shows.

Writes Tests/TrainingTests/Fixtures/running_averages.json, which
TrainingTests/RunningAveragesFixtureTests.swift compares with the engine training the case's
model block (generated here from the same numbers), to 1e-9 relative.

Regenerate (from the repository root):
    python3 -m venv .venv-scripts && .venv-scripts/bin/pip install numpy torch
    .venv-scripts/bin/python scripts/reference_running_averages.py
"""
import json
import pathlib

import torch

from reference_helpers import flat

torch.set_default_dtype(torch.float64)
OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/TrainingTests/Fixtures/running_averages.json"
ROWS = 8  # StepPredictions.rows


def literal(t):
    if t.dim() == 1:
        return "[" + ", ".join(repr(float(v)) for v in t) + "]"
    return "[" + ", ".join(literal(row) for row in t) + "]"


def case(name, X, y, W1, W2, b2, epochs, lr, two_norms=False):
    W1 = torch.tensor(W1, requires_grad=True)
    W2 = torch.tensor(W2, requires_grad=True)
    b2 = torch.tensor(b2, requires_grad=True)
    X, y = torch.tensor(X), torch.tensor(y)
    norm1 = torch.nn.BatchNorm1d(W1.shape[1], affine=False, momentum=0.1)
    norm2 = torch.nn.BatchNorm1d(1, affine=False, momentum=0.1)

    def forward(rows):
        h = torch.tanh(norm1(rows @ W1))
        out = h @ W2 + b2
        return norm2(out) if two_norms else out

    out_line = "out = batch_norm(H @ W2 + b2)" if two_norms else "out = H @ W2 + b2"
    source = "\n".join([
        f"X = {literal(X)}", f"y = {literal(y)}",
        f"param W1 = {literal(W1.detach())}", f"param W2 = {literal(W2.detach())}",
        f"param b2 = {literal(b2.detach())}",
        "H = tanh(batch_norm(X @ W1))", out_line, "loss = mean((out - y)^2)",
        f"train sgd(lr: {lr}) epochs {epochs} seed 0", "trace every 1",
    ]) + "\n"
    outputs = []
    for _ in range(epochs):
        norm1.train(), norm2.train()
        loss = torch.mean((forward(X) - y) ** 2)
        loss.backward()
        with torch.no_grad():
            norm1.eval(), norm2.eval()
            outputs.append(flat(forward(X[:ROWS])))
            for p in (W1, W2, b2):
                p -= lr * p.grad
                p.grad = None
    return {"name": name, "source": source, "outputs": outputs,
            "runningMean": flat(norm1.running_mean), "runningVariance": flat(norm1.running_var)}


def main():
    g = torch.Generator().manual_seed(7)
    X = (torch.rand(10, 2, generator=g) * 4 - 2).tolist()
    y = (torch.rand(10, 1, generator=g) * 2 - 1).tolist()
    W1 = (torch.rand(2, 3, generator=g) - 0.5).tolist()
    W2 = (torch.rand(3, 1, generator=g) - 0.5).tolist()
    cases = [
        case("one norm", X, y, W1, W2, [0.1], epochs=6, lr=0.1),
        case("two norms", X, y, W1, W2, [0.1], epochs=5, lr=0.2, two_norms=True),
    ]
    OUT.write_text(json.dumps({"cases": cases}, indent=1) + "\n")
    print(f"wrote {OUT} ({len(cases)} cases)")


if __name__ == "__main__":
    main()
