"""Maximise the minimum gap between k chosen points: binary search on the gap, greedy check."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A long pipeline has n inspection hatches at coordinates x_1, ..., x_n (not
necessarily distinct or sorted). Engineers must install k vibration sensors,
each in a different hatch. Sensors disturb each other when they are close, so
the engineers want to maximise the smallest distance between any two installed
sensors. Print that largest possible smallest distance.

Input
The first line holds n and k. The second line holds x_1 ... x_n.

Output
Print the maximum possible value of the minimum distance between two sensors.

Constraints
2 <= k <= n <= 50000
0 <= x_i <= 1000000000
"""

REFERENCE = r'''
import sys
from bisect import bisect_left

def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    x = sorted(map(int, data[2:2 + n]))

    def fits(gap):
        # greedily put each next sensor at the first hatch at least `gap` further on
        i = 0
        for _ in range(k - 1):
            i = bisect_left(x, x[i] + gap, i + 1)
            if i >= n:
                return False
        return True

    lo, hi = 0, (x[-1] - x[0]) // (k - 1)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid - 1
    print(lo)

main()
'''

# Tries every gap downwards from the obvious upper bound.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, k = int(data[0]), int(data[1])
x = sorted(map(int, data[2:2 + n]))
gap = (x[-1] - x[0]) // (k - 1)
while gap > 0:
    placed, last = 1, x[0]
    for v in x:
        if v - last >= gap:
            placed += 1
            last = v
    if placed >= k:
        break
    gap -= 1
print(gap)
'''

LARGE_TESTS = 2


def _fmt(k: int, x) -> str:
    return f"{len(x)} {k}\n{' '.join(map(str, x))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(2, [0, 10**9]), _fmt(2, [5, 5]), _fmt(3, [1, 2, 8, 4, 9]), _fmt(3, [7, 7, 7, 7]),
             _fmt(4, [0, 1, 2, 3]), _fmt(2, [3, 1, 2])]
    for _ in range(9):
        n = int(rng.integers(2, 20))
        tests.append(_fmt(int(rng.integers(2, n + 1)), rng.integers(0, 40, size=n).tolist()))
    for _ in range(4):
        n = int(rng.integers(100, 400))
        tests.append(_fmt(int(rng.integers(2, 30)), rng.integers(0, 5000, size=n).tolist()))
    tests.append(_fmt(2, rng.integers(0, 10**9 + 1, size=400).tolist()))
    n = 50000
    tests.append(_fmt(n // 2, rng.integers(0, 10**9 + 1, size=n).tolist()))
    tests.append(_fmt(1000, rng.integers(0, 10**9 + 1, size=n).tolist()))
    return tests


PUBLIC_INPUTS = ("5 3\n1 2 8 4 9\n",)

register_problem(CodeProblem(
    id="sensor-spacing", title="Sensors Along the Pipeline", category="binary_search", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
