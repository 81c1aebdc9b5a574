"""One peer implementation as a long-lived process, so imports and JAX compiles happen once
and runs can alternate with the other implementations.

Usage: python worker.py IMPL   (IMPL: numpy-seed, numpy, torch, jax)
Prints one JSON line: {"ready": true} or {"ready": false, "reason": "..."}; then for each line
"prepare W" or "run W" read from stdin prints one JSON line with "seconds" and "final_loss"
(run) or "compile_seconds" (prepare), or "error".
"""
import json
import os
import sys
import time
import traceback

sys.dont_write_bytecode = True  # the peers and the reference scripts they import leave no __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workloads  # noqa: E402

MODULES = {"numpy-seed": "numpy_peer", "numpy": "numpy_peer", "torch": "torch_peer", "jax": "jax_peer"}


def reply(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def main():
    impl = sys.argv[1]
    try:
        module = __import__(MODULES[impl])
        table = module.make(impl)
    except Exception as e:  # an import that fails makes the peer unavailable, with the reason
        reply({"ready": False, "reason": "%s: %s" % (type(e).__name__, e)})
        return
    reply({"ready": True, "versions": versions()})
    data = {}
    for line in sys.stdin:
        command, _, name = line.strip().partition(" ")
        try:
            if name not in table:
                reply({"error": "%s does not implement %s" % (impl, name)})
                continue
            d = data.setdefault(name, workloads.load(name))
            prepare, run = table[name]
            if command == "prepare":
                reply({"compile_seconds": prepare(d) if prepare else None})
            elif command == "run":
                start = time.perf_counter()
                loss = run(d)
                reply({"seconds": time.perf_counter() - start, "final_loss": loss})
            else:
                reply({"error": "unknown command %r" % command})
        except Exception as e:
            reply({"error": "%s: %s" % (type(e).__name__, e), "trace": traceback.format_exc()})


def versions():
    found = {"python": sys.version.split()[0]}
    for name in ("numpy", "torch", "jax", "jaxlib"):
        module = sys.modules.get(name)
        if module is not None and hasattr(module, "__version__"):
            found[name] = module.__version__
    return found


if __name__ == "__main__":
    main()
