"""0/1 knapsack: best value within a weight capacity, one DP row per item."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A hiker packs for a trip. There are n items; item i weighs w_i grams and has
usefulness v_i. Her backpack carries at most W grams. Each item can be packed
at most once. What is the largest total usefulness she can carry?

Input
The first line holds n and W. Each of the next n lines holds w_i and v_i.

Output
Print the maximum total usefulness of a set of items with total weight at most W.

Constraints
1 <= n <= 100
1 <= W <= 30000
1 <= w_i <= 30000
1 <= v_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, cap = int(data[0]), int(data[1])
    best = [0] * (cap + 1)  # best[c]: max value with weight <= c
    for i in range(n):
        w = int(data[2 + 2 * i]); v = int(data[3 + 2 * i])
        if w > cap:
            continue
        head = best[:w]
        tail = [a if a >= b + v else b + v for a, b in zip(best[w:], best)]
        best = head + tail
    print(best[cap])

main()
'''

# Tries every subset of items: O(2^n * n).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, cap = int(data[0]), int(data[1])
items = [(int(data[2 + 2 * i]), int(data[3 + 2 * i])) for i in range(n)]
best = 0
for mask in range(1 << n):
    tw = tv = 0
    for i in range(n):
        if mask >> i & 1:
            tw += items[i][0]; tv += items[i][1]
    if tw <= cap and tv > best:
        best = tv
print(best)
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, cap: int, wmax: int, vmax: int) -> str:
    w = rng.integers(1, wmax + 1, size=n)
    v = rng.integers(1, vmax + 1, size=n)
    return f"{n} {cap}\n" + "".join(f"{a} {b}\n" for a, b in zip(w.tolist(), v.tolist()))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1\n1 5\n", "1 1\n2 5\n", "3 5\n2 3\n3 4\n4 5\n", "3 30000\n30000 1000000000\n1 1\n29999 999999999\n",
             "4 7\n1 1\n3 4\n4 5\n5 7\n"]
    for _ in range(13):
        n = int(rng.integers(1, 15))
        tests.append(_case(rng, n, int(rng.integers(1, 60)), int(rng.integers(1, 30)), int(rng.choice([10, 10**9]))))
    tests.append(_case(rng, 100, 30000, 1000, 10**9))
    tests.append(_case(rng, 100, 30000, 30000, 10**9))
    return tests


PUBLIC_INPUTS = ("4 7\n1 1\n3 4\n4 5\n5 7\n",)

register_problem(CodeProblem(
    id="backpack-value", title="Packing the Backpack", category="dp", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
