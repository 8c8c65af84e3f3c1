"""Count 4-connected regions of land: iterative flood fill."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A satellite photo of an archipelago is a grid of n rows and m columns; '#' is
land and '.' is water. Two land cells belong to the same island when they share
a side (diagonal contact does not count), directly or through other land
cells. How many islands are there, and how many cells does the largest one
have?

Input
The first line holds n and m. Each of the next n lines holds m characters,
each '#' or '.'.

Output
Print two integers: the number of islands and the size of the largest island
(0 0 if there is no land).

Constraints
1 <= n, m <= 400
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    W = m + 2
    land = bytearray(W * (n + 2))
    for i in range(n):
        row = data[2 + i]
        base = (i + 1) * W + 1
        for j in range(m):
            if row[j] == 35:
                land[base + j] = 1
    count = 0
    largest = 0
    for start in range(len(land)):
        if not land[start]:
            continue
        count += 1
        land[start] = 0
        stack = [start]
        size = 0
        while stack:
            c = stack.pop()
            size += 1
            for nb in (c - 1, c + 1, c - W, c + W):
                if land[nb]:
                    land[nb] = 0
                    stack.append(nb)
        if size > largest:
            largest = size
    print(count, largest)

main()
'''

# Label propagation: each land cell repeatedly takes the smallest label of its neighbours until
# nothing changes; winding islands need as many sweeps as they are long.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
g = [row.decode() for row in data[2:2 + n]]
lab = [[i * m + j if g[i][j] == "#" else -1 for j in range(m)] for i in range(n)]
changed = True
while changed:
    changed = False
    for i in range(n):
        for j in range(m):
            v = lab[i][j]
            if v < 0:
                continue
            for a, b in ((i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1)):
                if 0 <= a < n and 0 <= b < m and 0 <= lab[a][b] < v:
                    v = lab[a][b]
            if v < lab[i][j]:
                lab[i][j] = v
                changed = True
sizes = {}
for row in lab:
    for v in row:
        if v >= 0:
            sizes[v] = sizes.get(v, 0) + 1
print(len(sizes), max(sizes.values()) if sizes else 0)
'''

LARGE_TESTS = 2


def _fmt(g: np.ndarray) -> str:
    n, m = g.shape
    return f"{n} {m}\n" + "\n".join("".join(row) for row in g.tolist()) + "\n"


def _random(rng: np.random.Generator, n: int, m: int, p: float) -> str:
    return _fmt(np.where(rng.random((n, m)) < p, "#", "."))


def _snake(n: int, m: int) -> str:
    """One long winding island (rows joined alternately at the right and left ends)."""
    g = np.full((n, m), ".")
    g[0::2, :] = "#"
    for i in range(1, n, 2):
        g[i, m - 1 if (i // 2) % 2 == 0 else 0] = "#"
    return _fmt(g)


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1\n.\n", "1 1\n#\n", "2 2\n#.\n.#\n", "3 3\n###\n#.#\n###\n", "1 5\n#.#.#\n"]
    for _ in range(9):
        n, m = int(rng.integers(1, 10)), int(rng.integers(1, 10))
        tests.append(_random(rng, n, m, float(rng.choice([0.3, 0.5, 0.7]))))
    for _ in range(4):
        tests.append(_random(rng, int(rng.integers(20, 40)), int(rng.integers(20, 40)), 0.5))
    tests.append(_snake(25, 30))
    tests.append(_random(rng, 40, 40, 0.0))
    tests.append(_snake(400, 400))
    tests.append(_random(rng, 400, 400, 0.55))
    return tests


PUBLIC_INPUTS = ("4 5\n##..#\n#...#\n..#..\n.....\n",)

register_problem(CodeProblem(
    id="island-count", title="Counting Islands", category="graphs", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
