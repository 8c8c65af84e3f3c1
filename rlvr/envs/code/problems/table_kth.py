"""k-th smallest entry of an n x m multiplication table: binary search on the value."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A teacher writes a multiplication table with n rows and m columns on a huge
board: the cell in row i and column j holds i * j. She then copies all n * m
numbers into one list sorted in non-decreasing order (equal numbers appear as
often as they occur in the table). Which number stands at position k of that
list (1-based)?

Input
One line with three integers n, m and k.

Output
Print the k-th smallest number of the table.

Constraints
1 <= n, m <= 50000
1 <= k <= n * m
"""

REFERENCE = r'''
import sys

def main():
    n, m, k = map(int, sys.stdin.buffer.read().split()[:3])
    if n > m:
        n, m = m, n

    def count_le(x):
        # rows i <= x // m are full; the others hold x // i entries <= x
        full = min(n, x // m)
        c = full * m
        for i in range(full + 1, min(n, x) + 1):
            c += x // i
        return c

    lo, hi = 1, n * m
    while lo < hi:
        mid = (lo + hi) // 2
        if count_le(mid) >= k:
            hi = mid
        else:
            lo = mid + 1
    print(lo)

main()
'''

# Merges the rows with a heap and pops k entries: O(k log n).
NAIVE = r'''
import sys
import heapq
n, m, k = map(int, sys.stdin.buffer.read().split()[:3])
h = [(i, i, 1) for i in range(1, n + 1)]
heapq.heapify(h)
for _ in range(k):
    v, i, j = heapq.heappop(h)
    if j < m:
        heapq.heappush(h, (v + i, i, j + 1))
print(v)
'''

LARGE_TESTS = 3


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1 1\n", "1 5 3\n", "5 1 5\n", "3 3 5\n", "3 3 9\n", "2 3 6\n", "4 4 1\n"]
    for _ in range(8):
        n, m = int(rng.integers(1, 30)), int(rng.integers(1, 30))
        tests.append(f"{n} {m} {int(rng.integers(1, n * m + 1))}\n")
    for _ in range(3):
        n, m = int(rng.integers(100, 300)), int(rng.integers(100, 300))
        tests.append(f"{n} {m} {int(rng.integers(1, n * m + 1))}\n")
    tests.append("50000 50000 2500000000\n")
    tests.append(f"50000 50000 {int(rng.integers(10**9, 2 * 10**9))}\n")
    tests.append(f"50000 37 {int(rng.integers(900000, 1850000))}\n")
    return tests


PUBLIC_INPUTS = ("3 3 5\n", "2 3 6\n")

register_problem(CodeProblem(
    id="table-kth", title="The Sorted Multiplication Table", category="binary_search", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
