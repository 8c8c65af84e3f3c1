"""Minimum spanning tree by Kruskal's algorithm with union-find."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
An internet provider wants to connect n towns. Engineers surveyed m possible
cables; cable i would connect towns u_i and v_i and cost c_i. The provider
buys a set of cables such that every town can reach every other town through
bought cables, at the minimum total cost. Print that cost, or -1 if even
buying every cable leaves some towns disconnected.

Input
The first line holds n and m. Each of the next m lines holds u_i, v_i and c_i.

Output
Print the minimum total cost, or -1.

Constraints
1 <= n <= 50000
0 <= m <= 100000
1 <= u_i, v_i <= n
1 <= c_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    u = data[2:2 + 3 * m:3]; v = data[3:3 + 3 * m:3]; c = list(map(int, data[4:4 + 3 * m:3]))
    order = sorted(range(m), key=c.__getitem__)
    parent = list(range(n + 1))
    total = 0
    joined = 0
    for i in order:
        a = int(u[i]); b = int(v[i])
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        while parent[b] != b:
            parent[b] = parent[parent[b]]
            b = parent[b]
        if a != b:
            parent[a] = b
            total += c[i]
            joined += 1
            if joined == n - 1:
                break
    print(total if joined == n - 1 else -1)

main()
'''

# Prim's algorithm with a linear scan for the cheapest next town: O(n^2).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
adj = [[] for _ in range(n + 1)]
for i in range(m):
    a = int(data[2 + 3 * i]); b = int(data[3 + 3 * i]); c = int(data[4 + 3 * i])
    adj[a].append((b, c)); adj[b].append((a, c))
INF = 1 << 62
best = [INF] * (n + 1)
done = [False] * (n + 1)
best[1] = 0
total = 0
ok = True
for _ in range(n):
    u, bu = -1, INF
    for i in range(1, n + 1):
        if not done[i] and best[i] < bu:
            u, bu = i, best[i]
    if u < 0:
        ok = False
        break
    done[u] = True
    total += bu
    for v, c in adj[u]:
        if not done[v] and c < best[v]:
            best[v] = c
print(total if ok else -1)
'''

LARGE_TESTS = 2


def _graph(rng: np.random.Generator, n: int, m: int, cmax: int, connected: bool = True) -> str:
    us, vs = [], []
    if connected and n > 1:
        perm = rng.permutation(n) + 1
        par = perm[(rng.random(n - 1) * np.arange(1, n)).astype(np.int64)]
        us.append(par); vs.append(perm[1:])
    k = m - (n - 1 if connected and n > 1 else 0)
    if k > 0:
        us.append(rng.integers(1, n + 1, size=k)); vs.append(rng.integers(1, n + 1, size=k))
    u = np.concatenate(us) if us else np.array([], dtype=np.int64)
    v = np.concatenate(vs) if vs else np.array([], dtype=np.int64)
    perm = rng.permutation(len(u))
    u, v = u[perm], v[perm]
    c = rng.integers(1, cmax + 1, size=len(u))
    return f"{n} {len(u)}\n" + "".join(f"{a} {b} {x}\n" for a, b, x in zip(u.tolist(), v.tolist(), c.tolist()))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 0\n", "2 0\n", "2 1\n1 2 7\n", "2 3\n1 2 7\n2 1 3\n1 1 1\n", "3 3\n1 2 1\n2 3 1\n1 3 1\n",
             "4 2\n1 2 5\n3 4 5\n"]
    for _ in range(8):
        n = int(rng.integers(1, 12))
        m, cmax = int(rng.integers(0, 25)), int(rng.choice([1, 10, 10**9]))
        tests.append(_graph(rng, n, m, cmax, bool(rng.integers(0, 3))))
    for _ in range(4):
        n = int(rng.integers(200, 600))
        tests.append(_graph(rng, n, int(rng.integers(n, 4 * n)), 10**9))
    tests.append(_graph(rng, 600, 500, 10**9, connected=False))
    n = 50000
    tests.append(_graph(rng, n, 100000, 10**9))
    tests.append(_graph(rng, n, 80000, 1000))
    return tests


PUBLIC_INPUTS = ("4 5\n1 2 3\n2 3 1\n3 4 4\n1 4 2\n1 3 5\n", "3 1\n1 2 10\n")

register_problem(CodeProblem(
    id="cable-network", title="Cheapest Cable Network", category="graphs", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
