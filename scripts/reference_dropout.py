#!/usr/bin/env python3
"""Reference values and gradients of dropout with a seeded mask, by PyTorch (float64).

Writes Tests/AutodiffTests/Fixtures/dropout.json, which AutodiffTests/DropoutFixtureTests.swift
compares with the engine (so `make test` checks it without torch). This script is the spec of the
mask: element i (row-major) of dropout(x, p, seed) is kept when hash(seed, i) / 2^32 >= p, where
hash is (seed + 1) times the golden-ratio constant 0x9E3779B9, XORed with i, then the lowbias32 finalizer (Chris Wellons'
hash-prospector), all in unsigned 32-bit arithmetic. It is written here independently of the
Swift (Operations/DropoutMask.swift) and JavaScript (JavaScriptKernels.swift) versions.

Each case records the mask and the hash of every element, then, as PyTorch's inverted dropout in
training mode with that mask, y = x * mask / (1 - p); it weights y by fixed uneven weights w, takes
the sum, and records d(sum)/dx by torch.autograd. A large case checks the kept fraction too.

Regenerate (from the repository root; torch 2.0 or later):
    /usr/bin/python3 scripts/reference_dropout.py
"""
import json
import pathlib

import torch

from reference_helpers import flat, weights

torch.set_default_dtype(torch.float64)
OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/AutodiffTests/Fixtures/dropout.json"
U32 = 0xFFFFFFFF


def mask_hash(seed, i):
    x = (((seed + 1) * 0x9E3779B9) & U32) ^ i
    x ^= x >> 16
    x = (x * 0x7FEB352D) & U32
    x ^= x >> 15
    x = (x * 0x846CA68B) & U32
    x ^= x >> 16
    return x


def case(x, p=0.5, seed=0):
    x = torch.tensor(x, requires_grad=True)
    n = x.numel()
    hashes = [mask_hash(seed, i) for i in range(n)]
    mask = torch.tensor([1.0 if h / 2**32 >= p else 0.0 for h in hashes]).reshape(x.shape)
    y = x * mask / (1 - p)
    w = weights(list(y.shape))
    (y * w).sum().backward()
    return {"p": p, "seed": seed, "shape": list(x.shape), "x": flat(x), "hashes": hashes, "mask": flat(mask),
            "y": flat(y), "w": flat(w), "grad": flat(x.grad)}


M = [[1.0, -2.0, 3.0, 0.25], [0.5, 2.0, -1.0, 4.0], [3.0, 3.5, -0.5, 1.0]]
ROW = [0.5, 2.0, 0.0, -1.5, 3.0, 1.25, -0.75, 2.5]
cases = [case(M), case(M, p=0.5, seed=7), case(M, p=0.25, seed=1), case(M, p=0.9, seed=42), case(M, p=0.0, seed=3),
         case(ROW, p=0.3, seed=123456), case(ROW, p=0.5, seed=999999), case(2.5, p=0.5, seed=0), case(2.5, p=0.25, seed=3),
         case([[0.1 * (i - 25) for i in range(50)] for _ in range(20)], p=0.3, seed=11)]

document = {"generator": "scripts/reference_dropout.py", "torch": torch.__version__.split("+")[0]}
body = ",\n  ".join(json.dumps(c) for c in cases)
OUT.write_text("{\n" + f' "generator": {json.dumps(document["generator"])},\n'
               + f' "torch": {json.dumps(document["torch"])},\n "cases": [\n  ' + body + "\n ]\n}\n")
print(f"wrote {len(cases)} cases to {OUT}")
