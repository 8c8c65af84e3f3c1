"""Shortest path in a grid maze: breadth-first search."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A mouse is lost in a rectangular maze of n rows and m columns. Each cell is a
wall '#', a free cell '.', the mouse's start 'S' or the cheese 'E' (exactly one
of each). In one step the mouse moves to a free cell (or the cheese) that
shares a side with its current cell; it cannot leave the grid. What is the
least number of steps to reach the cheese?

Input
The first line holds n and m. Each of the next n lines holds a string of m
characters from '#', '.', 'S', 'E'.

Output
Print the minimum number of steps, or -1 if the cheese cannot be reached.

Constraints
1 <= n, m <= 400
n * m >= 2
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    W = m + 2
    grid = bytearray(b"#" * (W * (n + 2)))  # padded with walls
    for i in range(n):
        grid[(i + 1) * W + 1:(i + 1) * W + 1 + m] = data[2 + i]
    s = grid.index(b"S"); e = grid.index(b"E")
    dist = [-1] * len(grid)
    dist[s] = 0
    frontier = [s]
    wall = 35  # ord('#')
    d = 0
    while frontier:
        d += 1
        nxt = []
        for c in frontier:
            for nb in (c - 1, c + 1, c - W, c + W):
                if dist[nb] < 0 and grid[nb] != wall:
                    dist[nb] = d
                    if nb == e:
                        print(d)
                        return
                    nxt.append(nb)
        frontier = nxt
    print(-1)

main()
'''

# Relaxes every cell in row-major sweeps until nothing changes: O(cells^2) on winding mazes.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
g = [row.decode() for row in data[2:2 + n]]
INF = 10**9
dist = [[INF] * m for _ in range(n)]
for i in range(n):
    for j in range(m):
        if g[i][j] == "S":
            dist[i][j] = 0
        if g[i][j] == "E":
            ei, ej = i, j
changed = True
while changed:
    changed = False
    for i in range(n):
        for j in range(m):
            if g[i][j] == "#":
                continue
            best = dist[i][j]
            for a, b in ((i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1)):
                if 0 <= a < n and 0 <= b < m and dist[a][b] + 1 < best:
                    best = dist[a][b] + 1
            if best < dist[i][j]:
                dist[i][j] = best
                changed = True
print(dist[ei][ej] if dist[ei][ej] < INF else -1)
'''

LARGE_TESTS = 3


def _place(rng: np.random.Generator, g: np.ndarray, s=None, e=None) -> str:
    free = np.argwhere(g == ".")
    if s is None:
        idx = rng.choice(len(free), size=2, replace=False)
        s, e = tuple(free[idx[0]]), tuple(free[idx[1]])
    g[s] = "S"
    g[e] = "E"
    n, m = g.shape
    return f"{n} {m}\n" + "\n".join("".join(row) for row in g.tolist()) + "\n"


def _random(rng: np.random.Generator, n: int, m: int, p: float) -> str:
    g = np.where(rng.random((n, m)) < p, "#", ".")
    if (g == ".").sum() < 2:
        g[0, 0] = "."
        g[-1, -1] = "."
    return _place(rng, g)


def _serpentine(rng: np.random.Generator, n: int, m: int) -> str:
    """Walls on every other row with a gap alternating between the ends: one long corridor."""
    g = np.full((n, m), ".")
    for i in range(1, n, 2):
        g[i, :] = "#"
        g[i, m - 1 if (i // 2) % 2 == 0 else 0] = "."
    end = (n - 1, 0) if ((n - 1) // 2) % 2 == 1 else (n - 1, m - 1)
    return _place(rng, g, (0, 0), end)


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 2\nSE\n", "1 3\nS#E\n", "2 2\nS#\n#E\n", "3 3\nS..\n.#.\n..E\n", "1 5\nE...S\n"]
    for _ in range(9):
        n, m = int(rng.integers(1, 10)), int(rng.integers(2, 10))
        tests.append(_random(rng, n, m, float(rng.choice([0.1, 0.3, 0.45]))))
    for _ in range(4):
        tests.append(_random(rng, int(rng.integers(20, 40)), int(rng.integers(20, 40)), 0.3))
    tests.append(_serpentine(rng, 21, 30))
    tests.append(_random(rng, 400, 400, 0.25))
    tests.append(_serpentine(rng, 399, 400))
    tests.append(_random(rng, 400, 400, 0.05))
    return tests


PUBLIC_INPUTS = ("3 4\nS.#.\n.##E\n....\n", "2 2\nS#\n#E\n")

register_problem(CodeProblem(
    id="maze-escape", title="The Mouse and the Cheese", category="graphs", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
