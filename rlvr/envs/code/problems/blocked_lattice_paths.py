"""Monotone lattice paths avoiding k blocked cells: inclusion-exclusion over sorted blocks, O(k^2)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A city is a grid of H rows and W columns of blocks. A courier starts at the
top-left corner cell (1, 1) and must reach the bottom-right cell (H, W),
moving only one cell down or one cell right at a time. k cells are closed for
road works and may not be entered. How many different routes are there?
Print the answer modulo 1000000007.

Input
The first line holds H, W and k. Each of the next k lines holds a closed cell
r c (row and column). Closed cells are distinct and are neither (1, 1) nor
(H, W).

Output
Print the number of routes modulo 1000000007.

Constraints
1 <= H, W <= 100000
0 <= k <= 1000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    H, W, k = int(data[0]), int(data[1]), int(data[2])
    MOD = 10**9 + 7
    N = H + W
    fact = [1] * (N + 1)
    for i in range(1, N + 1):
        fact[i] = fact[i - 1] * i % MOD
    inv = [1] * (N + 1)
    inv[N] = pow(fact[N], MOD - 2, MOD)
    for i in range(N, 0, -1):
        inv[i - 1] = inv[i] * i % MOD

    def paths(dr, dc):
        return fact[dr + dc] * inv[dr] % MOD * inv[dc] % MOD

    cells = sorted((int(data[3 + 2 * i]), int(data[4 + 2 * i])) for i in range(k))
    cells.append((H, W))
    ways = []  # ways[i]: routes from the start to cell i that touch no earlier closed cell
    for i, (r, c) in enumerate(cells):
        w = paths(r - 1, c - 1)
        for j in range(i):
            rj, cj = cells[j]
            if cj <= c and rj <= r:
                w -= ways[j] * paths(r - rj, c - cj)
        ways.append(w % MOD)
    print(ways[-1])

main()
'''

# Dynamic programming over every cell of the grid: O(H * W).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
H, W, k = int(data[0]), int(data[1]), int(data[2])
MOD = 10**9 + 7
closed = set((int(data[3 + 2 * i]), int(data[4 + 2 * i])) for i in range(k))
row = [0] * (W + 1)
row[1] = 1
for r in range(1, H + 1):
    for c in range(1, W + 1):
        if (r, c) in closed:
            row[c] = 0
        elif r > 1 or c > 1:
            row[c] = (row[c] + row[c - 1]) % MOD
print(row[W])
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, H: int, W: int, k: int) -> str:
    k = min(k, H * W - 2)
    chosen = set()
    while len(chosen) < k:
        r, c = int(rng.integers(1, H + 1)), int(rng.integers(1, W + 1))
        if (r, c) not in ((1, 1), (H, W)):
            chosen.add((r, c))
    cells = sorted(chosen)
    order = rng.permutation(len(cells))
    return f"{H} {W} {k}\n" + "".join(f"{cells[i][0]} {cells[i][1]}\n" for i in order)


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1 0\n", "1 5 0\n", "2 2 0\n", "2 2 1\n1 2\n", "2 2 2\n1 2\n2 1\n", "3 4 2\n2 2\n1 4\n",
             "100000 1 0\n"]
    for _ in range(8):
        H, W = int(rng.integers(1, 8)), int(rng.integers(1, 8))
        tests.append(_case(rng, H, W, int(rng.integers(0, 6))))
    for _ in range(4):
        H, W = int(rng.integers(20, 60)), int(rng.integers(20, 60))
        tests.append(_case(rng, H, W, int(rng.integers(10, 200))))
    tests.append(_case(rng, 60, 60, 1000))
    tests.append(_case(rng, 100000, 100000, 1000))
    tests.append(_case(rng, 3000, 100000, 1000))
    return tests


PUBLIC_INPUTS = ("3 4 2\n2 2\n1 4\n", "2 2 2\n1 2\n2 1\n")

register_problem(CodeProblem(
    id="blocked-lattice-paths", title="Routes Around Road Works", category="math", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.5,
))
