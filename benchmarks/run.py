#!/usr/bin/env python3
"""`make bench`, Python part: times our engine and its peers on W1, W3, W5 and W6 in one run,
alternating implementation by implementation, and prints medians, ratios and goals; writes
benchmarks/results.json with the same numbers. Then times the build system: the whole course
cold (--no-cache), rebuilt with no change and after a prose edit, and the XOR lesson alone; and,
for reference, `jupyter nbconvert --to html --execute` of the same XOR model as a notebook.

Standard library only: it runs with any python3. The peers run in workers (peers/worker.py)
under the bench venv's Python (.venv-bench, made by benchmarks/setup-venv.sh); a peer that
cannot be imported there is reported as unavailable, with the reason.

Usage: benchmarks/run.py [--runs N] [--bench PATH] [--lessons PATH] [--python PATH] [--only W1|W3|W5|W6]
                        [--only-build-system | --no-build-system] [--build-runs N] [--venv PATH]
"""
import argparse
import json
import os
import pathlib
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # importing the modules below must leave no __pycache__ behind
from build_system import build_system, notebook_reference, print_build_system  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
HERE = ROOT / "benchmarks"

# Every implementation alone on one core: other engineers use the other one, and the issue
# asks for PyTorch with 1 thread; the same holds for NumPy's BLAS and XLA's thread pool.
SINGLE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                 "XLA_FLAGS": "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"}

# The figures, measured elsewhere (float64, same weights), and its goals.
ELSEWHERE = {"W1": {"numpy": 0.46, "torch": 5.5, "jax": 0.0138}, "W3": {"numpy": 0.21, "torch": 0.57, "jax": 0.073}, "W5": {}, "W6": {}}
GOAL_SPEEDUP = {"W1": 45.0, "W3": 3.0, "W5": 3.0, "W6": None}
GOAL_TRACING = 1.3
# Seconds of quiet before each measurement: lets threads a peer leaves spinning (XLA's, OpenMP's)
# go to sleep before the next implementation is timed.
PAUSE = 0.2

WORKLOADS = {"W1": "seed XOR 2-3-1, sigmoid, half SSE, 4 points, SGD lr 0.1, 50,000 epochs",
             "W3": "two moons 2-16-16-1, tanh, tanh, bce_logits, 200 points, SGD lr 0.5, 2,000 epochs",
             "W5": "8x8 digits 64-64-10, relu, softmax cross-entropy, 1,797 images, batches of 64, Adam lr 0.001, 20 epochs",
             "W6": "8x8 digits, conv 3x3 x8 channels, relu, max pool 2, dense 72-10, batches of 64, Adam lr 0.001, 20 epochs"}


