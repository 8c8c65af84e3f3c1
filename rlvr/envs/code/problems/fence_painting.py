"""Range additions applied offline with a difference array."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A fence has n planks numbered 1 to n, all bare at the start. Then q painters
come by one after another; painter j brushes c_j coats of paint onto every plank
from l_j to r_j, inclusive. How many coats does each plank carry at the end?

Input
The first line holds n and q. Each of the next q lines holds three integers
l_j, r_j and c_j.

Output
Print one line with n integers separated by single spaces: the number of coats
on planks 1, 2, ..., n.

Constraints
1 <= n, q <= 100000
1 <= l_j <= r_j <= n
1 <= c_j <= 10000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    diff = [0] * (n + 2)
    pos = 2
    for _ in range(q):
        l = int(data[pos]); r = int(data[pos + 1]); c = int(data[pos + 2]); pos += 3
        diff[l] += c
        diff[r + 1] -= c
    out = []
    s = 0
    for i in range(1, n + 1):
        s += diff[i]
        out.append(s)
    sys.stdout.write(" ".join(map(str, out)) + "\n")

main()
'''

# O(length) per painter.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
a = [0] * (n + 1)
pos = 2
for _ in range(q):
    l = int(data[pos]); r = int(data[pos + 1]); c = int(data[pos + 2]); pos += 3
    for i in range(l, r + 1):
        a[i] += c
print(" ".join(map(str, a[1:])))
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, q: int, wide: bool = False) -> str:
    if wide:
        l = rng.integers(1, max(1, n // 20) + 1, size=q)
        r = rng.integers(n - n // 20, n + 1, size=q)
    else:
        l = rng.integers(1, n + 1, size=q)
        r = rng.integers(1, n + 1, size=q)
        l, r = np.minimum(l, r), np.maximum(l, r)
    c = rng.integers(1, 10001, size=q)
    lines = [f"{n} {q}"] + [f"{x} {y} {z}" for x, y, z in zip(l.tolist(), r.tolist(), c.tolist())]
    return "\n".join(lines) + "\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1\n1 1 10000\n", "3 1\n2 2 5\n", "4 4\n1 4 10000\n1 4 10000\n1 4 10000\n1 4 10000\n"]
    for _ in range(12):
        tests.append(_case(rng, int(rng.integers(1, 25)), int(rng.integers(1, 25))))
    for _ in range(4):
        tests.append(_case(rng, int(rng.integers(200, 800)), int(rng.integers(200, 800))))
    tests.append(_case(rng, 800, 800, wide=True))
    tests.append(_case(rng, 100000, 100000, wide=True))
    tests.append(_case(rng, 100000, 100000))
    return tests


PUBLIC_INPUTS = ("5 3\n1 3 2\n2 5 1\n4 4 7\n",)

register_problem(CodeProblem(
    id="fence-painting", title="Painting the Fence", category="prefix_sums", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
