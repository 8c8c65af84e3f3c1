"""Weighted median on a line: the point minimising total weighted distance."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
n shops lie along a straight road; shop i is at coordinate x_i and needs w_i
deliveries a week. A company will build one warehouse at an integer
coordinate p; a delivery to shop i costs |x_i - p|. Choose p to minimise the
weekly cost, the sum of w_i * |x_i - p| over all shops. Several shops may
share a coordinate.

Input
The first line holds n. Each of the next n lines holds x_i and w_i.

Output
Print two integers: the minimum weekly cost and the smallest integer p that
achieves it.

Constraints
1 <= n <= 100000
-1000000000 <= x_i <= 1000000000
1 <= w_i <= 10000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    shops = sorted(zip(map(int, data[1:2 * n + 1:2]), map(int, data[2:2 * n + 2:2])))
    total = sum(w for _, w in shops)
    acc = 0
    p = shops[-1][0]
    for x, w in shops:
        acc += w
        if 2 * acc >= total:
            p = x
            break
    cost = sum(w * abs(x - p) for x, w in shops)
    print(cost, p)

main()
'''

# Tries every shop coordinate as the site: O(n^2).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
xs = list(map(int, data[1:2 * n + 1:2])); ws = list(map(int, data[2:2 * n + 2:2]))
best = None
for p in sorted(set(xs)):
    c = 0
    for x, w in zip(xs, ws):
        c += w * abs(x - p)
    if best is None or c < best[0]:
        best = (c, p)
print(best[0], best[1])
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, span: int, wmax: int) -> str:
    x = rng.integers(-span, span + 1, size=n)
    w = rng.integers(1, wmax + 1, size=n)
    return f"{n}\n" + "".join(f"{a} {b}\n" for a, b in zip(x.tolist(), w.tolist()))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1\n-1000000000 10000\n", "2\n0 1\n10 1\n", "2\n0 2\n10 1\n", "3\n5 1\n5 1\n5 1\n",
             "2\n-1000000000 10000\n1000000000 10000\n", "4\n1 1\n2 1\n3 1\n4 1\n"]
    for _ in range(9):
        tests.append(_case(rng, int(rng.integers(1, 20)), 10, int(rng.choice([1, 5]))))
    for _ in range(4):
        tests.append(_case(rng, int(rng.integers(200, 800)), 10**9, 10000))
    tests.append(_case(rng, 800, 3, 2))
    tests.append(_case(rng, 100000, 10**9, 10000))
    tests.append(_case(rng, 100000, 10**9, 1))
    return tests


PUBLIC_INPUTS = ("3\n1 1\n5 3\n10 1\n", "2\n0 1\n4 1\n")

register_problem(CodeProblem(
    id="warehouse-site", title="Where to Build the Warehouse", category="sorting", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
