"""k-th smallest pairwise distance: binary search on the distance, count pairs with two pointers."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A birdwatcher noted the positions of n birds sitting on a long wire: x_1, ...,
x_n (several birds may sit at the same point). For each of the n(n-1)/2 pairs
of birds she computes the distance |x_i - x_j|. If all these distances are
sorted in non-decreasing order, which one is the k-th (1-based)?

Input
The first line holds n and k. The second line holds x_1 ... x_n.

Output
Print the k-th smallest pairwise distance.

Constraints
2 <= n <= 50000
1 <= k <= n(n-1)/2
0 <= x_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    x = sorted(map(int, data[2:2 + n]))

    def pairs_within(d):
        c = 0
        i = 0
        for j in range(n):
            v = x[j] - d
            while x[i] < v:
                i += 1
            c += j - i
        return c

    lo, hi = 0, x[-1] - x[0]
    while lo < hi:
        mid = (lo + hi) // 2
        if pairs_within(mid) >= k:
            hi = mid
        else:
            lo = mid + 1
    print(lo)

main()
'''

# The same binary search, but counts the pairs one by one: O(n^2 log V).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, k = int(data[0]), int(data[1])
x = list(map(int, data[2:2 + n]))
lo, hi = 0, max(x) - min(x)
while lo < hi:
    mid = (lo + hi) // 2
    c = 0
    for i in range(n):
        xi = x[i]
        for j in range(i + 1, n):
            if abs(xi - x[j]) <= mid:
                c += 1
    if c >= k:
        hi = mid
    else:
        lo = mid + 1
print(lo)
'''

LARGE_TESTS = 2


def _fmt(k: int, x) -> str:
    return f"{len(x)} {k}\n{' '.join(map(str, x))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(1, [0, 10**9]), _fmt(1, [5, 5]), _fmt(3, [1, 3, 1]), _fmt(1, [1, 3, 1]), _fmt(6, [1, 2, 3, 4]),
             _fmt(10, [7] * 5)]
    for _ in range(9):
        n = int(rng.integers(2, 20))
        tests.append(_fmt(int(rng.integers(1, n * (n - 1) // 2 + 1)), rng.integers(0, 30, size=n).tolist()))
    for _ in range(4):
        n = int(rng.integers(60, 150))
        tests.append(_fmt(int(rng.integers(1, n * (n - 1) // 2 + 1)), rng.integers(0, 10**9 + 1, size=n).tolist()))
    tests.append(_fmt(150 * 149 // 2, rng.integers(0, 10**9 + 1, size=150).tolist()))
    n = 50000
    tests.append(_fmt(int(rng.integers(1, n * (n - 1) // 2 + 1)), rng.integers(0, 10**9 + 1, size=n).tolist()))
    tests.append(_fmt(n * (n - 1) // 4, rng.integers(0, 10**6, size=n).tolist()))
    return tests


PUBLIC_INPUTS = ("3 1\n1 3 1\n", "4 5\n1 2 3 4\n")

register_problem(CodeProblem(
    id="kth-pair-gap", title="Birds on a Wire", category="binary_search", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
