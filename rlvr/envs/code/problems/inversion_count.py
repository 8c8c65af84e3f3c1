"""Count inversions with a Fenwick tree over compressed values."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A queue of n people forms in front of a ticket office; the i-th person in the
queue has height h_i. A photographer calls a pair of people (i, j) with i < j
"awkward" when the person in front is strictly taller: h_i > h_j. How many
awkward pairs are there?

Input
The first line holds n. The second line holds n integers h_1 ... h_n.

Output
Print the number of pairs i < j with h_i > h_j.

Constraints
1 <= n <= 100000
1 <= h_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    rank = {v: i + 1 for i, v in enumerate(sorted(set(h)))}
    m = len(rank)
    tree = [0] * (m + 1)
    inv = 0
    for seen, v in enumerate(h):
        r = rank[v]
        i = r
        le = 0
        while i:
            le += tree[i]
            i &= i - 1
        inv += seen - le
        while r <= m:
            tree[r] += 1
            r += r & -r
    print(inv)

main()
'''

NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
h = list(map(int, data[1:1 + n]))
inv = 0
for i in range(n):
    x = h[i]
    for j in range(i + 1, n):
        if x > h[j]:
            inv += 1
print(inv)
'''

LARGE_TESTS = 2


def _fmt(a) -> str:
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([1]), _fmt([2, 1]), _fmt([1, 2]), _fmt([5, 5, 5]), _fmt(list(range(20, 0, -1))),
             _fmt([10**9, 1, 10**9, 1])]
    for _ in range(9):
        tests.append(_fmt(rng.integers(1, 10, size=int(rng.integers(1, 30))).tolist()))
    for _ in range(4):
        tests.append(_fmt(rng.integers(1, 10**9 + 1, size=int(rng.integers(200, 800))).tolist()))
    tests.append(_fmt(list(range(800, 0, -1))))
    tests.append(_fmt(list(range(100000, 0, -1))))
    tests.append(_fmt(rng.integers(1, 10**9 + 1, size=100000).tolist()))
    return tests


PUBLIC_INPUTS = ("5\n3 1 4 1 5\n",)

register_problem(CodeProblem(
    id="inversion-count", title="Awkward Pairs in the Queue", category="sorting", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.5,
))
