"""2-D dominance counting: sort by one key, Fenwick tree over the other."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
In a decathlon-style school contest, every one of n students gets a score in
mathematics a_i and a score in literature b_i. Student i "outclasses" student
j if a_i > a_j and b_i > b_j (both strictly). Count the ordered pairs (i, j)
such that student i outclasses student j.

Input
The first line holds n. Each of the next n lines holds a_i and b_i.

Output
Print the number of pairs.

Constraints
1 <= n <= 100000
0 <= a_i, b_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = data[1:2 * n + 1:2]; b = list(map(int, data[2:2 * n + 2:2]))
    pts = sorted(zip(map(int, a), b))
    rank = {v: i + 1 for i, v in enumerate(sorted(set(b)))}
    m = len(rank)
    tree = [0] * (m + 1)
    total = 0
    i = 0
    while i < n:
        j = i
        ai = pts[i][0]
        while j < n and pts[j][0] == ai:
            j += 1
        for k in range(i, j):  # count earlier groups (strictly smaller a) with strictly smaller b
            r = rank[pts[k][1]] - 1
            while r:
                total += tree[r]
                r &= r - 1
        for k in range(i, j):
            r = rank[pts[k][1]]
            while r <= m:
                tree[r] += 1
                r += r & -r
        i = j
    print(total)

main()
'''

NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
a = list(map(int, data[1:2 * n + 1:2])); b = list(map(int, data[2:2 * n + 2:2]))
total = 0
for i in range(n):
    x, y = a[i], b[i]
    for j in range(n):
        if x > a[j] and y > b[j]:
            total += 1
print(total)
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, hi: int, correlated: bool = False) -> str:
    a = rng.integers(0, hi + 1, size=n)
    b = a if correlated else rng.integers(0, hi + 1, size=n)
    return f"{n}\n" + "".join(f"{x} {y}\n" for x, y in zip(a.tolist(), b.tolist()))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1\n0 0\n", "2\n1 1\n0 0\n", "2\n1 0\n0 1\n", "3\n5 5\n5 5\n5 5\n", "3\n1 2\n1 1\n2 2\n"]
    for _ in range(10):
        tests.append(_case(rng, int(rng.integers(1, 25)), int(rng.choice([2, 5, 20]))))
    for _ in range(4):
        tests.append(_case(rng, int(rng.integers(200, 700)), 10**9))
    tests.append(_case(rng, 700, 30, correlated=True))
    tests.append(_case(rng, 100000, 10**9))
    tests.append(_case(rng, 100000, 1000))
    return tests


PUBLIC_INPUTS = ("4\n3 3\n1 2\n2 1\n0 0\n",)

register_problem(CodeProblem(
    id="dominance-pairs", title="Outclassed Students", category="sorting", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=2.0,
))
