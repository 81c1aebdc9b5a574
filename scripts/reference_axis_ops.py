#!/usr/bin/env python3
"""Reference values and gradients of the ops that work along an axis, computed by PyTorch (float64).

Writes Tests/AutodiffTests/Fixtures/axis_ops.json, which AutodiffTests/AxisFixtureTests.swift
compares with the engine. Each case applies one op to x and weights its result by w (so the
upstream gradient is uneven), takes the sum, and records the result and d(sum)/dx by
torch.autograd. PyTorch is the independent implementation: torch.softmax, torch.log_softmax,
torch.logsumexp, torch.sum, torch.mean, torch.amax and torch.amin (amax/amin split a tie's
gradient evenly, as the engine does).

Regenerate (from the repository root; torch 1.13 or later):
    python3 scripts/reference_axis_ops.py
"""
import json
import pathlib

import torch

from reference_helpers import flat, weights

torch.set_default_dtype(torch.float64)
OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/AutodiffTests/Fixtures/axis_ops.json"

M = [[1.0, 2.0, 0.5, -1.0], [0.1, -0.3, 2.2, 0.0], [-1.5, 0.4, 0.3, 3.0]]
V = [0.3, 1.7, -0.8, 0.9]
EXTREME = [[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 1000.0]]
TIES = [[2.0, 2.0, -1.0], [0.5, 3.0, 3.0]]


def apply(op, x, axis, keepdims):
    dim = -1 if axis is None and op in ("softmax", "log_softmax", "logsumexp") else axis
    if op == "softmax":
        return torch.softmax(x, dim=dim)
    if op == "log_softmax":
        return torch.log_softmax(x, dim=dim)
    if op == "logsumexp":
        return torch.logsumexp(x, dim=dim, keepdim=keepdims)
    all_dims = tuple(range(x.dim()))
    function = {"sum": torch.sum, "mean": torch.mean, "max": torch.amax, "min": torch.amin}[op]
    if dim is None:
        return function(x, dim=all_dims, keepdim=keepdims) if keepdims else (
            torch.amax(x, dim=all_dims) if op == "max" else torch.amin(x, dim=all_dims) if op == "min" else function(x))
    return function(x, dim=dim, keepdim=keepdims)


def case(op, x, axis=None, keepdims=False):
    x = torch.tensor(x, requires_grad=True)
    y = apply(op, x, axis, keepdims)
    w = weights(list(y.shape))
    (y * w).sum().backward()
    return {"op": op, "axis": axis, "keepdims": keepdims, "shape": list(x.shape), "x": flat(x),
            "result_shape": list(y.shape), "y": flat(y), "w": flat(w), "dx": flat(x.grad)}


cases = []
for op in ("softmax", "log_softmax", "logsumexp"):
    cases += [case(op, V), case(op, M), case(op, M, axis=0), case(op, M, axis=1), case(op, M, axis=-2),
              case(op, EXTREME), case(op, EXTREME, axis=0)]
for op in ("sum", "mean", "max", "min"):
    cases += [case(op, V, axis=0), case(op, V, axis=-1, keepdims=True), case(op, M, axis=0), case(op, M, axis=1),
              case(op, M, axis=-1, keepdims=True), case(op, M, axis=0, keepdims=True), case(op, M, keepdims=True)]
for op in ("max", "min"):
    # Ties: each tied element gets an even share of its slice's gradient.
    cases += [case(op, TIES), case(op, TIES, axis=1), case(op, TIES, axis=0, keepdims=True), case(op, V)]
cases += [case("logsumexp", M, axis=1, keepdims=True), case("logsumexp", M, axis=0, keepdims=True),
          case("logsumexp", V, keepdims=True)]

document = {"generator": "scripts/reference_axis_ops.py", "torch": torch.__version__.split("+")[0], "cases": cases}
body = ",\n  ".join(json.dumps(c) for c in cases)
OUT.write_text("{\n" + f' "generator": {json.dumps(document["generator"])},\n'
               + f' "torch": {json.dumps(document["torch"])},\n' + f' "cases": [\n  {body}\n ]\n' + "}\n")
