"""Point assignments and range sums: a Fenwick (binary indexed) tree."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A library has n shelves in a row; shelf i initially holds a_i books. The
librarian processes q operations in order:
  "S i x": shelf i now holds exactly x books;
  "Q l r": report the total number of books on shelves l, l+1, ..., r.

Input
The first line holds n and q. The second line holds a_1 ... a_n. Each of the
next q lines holds one operation.

Output
For every "Q" operation, print the total on its own line.

Constraints
1 <= n <= 100000
1 <= q <= 50000
0 <= a_i, x <= 1000000000
1 <= i <= n, 1 <= l <= r <= n
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    a = [0] + [int(x) for x in data[2:2 + n]]
    tree = a[:]
    for i in range(1, n + 1):  # O(n) Fenwick construction
        j = i + (i & -i)
        if j <= n:
            tree[j] += tree[i]
    out = []
    pos = 2 + n
    for _ in range(q):
        op = data[pos]; x = int(data[pos + 1]); y = int(data[pos + 2]); pos += 3
        if op == b"S":
            d = y - a[x]
            a[x] = y
            while x <= n:
                tree[x] += d
                x += x & -x
        else:
            s = 0
            while y:
                s += tree[y]
                y &= y - 1
            x -= 1
            while x:
                s -= tree[x]
                x &= x - 1
            out.append(s)
    sys.stdout.write("\n".join(map(str, out)) + ("\n" if out else ""))

main()
'''

# Sums the range directly: O(n) per question.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
a = [int(x) for x in data[2:2 + n]]
out = []
pos = 2 + n
for _ in range(q):
    op = data[pos]; x = int(data[pos + 1]); y = int(data[pos + 2]); pos += 3
    if op == b"S":
        a[x - 1] = y
    else:
        out.append(sum(a[x - 1:y]))
print("\n".join(map(str, out)))
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, q: int, hi: int, wide: bool = False) -> str:
    a = rng.integers(0, hi + 1, size=n)
    is_set = rng.random(q) < 0.5
    idx = rng.integers(1, n + 1, size=q)
    val = rng.integers(0, hi + 1, size=q)
    if wide:
        l = rng.integers(1, n // 10 + 2, size=q)
        r = rng.integers(n - n // 10, n + 1, size=q)
    else:
        l = rng.integers(1, n + 1, size=q)
        r = rng.integers(1, n + 1, size=q)
        l, r = np.minimum(l, r), np.maximum(l, r)
    ops = [f"S {i} {v}" if s else f"Q {x} {y}"
           for s, i, v, x, y in zip(is_set.tolist(), idx.tolist(), val.tolist(), l.tolist(), r.tolist())]
    return "\n".join([f"{n} {q}", " ".join(map(str, a.tolist()))] + ops) + "\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1\n5\nQ 1 1\n", "1 2\n5\nS 1 0\nQ 1 1\n", "3 1\n1 2 3\nS 2 10\n",
             "3 3\n1000000000 1000000000 1000000000\nQ 1 3\nS 3 0\nQ 2 3\n"]
    for _ in range(10):
        tests.append(_case(rng, int(rng.integers(1, 15)), int(rng.integers(1, 20)), 9))
    for _ in range(4):
        tests.append(_case(rng, int(rng.integers(200, 800)), int(rng.integers(200, 800)), 10**9))
    tests.append(_case(rng, 800, 800, 10**9, wide=True))
    tests.append(_case(rng, 100000, 50000, 10**9, wide=True))
    tests.append(_case(rng, 100000, 50000, 1000))
    return tests


PUBLIC_INPUTS = ("5 5\n3 1 4 1 5\nQ 1 5\nS 2 7\nQ 1 2\nS 5 0\nQ 3 5\n",)

register_problem(CodeProblem(
    id="shelf-counts", title="Books on the Shelves", category="data_structures", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
