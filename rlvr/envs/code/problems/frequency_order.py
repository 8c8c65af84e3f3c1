"""Sort values by how often they occur (descending), then by value."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A library lists the ids of the n books borrowed this month, one entry per loan.
For the shelf display, the entries must be rearranged so that books borrowed
more often come first; books borrowed equally often are ordered by increasing
id. All loans of the same book stay together.

Input
The first line holds n. The second line holds n integers, the book ids.

Output
Print the n ids in the required order, separated by single spaces, on one line.

Constraints
1 <= n <= 100000
1 <= id <= 1000000000
"""

REFERENCE = r'''
import sys
from collections import Counter

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    cnt = Counter(map(int, data[1:1 + n]))
    order = sorted([(-c, v) for v, c in cnt.items()])
    sys.stdout.write(" ".join([" ".join([str(v)] * -c) for c, v in order]) + "\n")

main()
'''

# Counts every element with list.count: O(n^2).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
a = list(map(int, data[1:1 + n]))
keyed = [(-a.count(x), x) for x in a]
keyed.sort()
print(" ".join(str(x) for _, x in keyed))
'''

LARGE_TESTS = 2


def _fmt(a) -> str:
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([7]), _fmt([1000000000, 1]), _fmt([2, 2, 1, 1]), _fmt([5, 5, 5]), _fmt([3, 1, 2, 2, 3, 3])]
    for _ in range(10):
        tests.append(_fmt(rng.integers(1, 8, size=int(rng.integers(1, 25))).tolist()))
    for _ in range(4):
        n = int(rng.integers(200, 800))
        tests.append(_fmt(rng.integers(1, int(rng.choice([10, 300, 10**9])), size=n).tolist()))
    tests.append(_fmt(rng.permutation(800).tolist()))
    tests.append(_fmt(rng.integers(1, 10**9 + 1, size=100000).tolist()))
    tests.append(_fmt((rng.zipf(1.5, size=100000) % 10**9 + 1).tolist()))
    return tests


PUBLIC_INPUTS = ("8\n4 6 2 6 4 4 9 2\n",)

register_problem(CodeProblem(
    id="frequency-order", title="Popular Books First", category="sorting", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
