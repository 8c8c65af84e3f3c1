"""Shortest subarray with sum at least S over positive numbers: a shrinking window."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A mine produces a_i tonnes of ore on day i (every day at least one tonne). The
manager wants to know the shortest run of consecutive days during which the
mine produced at least S tonnes in total.

Input
The first line holds n and S. The second line holds a_1 ... a_n.

Output
Print the minimum length of a contiguous run of days with total at least S,
or 0 if even all n days together produce less than S.

Constraints
1 <= n <= 100000
1 <= a_i <= 10000
1 <= S <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, s = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n]))
    best = n + 1
    total = 0
    left = 0
    for right in range(n):
        total += a[right]
        while total >= s:
            if right - left + 1 < best:
                best = right - left + 1
            total -= a[left]
            left += 1
    print(best if best <= n else 0)

main()
'''

# Every start, extended until the quota is met: O(n^2) when runs are long.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, s = int(data[0]), int(data[1])
a = list(map(int, data[2:2 + n]))
best = 0
for l in range(n):
    t = 0
    for r in range(l, n):
        t += a[r]
        if t >= s:
            if best == 0 or r - l + 1 < best:
                best = r - l + 1
            break
print(best)
'''

LARGE_TESTS = 2


def _fmt(s: int, a) -> str:
    return f"{len(a)} {s}\n{' '.join(map(str, a))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(1, [1]), _fmt(2, [1]), _fmt(3, [1, 2]), _fmt(2 * 10**9, [10000] * 5), _fmt(7, [2, 3, 1, 2, 4, 3]),
             _fmt(10, [10, 1, 10])]
    for _ in range(9):
        a = rng.integers(1, 10, size=int(rng.integers(1, 25)))
        tests.append(_fmt(int(rng.integers(1, int(a.sum()) + 5)), a.tolist()))
    for _ in range(4):
        a = rng.integers(1, 10001, size=int(rng.integers(200, 800)))
        tests.append(_fmt(int(rng.integers(1, int(a.sum()) + 10)), a.tolist()))
    tests.append(_fmt(10**6, rng.integers(1, 10001, size=800).tolist()))
    a = rng.integers(1, 100, size=100000)
    tests.append(_fmt(int(a.sum()) // 2, a.tolist()))
    tests.append(_fmt(2 * 10**9, rng.integers(1, 10001, size=100000).tolist()))
    return tests


PUBLIC_INPUTS = ("6 7\n2 3 1 2 4 3\n", "3 100\n1 2 3\n")

register_problem(CodeProblem(
    id="shortest-quota-window", title="The Ore Quota", category="two_pointers", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
