#!/usr/bin/env python3
"""Reference values and gradients of the two loss ops, computed by PyTorch (float64).

Writes Tests/AutodiffTests/Fixtures/losses.json, which AutodiffTests/LossFixtureTests.swift
compares with the engine's bce_logits and softmax_cross_entropy. PyTorch is the independent
implementation: torch.nn.functional.binary_cross_entropy_with_logits and cross_entropy with
probability targets, both with reduction "mean", gradients by torch.autograd.

Regenerate (from the repository root):
    python3 -m venv .venv-scripts && .venv-scripts/bin/pip install numpy torch
    .venv-scripts/bin/python scripts/reference_losses.py
"""
import json
import pathlib

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/AutodiffTests/Fixtures/losses.json"


def flat(t):
    return [float(x) for x in t.detach().reshape(-1).tolist()]


def case(name, loss_fn, z, y):
    z = torch.tensor(z, requires_grad=True)
    y = torch.tensor(y, requires_grad=True)
    loss = loss_fn(z, y)
    loss.backward()
    return {"name": name, "shape": list(z.shape), "z": flat(z), "y": flat(y),
            "loss": float(loss.detach()), "dz": flat(z.grad), "dy": flat(y.grad)}


def bce(z, y):
    return F.binary_cross_entropy_with_logits(z, y, reduction="mean")


def softmax_ce(z, y):
    # Class probabilities as targets (same shape as the logits); a 1-D z is one example.
    return F.cross_entropy(z, y, reduction="mean")


bce_cases = [
    case("4x1 logits, 0/1 targets", bce, [[0.5], [-1.2], [2.0], [0.0]], [[1.0], [0.0], [1.0], [0.0]]),
    case("2x3 logits, soft targets", bce, [[0.3, -2.5, 4.1], [-0.7, 1.9, -3.3]], [[0.2, 0.9, 1.0], [0.5, 0.0, 0.75]]),
    case("vector of extreme logits", bce, [1000.0, -1000.0, 1000.0, -1000.0, 35.0, -40.0], [1.0, 0.0, 0.0, 1.0, 0.5, 0.25]),
    case("scalar", bce, 0.7, 1.0),
]

softmax_cases = [
    case("3x4 logits, one-hot targets", softmax_ce,
         [[1.0, 2.0, 0.5, -1.0], [0.1, -0.3, 2.2, 0.0], [-1.5, 0.4, 0.3, 3.0]],
         [[0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0], [1.0, 0.0, 0.0, 0.0]]),
    case("2x3 logits, probability targets", softmax_ce,
         [[0.2, -0.4, 1.1], [2.5, 0.0, -2.5]], [[0.1, 0.6, 0.3], [0.25, 0.25, 0.5]]),
    case("2x3 logits, targets not summing to 1", softmax_ce,
         [[0.2, -0.4, 1.1], [2.5, 0.0, -2.5]], [[0.2, 0.5, 0.9], [0.0, 1.5, 0.0]]),
    case("vector of 3 (one example)", softmax_ce, [0.3, 1.7, -0.8], [0.0, 0.0, 1.0]),
    case("extreme logits", softmax_ce,
         [[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 1000.0]], [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]),
]

document = {
    "generator": "scripts/reference_losses.py",
    "torch": torch.__version__.split("+")[0],
    "bce_logits": bce_cases,
    "softmax_cross_entropy": softmax_cases,
}
# One case per line: small diffs when a case changes, and still plain JSON.
lines = ["{"]
lines.append(f' "generator": {json.dumps(document["generator"])},')
lines.append(f' "torch": {json.dumps(document["torch"])},')
for key in ("bce_logits", "softmax_cross_entropy"):
    body = ",\n  ".join(json.dumps(c) for c in document[key])
    comma = "," if key == "bce_logits" else ""
    lines.append(f' "{key}": [\n  {body}\n ]{comma}')
lines.append("}")
OUT.write_text("\n".join(lines) + "\n")
print(f"wrote {OUT}")
