#!/usr/bin/env python3
"""Derives the split constants of Sources/Training/DeterministicMath.swift with mpmath.

Prints each as a Swift hexadecimal float literal; they must equal the ones in the source.
- ln2Hi: ln 2 cut to 42 significant bits (so k * ln2Hi is exact for |k| <= 1074); ln2Lo: the rest.
- halfPi1..3: pi/2 cut into three pieces of 33 significant bits (n * piece exact for |n| < 2^20);
  halfPi3Tail: the rounded remainder.

Run (mpmath comes with torch's dependencies, or pip install mpmath):
    .venv-scripts/bin/python scripts/deterministic_math_constants.py
"""
import mpmath

mpmath.mp.prec = 400


def truncated(x, bits):
    """x cut (towards zero) to `bits` significant bits."""
    e = mpmath.floor(mpmath.log(abs(x), 2))
    scale = mpmath.mpf(2) ** (bits - 1 - e)
    return mpmath.floor(x * scale) / scale


def swift(x):
    f = float(x)
    mantissa, exponent = f.hex().split("p")
    mantissa = mantissa.rstrip("0").rstrip(".") if "." in mantissa else mantissa
    return f"{mantissa}p{int(exponent)}"


ln2 = mpmath.log(2)
ln2_hi = truncated(ln2, 42)
half_pi = mpmath.pi / 2
p1 = truncated(half_pi, 33)
p2 = truncated(half_pi - p1, 33)
p3 = truncated(half_pi - p1 - p2, 33)
for name, value in [
    ("ln2Hi", ln2_hi), ("ln2Lo", ln2 - ln2_hi),
    ("twoOverPi", 2 / mpmath.pi),
    ("halfPi1", p1), ("halfPi2", p2), ("halfPi3", p3), ("halfPi3Tail", half_pi - p1 - p2 - p3),
    ("quarterPi", mpmath.pi / 4), ("sqrt2", mpmath.sqrt(2)),
]:
    print(f"{name} = {swift(value)}")
