"""Bridges of an undirected multigraph: iterative DFS with low-link values."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
An island nation has n islands and m bridges; bridge i joins islands u_i and
v_i (two islands may be joined by several bridges, and a bridge may even loop
from an island back to itself). A bridge is "critical" if closing it would
split some pair of islands that are currently reachable from each other into
unreachable ones. List the critical bridges.

Input
The first line holds n and m. Each of the next m lines holds u_i and v_i; the
bridges are numbered 1 to m in input order.

Output
On the first line print k, the number of critical bridges. On the second line
print their numbers in increasing order (the line is empty when k = 0).

Constraints
1 <= n <= 50000
0 <= m <= 100000
1 <= u_i, v_i <= n
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    adj = [[] for _ in range(n + 1)]
    for i in range(m):
        u = int(data[2 + 2 * i]); v = int(data[3 + 2 * i])
        adj[u].append((v, i))
        adj[v].append((u, i))
    tin = [0] * (n + 1)
    low = [0] * (n + 1)
    pedge = [-1] * (n + 1)
    it = [0] * (n + 1)
    timer = 1
    bridges = []
    for s in range(1, n + 1):
        if tin[s]:
            continue
        tin[s] = low[s] = timer
        timer += 1
        stack = [s]
        while stack:
            u = stack[-1]
            au = adj[u]
            if it[u] < len(au):
                v, e = au[it[u]]
                it[u] += 1
                if e == pedge[u]:
                    continue
                if tin[v]:
                    if tin[v] < low[u]:
                        low[u] = tin[v]
                else:
                    tin[v] = low[v] = timer
                    timer += 1
                    pedge[v] = e
                    stack.append(v)
            else:
                stack.pop()
                if stack:
                    p = stack[-1]
                    if low[u] < low[p]:
                        low[p] = low[u]
                    if low[u] > tin[p]:
                        bridges.append(pedge[u] + 1)
    bridges.sort()
    sys.stdout.write(f"{len(bridges)}\n" + " ".join(map(str, bridges)) + "\n")

main()
'''

# Closes each bridge in turn and searches for another way around: O(m * (n + m)).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
edges = [(int(data[2 + 2 * i]), int(data[3 + 2 * i])) for i in range(m)]
adj = [[] for _ in range(n + 1)]
for i, (u, v) in enumerate(edges):
    adj[u].append((v, i)); adj[v].append((u, i))
out = []
for i, (u, v) in enumerate(edges):
    if u == v:
        continue
    seen = {u}
    stack = [u]
    found = False
    while stack and not found:
        x = stack.pop()
        for y, e in adj[x]:
            if e != i and y not in seen:
                if y == v:
                    found = True
                    break
                seen.add(y)
                stack.append(y)
    if not found:
        out.append(i + 1)
print(len(out))
print(" ".join(map(str, out)))
'''

LARGE_TESTS = 2


def _fmt(n: int, edges) -> str:
    return f"{n} {len(edges)}\n" + "".join(f"{u} {v}\n" for u, v in edges)


def _cactus_like(rng: np.random.Generator, n: int, extra: int) -> list[tuple[int, int]]:
    """A random tree (all bridges) plus a few extra edges that close cycles."""
    perm = rng.permutation(n) + 1
    par = perm[(rng.random(n - 1) * np.arange(1, n)).astype(np.int64)]
    edges = list(zip(par.tolist(), perm[1:].tolist()))
    if extra:
        edges += list(zip(rng.integers(1, n + 1, size=extra).tolist(), rng.integers(1, n + 1, size=extra).tolist()))
    idx = rng.permutation(len(edges))
    return [edges[i] for i in idx]


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 0\n", "2 1\n1 2\n", "2 2\n1 2\n2 1\n", "3 3\n1 2\n2 3\n3 1\n", "4 3\n1 2\n2 3\n3 4\n",
             "3 2\n1 1\n2 3\n", "5 5\n1 2\n2 3\n3 1\n3 4\n4 5\n"]
    for _ in range(8):
        n = int(rng.integers(2, 12))
        tests.append(_fmt(n, _cactus_like(rng, n, int(rng.integers(0, 5)))))
    for _ in range(3):
        n = int(rng.integers(100, 300))
        tests.append(_fmt(n, _cactus_like(rng, n, int(rng.integers(0, n // 4)))))
    tests.append(_fmt(300, [(i, i + 1) for i in range(1, 300)]))
    n = 50000
    tests.append(_fmt(n, [(i, i + 1) for i in range(1, n)]))  # a long path: every bridge is critical
    tests.append(_fmt(n, _cactus_like(rng, n, 50000)))
    return tests


PUBLIC_INPUTS = ("5 5\n1 2\n2 3\n3 1\n3 4\n4 5\n", "2 2\n1 2\n2 1\n")

register_problem(CodeProblem(
    id="fragile-bridges", title="Critical Bridges", category="graphs", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.5,
))
