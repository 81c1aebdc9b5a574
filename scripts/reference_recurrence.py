#!/usr/bin/env python3
"""Reference values and gradients of small recurrent networks unrolled over T steps, computed by
PyTorch (float64) with a Python loop: backpropagation through time by torch.autograd.

Writes Tests/TrainingTests/Fixtures/recurrence.json, which TrainingTests/RecurrenceFixtureTests.swift
compares with the engine running each case's graph block, written with a `repeat` line. Each case
has the block's source (generated here from the same numbers the loop uses), the forward value of
every named node the block makes (h1 ... hT and the loss) and the gradient of every leaf (inputs
and parameters), each flattened in row-major order.

Regenerate (from the repository root):
    python3 -m venv .venv-scripts && .venv-scripts/bin/pip install numpy torch
    .venv-scripts/bin/python scripts/reference_recurrence.py
"""
import json
import pathlib

import torch

from reference_helpers import flat

torch.set_default_dtype(torch.float64)
OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/TrainingTests/Fixtures/recurrence.json"


def literal(t):
    """A tensor as the block language writes it; repr gives the shortest round-trip digits."""
    if t.dim() == 0:
        return repr(float(t))
    if t.dim() == 1:
        return "[" + ", ".join(repr(float(v)) for v in t) + "]"
    return "[" + ", ".join(literal(row) for row in t) + "]"


def leaves(spec):
    """`spec`: (name, value, is_param) in block order; returns the tensors and their lines."""
    tensors, lines = {}, []
    for name, value, is_param in spec:
        tensors[name] = torch.tensor(value, requires_grad=True)
        lines.append(("param " if is_param else "") + f"{name} = {literal(tensors[name])}")
    return tensors, lines


def case(name, spec, body, loss_line, steps, forward):
    """`forward(leaves, t, state)` computes step t's named nodes into `state` (a dict of name ->
    tensor) as the body does; `loss_line` and the loss computed by `forward(…, None, state)`."""
    tensors, lines = leaves(spec)
    state = dict(tensors)
    named = []
    for t in steps:
        for node, value in forward(tensors, t, state).items():
            state[node] = value
            named.append(node)
    loss = forward(tensors, None, state)["loss"]
    named.append("loss")
    state["loss"] = loss
    loss.backward()
    first, last = steps[0], steps[-1]
    source = "\n".join(lines + [f"repeat t in {first}...{last}:"] + ["    " + b for b in body] + [loss_line]) + "\n"
    return {
        "name": name,
        "source": source,
        "values": {node: flat(state[node]) for node in named},
        "gradients": {leaf: flat(tensors[leaf].grad) for leaf, _, _ in spec},
    }


def scalar_rnn(leaves, t, state):
    # h[t] = tanh(w * h[t-1] + u * x[0, t-1]); loss = h[4] * h[4]
    if t is None:
        return {"loss": state["h4"] * state["h4"]}
    h = torch.tanh(leaves["w"] * state[f"h{t - 1}"] + leaves["u"] * leaves["x"][0, t - 1])
    return {f"h{t}": h}


def vector_rnn(leaves, t, state):
    # z[t] = h[t-1] @ W + X[t-1] @ U + b; h[t] = tanh(z[t]); loss = sum((h[5] - y)^2)
    if t is None:
        return {"loss": torch.sum((state["h5"] - leaves["y"]) ** 2)}
    z = state[f"h{t - 1}"] @ leaves["W"] + leaves["X"][t - 1] @ leaves["U"] + leaves["b"]
    return {f"z{t}": z, f"h{t}": torch.tanh(z)}


def exploding(leaves, t, state):
    # h[t] = w * h[t-1] + x[t-1]: a linear recurrence, whose gradient grows like w^T.
    if t is None:
        return {"loss": state["h16"] * state["h16"]}
    return {f"h{t}": leaves["w"] * state[f"h{t - 1}"] + leaves["x"][t - 1]}


def clipped_batch(leaves, t, state):
    # A batch of sequences, one per row of X, step t reading column t-1; the pre-activation is
    # clipped to [-1.5, 1.5] (torch.clamp), the hidden state averaged over the last step.
    if t is None:
        return {"loss": torch.mean(state["h6"] ** 2)}
    a = leaves["w"] * state[f"h{t - 1}"] + leaves["u"] * leaves["X"][:, t - 1]
    a_clipped = torch.clamp(a, -1.5, 1.5)
    return {f"a{t}": a_clipped, f"h{t}": torch.tanh(a_clipped) * leaves["s"]}


def main():
    g = torch.Generator().manual_seed(7)

    def numbers(*shape):
        return torch.round(torch.randn(*shape, generator=g) * 1000) / 1000  # short literals

    cases = [
        case("scalar RNN over 4 steps (the README's block)",
             [("x", [[1.0, 0.5, -0.3, 0.8]], False), ("w", 0.9, True), ("u", 0.5, True), ("h0", 0.0, False)],
             ["h[t] = tanh(w * h[t-1] + u * x[0, t-1])"], "loss = h[4] * h[4]", list(range(1, 5)), scalar_rnn),
        case("vector RNN, hidden 3, input 2, over 5 steps",
             [("X", numbers(5, 2).tolist(), False), ("W", (numbers(3, 3) / 2).tolist(), True),
              ("U", numbers(2, 3).tolist(), True), ("b", numbers(3).tolist(), True),
              ("h0", [0.1, -0.2, 0.3], False), ("y", [0.5, -0.5, 0.25], False)],
             ["z[t] = h[t-1] @ W + X[t-1] @ U + b", "h[t] = tanh(z[t])"], "loss = sum((h[5] - y)^2)",
             list(range(1, 6)), vector_rnn),
        case("linear recurrence over 16 steps with w = 1.25 (exploding gradient)",
             [("x", numbers(16).tolist(), False), ("w", 1.25, True), ("h0", 1.0, False)],
             ["h[t] = w * h[t-1] + x[t-1]"], "loss = h[16] * h[16]", list(range(1, 17)), exploding),
        case("batch of 3 sequences over 6 steps, clipped pre-activation",
             [("X", numbers(3, 6).tolist(), False), ("w", 1.1, True), ("u", 0.6, True), ("s", 1.1, True),
              ("h0", [0.0, 0.5, -0.5], False)],
             ["a[t] = clip(w * h[t-1] + u * X[:, t-1], -1.5, 1.5)", "h[t] = tanh(a[t]) * s"], "loss = mean(h[6]^2)",
             list(range(1, 7)), clipped_batch),
    ]
    OUT.write_text(json.dumps({"cases": cases}, indent=1) + "\n")
    print(f"wrote {OUT} ({len(cases)} cases)")


if __name__ == "__main__":
    main()
