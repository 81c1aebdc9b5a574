#!/usr/bin/env python3
"""Exact values of exp, log, log1p, tanh and sigmoid on a dense sample, computed by mpmath.

Writes Tests/AutodiffTests/Fixtures/elementary.txt, which
AutodiffTests/ElementaryAccuracyTests.swift reads to measure how far DeterministicMath's
functions are from the true value, in units in the last place (ulp). mpmath evaluates each
function at 256 bits, far beyond the 53 of a double, so its value rounded to a double is the
correctly rounded result, and the rest tells which way and how far the true value lies.

The file is plain text:
    range NAME START STEP COUNT OFFSET   arguments START + i * STEP + OFFSET, i = 0..<COUNT
                                         (all dyadic, so the Swift test computes the same
                                         doubles), followed by COUNT lines "Y FRACTION"
    point NAME X Y FRACTION              one argument given as the bits of a double
where Y is the correctly rounded value as the 16 hex digits of a double's bits and FRACTION is
(true value - Y) / ulp(Y) in thousandths, an integer in -500...500. ulp(Y) is Swift's
`Double.ulp` (Python's `math.ulp`): the gap from |Y| to the next double away from zero.

Regenerate (mpmath comes with torch, or pip install mpmath; from the repository root):
    python3 scripts/elementary_reference.py
"""
import math
import pathlib
import struct

import mpmath

mpmath.mp.prec = 256
OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/AutodiffTests/Fixtures/elementary.txt"

H = float.fromhex

FUNCTIONS = {
    "exp": mpmath.exp,
    "log": mpmath.log,
    "log1p": mpmath.log1p,
    "tanh": mpmath.tanh,
    "sigmoid": lambda x: 1 / (1 + mpmath.exp(-x)),
}

# (function, start, step, count, offset): dense where an implementation switches method or
# where the argument reduction is delicate, coarser over the whole finite range.
RANGES = [
    ("exp", -746.0, 0.75, 1943, H("0x1.3p-7")),
    ("exp", -1.0, 2.0 ** -9, 1024, H("0x1.1p-13")),
    ("log", 0.5, 2.0 ** -10, 1536, H("0x1.1p-17")),
    ("log1p", 0.0, 2.0 ** -11, 2048, H("0x1.1p-17")),
    ("tanh", -23.0, 2.0 ** -5, 1472, H("0x1.3p-12")),
    ("tanh", 0.0, 2.0 ** -11, 1024, H("0x1.1p-17")),
    ("sigmoid", -750.0, 1.0, 800, H("0x1.3p-7")),
    ("sigmoid", -45.0, 2.0 ** -4, 1440, H("0x1.3p-12")),
]


def points():
    """Single arguments: tiny and huge magnitudes, subnormals, the edges of each method."""
    result = []
    for k in range(1, 1075, 11):
        result += [("log", 1.3 * 2.0 ** -k), ("log", 2.0 ** -k), ("log1p", 1.7 * 2.0 ** -k)]
    for k in range(0, 1024, 11):
        result += [("log", 0.9 * 2.0 ** k), ("log", 1.1 * 2.0 ** k)]
    for k in range(1, 64, 3):
        for sign in (1, -1):
            x = sign * 1.1 * 2.0 ** -k
            result += [("exp", x), ("tanh", x), ("sigmoid", x)]
    for x in (709.78, 709.7827128933839, -708.39, -744.4, -745.13, 0.125, 0.1249999999, 0.1250000001,
              21.99, 22.01, 19.06, 40.0, 39.99, 40.01, -40.0, -39.99, -40.01):
        for name in ("exp", "tanh", "sigmoid"):
            result.append((name, x))
    return result


def correctly_rounded(v):
    """The double nearest v (ties to even), checked against both neighbours."""
    y = float(v)
    if math.isinf(y):
        return y
    best = y
    for z in (math.nextafter(y, math.inf), math.nextafter(y, -math.inf)):
        if abs(mpmath.mpf(z) - v) < abs(mpmath.mpf(best) - v):
            best = z
    return best


def entry(name, x):
    v = FUNCTIONS[name](mpmath.mpf(x))
    y = correctly_rounded(v)
    if math.isinf(y):
        return f"{bits(y)} 0"
    fraction = (v - mpmath.mpf(y)) / mpmath.mpf(math.ulp(y))
    return f"{bits(y)} {int(mpmath.nint(fraction * 1000))}"


def bits(x):
    return struct.pack(">d", x).hex()


def main():
    lines = ["# made by scripts/elementary_reference.py (mpmath, 256 bits); see its docstring"]
    for name, start, step, count, offset in RANGES:
        lines.append(f"range {name} {start.hex()} {step.hex()} {count} {offset.hex()}")
        for i in range(count):
            lines.append(entry(name, start + i * step + offset))
    for name, x in points():
        lines.append(f"point {name} {bits(x)} {entry(name, x)}")
    OUT.write_text("\n".join(lines) + "\n")
    print(f"wrote {OUT} ({len(lines)} lines)")


if __name__ == "__main__":
    main()
