"""Count values at most x for many queries: sort once, then binary search per query."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
An amusement park measured the heights of n children waiting at the gate. For
each of q rides with a height limit x, the staff want to know how many of the
children are at most x centimetres tall (and may ride).

Input
The first line holds n and q. The second line holds the n heights. The third
line holds the q limits x_1 ... x_q.

Output
Print q integers on one line, separated by spaces: for each limit, the number
of heights that are <= x.

Constraints
1 <= n, q <= 100000
1 <= height, x <= 1000000000
"""

REFERENCE = r'''
import sys
from bisect import bisect_right

def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    h = sorted(map(int, data[2:2 + n]))
    out = [bisect_right(h, int(x)) for x in data[2 + n:2 + n + q]]
    sys.stdout.write(" ".join(map(str, out)) + "\n")

main()
'''

NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
h = list(map(int, data[2:2 + n]))
out = []
for x in map(int, data[2 + n:2 + n + q]):
    c = 0
    for v in h:
        if v <= x:
            c += 1
    out.append(c)
print(" ".join(map(str, out)))
'''

LARGE_TESTS = 2


def _fmt(h, xs) -> str:
    return f"{len(h)} {len(xs)}\n{' '.join(map(str, h))}\n{' '.join(map(str, xs))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([5], [5]), _fmt([5], [4]), _fmt([1, 1, 1], [1, 10**9]), _fmt([10**9, 1], [1, 10**9 - 1, 10**9]),
             _fmt([3, 1, 2], [0 + 1, 2, 3, 4])]
    for _ in range(10):
        tests.append(_fmt(rng.integers(1, 15, size=int(rng.integers(1, 20))).tolist(),
                          rng.integers(1, 16, size=int(rng.integers(1, 20))).tolist()))
    for _ in range(4):
        hi = int(rng.choice([100, 10**9]))
        tests.append(_fmt(rng.integers(1, hi + 1, size=int(rng.integers(200, 800))).tolist(),
                          rng.integers(1, hi + 1, size=int(rng.integers(200, 800))).tolist()))
    tests.append(_fmt([7] * 800, [6, 7, 8] * 100))
    n = 100000
    tests.append(_fmt(rng.integers(1, 10**9 + 1, size=n).tolist(), rng.integers(1, 10**9 + 1, size=n).tolist()))
    tests.append(_fmt(rng.integers(100, 200, size=n).tolist(), rng.integers(90, 210, size=n).tolist()))
    return tests


PUBLIC_INPUTS = ("5 3\n120 135 98 150 135\n100 135 200\n",)

register_problem(CodeProblem(
    id="height-queries", title="Tall Enough to Ride", category="binary_search", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
