"""Smallest truck capacity shipping parcels in order within D days: binary search on the answer."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
n parcels wait on a conveyor belt in a fixed order; parcel i weighs w_i. Every
day one truck takes parcels from the front of the belt, in order, as long as
the total weight loaded that day does not exceed the truck's capacity C (a
parcel is never split or skipped). All parcels must be shipped within D days.
What is the smallest integer capacity C that makes this possible?

Input
The first line holds n and D. The second line holds w_1 ... w_n.

Output
Print the minimum capacity C.

Constraints
1 <= D <= n <= 50000
1 <= w_i <= 10000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, d = int(data[0]), int(data[1])
    w = list(map(int, data[2:2 + n]))

    def days_needed(cap):
        days = 1
        cur = 0
        for x in w:
            cur += x
            if cur > cap:
                days += 1
                cur = x
                if days > d:
                    return days
        return days

    lo, hi = max(w), sum(w)
    while lo < hi:
        mid = (lo + hi) // 2
        if days_needed(mid) <= d:
            hi = mid
        else:
            lo = mid + 1
    print(lo)

main()
'''

# Tries every capacity upwards from the heaviest parcel.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, d = int(data[0]), int(data[1])
w = list(map(int, data[2:2 + n]))
cap = max(w)
while True:
    days, cur = 1, 0
    for x in w:
        if cur + x > cap:
            days += 1
            cur = 0
        cur += x
    if days <= d:
        break
    cap += 1
print(cap)
'''

LARGE_TESTS = 2


def _fmt(d: int, w) -> str:
    return f"{len(w)} {d}\n{' '.join(map(str, w))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(1, [7]), _fmt(1, [1, 2, 3]), _fmt(3, [1, 2, 3]), _fmt(2, [10000] * 4),
             _fmt(5, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
             _fmt(2, [3, 2, 2, 4, 1, 4])]
    for _ in range(9):
        n = int(rng.integers(1, 20))
        tests.append(_fmt(int(rng.integers(1, n + 1)), rng.integers(1, 10, size=n).tolist()))
    for _ in range(4):
        n = int(rng.integers(100, 300))
        tests.append(_fmt(int(rng.integers(max(1, n // 4), n + 1)), rng.integers(1, 100, size=n).tolist()))
    tests.append(_fmt(300, [10000] * 300))
    n = 50000
    tests.append(_fmt(3, rng.integers(1, 10001, size=n).tolist()))  # the answer is far above max(w)
    tests.append(_fmt(1000, rng.integers(1, 10001, size=n).tolist()))
    return tests


PUBLIC_INPUTS = ("10 5\n1 2 3 4 5 6 7 8 9 10\n", "6 3\n3 2 2 4 1 4\n")

register_problem(CodeProblem(
    id="parcel-truck", title="One Truck a Day", category="binary_search", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
