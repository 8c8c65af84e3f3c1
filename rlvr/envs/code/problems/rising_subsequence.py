"""Longest strictly increasing subsequence in O(n log n) with patience sorting (bisect)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A stock analyst has the closing prices p_1, ..., p_n of n consecutive days. She
wants the longest list of days i_1 < i_2 < ... < i_k (not necessarily
consecutive) on which the price strictly rose from each chosen day to the next
chosen day: p_{i_1} < p_{i_2} < ... < p_{i_k}. Print k.

Input
The first line holds n. The second line holds p_1 ... p_n.

Output
Print the length of the longest strictly increasing subsequence.

Constraints
1 <= n <= 100000
1 <= p_i <= 1000000000
"""

REFERENCE = r'''
import sys
from bisect import bisect_left

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    tails = []  # tails[k]: smallest possible last price of a rising list of length k + 1
    for x in map(int, data[1:1 + n]):
        i = bisect_left(tails, x)
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    print(len(tails))

main()
'''

NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
p = list(map(int, data[1:1 + n]))
best = [1] * n
for i in range(n):
    x = p[i]
    b = 1
    for j in range(i):
        if p[j] < x and best[j] + 1 > b:
            b = best[j] + 1
    best[i] = b
print(max(best))
'''

LARGE_TESTS = 2


def _fmt(a) -> str:
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([5]), _fmt([1, 2]), _fmt([2, 1]), _fmt([3, 3, 3]), _fmt([10, 9, 2, 5, 3, 7, 101, 18]),
             _fmt([1, 3, 2, 4, 3, 5]), _fmt([10**9, 1, 10**9])]
    for _ in range(9):
        tests.append(_fmt(rng.integers(1, 10, size=int(rng.integers(1, 25))).tolist()))
    for _ in range(4):
        tests.append(_fmt(rng.integers(1, 10**9 + 1, size=int(rng.integers(200, 800))).tolist()))
    tests.append(_fmt(list(range(1, 801))))
    n = 100000
    tests.append(_fmt(rng.integers(1, 10**9 + 1, size=n).tolist()))
    tests.append(_fmt((np.arange(n) + rng.integers(0, 1000, size=n)).tolist()))
    return tests


PUBLIC_INPUTS = ("8\n10 9 2 5 3 7 101 18\n",)

register_problem(CodeProblem(
    id="rising-subsequence", title="Rising Prices", category="dp", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
