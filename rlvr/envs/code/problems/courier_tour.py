"""Shortest round trip through all cities (travelling salesman): bitmask DP, O(2^n n^2)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A courier starts in city 1, must visit each of the other n - 1 cities exactly
once, and return to city 1. Driving from city i to city j takes d[i][j]
minutes (not necessarily equal to d[j][i]). What is the shortest possible
total driving time of the round trip?

Input
The first line holds n. The next n lines hold the matrix d, n integers per
line; d[i][i] = 0.

Output
Print the minimum total time (0 if n = 1).

Constraints
1 <= n <= 14
0 <= d[i][j] <= 1000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    d = [list(map(int, data[1 + i * n:1 + (i + 1) * n])) for i in range(n)]
    if n == 1:
        print(0)
        return
    m = n - 1  # cities 2..n are bits 0..n-2; the tour starts and ends in city 1
    INF = float("inf")
    best = [[INF] * m for _ in range(1 << m)]  # best[mask][j]: from city 1 through mask, ending at j
    for j in range(m):
        best[1 << j][j] = d[0][j + 1]
    for mask in range(1, 1 << m):
        row = best[mask]
        for j in range(m):
            cur = row[j]
            if cur == INF:
                continue
            dj = d[j + 1]
            for k in range(m):
                if not mask >> k & 1:
                    nm = mask | 1 << k
                    v = cur + dj[k + 1]
                    if v < best[nm][k]:
                        best[nm][k] = v
    full = best[(1 << m) - 1]
    print(min(full[j] + d[j + 1][0] for j in range(m)))

main()
'''

# Tries every order of the cities: O(n!).
NAIVE = r'''
import sys
from itertools import permutations
data = sys.stdin.buffer.read().split()
n = int(data[0])
d = [list(map(int, data[1 + i * n:1 + (i + 1) * n])) for i in range(n)]
best = 0 if n == 1 else None
for p in (permutations(range(1, n)) if n > 1 else ()):
    t = d[0][p[0]] + d[p[-1]][0]
    for a, b in zip(p, p[1:]):
        t += d[a][b]
    if best is None or t < best:
        best = t
print(best)
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, hi: int, symmetric: bool = False) -> str:
    d = rng.integers(0, hi + 1, size=(n, n))
    if symmetric:
        d = np.triu(d) + np.triu(d, 1).T
    np.fill_diagonal(d, 0)
    return f"{n}\n" + "\n".join(" ".join(map(str, row)) for row in d.tolist()) + "\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1\n0\n", "2\n0 5\n7 0\n", "3\n0 1 100\n100 0 1\n1 100 0\n",
             "4\n0 10 15 20\n10 0 35 25\n15 35 0 30\n20 25 30 0\n",
             "3\n0 0 0\n0 0 0\n0 0 0\n"]
    for _ in range(12):
        tests.append(_case(rng, int(rng.integers(2, 8)), int(rng.choice([10, 10**6])), bool(rng.integers(0, 2))))
    tests.append(_case(rng, 8, 10**6))
    tests.append(_case(rng, 14, 10**6))
    tests.append(_case(rng, 14, 100, symmetric=True))
    return tests


PUBLIC_INPUTS = ("4\n0 10 15 20\n10 0 35 25\n15 35 0 30\n20 25 30 0\n",)

register_problem(CodeProblem(
    id="courier-tour", title="The Courier's Round Trip", category="dp", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
