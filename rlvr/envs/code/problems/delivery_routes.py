"""Single-source shortest paths with non-negative weights: Dijkstra with a binary heap."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A courier company has its depot at junction 1 of a city with n junctions and m
one-way streets. Street i leads from junction u_i to junction v_i and takes w_i
seconds to drive. For every junction, find the shortest driving time from the
depot.

Input
The first line holds n and m. Each of the next m lines holds u_i, v_i and w_i.
There may be several streets between the same junctions, and streets from a
junction to itself.

Output
Print n integers on one line: the shortest time from junction 1 to junctions
1, 2, ..., n, or -1 for a junction that cannot be reached.

Constraints
1 <= n <= 50000
0 <= m <= 100000
1 <= u_i, v_i <= n
0 <= w_i <= 1000000000
"""

REFERENCE = r'''
import sys
import heapq

def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    adj = [[] for _ in range(n + 1)]
    for i in range(m):
        u = int(data[2 + 3 * i]); v = int(data[3 + 3 * i]); w = int(data[4 + 3 * i])
        adj[u].append((v, w))
    INF = 1 << 62
    dist = [INF] * (n + 1)
    dist[1] = 0
    h = [(0, 1)]
    pop, push = heapq.heappop, heapq.heappush
    while h:
        d, u = pop(h)
        if d > dist[u]:
            continue
        for v, w in adj[u]:
            nd = d + w
            if nd < dist[v]:
                dist[v] = nd
                push(h, (nd, v))
    sys.stdout.write(" ".join(str(x) if x < INF else "-1" for x in dist[1:]) + "\n")

main()
'''

# Dijkstra without a heap: the next junction is found by scanning all of them, O(n^2).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
adj = [[] for _ in range(n + 1)]
for i in range(m):
    u = int(data[2 + 3 * i]); v = int(data[3 + 3 * i]); w = int(data[4 + 3 * i])
    adj[u].append((v, w))
INF = 1 << 62
dist = [INF] * (n + 1)
dist[1] = 0
done = [False] * (n + 1)
for _ in range(n):
    u, best = -1, INF
    for i in range(1, n + 1):
        if not done[i] and dist[i] < best:
            u, best = i, dist[i]
    if u < 0:
        break
    done[u] = True
    for v, w in adj[u]:
        if best + w < dist[v]:
            dist[v] = best + w
print(" ".join(str(x) if x < INF else "-1" for x in dist[1:]))
'''

LARGE_TESTS = 2


def _graph(rng: np.random.Generator, n: int, m: int, wmax: int, backbone: bool = True) -> str:
    edges_u, edges_v = [], []
    if backbone and n > 1:  # a random spanning arborescence from 1 keeps most junctions reachable
        order = np.concatenate([[1], rng.permutation(np.arange(2, n + 1))])
        par = order[(rng.random(n - 1) * np.arange(1, n)).astype(np.int64)]
        edges_u.append(par); edges_v.append(order[1:])
    k = m - sum(len(x) for x in edges_u)
    if k > 0:
        edges_u.append(rng.integers(1, n + 1, size=k)); edges_v.append(rng.integers(1, n + 1, size=k))
    u = np.concatenate(edges_u) if edges_u else np.array([], dtype=np.int64)
    v = np.concatenate(edges_v) if edges_v else np.array([], dtype=np.int64)
    perm = rng.permutation(len(u))
    u, v = u[perm][:m], v[perm][:m]
    w = rng.integers(0, wmax + 1, size=len(u))
    return f"{n} {len(u)}\n" + "".join(f"{a} {b} {c}\n" for a, b, c in zip(u.tolist(), v.tolist(), w.tolist()))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 0\n", "2 0\n", "2 1\n2 1 5\n", "3 3\n1 2 5\n2 3 5\n1 3 11\n", "3 2\n1 1 0\n1 3 0\n",
             "4 4\n1 2 1000000000\n2 3 1000000000\n3 4 1000000000\n1 4 1000000000\n"]
    for _ in range(8):
        n = int(rng.integers(1, 12))
        tests.append(_graph(rng, n, int(rng.integers(0, 30)), int(rng.choice([0, 5, 100])), bool(rng.integers(0, 2))))
    for _ in range(4):
        n = int(rng.integers(200, 600))
        tests.append(_graph(rng, n, int(rng.integers(n, 4 * n)), 10**9))
    tests.append(_graph(rng, 600, 300, 10, backbone=False))
    n = 50000
    tests.append(_graph(rng, n, 100000, 10**9))
    tests.append(_graph(rng, n, 100000, 100))
    return tests


PUBLIC_INPUTS = ("4 5\n1 2 4\n1 3 1\n3 2 2\n2 4 5\n4 1 1\n", "3 1\n2 3 7\n")

register_problem(CodeProblem(
    id="delivery-routes", title="Courier Shortest Times", category="graphs", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
