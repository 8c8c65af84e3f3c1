"""Read a matrix in clockwise spiral order (pure implementation)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A museum guard patrols a rectangular hall of display cases arranged in n rows
and m columns; case (i, j) holds exhibit number e[i][j]. She starts at the
top-left case, walks right along the top row, then down the rightmost column,
then left along the bottom row, then up the leftmost column, and continues
inwards in the same clockwise spiral, never visiting a case twice, until she
has seen every case. List the exhibits in the order she sees them.

Input
The first line holds n and m. The next n lines hold m integers each.

Output
Print the n * m exhibit numbers on one line, in visiting order.

Constraints
1 <= n, m <= 400
0 <= e[i][j] <= 1000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    g = [data[2 + i * m:2 + (i + 1) * m] for i in range(n)]
    top, bottom, left, right = 0, n - 1, 0, m - 1
    out = []
    while top <= bottom and left <= right:
        out.extend(g[top][left:right + 1])
        for i in range(top + 1, bottom + 1):
            out.append(g[i][right])
        if top < bottom:
            out.extend(reversed(g[bottom][left:right]))
        if left < right:
            for i in range(bottom - 1, top, -1):
                out.append(g[i][left])
        top += 1; bottom -= 1; left += 1; right -= 1
    sys.stdout.write(b" ".join(out).decode() + "\n")

main()
'''

# A linear-time walk is the natural solution; any correct program reads all n * m numbers
# anyway, so there is no meaningfully slower correct program to keep.
NAIVE = None

LARGE_TESTS = 3


def _case(rng: np.random.Generator, n: int, m: int, hi: int = 10**6) -> str:
    g = rng.integers(0, hi + 1, size=(n, m))
    return f"{n} {m}\n" + "\n".join(" ".join(map(str, row)) for row in g.tolist()) + "\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1\n5\n", "1 4\n1 2 3 4\n", "4 1\n1\n2\n3\n4\n", "2 2\n1 2\n3 4\n", "3 3\n1 2 3\n4 5 6\n7 8 9\n",
             "3 4\n1 2 3 4\n5 6 7 8\n9 10 11 12\n", "4 3\n1 2 3\n4 5 6\n7 8 9\n10 11 12\n"]
    for _ in range(9):
        tests.append(_case(rng, int(rng.integers(1, 9)), int(rng.integers(1, 9)), 99))
    for _ in range(3):
        tests.append(_case(rng, int(rng.integers(20, 100)), int(rng.integers(20, 100))))
    tests.append(_case(rng, 400, 400, 999))
    tests.append(_case(rng, 400, 399, 10**6))
    tests.append(_case(rng, 1, 400))
    return tests


PUBLIC_INPUTS = ("3 4\n1 2 3 4\n5 6 7 8\n9 10 11 12\n",)

register_problem(CodeProblem(
    id="spiral-walk", title="The Guard's Spiral Patrol", category="implementation", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
