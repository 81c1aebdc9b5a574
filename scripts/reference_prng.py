#!/usr/bin/env python3
"""Reference streams of SeededRandom, from an independent Python implementation.

SplitMix64 seeding and xoshiro256** 1.0 are transcribed from their authors' published C code
(Steele, Lea and Flood 2014; Blackman and Vigna 2018); uniform, polar-method normals, unbiased
integers and the Fisher-Yates shuffle follow SeededRandom's documented rules, with Python's
math.log and math.sqrt. Writes Tests/TrainingTests/Fixtures/prng.json (64-bit words as hex
strings, so no JSON reader rounds them).

Regenerate (from the repository root; needs only the standard library):
    python3 scripts/reference_prng.py
"""
import json
import math
import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/TrainingTests/Fixtures/prng.json"
MASK = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro256StarStar:
    def __init__(self, seed):
        self.s = []
        state = seed
        for _ in range(4):
            state, word = splitmix64(state)
            self.s.append(word)
        self.spare = None

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform(self):
        return (self.next() >> 11) * 2.0**-53

    def normal(self):
        if self.spare is not None:
            spare, self.spare = self.spare, None
            return spare
        while True:
            u = 2 * self.uniform() - 1
            v = 2 * self.uniform() - 1
            s = u * u + v * v
            if 0 < s < 1:
                f = math.sqrt(-2 * math.log(s) / s)
                self.spare = v * f
                return u * f

    def integer_below(self, n):
        if n <= 1:
            return 0
        threshold = (-n) % (1 << 64) % n
        while True:
            r = self.next()
            if r >= threshold:
                return r % n

    def permutation(self, n):
        order = list(range(n))
        for i in range(n - 1, 0, -1):
            j = self.integer_below(i + 1)
            order[i], order[j] = order[j], order[i]
        return order


# The transcription must reproduce the published vectors before it may serve as a reference:
# xoshiro256** from the state (1, 2, 3, 4), and SplitMix64's first output from 0.
PUBLISHED_1234 = [11520, 0, 1509978240, 1215971899390074240, 1216172134540287360, 607988272756665600,
                  16172922978634559625, 8476171486693032832, 10595114339597558777, 2904607092377533576]
check = Xoshiro256StarStar(0)
check.s = [1, 2, 3, 4]
assert [check.next() for _ in range(10)] == PUBLISHED_1234
assert splitmix64(0)[1] == 0xE220A8397B1DCDAF

cases = []
for seed in [0, 1, 42, 2**64 - 1]:
    words = Xoshiro256StarStar(seed)
    uniforms = Xoshiro256StarStar(seed)
    normals = Xoshiro256StarStar(seed)
    integers = Xoshiro256StarStar(seed)
    shuffles = Xoshiro256StarStar(seed)
    cases.append({
        "seed": f"{seed:016x}",
        "next": [f"{words.next():016x}" for _ in range(8)],
        "uniform": [uniforms.uniform() for _ in range(8)],
        "normal": [normals.normal() for _ in range(9)],
        "integer_below_7": [integers.integer_below(7) for _ in range(12)],
        "permutation_10": shuffles.permutation(10),
    })

body = ",\n  ".join(json.dumps(c) for c in cases)
OUT.write_text('{\n "generator": "scripts/reference_prng.py",\n "cases": [\n  ' + body + "\n ]\n}\n")
print(f"wrote {OUT}")
