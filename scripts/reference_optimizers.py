#!/usr/bin/env python3
"""Parameters after 100 optimizer steps, computed by PyTorch (float64): the reference for
Training's optimizers (sgd, momentum, nesterov, adam, adamw, rmsprop, with and without weight
decay) and learning-rate schedules (step, exponential, cosine) (Tests/TrainingTests/OptimizerFixtureTests.swift).

Each problem is a small tanh network, H = tanh(X @ W1 + b1), Z = H @ W2 + b2, with a loss on
Z: bce_logits (binary_cross_entropy_with_logits, mean) on XOR, softmax_cross_entropy
(cross_entropy with probability targets, mean) on six points of three classes, and mean
squared error on a noisy line. Initial weights come from NumPy's default_rng(seed) and are
written into the fixture, so the Swift test starts from exactly the same numbers. Each run
records the loss before every step and the parameters after the last.
Writes Tests/TrainingTests/Fixtures/optimizers.json.

Regenerate (from the repository root):
    python3 -m venv .venv-scripts && .venv-scripts/bin/pip install numpy torch
    .venv-scripts/bin/python scripts/reference_optimizers.py
"""
import json
import pathlib

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/TrainingTests/Fixtures/optimizers.json"
STEPS = 100
ORDER = ["W1", "b1", "W2", "b2"]


def initial(seed, inputs, hidden, outputs):
    rng = np.random.default_rng(seed)
    return {"W1": rng.uniform(-1, 1, (inputs, hidden)), "b1": rng.uniform(-0.5, 0.5, hidden),
            "W2": rng.uniform(-1, 1, (hidden, outputs)), "b2": rng.uniform(-0.5, 0.5, outputs)}


def loss_fn(kind, Z, y):
    if kind == "bce_logits":
        return F.binary_cross_entropy_with_logits(Z, y)
    if kind == "softmax_cross_entropy":
        return F.cross_entropy(Z, y)
    return ((Z - y) ** 2).mean()


def make_optimizer(spec, params):
    """The torch.optim optimizer a lesson's `train` line names, with its arguments (lesson names)."""
    a = spec["arguments"]
    decay = a.get("weight_decay", 0.0)
    if spec["rule"] == "sgd":
        return torch.optim.SGD(params, lr=a["lr"], weight_decay=decay, foreach=False)
    if spec["rule"] in ("momentum", "nesterov"):
        return torch.optim.SGD(params, lr=a["lr"], momentum=a["beta"], nesterov=spec["rule"] == "nesterov",
                               weight_decay=decay, foreach=False)
    if spec["rule"] == "rmsprop":
        return torch.optim.RMSprop(params, lr=a["lr"], alpha=a["alpha"], eps=a["eps"], weight_decay=decay, foreach=False)
    make = torch.optim.AdamW if spec["rule"] == "adamw" else torch.optim.Adam
    return make(params, lr=a["lr"], betas=(a["beta1"], a["beta2"]), eps=a["eps"], weight_decay=decay, foreach=False)


def make_scheduler(spec, opt):
    """The lr_scheduler a lesson's `schedule` line names (stepped once per step here: one step per epoch)."""
    schedule = spec.get("schedule")
    if schedule is None:
        return None
    a = schedule["arguments"]
    if schedule["name"] == "step":
        return torch.optim.lr_scheduler.StepLR(opt, step_size=int(a["every"]), gamma=a["gamma"])
    if schedule["name"] == "exponential":
        return torch.optim.lr_scheduler.ExponentialLR(opt, gamma=a["gamma"])
    return torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=STEPS, eta_min=a["min_lr"])


