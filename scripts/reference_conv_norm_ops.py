#!/usr/bin/env python3
"""Reference values and gradients of layer_norm, batch_norm, conv2d, max_pool and avg_pool, by PyTorch (float64).

Writes Tests/AutodiffTests/Fixtures/conv_norm_ops.json, which AutodiffTests/ConvNormFixtureTests.swift
compares with the engine (so `make test` checks it without torch). Each case applies one op to its
operand(s) with its options, weights the result by fixed uneven weights w, takes the sum, and
records the result and d(sum)/d(operand) for every operand by torch.autograd.
PyTorch is the independent implementation: F.layer_norm over the last axis and F.batch_norm in
training mode (batch statistics, biased variance, no running averages), neither with its affine part;
F.conv2d, F.max_pool2d and F.avg_pool2d on a matrix seen as one image of one channel (x[None, None]),
or, with channels, on a matrix of C channels stacked along its rows seen as (1, C, H, W) and on D·C
kernels stacked along the rows seen as (D, C, kh, kw), the result stacked back along the rows.
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
    c = options.get("in_channels", options.get("channels", 1))
    image = xs[0].reshape(1, c, -1, xs[0].shape[-1])
    if op == "conv2d":
        d = options.get("out_channels", 1)
        kernels = xs[1].reshape(d, c, -1, xs[1].shape[-1])
        y = F.conv2d(image, kernels, stride=options["stride"], padding=options["padding"])
    elif op == "max_pool":
        y = F.max_pool2d(image, options["size"], stride=options["stride"])
    elif op == "avg_pool":
        y = F.avg_pool2d(image, options["size"], stride=options["stride"])
    else:
        raise ValueError(op)
    return y[0].flatten(0, 1)  # (channels, H, W) stacked along the rows: (channels·H, W)


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



def stacked(rows, cols, start):
    """rows x cols of distinct uneven numbers (no max-pool ties), different for each start."""
    return [[((start + 7 * (r * cols + k)) % 29 - 14) / 4 + 0.01 * r for k in range(cols)] for r in range(rows)]


# Channels stacked along the rows: C=2 images of 4x5, D=3 output channels (6 kernels of 3x3).
cases += [case("conv2d", stacked(8, 5, 1), stacked(18, 3, 2), stride=2, padding=1, in_channels=2, out_channels=3),
          case("conv2d", stacked(8, 5, 3), stacked(4, 2, 4), in_channels=2, out_channels=1),
          case("conv2d", IMAGE, stacked(6, 2, 5), padding=1, in_channels=1, out_channels=3),
          case("max_pool", stacked(8, 5, 6), channels=2), case("max_pool", TIES + TIES[::-1], size=2, stride=1, channels=2),
          case("avg_pool", stacked(12, 4, 7), size=3, stride=1, channels=2), case("avg_pool", stacked(12, 5, 8), channels=3)]

document = {"generator": "scripts/reference_conv_norm_ops.py", "torch": torch.__version__.split("+")[0]}
body = ",\n  ".join(json.dumps(c) for c in cases)
OUT.write_text("{\n" + f' "generator": {json.dumps(document["generator"])},\n'
               + f' "torch": {json.dumps(document["torch"])},\n "cases": [\n  ' + body + "\n ]\n}\n")
print(f"wrote {len(cases)} cases to {OUT}")
