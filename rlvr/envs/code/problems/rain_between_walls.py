"""Trapped rain water with two pointers moving inwards from both ends."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A garden wall is built from n columns of unit width standing side by side;
column i is h_i bricks tall. After a heavy rain, water collects on top of the
wall wherever it is held in by taller columns on both sides; the water above
column i rises to min(highest column to its left including itself, highest
column to its right including itself). Water flows off both ends of the wall.
How many unit cells of water does the wall hold?

Input
The first line holds n. The second line holds h_1 ... h_n.

Output
Print the total amount of trapped water.

Constraints
1 <= n <= 100000
0 <= h_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    i, j = 0, n - 1
    lmax = rmax = 0
    water = 0
    while i <= j:
        if lmax <= rmax:
            x = h[i]
            if x > lmax:
                lmax = x
            else:
                water += lmax - x
            i += 1
        else:
            x = h[j]
            if x > rmax:
                rmax = x
            else:
                water += rmax - x
            j -= 1
    print(water)

main()
'''

# Scans both sides for every column: O(n^2).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
h = list(map(int, data[1:1 + n]))
water = 0
for i in range(n):
    water += min(max(h[:i + 1]), max(h[i:])) - h[i]
print(water)
'''

LARGE_TESTS = 2


def _fmt(a) -> str:
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([0]), _fmt([5]), _fmt([3, 0, 3]), _fmt([0, 1, 0, 2, 1, 0, 1, 3, 2, 1, 2, 1]),
             _fmt([1, 2, 3, 4, 5]), _fmt([5, 4, 3, 2, 1]), _fmt([10**9, 0, 0, 10**9]), _fmt([4, 2, 0, 3, 2, 5])]
    for _ in range(8):
        tests.append(_fmt(rng.integers(0, 6, size=int(rng.integers(1, 25))).tolist()))
    for _ in range(3):
        tests.append(_fmt(rng.integers(0, 10**9 + 1, size=int(rng.integers(200, 800))).tolist()))
    tests.append(_fmt(sorted(rng.integers(0, 1000, size=800).tolist())))
    n = 100000
    tests.append(_fmt(rng.integers(0, 10**9 + 1, size=n).tolist()))
    valley = np.abs(np.arange(n) - n // 2) * 5000  # a V shape: huge water volume
    tests.append(_fmt(valley.tolist()))
    return tests


PUBLIC_INPUTS = ("12\n0 1 0 2 1 0 1 3 2 1 2 1\n", "6\n4 2 0 3 2 5\n")

register_problem(CodeProblem(
    id="rain-between-walls", title="Rain on the Garden Wall", category="two_pointers", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
