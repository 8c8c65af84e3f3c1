"""Optimal merging of adjacent piles: interval DP with Knuth's optimisation, O(n^2)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
n piles of sand stand in a row; pile i weighs a_i kilograms. A worker merges
two adjacent piles into one pile (which takes their place in the row); moving
x + y kilograms costs x + y coins. She keeps merging until one pile is left.
What is the minimum total cost?

Input
The first line holds n. The second line holds a_1 ... a_n.

Output
Print the minimum total cost (0 if n = 1).

Constraints
1 <= n <= 800
1 <= a_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    pre = [0] * (n + 1)
    for i in range(n):
        pre[i + 1] = pre[i] + a[i]
    INF = float("inf")
    cost = [[0] * n for _ in range(n)]
    # opt[i][j]: the split point k (left part i..k) of an optimal merge of i..j;
    # Knuth: opt[i][j-1] <= opt[i][j] <= opt[i+1][j], so all splits of one length cost O(n) in total.
    opt = [[i] * n for i in range(n)]
    for length in range(2, n + 1):
        for i in range(0, n - length + 1):
            j = i + length - 1
            lo = opt[i][j - 1]
            hi = opt[i + 1][j]
            if hi > j - 1:
                hi = j - 1
            ci = cost[i]
            best = INF
            bk = lo
            for k in range(lo, hi + 1):
                v = ci[k] + cost[k + 1][j]
                if v < best:
                    best = v
                    bk = k
            ci[j] = best + pre[j + 1] - pre[i]
            opt[i][j] = bk
    print(cost[0][n - 1])

main()
'''

# The classic interval DP trying every split: O(n^3).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
a = list(map(int, data[1:1 + n]))
pre = [0]
for x in a:
    pre.append(pre[-1] + x)
cost = [[0] * n for _ in range(n)]
for length in range(2, n + 1):
    for i in range(n - length + 1):
        j = i + length - 1
        cost[i][j] = min(cost[i][k] + cost[k + 1][j] for k in range(i, j)) + pre[j + 1] - pre[i]
print(cost[0][n - 1])
'''

LARGE_TESTS = 2


def _fmt(a) -> str:
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([5]), _fmt([1, 2]), _fmt([4, 1, 1, 4]), _fmt([1, 2, 3, 4, 5]), _fmt([10**9] * 4), _fmt([3, 3, 3])]
    for _ in range(10):
        hi = int(rng.choice([5, 100, 10**9])) + 1
        tests.append(_fmt(rng.integers(1, hi, size=int(rng.integers(1, 20))).tolist()))
    for _ in range(3):
        tests.append(_fmt(rng.integers(1, 10**9 + 1, size=int(rng.integers(50, 120))).tolist()))
    tests.append(_fmt(list(range(1, 121))))
    tests.append(_fmt(rng.integers(1, 10**9 + 1, size=800).tolist()))
    tests.append(_fmt((rng.integers(1, 10, size=800) * rng.choice([1, 1000], size=800)).tolist()))
    return tests


PUBLIC_INPUTS = ("4\n4 1 1 4\n", "3\n3 3 3\n")

register_problem(CodeProblem(
    id="merge-piles", title="Merging Sand Piles", category="dp", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