def run(problem, spec):
    X = torch.tensor(problem["X"])
    y = torch.tensor(problem["y"])
    params = {k: torch.tensor(np.array(v), requires_grad=True) for k, v in problem["initial"].items()}
    opt = make_optimizer(spec, [params[k] for k in ORDER])
    scheduler = make_scheduler(spec, opt)
    losses = []
    for _ in range(STEPS):
        opt.zero_grad()
        H = torch.tanh(X @ params["W1"] + params["b1"])
        Z = H @ params["W2"] + params["b2"]
        loss = loss_fn(problem["loss"], Z, y)
        loss.backward()
        losses.append(loss.item())
        opt.step()
        if scheduler is not None:
            scheduler.step()
    final = {k: params[k].detach().reshape(-1).tolist() for k in ORDER}
    return dict(spec, losses=losses, final=final)


def problem(name, loss, X, y, seed, hidden):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    init = initial(seed, X.shape[1], hidden, y.shape[1])
    return {"name": name, "loss": loss, "X": X.tolist(), "y": y.tolist(),
            "initial": {k: v.tolist() for k, v in init.items()}}


line_x = np.linspace(-1, 1, 8).reshape(-1, 1)
problems = [
    problem("xor, 2-3-1 tanh, bce_logits", "bce_logits",
            [[0, 0], [0, 1], [1, 0], [1, 1]], [[0], [1], [1], [0]], seed=1, hidden=3),
    problem("six points, 2-4-3 tanh, softmax_cross_entropy", "softmax_cross_entropy",
            [[0.0, 1.0], [0.5, 0.8], [-1.0, 0.2], [-0.7, -0.6], [0.9, -0.4], [0.3, -1.0]],
            np.eye(3)[[0, 0, 1, 1, 2, 2]], seed=2, hidden=4),
    problem("noisy line, 1-4-1 tanh, mean squared error", "mse",
            line_x, 2 * line_x + 1 + np.random.default_rng(3).normal(0, 0.1, line_x.shape), seed=4, hidden=4),
]
ADAM = {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}
specs = [
    {"rule": "sgd", "arguments": {"lr": 0.5}},
    {"rule": "momentum", "arguments": {"lr": 0.1, "beta": 0.9}},
    {"rule": "adam", "arguments": {"lr": 0.05, **ADAM}},
    {"rule": "adam", "arguments": {"lr": 0.02, "beta1": 0.8, "beta2": 0.95, "eps": 1e-6}},
    {"rule": "nesterov", "arguments": {"lr": 0.1, "beta": 0.9}},
    {"rule": "sgd", "arguments": {"lr": 0.5, "weight_decay": 0.01}},
    {"rule": "nesterov", "arguments": {"lr": 0.05, "beta": 0.8, "weight_decay": 0.001}},
    {"rule": "adam", "arguments": {"lr": 0.05, **ADAM, "weight_decay": 0.01}},
    {"rule": "adamw", "arguments": {"lr": 0.05, **ADAM, "weight_decay": 0.05}},
    {"rule": "rmsprop", "arguments": {"lr": 0.01, "alpha": 0.99, "eps": 1e-8}},
    {"rule": "rmsprop", "arguments": {"lr": 0.005, "alpha": 0.9, "eps": 1e-6, "weight_decay": 0.01}},
    {"rule": "sgd", "arguments": {"lr": 0.5}, "schedule": {"name": "step", "arguments": {"every": 30, "gamma": 0.5}}},
    {"rule": "momentum", "arguments": {"lr": 0.1, "beta": 0.9},
     "schedule": {"name": "exponential", "arguments": {"gamma": 0.97}}},
    {"rule": "adam", "arguments": {"lr": 0.05, **ADAM}, "schedule": {"name": "cosine", "arguments": {"min_lr": 0.001}}},
]
for p in problems:
    p["runs"] = [run(p, s) for s in specs]

lines = ['{', ' "generator": "scripts/reference_optimizers.py",',
         f' "torch": "{torch.__version__.split("+")[0]}",', f' "steps": {STEPS},', ' "problems": [']
lines.append(",\n".join("  " + json.dumps(p) for p in problems))
lines += [' ]', '}']
OUT.write_text("\n".join(lines) + "\n")
print(f"wrote {OUT}")
