"""What the PyTorch reference scripts share: tensors as flat float lists, and the fixed weights
a case's output is summed with (so every element of the gradient is distinct)."""
import torch


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def weights(shape):
    # Fixed, uneven, positive weights: 0.5, 0.75, 1.0, ... in row-major order.
    n = 1
    for d in shape:
        n *= d
    return torch.tensor([0.5 + 0.25 * (i % 7) for i in range(n)]).reshape(shape)
