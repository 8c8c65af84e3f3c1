"""Count subarrays with average >= K: shift by K, then count non-decreasing prefix pairs with a Fenwick tree."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A runner logs her pace score for each of n training days: s_1, ..., s_n. A
coach calls a contiguous block of days l..r "solid" if the average score over
the block, (s_l + ... + s_r) / (r - l + 1), is at least K. Count the solid
blocks.

Input
The first line holds n and K. The second line holds n integers s_1 ... s_n.

Output
Print the number of pairs (l, r), 1 <= l <= r <= n, whose block average is at
least K (compare exactly; averages are rational numbers).

Constraints
1 <= n <= 100000
0 <= s_i <= 1000000000
0 <= K <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    # prefix sums of (s_i - K); a block l..r is solid iff P[l-1] <= P[r]
    pre = [0] * (n + 1)
    s = 0
    for i in range(n):
        s += int(data[2 + i]) - k
        pre[i + 1] = s
    rank = {v: i + 1 for i, v in enumerate(sorted(set(pre)))}
    size = len(rank)
    tree = [0] * (size + 1)
    total = 0
    for v in pre:
        r = rank[v]
        i = r
        c = 0
        while i > 0:
            c += tree[i]
            i &= i - 1
        total += c
        i = r
        while i <= size:
            tree[i] += 1
            i += i & -i
    print(total)

main()
'''

NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, k = int(data[0]), int(data[1])
a = list(map(int, data[2:2 + n]))
total = 0
for l in range(n):
    s = 0
    for r in range(l, n):
        s += a[r]
        if s >= k * (r - l + 1):
            total += 1
print(total)
'''

LARGE_TESTS = 2


def _fmt(k: int, a) -> str:
    return f"{len(a)} {k}\n{' '.join(map(str, a))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(0, [0]), _fmt(1, [0]), _fmt(5, [5, 5, 5]), _fmt(10**9, [10**9, 0, 10**9]),
             _fmt(0, [3, 1, 4]), _fmt(10**9, [0, 0, 0]), _fmt(3, [1, 2, 3, 4, 5])]
    for _ in range(8):
        n = int(rng.integers(1, 30))
        tests.append(_fmt(int(rng.integers(0, 10)), rng.integers(0, 10, size=n).tolist()))
    for _ in range(4):
        n = int(rng.integers(200, 700))
        tests.append(_fmt(int(rng.integers(0, 10**9)), rng.integers(0, 10**9 + 1, size=n).tolist()))
    tests.append(_fmt(500, rng.integers(0, 1001, size=700).tolist()))
    tests.append(_fmt(500000000, rng.integers(0, 10**9 + 1, size=100000).tolist()))
    tests.append(_fmt(50, rng.integers(0, 101, size=100000).tolist()))
    return tests


PUBLIC_INPUTS = ("4 3\n1 5 2 4\n", "3 10\n1 2 3\n")

register_problem(CodeProblem(
    id="good-average-windows", title="Solid Training Blocks", category="prefix_sums", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=2.0,
))
