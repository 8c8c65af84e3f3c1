"""Huge Fibonacci numbers modulo a prime: fast doubling, O(log n) per query."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A rabbit colony follows the Fibonacci rule: F(0) = 0, F(1) = 1 and
F(n) = F(n-1) + F(n-2) for n >= 2. A biologist asks for q values of the
sequence at very large indices. For each index n print F(n) modulo 1000000007.

Input
The first line holds q. The second line holds the q indices.

Output
Print q integers on one line: F(n) mod 1000000007 for each index.

Constraints
1 <= q <= 10000
0 <= n <= 1000000000000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    MOD = 10**9 + 7
    out = []
    for n in map(int, data[1:1 + q]):
        a, b = 0, 1  # F(k), F(k+1) for k = the bits of n read so far
        for bit in bin(n)[2:]:
            c = a * ((2 * b - a) % MOD) % MOD
            d = (a * a + b * b) % MOD
            if bit == "1":
                a, b = d, (c + d) % MOD
            else:
                a, b = c, d
        out.append(a)
    sys.stdout.write(" ".join(map(str, out)) + "\n")

main()
'''

# Iterates the recurrence n times.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
q = int(data[0])
MOD = 10**9 + 7
out = []
for n in map(int, data[1:1 + q]):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, (a + b) % MOD
    out.append(a)
print(" ".join(map(str, out)))
'''

LARGE_TESTS = 3


def _fmt(ns) -> str:
    return f"{len(ns)}\n{' '.join(map(str, ns))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([0]), _fmt([1]), _fmt([2]), _fmt([10]), _fmt(list(range(0, 21))), _fmt([90, 91, 92, 93])]
    for _ in range(9):
        tests.append(_fmt(rng.integers(0, 200, size=int(rng.integers(1, 20))).tolist()))
    for _ in range(3):
        tests.append(_fmt(rng.integers(1000, 20000, size=int(rng.integers(5, 20))).tolist()))
    tests.append(_fmt([10**18]))
    tests.append(_fmt([int(x) for x in rng.integers(0, 10**18, size=10000, endpoint=True, dtype=np.uint64)]))
    tests.append(_fmt([10**18 - int(x) for x in rng.integers(0, 1000, size=10000)]))
    return tests


PUBLIC_INPUTS = ("4\n0 1 10 100\n",)

register_problem(CodeProblem(
    id="fibonacci-mod", title="The Rabbit Census", category="math", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
