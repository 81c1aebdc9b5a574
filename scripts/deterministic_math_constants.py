#!/usr/bin/env python3
"""Derives the constants of Sources/Autodiff/DeterministicMath/ with mpmath.

Prints each as a Swift hexadecimal float literal; they must equal the ones in the source.
- ln2Hi: ln 2 cut to 42 significant bits (so k * ln2Hi is exact for |k| <= 1074); ln2Lo: the rest.
- expStepHi: ln2/32 cut to 37 bits (n * expStepHi exact for |n| < 2^16); expStepLo: the rest;
  expStepsPerUnit: 32/ln 2.
- exp2Table: 2^(j/32) for j = 0..31, each rounded to a double, then the rounded rest.
- the Taylor coefficients of tanh as exact fractions (from Bernoulli numbers).
- halfPi1..3: pi/2 cut into three pieces of 33 significant bits (n * piece exact for |n| < 2^20);
  halfPi3Tail: the rounded remainder.

Run (mpmath comes with torch's dependencies, or pip install mpmath):
    .venv-scripts/bin/python scripts/deterministic_math_constants.py
"""
import math
from fractions import Fraction

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

step = ln2 / 32
step_hi = truncated(step, 37)
print(f"expStepHi = {swift(step_hi)}")
print(f"expStepLo = {swift(step - step_hi)}")
print(f"expStepsPerUnit = {swift(32 / ln2)}")
print("exp2Table =")
for j in range(32):
    value = mpmath.power(2, mpmath.mpf(j) / 32)
    high = mpmath.mpf(float(value))
    print(f"    {swift(high)}, {swift(value - high)},")

# tanh x = sum over n >= 1 of 2^(2n) (2^(2n) - 1) B(2n) / (2n)! x^(2n-1), B the Bernoulli numbers.
bernoulli = [Fraction(1)]
for m in range(1, 19):
    bernoulli.append(-sum(math.comb(m + 1, k) * bernoulli[k] for k in range(m)) / Fraction(m + 1))
print("tanh coefficients, x^3 to x^17:")
for n in range(2, 10):
    c = Fraction(2 ** (2 * n) * (2 ** (2 * n) - 1)) * bernoulli[2 * n] / math.factorial(2 * n)
    assert abs(c.numerator) < 2 ** 53 and c.denominator < 2 ** 53  # one correctly rounded division
    print(f"    x^{2 * n - 1}: {c}")
