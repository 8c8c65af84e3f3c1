"""Rectangle sums in a grid with a 2-D prefix-sum table."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
An orchard is planted as a grid of n rows and m columns; the tree in row i,
column j carries v[i][j] apples. The owner asks q questions: how many apples
grow in the rectangle of rows r1..r2 and columns c1..c2 (all bounds inclusive)?

Input
The first line holds n, m and q. The next n lines hold m integers each: the
grid, row by row. Each of the next q lines holds four integers r1 c1 r2 c2.

Output
Print q lines, the number of apples in each queried rectangle.

Constraints
1 <= n, m <= 500
0 <= v[i][j] <= 1000
1 <= q <= 50000
1 <= r1 <= r2 <= n, 1 <= c1 <= c2 <= m
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, m, q = int(data[0]), int(data[1]), int(data[2])
    pre = [[0] * (m + 1)]
    pos = 3
    prev = pre[0]
    for i in range(n):
        row = [0] * (m + 1)
        s = 0
        vals = data[pos:pos + m]
        pos += m
        for j in range(m):
            s += int(vals[j])
            row[j + 1] = prev[j + 1] + s
        pre.append(row)
        prev = row
    out = []
    for _ in range(q):
        r1 = int(data[pos]); c1 = int(data[pos + 1]); r2 = int(data[pos + 2]); c2 = int(data[pos + 3]); pos += 4
        a = pre[r2]; b = pre[r1 - 1]
        out.append(a[c2] - a[c1 - 1] - b[c2] + b[c1 - 1])
    sys.stdout.write("\n".join(map(str, out)) + "\n")

main()
'''

# Sums each rectangle row by row: O(rows) slices per query.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, m, q = int(data[0]), int(data[1]), int(data[2])
pos = 3
g = []
for i in range(n):
    g.append(list(map(int, data[pos:pos + m]))); pos += m
out = []
for _ in range(q):
    r1 = int(data[pos]); c1 = int(data[pos + 1]); r2 = int(data[pos + 2]); c2 = int(data[pos + 3]); pos += 4
    out.append(sum(sum(row[c1 - 1:c2]) for row in g[r1 - 1:r2]))
print("\n".join(map(str, out)))
'''

LARGE_TESTS = 3


def _case(rng: np.random.Generator, n: int, m: int, q: int, hi: int = 1000, big: bool = False) -> str:
    g = rng.integers(0, hi + 1, size=(n, m))
    lines = [f"{n} {m} {q}"] + [" ".join(map(str, row)) for row in g.tolist()]
    if big:
        r1 = rng.integers(1, n // 10 + 2, size=q); r2 = rng.integers(n - n // 10, n + 1, size=q)
        c1 = rng.integers(1, m // 10 + 2, size=q); c2 = rng.integers(m - m // 10, m + 1, size=q)
    else:
        r1 = rng.integers(1, n + 1, size=q); r2 = rng.integers(1, n + 1, size=q)
        c1 = rng.integers(1, m + 1, size=q); c2 = rng.integers(1, m + 1, size=q)
        r1, r2 = np.minimum(r1, r2), np.maximum(r1, r2)
        c1, c2 = np.minimum(c1, c2), np.maximum(c1, c2)
    lines += [f"{a} {b} {c} {d}" for a, b, c, d in zip(r1.tolist(), c1.tolist(), r2.tolist(), c2.tolist())]
    return "\n".join(lines) + "\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1 1\n7\n1 1 1 1\n", "1 5 2\n1 2 3 4 5\n1 1 1 5\n1 2 1 4\n", "3 1 2\n1000\n0\n1000\n1 1 3 1\n2 1 2 1\n"]
    for _ in range(10):
        tests.append(_case(rng, int(rng.integers(1, 8)), int(rng.integers(1, 8)), int(rng.integers(1, 15)), hi=9))
    for _ in range(5):
        tests.append(_case(rng, int(rng.integers(20, 60)), int(rng.integers(20, 60)), int(rng.integers(50, 300))))
    tests.append(_case(rng, 500, 500, 50000, hi=0))
    tests.append(_case(rng, 500, 500, 50000, big=True))
    tests.append(_case(rng, 500, 500, 50000))
    return tests


PUBLIC_INPUTS = ("3 4 3\n1 2 3 4\n5 6 7 8\n9 10 11 12\n1 1 3 4\n2 2 3 3\n1 4 1 4\n",)

register_problem(CodeProblem(
    id="orchard-rectangles", title="Apples in a Rectangle", category="prefix_sums", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
