"""Count monotone paths through a grid with blocked cells: row-by-row DP."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A robot harvester starts in the top-left cell of a field of n rows and m
columns and must reach the bottom-right cell. It only moves one cell right or
one cell down at a time and cannot enter cells with rocks ('#'); free cells are
'.'. How many different routes are there? Print the count modulo 1000000007
(0 if the start or the goal is a rock).

Input
The first line holds n and m. Each of the next n lines holds m characters.

Output
Print the number of routes modulo 1000000007.

Constraints
1 <= n, m <= 500
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    MOD = 10**9 + 7
    row = [0] * m
    row[0] = 1
    for i in range(n):
        g = data[2 + i]
        left = 0
        for j in range(m):
            if g[j] == 35:  # '#'
                left = 0
            else:
                left = (row[j] + left) % MOD
            row[j] = left
    print(row[m - 1])

main()
'''

# Walks every route one by one (explicit stack): exponential in the grid size.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
g = [row.decode() for row in data[2:2 + n]]
count = 0
stack = [(0, 0)] if g[0][0] == "." else []
while stack:
    i, j = stack.pop()
    if i == n - 1 and j == m - 1:
        count += 1
        continue
    if i + 1 < n and g[i + 1][j] == ".":
        stack.append((i + 1, j))
    if j + 1 < m and g[i][j + 1] == ".":
        stack.append((i, j + 1))
print(count % (10**9 + 7))
'''

LARGE_TESTS = 2


def _fmt(g: np.ndarray) -> str:
    n, m = g.shape
    return f"{n} {m}\n" + "\n".join("".join(row) for row in g.tolist()) + "\n"


def _random(rng: np.random.Generator, n: int, m: int, p: float) -> str:
    g = np.where(rng.random((n, m)) < p, "#", ".")
    if rng.random() < 0.9:
        g[0, 0] = g[-1, -1] = "."
    return _fmt(g)


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1\n.\n", "1 1\n#\n", "2 2\n..\n..\n", "2 2\n.#\n#.\n", "3 3\n...\n.#.\n...\n", "1 5\n.....\n",
             "2 3\n...\n..#\n"]
    for _ in range(11):
        n, m = int(rng.integers(1, 10)), int(rng.integers(1, 10))
        tests.append(_random(rng, n, m, float(rng.choice([0.0, 0.1, 0.3]))))
    tests.append(_random(rng, 500, 500, 0.0))
    tests.append(_random(rng, 500, 500, 0.05))
    return tests


PUBLIC_INPUTS = ("3 3\n...\n.#.\n...\n", "2 2\n.#\n#.\n")

register_problem(CodeProblem(
    id="orchard-paths", title="The Harvester's Routes", category="dp", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
