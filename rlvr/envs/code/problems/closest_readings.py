"""Minimum difference between two values: sort, then look at neighbours."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A lab has n thermometers, thermometer i shows the reading a_i. To calibrate, a
technician looks for the two thermometers whose readings are closest. Find the
smallest value of |a_i - a_j| over all pairs i < j, and the number of pairs
(i, j), i < j, that achieve it.

Input
The first line holds n. The second line holds n integers a_1 ... a_n.

Output
Print two integers: the smallest difference and the number of pairs with that
difference.

Constraints
2 <= n <= 100000
-1000000000 <= a_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = sorted(map(int, data[1:1 + n]))
    best = min(a[i + 1] - a[i] for i in range(n - 1))
    if best == 0:
        cnt = 0
        run = 1
        for i in range(1, n):
            if a[i] == a[i - 1]:
                cnt += run
                run += 1
            else:
                run = 1
    else:
        cnt = sum(1 for i in range(n - 1) if a[i + 1] - a[i] == best)
    print(best, cnt)

main()
'''

NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
a = list(map(int, data[1:1 + n]))
best = None
cnt = 0
for i in range(n):
    x = a[i]
    for j in range(i + 1, n):
        d = abs(x - a[j])
        if best is None or d < best:
            best, cnt = d, 1
        elif d == best:
            cnt += 1
print(best, cnt)
'''

LARGE_TESTS = 2


def _fmt(a) -> str:
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([1, 1]), _fmt([-10**9, 10**9]), _fmt([5, 5, 5, 5]), _fmt([1, 3, 5, 7]), _fmt([7, 1, 4]),
             _fmt([0, 10, 10, 0, 5])]
    for _ in range(9):
        tests.append(_fmt(rng.integers(-20, 21, size=int(rng.integers(2, 25))).tolist()))
    for _ in range(4):
        tests.append(_fmt(rng.integers(-10**9, 10**9 + 1, size=int(rng.integers(200, 800))).tolist()))
    tests.append(_fmt((np.arange(800) * 3 - 1000).tolist()))
    spread = rng.permutation(100000) * 5000 - 10**9 + 7
    tests.append(_fmt(spread.tolist()))
    tests.append(_fmt(rng.integers(-10**9, 10**9 + 1, size=100000).tolist()))
    return tests


PUBLIC_INPUTS = ("5\n8 1 4 12 5\n", "4\n3 3 3 -1\n")

register_problem(CodeProblem(
    id="closest-readings", title="Closest Thermometers", category="sorting", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
