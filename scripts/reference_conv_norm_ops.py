#!/usr/bin/env python3
"""Reference values and gradients of layer_norm, batch_norm, conv2d, max_pool and avg_pool, by PyTorch (float64).

Writes Tests/AutodiffTests/Fixtures/conv_norm_ops.json, which AutodiffTests/ConvNormFixtureTests.swift
compares with the engine (so `make test` checks it without torch). Each case applies one op to its
operand(s) with its options, weights the result by fixed uneven weights w, takes the sum, and
records the result and d(sum)/d(operand) for every operand by torch.autograd.
PyTorch is the independent implementation: F.layer_norm over the last axis and F.batch_norm in
training mode (batch statistics, biased variance, no running averages), neither with its affine part;
F.conv2d, F.max_pool2d and F.avg_pool2d on a matrix seen as one image of one channel (x[None, None]).
A max-pool window with a tie sends its whole gradient to the first largest element (row by row):
the cases with ties pin that down.

Regenerate (from the repository root; torch 2.0 or later):
    /usr/bin/python3 scripts/reference_conv_norm_ops.py
"""
import json
import pathlib

import torch
import torch.nn.functional as F

from reference_helpers import flat, weights

torch.set_default_dtype(torch.float64)
OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/AutodiffTests/Fixtures/conv_norm_ops.json"

M = [[1.0, -2.0, 3.0, 0.25], [0.5, 2.0, -1.0, 4.0], [3.0, 3.5, -0.5, 1.0]]
ROW = [0.5, 2.0, 0.0, -1.5, 3.0]
CONSTANT_ROW = [[2.0, 2.0, 2.0], [1.0, -1.0, 0.5]]  # a row with no spread: eps alone keeps it finite


def apply(op, xs, options):
    if op == "layer_norm":
        return F.layer_norm(xs[0], xs[0].shape[-1:], eps=options["eps"])
    if op == "batch_norm":
        return F.batch_norm(xs[0], None, None, training=True, eps=options["eps"])
    if op == "conv2d":
        return F.conv2d(xs[0][None, None], xs[1][None, None], stride=options["stride"], padding=options["padding"])[0, 0]
    if op == "max_pool":
        return F.max_pool2d(xs[0][None, None], options["size"], stride=options["stride"])[0, 0]
    if op == "avg_pool":
        return F.avg_pool2d(xs[0][None, None], options["size"], stride=options["stride"])[0, 0]
    raise ValueError(op)


def case(op, *operands, **options):
    if op in ("layer_norm", "batch_norm"):
        options.setdefault("eps", 1e-5)
    if op == "conv2d":
        options.setdefault("stride", 1)
        options.setdefault("padding", 0)
    if op in ("max_pool", "avg_pool"):
        options.setdefault("size", 2)
        options.setdefault("stride", options["size"])
    xs = [torch.tensor(x, requires_grad=True) for x in operands]
    y = apply(op, xs, options)
    w = weights(list(y.shape))
    (y * w).sum().backward()
    grads = [flat(x.grad) for x in xs]
    return {"op": op, "options": options, "shapes": [list(x.shape) for x in xs], "inputs": [flat(x) for x in xs],
            "result_shape": list(y.shape), "y": flat(y), "w": flat(w), "grads": grads}


cases = [case("layer_norm", M), case("layer_norm", ROW), case("layer_norm", M, eps=0.5),
         case("layer_norm", CONSTANT_ROW), case("layer_norm", [[1.0, 2.0]], eps=0.0)]
cases += [case("batch_norm", M), case("batch_norm", [[1.0, -1.0], [3.0, 0.5]]), case("batch_norm", M, eps=0.25),
          case("batch_norm", [[2.0, 1.0], [2.0, 5.0], [2.0, -4.0]])]

IMAGE = [[1.0, -2.0, 3.0, 0.25, 2.0], [0.5, 2.0, -1.0, 4.0, -3.0], [3.0, 3.5, -0.5, 1.0, 0.0],
         [-1.5, 0.75, 2.5, -2.0, 1.25]]
KERNEL = [[1.0, -0.5], [0.25, 2.0]]
TIES = [[1.0, 3.0, 2.0, 2.0], [3.0, 3.0, 2.0, 0.0], [5.0, 5.0, -1.0, -1.0], [5.0, 4.0, -1.0, -1.0]]
cases += [case("conv2d", IMAGE, KERNEL), case("conv2d", IMAGE, [[1.0, 0.0, -1.0], [2.0, 0.5, -2.0], [1.0, 0.25, -1.0]], stride=2, padding=1),
          case("conv2d", [[1.0, 2.0], [3.0, 4.0]], KERNEL, padding=2), case("conv2d", IMAGE, [[0.5, 1.5, -1.0]], stride=(2)),
          case("conv2d", IMAGE, IMAGE[:2])]
cases += [case("max_pool", IMAGE), case("max_pool", IMAGE, size=3, stride=1), case("max_pool", TIES),
          case("max_pool", TIES, size=2, stride=1), case("avg_pool", IMAGE), case("avg_pool", TIES, size=3, stride=1),
          case("avg_pool", IMAGE, size=2, stride=1)]

document = {"generator": "scripts/reference_conv_norm_ops.py", "torch": torch.__version__.split("+")[0]}
body = ",\n  ".join(json.dumps(c) for c in cases)
OUT.write_text("{\n" + f' "generator": {json.dumps(document["generator"])},\n'
               + f' "torch": {json.dumps(document["torch"])},\n "cases": [\n  ' + body + "\n ]\n}\n")
print(f"wrote {len(cases)} cases to {OUT}")
