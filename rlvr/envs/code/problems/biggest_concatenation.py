"""Arrange numbers to form the largest concatenation: sort by the a+b > b+a order."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A child has n cards, each with a non-negative integer written on it (without
leading zeros). She lays all the cards in a row and reads the digits from
left to right as one big number. What is the largest number she can read?

Input
The first line holds n. The second line holds the n integers on the cards.

Output
Print the largest number, without leading zeros (print 0 if it is zero).

Constraints
1 <= n <= 100000
0 <= each integer <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    cards = [x.decode() for x in data[1:1 + n]]
    # a goes before b iff a+b > b+a iff the infinite repetition of a is larger, which is decided
    # within len(a)+len(b) <= 20 characters.
    cards.sort(key=lambda s: (s * 20)[:20], reverse=True)
    res = "".join(cards).lstrip("0")
    sys.stdout.write((res or "0") + "\n")

main()
'''

# Insertion sort with the pairwise rule: O(n^2) comparisons.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
cards = [x.decode() for x in data[1:1 + n]]
out = []
for c in cards:
    i = len(out)
    out.append(c)
    while i > 0 and out[i - 1] + out[i] < out[i] + out[i - 1]:
        out[i - 1], out[i] = out[i], out[i - 1]
        i -= 1
res = "".join(out).lstrip("0")
print(res or "0")
'''

LARGE_TESTS = 2


def _fmt(a) -> str:
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


def _mixed(rng: np.random.Generator, n: int) -> list[int]:
    base = rng.integers(1, 1000, size=n)
    rep = rng.integers(0, 4, size=n)
    out = []
    for b, r in zip(base.tolist(), rep.tolist()):
        s = str(b) * (r + 1)
        out.append(int(s[:9]) if len(s) > 9 else int(s))
    return out


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([0]), _fmt([0, 0, 0]), _fmt([10, 2]), _fmt([3, 30, 34, 5, 9]), _fmt([121, 12]),
             _fmt([1000000000, 0, 1]), _fmt([8, 89, 898]), _fmt([0, 5])]
    for _ in range(7):
        tests.append(_fmt(rng.integers(0, 50, size=int(rng.integers(1, 15))).tolist()))
    for _ in range(3):
        tests.append(_fmt(_mixed(rng, int(rng.integers(100, 500)))))
    tests.append(_fmt(rng.integers(0, 10**9 + 1, size=500).tolist()))
    # ascending small numbers: insertion sort moves each card across the whole row
    tests.append(_fmt(sorted(rng.integers(1, 10**9 + 1, size=100000).tolist(), key=lambda v: str(v))))
    tests.append(_fmt(_mixed(rng, 100000)))
    return tests


PUBLIC_INPUTS = ("5\n3 30 34 5 9\n", "3\n0 0 0\n")

register_problem(CodeProblem(
    id="biggest-concatenation", title="The Biggest Card Number", category="sorting", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
