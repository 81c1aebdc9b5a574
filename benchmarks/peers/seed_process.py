"""The seed article's XOR program as one whole process, for the page-path goal (the XOR lesson's
`lessons build --no-cache` at least 8x faster than this): Python's start, NumPy's import, the
fixture's weights, the seed's 50,000-epoch loop (numpy_peer.w1_seed), and its final loss
printed. `build_system.py` times it as it times `lessons build`.

Usage: python seed_process.py
"""
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy_peer  # noqa: E402
import workloads  # noqa: E402

print(repr(numpy_peer.w1_seed(workloads.load("W1"))))
