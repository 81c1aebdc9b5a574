#!/usr/bin/env python3
"""Reference values and gradients of the elementwise tensor ops of several operands, by PyTorch (float64).

Writes Tests/AutodiffTests/Fixtures/tensor_ops.json, which AutodiffTests/TensorOpFixtureTests.swift
compares with the engine (so `make test` checks it without torch). Each case applies one op to
its operands, weights the result by fixed uneven weights w, takes the sum, and records the result
and d(sum)/d(operand) for every operand by torch.autograd (zeros where autograd gives none).
PyTorch is the independent implementation: torch.gt, lt, ge, le, eq and ne (masks: no gradient),
torch.where(mask != 0, a, b), and torch.clamp with tensor bounds (whose rule at the bounds,
clamp_backward and clamp_backward_min_max, is the one the engine follows), torch.reshape (with -1 inferred), and
Python indexing of a tensor (x[0], x[:, 1], x[1, 2], x[-1], x[0:2], x[:, 1:3]), whose gradient
autograd scatters into zeros, torch.cat of two or three tensors along an axis, and
F.embedding(ids, W) (rows of W; a repeated id adds up its gradient, the ids get none).

Regenerate (from the repository root; torch 2.0 or later):
    /usr/bin/python3 scripts/reference_tensor_ops.py
"""
import json
import pathlib

import torch

from reference_helpers import flat, weights

torch.set_default_dtype(torch.float64)
OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/AutodiffTests/Fixtures/tensor_ops.json"

M = [[1.0, -2.0, 3.0], [0.5, 2.0, -1.0]]
ROW = [0.5, 2.0, 0.0]
COL = [[0.5], [-1.0]]
BOUNDS = [[-1.0, 0.0, 0.5], [1.0, 2.0, 3.0]]  # elements on clip's bounds 0 and 1
MASK = [[1.0, 0.0, -2.0], [0.0, 0.5, 0.0]]


COMPARISONS = {"gt": torch.gt, "lt": torch.lt, "ge": torch.ge, "le": torch.le, "eq": torch.eq, "ne": torch.ne}


def python_index(numbers):
    """The index an entry of the fixture describes, as the engine's trace stores it: [i] is a
    position, [start, end] a range (None for an open end)."""
    return tuple(n[0] if len(n) == 1 else slice(n[0], n[1]) for n in numbers)


def apply(op, xs, dims=None, index=None, axis=None):
    if op == "concat":
        return torch.cat(xs, dim=axis)
    if op == "embedding":
        return torch.nn.functional.embedding(xs[1].long(), xs[0])
    if op == "index":
        return xs[0][python_index(index)]
    if op == "reshape":
        return torch.reshape(xs[0], dims)
    if op in COMPARISONS:
        return COMPARISONS[op](xs[0], xs[1]).double()
    if op == "where":
        return torch.where(xs[0] != 0, xs[1], xs[2])
    if op == "clip":
        return torch.clamp(xs[0], xs[1], xs[2])
    raise ValueError(op)


def case(op, *operands, dims=None, index=None, axis=None):
    xs = [torch.tensor(x, requires_grad=True) for x in operands]
    y = apply(op, xs, dims, index, axis)
    w = weights(list(y.shape))
    total = (y * w).sum()
    if total.requires_grad:
        total.backward()
    grads = [flat(x.grad) if x.grad is not None else [0.0] * x.numel() for x in xs]
    entry = {"op": op, "shapes": [list(x.shape) for x in xs], "inputs": [flat(x) for x in xs],
             "result_shape": list(y.shape), "y": flat(y), "w": flat(w), "grads": grads}
    if index is not None:
        entry["index"] = index
    if axis is not None:
        entry["axis"] = axis
    return entry


cases = []
for op in COMPARISONS:
    cases += [case(op, M, ROW), case(op, M, COL), case(op, M, 2.0), case(op, ROW, ROW), case(op, 0.5, COL)]
cases += [case("where", MASK, M, ROW), case("where", MASK, 1.5, COL), case("where", [1.0, 0.0, 3.0], ROW, -1.0),
          case("where", 0.0, M, 2.0), case("where", [[1.0], [0.0]], ROW, M)]
cases += [case("clip", BOUNDS, 0.0, 1.0), case("clip", BOUNDS, ROW, 2.0), case("clip", BOUNDS, COL, ROW),
          case("clip", BOUNDS, 2.0, 1.0), case("clip", BOUNDS, [1.0, 0.0, 0.5], [1.0, 0.0, 0.5]),
          case("clip", 0.25, 0.0, 1.0), case("clip", [-3.0, 0.5, 4.0], 0.0, 1.0)]

cases += [case("reshape", M, dims=(3, 2)), case("reshape", M, dims=(-1,)), case("reshape", ROW, dims=(-1, 1)),
          case("reshape", 2.5, dims=(1, 1)), case("reshape", COL, dims=(1, -1))]

WIDE = [[1.0, -2.0, 3.0, 0.5], [0.5, 2.0, -1.0, 1.5], [-0.5, 1.0, 2.5, -1.5]]
cases += [case("index", WIDE, index=[[0]]), case("index", WIDE, index=[[None, None], [1]]),
          case("index", WIDE, index=[[1], [2]]), case("index", WIDE, index=[[-1]]),
          case("index", WIDE, index=[[0, 2]]), case("index", WIDE, index=[[None, None], [1, 3]]),
          case("index", WIDE, index=[[-2, None], [-1]]), case("index", ROW, index=[[-2]]),
          case("index", ROW, index=[[1, None]])]

cases += [case("concat", M, [[4.0, -3.0, 1.0]], axis=0), case("concat", M, COL, M, axis=1),
          case("concat", COL, M, axis=-1), case("concat", ROW, [1.5, -0.5], axis=0),
          case("concat", [2.0], ROW, ROW, axis=-1)]

TABLE = [[0.5, -1.0], [2.0, 0.25], [-0.5, 1.5], [1.0, 3.0]]
cases += [case("embedding", TABLE, [2.0, 0.0, 2.0, 3.0]), case("embedding", TABLE, 1.0),
          case("embedding", M, [1.0, 1.0])]

document = {"generator": "scripts/reference_tensor_ops.py", "torch": torch.__version__.split("+")[0], "cases": cases}
body = ",\n  ".join(json.dumps(c) for c in cases)
OUT.write_text("{\n" + f' "generator": {json.dumps(document["generator"])},\n'
               + f' "torch": {json.dumps(document["torch"])},\n "cases": [\n  ' + body + "\n ]\n}\n")
print(f"wrote {len(cases)} cases to {OUT}")
