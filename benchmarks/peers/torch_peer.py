"""PyTorch peer: autograd and torch.optim.SGD on the CPU, float64, one thread."""
import torch
import torch.nn.functional as F

torch.set_num_threads(1)
DT = torch.float64


def _train(d, parameter_names, loss_fn):
    X, y = torch.tensor(d["X"], dtype=DT), torch.tensor(d["y"], dtype=DT)
    params = [torch.tensor(d["params"][k], dtype=DT, requires_grad=True) for k in parameter_names]
    opt = torch.optim.SGD(params, lr=d["lr"])
    epochs = d["epochs"]
    losses = torch.empty(epochs, dtype=DT)
    for step in range(epochs):
        opt.zero_grad()
        loss = loss_fn(X, y, *params)
        loss.backward()
        losses[step] = loss.detach()
        opt.step()
    return float(losses[-1])


def w1(d):
    return _train(d, ("W1", "W2"), lambda X, y, W1, W2: 0.5 * ((y - torch.sigmoid(X @ W1) @ W2) ** 2).sum())


def w3(d):
    def loss(X, y, W1, b1, W2, b2, W3, b3):
        z = torch.tanh(torch.tanh(X @ W1 + b1) @ W2 + b2) @ W3 + b3
        return F.binary_cross_entropy_with_logits(z, y)
    return _train(d, ("W1", "b1", "W2", "b2", "W3", "b3"), loss)


def w5(d):
    """torch.optim.Adam over minibatches of 64 in order (the rest dropped); F.cross_entropy on
    the class indices is the mean softmax cross-entropy of the one-hot rows."""
    X, labels = torch.tensor(d["X"], dtype=DT), torch.tensor(d["labels"])
    params = [torch.tensor(d["params"][k], dtype=DT, requires_grad=True) for k in ("W1", "b1", "W2", "b2")]
    opt = torch.optim.Adam(params, lr=d["lr"], betas=tuple(d["betas"]), eps=d["eps"])
    batch, steps = d["batch"], d["steps"]
    per_epoch = X.shape[0] // batch
    losses = torch.empty(steps, dtype=DT)
    W1, b1, W2, b2 = params
    for step in range(steps):
        s = (step % per_epoch) * batch
        opt.zero_grad()
        loss = F.cross_entropy(torch.relu(X[s:s + batch] @ W1 + b1) @ W2 + b2, labels[s:s + batch])
        loss.backward()
        losses[step] = loss.detach()
        opt.step()
    return float(losses[-1])


def w6(d):
    """F.conv2d (8 kernels of 3x3, no bias), ReLU, F.max_pool2d, flatten, dense; Adam, batches as W5."""
    X, labels = torch.tensor(d["X"], dtype=DT).reshape(-1, 1, 8, 8), torch.tensor(d["labels"])
    K = torch.tensor(d["params"]["K"], dtype=DT).reshape(8, 1, 3, 3).requires_grad_()
    W, b = (torch.tensor(d["params"][k], dtype=DT, requires_grad=True) for k in ("W", "b"))
    opt = torch.optim.Adam([K, W, b], lr=d["lr"], betas=tuple(d["betas"]), eps=d["eps"])
    batch, steps = d["batch"], d["steps"]
    per_epoch = X.shape[0] // batch
    losses = torch.empty(steps, dtype=DT)
    for step in range(steps):
        s = (step % per_epoch) * batch
        opt.zero_grad()
        h = F.max_pool2d(F.relu(F.conv2d(X[s:s + batch], K)), 2)
        loss = F.cross_entropy(h.flatten(1) @ W + b, labels[s:s + batch])
        loss.backward()
        losses[step] = loss.detach()
        opt.step()
    return float(losses[-1])


def make(impl):
    return {"W1": (None, w1), "W3": (None, w3), "W5": (None, w5), "W6": (None, w6)}
