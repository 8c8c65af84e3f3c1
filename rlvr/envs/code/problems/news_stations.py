"""Strongly connected components (iterative Kosaraju) and the sources of the condensation."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A region has n villages connected by m one-way paths; path i leads from
village u_i to village v_i. News spreads along the paths. Two villages are
"twinned" if news can travel from each one to the other. The regional radio
wants to know (1) how many groups of mutually twinned villages there are (a
village twinned with nobody forms a group by itself), and (2) the smallest
number of villages that must receive the news directly so that it eventually
reaches every village.

Input
The first line holds n and m. Each of the next m lines holds u_i and v_i
(loops and repeated paths may occur).

Output
Print two integers: the number of groups and the minimum number of villages
to inform directly.

Constraints
1 <= n <= 50000
0 <= m <= 100000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    us = list(map(int, data[2:2 + 2 * m:2])); vs = list(map(int, data[3:3 + 2 * m:2]))
    adj = [[] for _ in range(n + 1)]
    radj = [[] for _ in range(n + 1)]
    for u, v in zip(us, vs):
        adj[u].append(v)
        radj[v].append(u)
    # pass 1: finishing order on the graph
    seen = bytearray(n + 1)
    it = [0] * (n + 1)
    order = []
    for s in range(1, n + 1):
        if seen[s]:
            continue
        seen[s] = 1
        stack = [s]
        while stack:
            u = stack[-1]
            au = adj[u]
            i = it[u]
            while i < len(au) and seen[au[i]]:
                i += 1
            if i < len(au):
                v = au[i]
                it[u] = i + 1
                seen[v] = 1
                stack.append(v)
            else:
                it[u] = i
                stack.pop()
                order.append(u)
    # pass 2: components on the reversed graph, in reverse finishing order
    comp = [-1] * (n + 1)
    c = 0
    for s in reversed(order):
        if comp[s] >= 0:
            continue
        comp[s] = c
        stack = [s]
        while stack:
            u = stack.pop()
            for v in radj[u]:
                if comp[v] < 0:
                    comp[v] = c
                    stack.append(v)
        c += 1
    has_in = bytearray(c)
    for u, v in zip(us, vs):
        cu, cv = comp[u], comp[v]
        if cu != cv:
            has_in[cv] = 1
    print(c, c - sum(has_in))

main()
'''

# For every village not yet grouped: search forwards and backwards, intersect. O(n * (n + m)).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
adj = [[] for _ in range(n + 1)]; radj = [[] for _ in range(n + 1)]
edges = []
for i in range(m):
    u = int(data[2 + 2 * i]); v = int(data[3 + 2 * i])
    adj[u].append(v); radj[v].append(u); edges.append((u, v))

def reach(s, g):
    seen = {s}
    st = [s]
    while st:
        x = st.pop()
        for y in g[x]:
            if y not in seen:
                seen.add(y); st.append(y)
    return seen

comp = [-1] * (n + 1)
c = 0
for s in range(1, n + 1):
    if comp[s] < 0:
        for x in reach(s, adj) & reach(s, radj):
            comp[x] = c
        c += 1
has_in = [False] * c
for u, v in edges:
    if comp[u] != comp[v]:
        has_in[comp[v]] = True
print(c, has_in.count(False))
'''

LARGE_TESTS = 2


def _fmt(n: int, edges) -> str:
    return f"{n} {len(edges)}\n" + "".join(f"{u} {v}\n" for u, v in edges)


def _clustered(rng: np.random.Generator, n: int, clusters: int, m: int) -> list[tuple[int, int]]:
    """Cycles inside random clusters (SCCs) plus random edges between clusters that go 'forward'."""
    label = rng.integers(0, clusters, size=n)
    perm = rng.permutation(n) + 1
    edges = []
    for c in range(clusters):
        members = perm[label == c].tolist()
        if len(members) > 1:
            edges += list(zip(members, members[1:] + members[:1]))
    k = max(0, m - len(edges))
    a = rng.integers(0, n, size=k); b = rng.integers(0, n, size=k)
    fwd = label[a] <= label[b]
    a, b = np.where(fwd, a, b), np.where(fwd, b, a)
    edges += list(zip(perm[a].tolist(), perm[b].tolist()))
    idx = rng.permutation(len(edges))
    return [edges[i] for i in idx]


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 0\n", "1 1\n1 1\n", "2 1\n1 2\n", "2 2\n1 2\n2 1\n", "3 2\n1 2\n3 2\n", "4 4\n1 2\n2 1\n3 4\n4 3\n",
             "5 5\n1 2\n2 3\n3 1\n3 4\n5 4\n"]
    for _ in range(8):
        n = int(rng.integers(1, 12))
        tests.append(_fmt(n, _clustered(rng, n, int(rng.integers(1, n + 1)), int(rng.integers(0, 20)))))
    for _ in range(3):
        n = int(rng.integers(100, 300))
        tests.append(_fmt(n, _clustered(rng, n, int(rng.integers(1, n // 3)), int(rng.integers(n, 3 * n)))))
    tests.append(_fmt(300, [(i, i + 1) for i in range(1, 300)]))
    n = 50000
    tests.append(_fmt(n, [(i, i + 1) for i in range(1, n)]))  # a long chain: n groups, one source
    tests.append(_fmt(n, _clustered(rng, n, 5000, 100000)))
    return tests


PUBLIC_INPUTS = ("5 5\n1 2\n2 3\n3 1\n3 4\n5 4\n", "3 0\n")

register_problem(CodeProblem(
    id="news-stations", title="Spreading the News", category="graphs", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
