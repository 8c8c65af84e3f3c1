"""Distances between tree nodes: offline lowest common ancestors (Tarjan's algorithm, iterative)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A hiking park's n shelters are joined by n - 1 trails so that there is exactly
one route between any two shelters. Trail i joins shelters u_i and v_i and is
w_i metres long. Rangers ask q questions: how long is the route between
shelters a and b?

Input
The first line holds n and q. Each of the next n - 1 lines holds u_i, v_i and
w_i. Each of the next q lines holds a and b.

Output
Print q lines, the route length for each question (0 when a = b).

Constraints
1 <= n, q <= 50000
1 <= w_i <= 1000000
1 <= u_i, v_i, a, b <= n
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    adj = [[] for _ in range(n + 1)]
    pos = 2
    for _ in range(n - 1):
        u = int(data[pos]); v = int(data[pos + 1]); w = int(data[pos + 2]); pos += 3
        adj[u].append((v, w))
        adj[v].append((u, w))
    qs = [[] for _ in range(n + 1)]
    qa = [0] * q
    qb = [0] * q
    for i in range(q):
        a = int(data[pos]); b = int(data[pos + 1]); pos += 2
        qa[i] = a; qb[i] = b
        qs[a].append((b, i))
        qs[b].append((a, i))
    # iterative DFS order from shelter 1
    dist = [0] * (n + 1)
    par = [0] * (n + 1)
    order = []
    seen = bytearray(n + 1)
    seen[1] = 1
    stack = [1]
    while stack:
        u = stack.pop()
        order.append(u)
        du = dist[u]
        for v, w in adj[u]:
            if not seen[v]:
                seen[v] = 1
                par[v] = u
                dist[v] = du + w
                stack.append(v)
    # Tarjan offline LCA: process nodes in reverse DFS order (children before parents)
    dsu = list(range(n + 1))
    anc = list(range(n + 1))
    done = bytearray(n + 1)
    lca = [0] * q
    for u in reversed(order):
        done[u] = 1
        for v, i in qs[u]:
            if done[v] and not lca[i]:
                r = v
                while dsu[r] != r:
                    dsu[r] = dsu[dsu[r]]
                    r = dsu[r]
                lca[i] = anc[r]
        p = par[u]
        if p:
            # union u's set into p's set; p's set keeps ancestor p
            ru = u
            while dsu[ru] != ru:
                dsu[ru] = dsu[dsu[ru]]
                ru = dsu[ru]
            rp = p
            while dsu[rp] != rp:
                dsu[rp] = dsu[dsu[rp]]
                rp = dsu[rp]
            dsu[ru] = rp
            anc[rp] = p
    out = [dist[qa[i]] + dist[qb[i]] - 2 * dist[lca[i]] for i in range(q)]
    sys.stdout.write("\n".join(map(str, out)) + "\n")

main()
'''

# Walks both shelters up towards the root, one trail at a time: O(depth) per question.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
adj = [[] for _ in range(n + 1)]
pos = 2
for _ in range(n - 1):
    u = int(data[pos]); v = int(data[pos + 1]); w = int(data[pos + 2]); pos += 3
    adj[u].append((v, w)); adj[v].append((u, w))
par = [0] * (n + 1); pw = [0] * (n + 1); depth = [0] * (n + 1)
seen = [False] * (n + 1); seen[1] = True
stack = [1]
while stack:
    u = stack.pop()
    for v, w in adj[u]:
        if not seen[v]:
            seen[v] = True; par[v] = u; pw[v] = w; depth[v] = depth[u] + 1; stack.append(v)
out = []
for _ in range(q):
    a = int(data[pos]); b = int(data[pos + 1]); pos += 2
    total = 0
    while a != b:
        if depth[a] >= depth[b]:
            total += pw[a]; a = par[a]
        else:
            total += pw[b]; b = par[b]
    out.append(total)
print("\n".join(map(str, out)))
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, q: int, shape: str, wmax: int = 10**6) -> str:
    idx = np.arange(1, n)
    if shape == "path":
        parent = idx - 1
    elif shape == "twopaths":
        parent = np.where(idx <= n // 2, idx - 1, np.where(idx == n // 2 + 1, 0, idx - 1))
    else:
        parent = (rng.random(n - 1) * idx).astype(np.int64)
    perm = rng.permutation(n) + 1
    if n > 0:
        perm[perm == 1] = perm[0]
        perm[0] = 1  # node 1 at the root keeps the shapes deep
    w = rng.integers(1, wmax + 1, size=n - 1)
    lines = [f"{n} {q}"] + [f"{a} {b} {c}" for a, b, c in zip(perm[idx].tolist(), perm[parent].tolist(), w.tolist())]
    a = rng.integers(1, n + 1, size=q); b = rng.integers(1, n + 1, size=q)
    if shape != "random":  # questions between the far ends make the walks long
        half = max(1, n // 10)
        a = perm[n - 1 - rng.integers(0, half, size=q)]
        b = perm[n // 2 - rng.integers(0, half, size=q)] if shape == "twopaths" else perm[rng.integers(0, half, size=q)]
    lines += [f"{x} {y}" for x, y in zip(a.tolist(), b.tolist())]
    return "\n".join(lines) + "\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1\n1 1\n", "2 3\n1 2 5\n1 2\n2 1\n2 2\n", "4 3\n1 2 1\n1 3 2\n3 4 3\n2 4\n4 4\n1 4\n"]
    for _ in range(10):
        n = int(rng.integers(1, 15))
        tests.append(_case(rng, n, int(rng.integers(1, 15)), str(rng.choice(["random", "path", "twopaths"])), 20))
    for _ in range(4):
        n = int(rng.integers(100, 400))
        tests.append(_case(rng, n, int(rng.integers(100, 400)), str(rng.choice(["random", "path", "twopaths"]))))
    tests.append(_case(rng, 400, 400, "path"))
    tests.append(_case(rng, 50000, 50000, "twopaths"))
    tests.append(_case(rng, 50000, 50000, "random"))
    return tests


PUBLIC_INPUTS = ("5 3\n1 2 4\n1 3 2\n3 4 7\n3 5 1\n2 4\n5 4\n1 1\n",)

register_problem(CodeProblem(
    id="tree-distance-queries", title="Trails Between Shelters", category="graphs", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.5,
))
