"""Diameter of a weighted tree: two farthest-node searches."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
n villages are linked by n - 1 roads so that every village can reach every
other one in exactly one way (the road network is a tree). Road i joins
villages u_i and v_i and is w_i kilometres long. The mail service wants to
know the largest distance between any two villages, measured along the roads.

Input
The first line holds n. Each of the next n - 1 lines holds u_i, v_i and w_i.

Output
Print the largest road distance between two villages (0 if n = 1).

Constraints
1 <= n <= 50000
1 <= u_i, v_i <= n
1 <= w_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    adj = [[] for _ in range(n + 1)]
    for i in range(n - 1):
        u = int(data[1 + 3 * i]); v = int(data[2 + 3 * i]); w = int(data[3 + 3 * i])
        adj[u].append((v, w))
        adj[v].append((u, w))

    def farthest(src):
        dist = [-1] * (n + 1)
        dist[src] = 0
        stack = [src]
        while stack:
            u = stack.pop()
            du = dist[u]
            for v, w in adj[u]:
                if dist[v] < 0:
                    dist[v] = du + w
                    stack.append(v)
        best = max(range(1, n + 1), key=dist.__getitem__)
        return best, dist[best]

    a, _ = farthest(1)
    _, d = farthest(a)
    print(d)

main()
'''

# A full search from every village: O(n^2).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
adj = [[] for _ in range(n + 1)]
for i in range(n - 1):
    u = int(data[1 + 3 * i]); v = int(data[2 + 3 * i]); w = int(data[3 + 3 * i])
    adj[u].append((v, w)); adj[v].append((u, w))
best = 0
for s in range(1, n + 1):
    dist = {s: 0}
    stack = [s]
    while stack:
        u = stack.pop()
        for v, w in adj[u]:
            if v not in dist:
                dist[v] = dist[u] + w
                stack.append(v)
    best = max(best, max(dist.values()))
print(best)
'''

LARGE_TESTS = 2


def _tree(rng: np.random.Generator, n: int, wmax: int, shape: str = "random") -> str:
    if n == 1:
        return "1\n"
    idx = np.arange(1, n)
    if shape == "path":
        parent = idx - 1
    elif shape == "broom":
        parent = np.where(idx < n // 2, idx - 1, rng.integers(0, np.maximum(idx, 1)))
    else:
        parent = (rng.random(n - 1) * idx).astype(np.int64)
    perm = rng.permutation(n) + 1
    w = rng.integers(1, wmax + 1, size=n - 1)
    u, v = perm[idx], perm[parent]
    return f"{n}\n" + "".join(f"{a} {b} {c}\n" for a, b, c in zip(u.tolist(), v.tolist(), w.tolist()))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1\n", "2\n1 2 1000000000\n", "3\n1 2 5\n1 3 7\n", "4\n1 2 1\n2 3 1\n3 4 1\n"]
    for _ in range(10):
        tests.append(_tree(rng, int(rng.integers(1, 20)), int(rng.choice([1, 10, 10**9])),
                           str(rng.choice(["random", "path", "broom"]))))
    for _ in range(4):
        tests.append(_tree(rng, int(rng.integers(200, 500)), 10**9, str(rng.choice(["random", "broom"]))))
    tests.append(_tree(rng, 500, 1, "path"))
    tests.append(_tree(rng, 50000, 10**9, "random"))
    tests.append(_tree(rng, 50000, 10**9, "broom"))
    return tests


PUBLIC_INPUTS = ("5\n1 2 3\n2 3 4\n2 4 2\n4 5 6\n",)

register_problem(CodeProblem(
    id="farthest-villages", title="The Longest Mail Route", category="graphs", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