class Ours:
    """Our engine: one `LessonsBench train` process per measurement (it times itself)."""

    def __init__(self, binary, tracing):
        self.binary, self.tracing = binary, tracing
        self.name = {"off": "ours, tracing off", "default": "ours, default tracing",
                     "lesson": "ours, lesson path (ModelRunner)"}[tracing]
        self.unavailable = None if os.access(binary, os.X_OK) else "%s not built" % binary

    def supports(self, workload):
        return self.tracing != "lesson" or workload == "W1"

    def prepare(self, workload):
        return None

    def run(self, workload):
        # One untimed warm-up run in the same process first: the peers' workers are warm too.
        out = subprocess.run([self.binary, "train", workload, "--warmup", "1", "--runs", "1", "--tracing", self.tracing,
                              "--fixtures", str(ROOT / "Tests/TrainingTests/Fixtures")],
                             capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError(out.stderr.strip() or "exit code %d" % out.returncode)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        return result["median"], result["final_loss"]


class Peer:
    """A Python implementation in a long-lived worker process."""

    def __init__(self, python, impl, name, workloads):
        self.impl, self.name, self.workloads = impl, name, workloads
        self.unavailable, self.versions, self.process = None, {}, None
        if not python:
            self.unavailable = "no Python for the peers (benchmarks/setup-venv.sh makes .venv-bench)"
            return
        env = dict(os.environ, **SINGLE_THREAD)
        try:
            self.process = subprocess.Popen([python, str(HERE / "peers/worker.py"), impl], stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, text=True, env=env)
            hello = self._read()
        except (OSError, ValueError) as e:
            self.unavailable = str(e)
            return
        if not hello.get("ready"):
            self.unavailable = hello.get("reason", "the worker did not start")
        self.versions = hello.get("versions", {})

    def _read(self):
        line = self.process.stdout.readline()
        if not line:
            raise ValueError("the worker exited")
        return json.loads(line)

    def _ask(self, command):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        answer = self._read()
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer

    def supports(self, workload):
        return workload in self.workloads

    def prepare(self, workload):
        return self._ask("prepare " + workload).get("compile_seconds")

    def run(self, workload):
        answer = self._ask("run " + workload)
        return answer["seconds"], answer["final_loss"]

    def close(self):
        if self.process:
            self.process.stdin.close()
            self.process.wait()


def measure(workload, implementations, runs, reference):
    """One untimed warm-up round, then `runs` rounds, each running every implementation once in
    turn, so slow drifts of the machine touch them all alike. Each round starts one place later
    in the list, so no implementation always comes right after the same one (a peer may leave
    threads busy for a moment after its run)."""
    rows = {}
    active = [i for i in implementations if i.supports(workload)]
    for impl in active:
        rows[impl.name] = row = {"implementation": impl.name, "seconds": [], "unavailable": impl.unavailable}
        if impl.unavailable:
            continue
        try:
            row["compile_seconds"] = impl.prepare(workload)
            impl.run(workload)  # warm-up
        except Exception as e:  # noqa: BLE001  (report and go on without this peer)
            row["unavailable"] = "failed: %s" % e
    for r in range(runs):
        shift = r % max(1, len(active))
        for impl in active[shift:] + active[:shift]:
            row = rows[impl.name]
            if row["unavailable"]:
                continue
            time.sleep(PAUSE)
            try:
                seconds, loss = impl.run(workload)
            except Exception as e:  # noqa: BLE001
                row["unavailable"] = "failed: %s" % e
                continue
            row["seconds"].append(seconds)
            row["final_loss"] = loss
        print("  %s: round %d of %d done" % (workload, r + 1, runs), file=sys.stderr)
    for row in rows.values():
        if row["seconds"]:
            row["median"] = statistics.median(row["seconds"])
            expected = reference["seed_final_loss" if row["implementation"].startswith("NumPy, seed") else "reference_final_loss"]
            row["expected_final_loss"] = expected
            row["loss_agrees"] = abs(row["final_loss"] - expected) <= 1e-9 * abs(expected)
    return list(rows.values())


def summarize(workload, rows):
    by = {r["implementation"]: r for r in rows}
    numpy = by.get("NumPy, textbook", {}).get("median")
    untraced = by.get("ours, tracing off", {}).get("median")
    for r in rows:
        m = r.get("median")
        r["speedup_vs_numpy_textbook"] = numpy / m if m and numpy else None
        if r["implementation"].startswith("ours") and m and untraced:
            r["tracing_overhead"] = m / untraced
    jax = by.get("JAX, whole loop jit", {}).get("median")
    torch = by.get("PyTorch, 1 thread", {}).get("median")
    traced = by.get("ours, default tracing", {}).get("median")
    # Each goal: True (met), False (not met) or None (a figure it needs is unavailable).
    need = GOAL_SPEEDUP[workload]
    goals = {} if need is None else {
        "ours untraced at least %gx faster than NumPy textbook" % need: numpy / untraced >= need if untraced and numpy else None}
    if workload in ("W5", "W6"):
        goals["ours untraced faster than PyTorch with one thread"] = untraced < torch if untraced and torch else None
    else:
        jax_goal = "ours untraced faster than JAX" if workload == "W1" else "ours untraced at JAX level (not slower)"
        goals[jax_goal] = untraced <= jax if untraced and jax else None
    goals["default tracing at most %gx the untraced time" % GOAL_TRACING] = traced / untraced <= GOAL_TRACING if untraced and traced else None
    return goals


def fmt(x, spec):
    return format(x, spec) if isinstance(x, (int, float)) else "-"


def print_table(workload, rows, goals):
    print("\n%s: %s" % (workload, WORKLOADS[workload]))
    print("  %-34s %11s %12s %10s %9s %12s  %s" % ("implementation", "median s", "x NumPy tb", "tracing", "compile s",
                                                  "elsewhere s", "final loss"))
    key = {"NumPy, textbook": "numpy", "PyTorch, 1 thread": "torch", "JAX, whole loop jit": "jax"}
    for r in rows:
        if r.get("unavailable") and not r.get("median"):
            print("  %-34s unavailable: %s" % (r["implementation"], r["unavailable"]))
            continue
        elsewhere = ELSEWHERE[workload].get(key.get(r["implementation"], ""))
        loss = "%.6g %s" % (r["final_loss"], "ok" if r.get("loss_agrees") else "DIFFERS from %.6g" % r["expected_final_loss"])
        print("  %-34s %11.5f %11.2fx %10s %9s %12s  %s" % (
            r["implementation"], r["median"], r["speedup_vs_numpy_textbook"] or float("nan"),
            fmt(r.get("tracing_overhead"), ".3f") + ("x" if r.get("tracing_overhead") else ""),
            fmt(r.get("compile_seconds"), ".3f"), fmt(elsewhere, ".4f"), loss))
    print("  ('x NumPy tb': NumPy textbook median / this median, higher is faster; 'tracing': this / ours untraced)")
    for goal, met in goals.items():
        print("  goal: %-60s %s" % (goal, {True: "met", False: "NOT MET", None: "unknown (a figure is unavailable)"}[met]))


def main():
    bin_default = ROOT / ".build/release"
    venv_python = ROOT / ".venv-bench/bin/python"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed rounds per workload (default 5)")
    parser.add_argument("--bench", default=str(bin_default / "LessonsBench"))
    parser.add_argument("--lessons", default=str(bin_default / "lessons"))
    parser.add_argument("--python", default=str(venv_python) if venv_python.exists() else None)
    parser.add_argument("--only", choices=sorted(WORKLOADS), action="append", help="time only this workload (repeatable)")
    parser.add_argument("--only-build-system", action="store_true",
                        help="skip the training workloads: time only the course build and the notebook reference")
    parser.add_argument("--no-build-system", action="store_true",
                        help="time only the training workloads, not the course build nor the notebook")
    parser.add_argument("--build-runs", type=int, default=5,
                        help="timed runs per build-system figure and for the notebook (default 5)")
    parser.add_argument("--venv", default=str(ROOT / ".venv-bench"),
                        help="the venv whose jupyter runs the notebook reference (default .venv-bench)")
    args = parser.parse_args()
    runs = max(5, args.runs)

    implementations = [] if args.only_build_system else [Ours(args.bench, "off"), Ours(args.bench, "default"), Ours(args.bench, "lesson"),
                       Peer(args.python, "numpy-seed", "NumPy, seed program", {"W1"}),
                       Peer(args.python, "numpy", "NumPy, textbook", {"W1", "W3", "W5", "W6"}),
                       Peer(args.python, "torch", "PyTorch, 1 thread", {"W1", "W3", "W5", "W6"}),
                       Peer(args.python, "jax", "JAX, whole loop jit", {"W1", "W3", "W5", "W6"})]
    results = {"machine": {"platform": platform.platform(), "processor": cpu_name(), "cores": os.cpu_count()},
               "commit": git_commit(), "load_average_at_start": os.getloadavg(),
               "runs": runs, "peer_versions": {}, "workloads": {}}
    print("load average %.2f %.2f %.2f on %d cores (other work on the machine makes every figure noisier)"
          % (os.getloadavg() + (os.cpu_count() or 0,)))
    for impl in implementations:
        if isinstance(impl, Peer) and impl.versions:
            results["peer_versions"].update(impl.versions)
    try:
        for workload in [] if args.only_build_system else args.only or sorted(WORKLOADS):
            reference = load_reference(workload)
            rows = measure(workload, implementations, runs, reference)
            goals = summarize(workload, rows)
            print_table(workload, rows, goals)
            results["workloads"][workload] = {"description": WORKLOADS[workload], "rows": rows, "goals": goals,
                                              "elsewhere": ELSEWHERE[workload]}
    finally:
        for impl in implementations:
            if isinstance(impl, Peer):
                impl.close()
    if not args.no_build_system:
        build = build_system(args.lessons, max(1, args.build_runs), python=args.python)
        notebook = notebook_reference(args.venv, max(1, args.build_runs))
        print_build_system(build, notebook)
        results["build_system"] = dict(build, notebook=notebook)
    results["load_average_at_end"] = os.getloadavg()
    (HERE / "results.json").write_text(json.dumps(results, indent=1) + "\n")
    print("wrote %s" % (HERE / "results.json").relative_to(ROOT))


def load_reference(workload):
    sys.path.insert(0, str(HERE / "peers"))
    import workloads  # noqa: E402  (stdlib-only module shared with the workers)
    d = workloads.load(workload)
    return {"reference_final_loss": d["reference_final_loss"], "seed_final_loss": d.get("seed_final_loss")}


def git_commit():
    out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return out.stdout.strip() or None


def cpu_name():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


if __name__ == "__main__":
    main()
