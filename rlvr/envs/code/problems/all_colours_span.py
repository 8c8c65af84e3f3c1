"""Shortest stretch of road covering every colour: sort by position, then a counting window."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
Along a straight promenade stand n lanterns; lantern i is at coordinate x_i and
glows in colour c_i, one of K colours numbered 1 to K. Several lanterns may
stand at the same coordinate. A photographer wants to frame a stretch of the
promenade [L, R] that contains at least one lantern of every colour. Find the
smallest possible length R - L. Every colour 1..K occurs at least once.

Input
The first line holds n and K. Each of the next n lines holds x_i and c_i.

Output
Print the minimum value of R - L.

Constraints
1 <= K <= n <= 100000
0 <= x_i <= 1000000000
1 <= c_i <= K
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    pts = sorted(zip(map(int, data[2:2 * n + 2:2]), map(int, data[3:2 * n + 3:2])))
    cnt = [0] * (k + 1)
    have = 0
    left = 0
    best = 10**18
    for right in range(n):
        xr, cr = pts[right]
        if cnt[cr] == 0:
            have += 1
        cnt[cr] += 1
        while have == k:
            xl, cl = pts[left]
            if xr - xl < best:
                best = xr - xl
            cnt[cl] -= 1
            if cnt[cl] == 0:
                have -= 1
            left += 1
    print(best)

main()
'''

# For every left lantern, walks right until all colours are seen: O(n^2) for many colours.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, k = int(data[0]), int(data[1])
pts = sorted(zip(map(int, data[2:2 * n + 2:2]), map(int, data[3:2 * n + 3:2])))
best = None
for l in range(n):
    seen = set()
    for r in range(l, n):
        seen.add(pts[r][1])
        if len(seen) == k:
            d = pts[r][0] - pts[l][0]
            if best is None or d < best:
                best = d
            break
print(best)
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, k: int, span: int) -> str:
    x = rng.integers(0, span + 1, size=n)
    c = np.concatenate([np.arange(1, k + 1), rng.integers(1, k + 1, size=n - k)])
    rng.shuffle(c)
    return f"{n} {k}\n" + "".join(f"{a} {b}\n" for a, b in zip(x.tolist(), c.tolist()))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1\n5 1\n", "2 2\n0 1\n1000000000 2\n", "3 2\n5 1\n5 2\n5 1\n", "4 2\n1 1\n2 1\n3 1\n10 2\n",
             "5 3\n1 1\n4 2\n6 3\n7 1\n9 2\n"]
    for _ in range(10):
        n = int(rng.integers(1, 20))
        tests.append(_case(rng, n, int(rng.integers(1, min(n, 4) + 1)), 30))
    for _ in range(4):
        n = int(rng.integers(200, 700))
        tests.append(_case(rng, n, int(rng.integers(1, n // 2)), 10**9))
    tests.append(_case(rng, 700, 700, 10**6))
    n = 100000
    tests.append(_case(rng, n, n // 2, 10**9))
    tests.append(_case(rng, n, 1000, 10**9))
    return tests


PUBLIC_INPUTS = ("5 3\n1 1\n4 2\n6 3\n7 1\n9 2\n", "3 2\n5 1\n5 2\n5 1\n")

register_problem(CodeProblem(
    id="all-colours-span", title="Every Lantern Colour", category="two_pointers", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
