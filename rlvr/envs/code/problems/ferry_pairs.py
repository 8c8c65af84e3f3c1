"""Boats for two: pair the heaviest remaining person with the lightest if they fit."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
n hikers must cross a lake in small rowing boats. A boat carries at most two
hikers, and the total weight in a boat may not exceed L kilograms. Every hiker
weighs at most L. What is the smallest number of boats needed to carry
everybody across at once?

Input
The first line holds n and L. The second line holds the n weights w_1 ... w_n.

Output
Print the minimum number of boats.

Constraints
1 <= n <= 100000
1 <= w_i <= L <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, cap = int(data[0]), int(data[1])
    w = sorted(map(int, data[2:2 + n]))
    i, j = 0, n - 1
    boats = 0
    while i <= j:
        if i < j and w[i] + w[j] <= cap:
            i += 1
        j -= 1
        boats += 1
    print(boats)

main()
'''

# For the heaviest hiker left, scans all others for the heaviest partner that fits: O(n^2).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, cap = int(data[0]), int(data[1])
w = sorted(map(int, data[2:2 + n]))
used = [False] * n
boats = 0
for j in range(n - 1, -1, -1):
    if used[j]:
        continue
    used[j] = True
    boats += 1
    best = -1
    for i in range(j):
        if not used[i] and w[i] + w[j] <= cap:
            best = i
    if best >= 0:
        used[best] = True
print(boats)
'''

LARGE_TESTS = 2


def _fmt(cap: int, w) -> str:
    return f"{len(w)} {cap}\n{' '.join(map(str, w))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(5, [5]), _fmt(10, [5, 5]), _fmt(9, [5, 5]), _fmt(10**9, [10**9] * 3), _fmt(3, [1, 1, 1, 1, 1]),
             _fmt(100, [1, 99, 50, 51, 50])]
    for _ in range(9):
        cap = int(rng.integers(1, 20))
        tests.append(_fmt(cap, rng.integers(1, cap + 1, size=int(rng.integers(1, 25))).tolist()))
    for _ in range(4):
        cap = int(rng.integers(10**8, 10**9 + 1))
        tests.append(_fmt(cap, rng.integers(1, cap + 1, size=int(rng.integers(200, 800))).tolist()))
    tests.append(_fmt(1000, rng.integers(501, 1001, size=800).tolist()))
    tests.append(_fmt(10**9, rng.integers(1, 10**9 + 1, size=100000).tolist()))
    tests.append(_fmt(10**9, rng.integers(4 * 10**8, 6 * 10**8, size=100000).tolist()))
    return tests


PUBLIC_INPUTS = ("4 100\n70 50 80 50\n", "3 5\n3 2 2\n")

register_problem(CodeProblem(
    id="ferry-pairs", title="Boats Across the Lake", category="greedy", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
