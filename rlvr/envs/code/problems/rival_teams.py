"""Two-colouring (bipartiteness) of an undirected graph by BFS."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A summer camp has n children and a list of m rivalries; a rivalry is a pair of
children who must not play in the same team. The camp leader wants to split
all children into two teams (a team may be empty) so that no two rivals are
team-mates. Is it possible?

Input
The first line holds n and m. Each of the next m lines holds two different
integers u and v (1-based), a rivalry between u and v. A pair may be listed
more than once.

Output
Print YES if such a split exists, otherwise NO.

Constraints
1 <= n <= 100000
0 <= m <= 200000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    adj = [[] for _ in range(n + 1)]
    for i in range(m):
        u = int(data[2 + 2 * i]); v = int(data[3 + 2 * i])
        adj[u].append(v)
        adj[v].append(u)
    color = [-1] * (n + 1)
    for s in range(1, n + 1):
        if color[s] >= 0:
            continue
        color[s] = 0
        stack = [s]
        while stack:
            u = stack.pop()
            cu = color[u]
            for v in adj[u]:
                if color[v] < 0:
                    color[v] = 1 - cu
                    stack.append(v)
                elif color[v] == cu:
                    print("NO")
                    return
    print("YES")

main()
'''

# Colours by sweeping the edge list until nothing changes: O(n * m) when edges come in a bad order.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
edges = [(int(data[2 + 2 * i]), int(data[3 + 2 * i])) for i in range(m)]
color = [-1] * (n + 1)
ok = True
for s in range(1, n + 1):
    if color[s] >= 0:
        continue
    color[s] = 0
    changed = True
    while changed:
        changed = False
        for u, v in edges:
            if color[u] >= 0 and color[v] < 0:
                color[v] = 1 - color[u]; changed = True
            elif color[v] >= 0 and color[u] < 0:
                color[u] = 1 - color[v]; changed = True
for u, v in edges:
    if color[u] == color[v]:
        ok = False
print("YES" if ok else "NO")
'''

LARGE_TESTS = 2


def _fmt(n: int, edges) -> str:
    return f"{n} {len(edges)}\n" + "".join(f"{u} {v}\n" for u, v in edges)


def _bipartite(rng: np.random.Generator, n: int, m: int, odd_edge: bool = False) -> list[tuple[int, int]]:
    side = rng.integers(0, 2, size=n + 1)
    left = np.flatnonzero(side[1:] == 0) + 1
    right = np.flatnonzero(side[1:] == 1) + 1
    if len(left) == 0 or len(right) == 0:
        return []
    u = left[rng.integers(0, len(left), size=m)]
    v = right[rng.integers(0, len(right), size=m)]
    edges = list(zip(u.tolist(), v.tolist()))
    if odd_edge and len(left) >= 2:
        a, b = rng.choice(left, size=2, replace=False).tolist()
        edges.insert(int(rng.integers(0, len(edges) + 1)), (a, b))
    return edges


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 0\n", "2 1\n1 2\n", "3 3\n1 2\n2 3\n3 1\n", "4 4\n1 2\n2 3\n3 4\n4 1\n", "2 2\n1 2\n2 1\n",
             "5 2\n1 2\n4 5\n"]
    for _ in range(9):
        n = int(rng.integers(2, 15))
        tests.append(_fmt(n, _bipartite(rng, n, int(rng.integers(0, 20)), odd_edge=bool(rng.integers(0, 2)))))
    for _ in range(3):
        n = int(rng.integers(100, 300))
        tests.append(_fmt(n, _bipartite(rng, n, int(rng.integers(100, 500)), odd_edge=bool(rng.integers(0, 2)))))
    n = 300
    tests.append(_fmt(n, [(i + 1, i) for i in range(n - 1, 0, -1)]))
    n = 100000
    # a long path listed from its far end: each sweep of the edge list colours one more child
    path = [(i + 1, i) for i in range(n - 1, 0, -1)]
    tests.append(_fmt(n, path))
    tests.append(_fmt(n, path + [(3, 1)]))  # plus a triangle-closing edge: an odd cycle
    return tests


PUBLIC_INPUTS = ("4 4\n1 2\n2 3\n3 4\n4 1\n", "3 3\n1 2\n2 3\n1 3\n")

register_problem(CodeProblem(
    id="rival-teams", title="Two Teams Without Rivals", category="graphs", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
