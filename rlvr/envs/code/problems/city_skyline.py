"""The skyline outline of rectangular buildings: a sweep with a lazy-deletion max-heap."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
Seen from far away, a city is a set of n rectangular buildings standing on a
common ground line. Building i covers the horizontal range [l_i, r_i) and has
height h_i. The skyline height at coordinate x is the largest h_i over the
buildings with l_i <= x < r_i, or 0 if there is none. Describe the skyline by
its key points: the coordinates x where the skyline height changes, together
with the new height, from left to right.

Input
The first line holds n. Each of the next n lines holds l_i, r_i and h_i.

Output
On the first line print k, the number of key points. Then print k lines
"x h": at coordinate x the skyline height becomes h (h differs from the
height just left of x). The last key point always has h = 0.

Constraints
1 <= n <= 50000
0 <= l_i < r_i <= 1000000000
1 <= h_i <= 1000000000
"""

REFERENCE = r'''
import sys
import heapq

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    L = list(map(int, data[1:3 * n + 1:3]))
    R = list(map(int, data[2:3 * n + 2:3]))
    H = list(map(int, data[3:3 * n + 3:3]))
    order = sorted(range(n), key=L.__getitem__)
    xs = sorted(set(L) | set(R))
    heap = []  # (-height, right end)
    out = []
    cur = 0
    j = 0
    push, pop = heapq.heappush, heapq.heappop
    for x in xs:
        while j < n and L[order[j]] == x:
            b = order[j]
            push(heap, (-H[b], R[b]))
            j += 1
        while heap and heap[0][1] <= x:
            pop(heap)
        h = -heap[0][0] if heap else 0
        if h != cur:
            out.append(f"{x} {h}")
            cur = h
    sys.stdout.write(f"{len(out)}\n" + "\n".join(out) + "\n")

main()
'''

# Paints every building onto the compressed coordinates: O(n * k).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
b = [(int(data[1 + 3 * i]), int(data[2 + 3 * i]), int(data[3 + 3 * i])) for i in range(n)]
xs = sorted(set(x for l, r, h in b for x in (l, r)))
idx = {x: i for i, x in enumerate(xs)}
height = [0] * len(xs)
for l, r, h in b:
    for i in range(idx[l], idx[r]):
        if height[i] < h:
            height[i] = h
out = []
cur = 0
for i, x in enumerate(xs):
    if height[i] != cur:
        out.append(f"{x} {height[i]}")
        cur = height[i]
print(len(out))
print("\n".join(out))
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, span: int, maxw: int, hmax: int) -> str:
    l = rng.integers(0, span, size=n)
    r = np.minimum(l + rng.integers(1, maxw + 1, size=n), 10**9)
    h = rng.integers(1, hmax + 1, size=n)
    return f"{n}\n" + "".join(f"{a} {b} {c}\n" for a, b, c in zip(l.tolist(), r.tolist(), h.tolist()))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1\n0 1000000000 1000000000\n", "2\n0 2 5\n2 4 5\n", "2\n0 5 3\n1 2 7\n", "2\n1 3 4\n1 3 4\n",
             "3\n2 9 10\n3 7 15\n5 12 12\n", "2\n0 1 1\n5 6 1\n"]
    for _ in range(9):
        tests.append(_case(rng, int(rng.integers(1, 12)), 20, int(rng.integers(1, 10)), int(rng.choice([1, 3, 10]))))
    for _ in range(4):
        tests.append(_case(rng, int(rng.integers(100, 400)), 10**6, int(rng.choice([100, 10**5])), 10**9))
    tests.append(_case(rng, 400, 1000, 1000, 1000))
    n = 50000
    tests.append(_case(rng, n, 10**9 - 10**8, 10**8, 10**9))  # wide buildings: long paint runs
    tests.append(_case(rng, n, 10**9 - 10**7, 10**7, 1000))
    return tests


PUBLIC_INPUTS = ("3\n2 9 10\n3 7 15\n5 12 12\n", "2\n0 2 5\n2 4 5\n")

register_problem(CodeProblem(
    id="city-skyline", title="The City Skyline", category="data_structures", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
