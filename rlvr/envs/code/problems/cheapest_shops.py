"""Range minimum with its multiplicity under point updates: an iterative segment tree."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
n shops stand along a street, numbered 1 to n; shop i sells bread at price
p_i. Prices change and shoppers ask questions, q events in total, in order:
  "U i x": shop i changes its price to x;
  "C l r": among shops l, l+1, ..., r, what is the lowest price, and how many
           of these shops offer exactly that price?

Input
The first line holds n and q. The second line holds p_1 ... p_n. Each of the
next q lines holds one event.

Output
For every "C" event print two integers on one line: the lowest price in the
range and the number of shops in the range with that price.

Constraints
1 <= n <= 100000
1 <= q <= 50000
1 <= p_i, x <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    size = 1
    while size < n:
        size *= 2
    INF = 1 << 62
    mn = [INF] * (2 * size)
    ct = [0] * (2 * size)
    mn[size:size + n] = map(int, data[2:2 + n])
    ct[size:size + n] = [1] * n
    for i in range(size - 1, 0, -1):
        a, b = mn[2 * i], mn[2 * i + 1]
        if a < b:
            mn[i] = a; ct[i] = ct[2 * i]
        elif b < a:
            mn[i] = b; ct[i] = ct[2 * i + 1]
        else:
            mn[i] = a; ct[i] = ct[2 * i] + ct[2 * i + 1]
    out = []
    pos = 2 + n
    for _ in range(q):
        op = data[pos]; x = int(data[pos + 1]); y = int(data[pos + 2]); pos += 3
        if op == b"U":
            i = x - 1 + size
            mn[i] = y
            i >>= 1
            while i:
                a, b = mn[2 * i], mn[2 * i + 1]
                if a < b:
                    mn[i] = a; ct[i] = ct[2 * i]
                elif b < a:
                    mn[i] = b; ct[i] = ct[2 * i + 1]
                else:
                    mn[i] = a; ct[i] = ct[2 * i] + ct[2 * i + 1]
                i >>= 1
        else:
            lo = x - 1 + size
            hi = y + size
            best = INF
            cnt = 0
            while lo < hi:
                if lo & 1:
                    v = mn[lo]
                    if v < best:
                        best = v; cnt = ct[lo]
                    elif v == best:
                        cnt += ct[lo]
                    lo += 1
                if hi & 1:
                    hi -= 1
                    v = mn[hi]
                    if v < best:
                        best = v; cnt = ct[hi]
                    elif v == best:
                        cnt += ct[hi]
                lo >>= 1
                hi >>= 1
            out.append(f"{best} {cnt}")
    sys.stdout.write("\n".join(out) + ("\n" if out else ""))

main()
'''

# Scans the range for every question: O(n) each.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
p = [int(x) for x in data[2:2 + n]]
out = []
pos = 2 + n
for _ in range(q):
    op = data[pos]; x = int(data[pos + 1]); y = int(data[pos + 2]); pos += 3
    if op == b"U":
        p[x - 1] = y
    else:
        part = p[x - 1:y]
        m = min(part)
        out.append(f"{m} {part.count(m)}")
print("\n".join(out))
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, q: int, hi: int, wide: bool = False) -> str:
    p = rng.integers(1, hi + 1, size=n)
    upd = rng.random(q) < 0.4
    idx = rng.integers(1, n + 1, size=q)
    val = rng.integers(1, hi + 1, size=q)
    if wide:
        l = rng.integers(1, n // 10 + 2, size=q)
        r = rng.integers(n - n // 10, n + 1, size=q)
    else:
        l = rng.integers(1, n + 1, size=q)
        r = rng.integers(1, n + 1, size=q)
        l, r = np.minimum(l, r), np.maximum(l, r)
    ops = [f"U {i} {v}" if u else f"C {x} {y}"
           for u, i, v, x, y in zip(upd.tolist(), idx.tolist(), val.tolist(), l.tolist(), r.tolist())]
    return "\n".join([f"{n} {q}", " ".join(map(str, p.tolist()))] + ops) + "\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1\n5\nC 1 1\n", "3 3\n2 2 2\nC 1 3\nU 2 1\nC 1 3\n", "2 2\n1000000000 1\nU 2 1000000000\nC 1 2\n"]
    for _ in range(10):
        tests.append(_case(rng, int(rng.integers(1, 15)), int(rng.integers(1, 20)), 4))
    for _ in range(4):
        tests.append(_case(rng, int(rng.integers(200, 800)), int(rng.integers(200, 800)), int(rng.choice([10, 10**9]))))
    tests.append(_case(rng, 800, 800, 3, wide=True))
    tests.append(_case(rng, 100000, 50000, 10**9, wide=True))
    tests.append(_case(rng, 100000, 50000, 5, wide=True))
    return tests


PUBLIC_INPUTS = ("5 4\n4 2 7 2 9\nC 1 5\nU 4 5\nC 1 5\nC 3 5\n",)

register_problem(CodeProblem(
    id="cheapest-shops", title="Cheapest Bread on the Street", category="data_structures", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
