"""JAX peer: the whole training loop in one jitted function (lax.fori_loop), float64.

Compiling is timed apart (`prepare`) and not counted in the run: the jitted function is lowered
and compiled once per workload, then each run calls the compiled executable.
"""
import time

import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402  (after enabling float64)
from jax import lax  # noqa: E402


def w1_loss(p, X, y):
    return 0.5 * jnp.sum((y - jax.nn.sigmoid(X @ p["W1"]) @ p["W2"]) ** 2)


def w3_loss(p, X, y):
    z = jnp.tanh(jnp.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]) @ p["W3"] + p["b3"]
    # bce_logits, mean: max(z, 0) − z·y + log(1 + e^−|z|)
    return jnp.mean(jnp.maximum(z, 0) - z * y + jnp.log1p(jnp.exp(-jnp.abs(z))))


def trainer(loss_fn, epochs, lr):
    grad = jax.value_and_grad(loss_fn)

    def train(p, X, y):
        def body(i, carry):
            p, losses = carry
            loss, g = grad(p, X, y)
            p = jax.tree_util.tree_map(lambda w, gw: w - lr * gw, p, g)
            return p, losses.at[i].set(loss)
        return lax.fori_loop(0, epochs, body, (p, jnp.zeros(epochs)))
    return jax.jit(train)


class Workload:
    def __init__(self, loss_fn, names):
        self.loss_fn, self.names, self.compiled = loss_fn, names, {}

    def arguments(self, d):
        p = {k: jnp.asarray(d["params"][k], dtype=jnp.float64) for k in self.names}
        return p, jnp.asarray(d["X"], dtype=jnp.float64), jnp.asarray(d["y"], dtype=jnp.float64)

    def prepare(self, d):
        start = time.perf_counter()
        args = self.arguments(d)
        self.compiled = trainer(self.loss_fn, d["epochs"], d["lr"]).lower(*args).compile()
        return time.perf_counter() - start

    def run(self, d):
        p, losses = self.compiled(*self.arguments(d))
        jax.block_until_ready((p, losses))
        return float(losses[-1])


def w5_loss(p, X, y):
    z = jax.nn.relu(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]
    return -jnp.sum(y * jax.nn.log_softmax(z, axis=1)) / X.shape[0]


def w6_loss(p, X, y):
    """X: (n, 8, 8). Conv 3x3 with 8 channels (NCHW, no bias), ReLU, 2x2 max pool, dense."""
    z = lax.conv_general_dilated(X[:, None], p["K"].reshape(8, 1, 3, 3), (1, 1), "VALID")
    h = lax.reduce_window(jax.nn.relu(z), -jnp.inf, lax.max, (1, 1, 2, 2), (1, 1, 2, 2), "VALID")
    logits = h.reshape(X.shape[0], 72) @ p["W"] + p["b"]
    return -jnp.sum(y * jax.nn.log_softmax(logits, axis=1)) / X.shape[0]


def adam_trainer(steps, batch, per_epoch, lr, beta1, beta2, eps, loss_fn=w5_loss):
    """W5: minibatches of `batch` rows in order (lax.dynamic_slice), Adam written out as
    PyTorch has it (no optax in the bench venv), the whole loop in one jitted function."""
    grad = jax.value_and_grad(loss_fn)

    def train(p, X, y):
        zeros = jax.tree_util.tree_map(jnp.zeros_like, p)

        def body(i, carry):
            p, m, v, losses = carry
            start = (i % per_epoch) * batch
            xb = lax.dynamic_slice_in_dim(X, start, batch)
            yb = lax.dynamic_slice_in_dim(y, start, batch)
            loss, g = grad(p, xb, yb)
            t = i + 1
            m = jax.tree_util.tree_map(lambda a, b: beta1 * a + (1 - beta1) * b, m, g)
            v = jax.tree_util.tree_map(lambda a, b: beta2 * a + (1 - beta2) * b * b, v, g)
            p = jax.tree_util.tree_map(
                lambda w, a, b: w - lr * (a / (1 - beta1 ** t)) / (jnp.sqrt(b / (1 - beta2 ** t)) + eps), p, m, v)
            return p, m, v, losses.at[i].set(loss)
        return lax.fori_loop(0, steps, body, (p, zeros, zeros, jnp.zeros(steps)))[::3]
    return jax.jit(train)


class DigitsWorkload(Workload):
    def arguments(self, d):
        p, X, y = Workload.arguments(self, d)
        return p, (X.reshape(-1, 8, 8) if "K" in p else X), y

    def prepare(self, d):
        start = time.perf_counter()
        args = self.arguments(d)
        per_epoch = len(d["X"]) // d["batch"]
        self.compiled = adam_trainer(d["steps"], d["batch"], per_epoch, d["lr"], d["betas"][0], d["betas"][1],
                                     d["eps"], self.loss_fn).lower(*args).compile()
        return time.perf_counter() - start

    def run(self, d):
        p, losses = self.compiled(*self.arguments(d))
        jax.block_until_ready((p, losses))
        return float(losses[-1])


def make(impl):
    w1 = Workload(w1_loss, ("W1", "W2"))
    w3 = Workload(w3_loss, ("W1", "b1", "W2", "b2", "W3", "b3"))
    w5 = DigitsWorkload(w5_loss, ("W1", "b1", "W2", "b2"))
    w6 = DigitsWorkload(w6_loss, ("K", "W", "b"))
    return {"W1": (w1.prepare, w1.run), "W3": (w3.prepare, w3.run), "W5": (w5.prepare, w5.run), "W6": (w6.prepare, w6.run)}
