"""Earliest day for m bouquets of k adjacent bloomed flowers: binary search over days."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A florist grows n flowers in one long row; flower i blooms on day b_i and stays
in bloom afterwards. A bouquet needs k flowers that are adjacent in the row and
all in bloom; each flower can go into at most one bouquet. What is the first
day on which the florist can make m bouquets?

Input
The first line holds n, m and k. The second line holds b_1 ... b_n.

Output
Print the smallest day d such that m bouquets can be made on day d, or -1 if
it is never possible.

Constraints
1 <= n <= 50000
1 <= m, k <= n
1 <= b_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, m, k = int(data[0]), int(data[1]), int(data[2])
    b = list(map(int, data[3:3 + n]))
    if m * k > n:
        print(-1)
        return

    def bouquets(day):
        made = run = 0
        for x in b:
            if x <= day:
                run += 1
                if run == k:
                    made += 1
                    run = 0
            else:
                run = 0
        return made

    days = sorted(set(b))
    lo, hi = 0, len(days) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if bouquets(days[mid]) >= m:
            hi = mid
        else:
            lo = mid + 1
    print(days[lo])

main()
'''

# Checks the bloom days one after another: O(n) checks of O(n) each.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, m, k = int(data[0]), int(data[1]), int(data[2])
b = list(map(int, data[3:3 + n]))
ans = -1
if m * k <= n:
    for day in sorted(set(b)):
        made = run = 0
        for x in b:
            if x <= day:
                run += 1
                if run == k:
                    made += 1
                    run = 0
            else:
                run = 0
        if made >= m:
            ans = day
            break
print(ans)
'''

LARGE_TESTS = 2


def _fmt(m: int, k: int, b) -> str:
    return f"{len(b)} {m} {k}\n{' '.join(map(str, b))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(1, 1, [5]), _fmt(2, 1, [5]), _fmt(3, 1, [1, 10, 3, 10, 2]), _fmt(3, 2, [1, 10, 3, 10, 2]),
             _fmt(2, 3, [7, 7, 7, 7, 12, 7, 7]), _fmt(1, 4, [10**9] * 4)]
    for _ in range(9):
        n = int(rng.integers(1, 20))
        k = int(rng.integers(1, 4))
        tests.append(_fmt(int(rng.integers(1, max(1, n // k) + 2)), k, rng.integers(1, 30, size=n).tolist()))
    for _ in range(4):
        n = int(rng.integers(100, 400))
        k = int(rng.integers(1, 6))
        tests.append(_fmt(int(rng.integers(1, n // k + 1)), k, rng.integers(1, 10**9, size=n).tolist()))
    tests.append(_fmt(1, 400, rng.integers(1, 10**9, size=400).tolist()))
    n = 50000
    tests.append(_fmt(n // 2, 2, (rng.permutation(n) + 1).tolist()))  # distinct days, answer late
    tests.append(_fmt(100, 50, (rng.integers(1, 10**9, size=n)).tolist()))
    return tests


PUBLIC_INPUTS = ("5 3 1\n1 10 3 10 2\n", "7 2 3\n7 7 7 7 12 7 7\n")

register_problem(CodeProblem(
    id="bouquet-days", title="Bouquets from the Flower Row", category="binary_search", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
