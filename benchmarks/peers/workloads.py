"""The two workloads' data and initial weights, read from the fixtures our Swift tests use, so
every peer trains on exactly the numbers our engine does (float64 throughout).

W1: Tests/TrainingTests/Fixtures/xor-reference.json (scripts/xor_reference.py: NumPy's
    np.random.seed(0); uniform(size=(2, 3)); uniform(size=(3, 1))).
W3: Tests/TrainingTests/Fixtures/w3-reference.json (scripts/moons_reference.py).
W5: Tests/TrainingTests/Fixtures/w5-reference.json (scripts/digits_reference.py) and the images of
    lessons/data/digits.csv; W6 the same images with w6-reference.json
    (scripts/digits_cnn_reference.py: params K as 24x3, 8 stacked 3x3 kernels, W 72x10, b).
"""
import json
import pathlib

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "Tests/TrainingTests/Fixtures"
DIGITS = pathlib.Path(__file__).resolve().parents[2] / "lessons/data/digits.csv"

XOR_X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
XOR_Y = [[0.0], [1.0], [1.0], [0.0]]


def load(name):
    """A plain dict: X, y (lists of rows), params (name -> nested lists), epochs, lr, and the
    NumPy reference's final losses (textbook and, for W1, the seed program's)."""
    if name == "W1":
        f = json.loads((FIXTURES / "xor-reference.json").read_text())
        last = str(f["epochs"] - 1)
        return {"X": XOR_X, "y": XOR_Y, "epochs": f["epochs"], "lr": f["lr"],
                "params": {"W1": f["W1_initial"], "W2": f["W2_initial"]},
                "reference_final_loss": f["textbook"]["loss"][last],
                "seed_final_loss": f["seed_program"]["loss"][last]}
    if name == "W3":
        f = json.loads((FIXTURES / "w3-reference.json").read_text())
        return {"X": f["X"], "y": f["y"], "epochs": f["epochs"], "lr": f["lr"],
                "params": f["initial"], "reference_final_loss": f["loss"][str(f["epochs"] - 1)]}
    if name in ("W5", "W6"):
        f = json.loads((FIXTURES / ("w5-reference.json" if name == "W5" else "w6-reference.json")).read_text())
        rows = [line.split(",") for line in DIGITS.read_text().splitlines()[1:]]
        labels = [int(r[64]) for r in rows]
        return {"X": [[int(v) / 16 for v in r[:64]] for r in rows], "labels": labels,
                "y": [[1.0 if k == label else 0.0 for k in range(10)] for label in labels],
                "steps": f["steps"], "batch": f["batch"], "lr": f["lr"], "betas": f["betas"], "eps": f["eps"],
                "params": f["initial"], "reference_final_loss": f["loss"][str(f["steps"] - 1)]}
    raise ValueError("unknown workload %r" % name)
