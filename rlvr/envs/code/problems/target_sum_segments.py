"""Count subarrays with a given sum (prefix sums + a hash map of their counts)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A trader records the daily profit of a shop for n days: p_1, ..., p_n (a loss
is negative). She wants to know in how many ways she can choose a contiguous
stretch of days (a pair l <= r) whose total profit p_l + ... + p_r is exactly K.

Input
The first line holds n and K. The second line holds n integers p_1 ... p_n.

Output
Print the number of pairs (l, r) with 1 <= l <= r <= n and p_l + ... + p_r = K.

Constraints
1 <= n <= 100000
-10000 <= p_i <= 10000
-1000000000 <= K <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    seen = {0: 1}
    get = seen.get
    s = 0
    total = 0
    for x in data[2:2 + n]:
        s += int(x)
        total += get(s - k, 0)
        seen[s] = get(s, 0) + 1
    print(total)

main()
'''

# Every start, every end: O(n^2).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, k = int(data[0]), int(data[1])
p = list(map(int, data[2:2 + n]))
total = 0
for l in range(n):
    s = 0
    for r in range(l, n):
        s += p[r]
        if s == k:
            total += 1
print(total)
'''

LARGE_TESTS = 2


def _fmt(k: int, p) -> str:
    return f"{len(p)} {k}\n{' '.join(map(str, p))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(5, [5]), _fmt(0, [0]), _fmt(3, [1]), _fmt(0, [0] * 10), _fmt(-10000, [-10000, 10000, -10000]),
             _fmt(10**9, [10000] * 10), _fmt(-10**9, [1, -1, 2])]
    for _ in range(8):
        n = int(rng.integers(1, 40))
        tests.append(_fmt(int(rng.integers(-3, 4)), rng.integers(-2, 3, size=n).tolist()))
    for _ in range(4):
        n = int(rng.integers(200, 800))
        tests.append(_fmt(int(rng.integers(-50, 51)), rng.integers(-10, 11, size=n).tolist()))
    tests.append(_fmt(0, [0] * 800))
    tests.append(_fmt(0, rng.integers(-1, 2, size=100000).tolist()))
    tests.append(_fmt(int(rng.integers(-10**5, 10**5)), rng.integers(-10000, 10001, size=100000).tolist()))
    return tests


PUBLIC_INPUTS = ("5 3\n1 2 -1 3 0\n", "4 0\n0 0 0 0\n")

register_problem(CodeProblem(
    id="target-sum-segments", title="Exact Profit Stretches", category="prefix_sums", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
