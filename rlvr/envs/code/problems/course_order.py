"""Lexicographically smallest topological order: Kahn's algorithm with a min-heap."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A university offers n courses numbered 1 to n and lists m prerequisite rules;
rule "a b" means course a must be taken before course b. A student takes the
courses one at a time. Among all orders that respect every rule, she picks the
lexicographically smallest one (the first course as small as possible, then
the second, and so on). Print it, or report that no valid order exists.

Input
The first line holds n and m. Each of the next m lines holds two integers a
and b (a != b). Rules may repeat.

Output
Print n integers on one line, the chosen order, or the single word IMPOSSIBLE
if the rules contain a cycle.

Constraints
1 <= n <= 100000
0 <= m <= 100000
"""

REFERENCE = r'''
import sys
import heapq

def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    adj = [[] for _ in range(n + 1)]
    indeg = [0] * (n + 1)
    for i in range(m):
        a = int(data[2 + 2 * i]); b = int(data[3 + 2 * i])
        adj[a].append(b)
        indeg[b] += 1
    h = [v for v in range(1, n + 1) if indeg[v] == 0]
    heapq.heapify(h)
    order = []
    pop, push = heapq.heappop, heapq.heappush
    while h:
        u = pop(h)
        order.append(u)
        for v in adj[u]:
            indeg[v] -= 1
            if indeg[v] == 0:
                push(h, v)
    if len(order) < n:
        print("IMPOSSIBLE")
    else:
        sys.stdout.write(" ".join(map(str, order)) + "\n")

main()
'''

# Scans all courses for the smallest available one at every step: O(n^2).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
adj = [[] for _ in range(n + 1)]
indeg = [0] * (n + 1)
for i in range(m):
    a = int(data[2 + 2 * i]); b = int(data[3 + 2 * i])
    adj[a].append(b); indeg[b] += 1
taken = [False] * (n + 1)
order = []
for _ in range(n):
    u = -1
    for v in range(1, n + 1):
        if not taken[v] and indeg[v] == 0:
            u = v
            break
    if u < 0:
        break
    taken[u] = True
    order.append(u)
    for v in adj[u]:
        indeg[v] -= 1
print(" ".join(map(str, order)) if len(order) == n else "IMPOSSIBLE")
'''

LARGE_TESTS = 2


def _dag(rng: np.random.Generator, n: int, m: int, cycle: bool = False) -> str:
    rank = rng.permutation(n) + 1  # course rank[i] comes at topological position i
    i = rng.integers(0, n, size=m)
    j = rng.integers(0, n, size=m)
    keep = i != j
    i, j = np.minimum(i[keep], j[keep]), np.maximum(i[keep], j[keep])
    a, b = rank[i].tolist(), rank[j].tolist()
    if cycle and len(a):
        k = int(rng.integers(0, len(a)))
        a.append(b[k]); b.append(a[k])
    return f"{n} {len(a)}\n" + "".join(f"{x} {y}\n" for x, y in zip(a, b))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 0\n", "3 0\n", "2 1\n2 1\n", "2 2\n1 2\n2 1\n", "4 3\n4 3\n3 2\n2 1\n", "3 2\n1 3\n1 3\n"]
    for _ in range(9):
        n = int(rng.integers(2, 12))
        tests.append(_dag(rng, n, int(rng.integers(0, 20)), cycle=bool(rng.integers(0, 3) == 0)))
    for _ in range(3):
        n = int(rng.integers(200, 600))
        tests.append(_dag(rng, n, int(rng.integers(n, 3 * n)), cycle=bool(rng.integers(0, 2))))
    tests.append(f"600 599\n" + "".join(f"{i + 1} {i}\n" for i in range(599, 0, -1)))
    n = 100000
    # a chain from the largest course down to 1: the smallest available course is always the last one
    tests.append(f"{n} {n - 1}\n" + "".join(f"{i + 1} {i}\n" for i in range(n - 1, 0, -1)))
    tests.append(_dag(rng, n, 100000))
    return tests


PUBLIC_INPUTS = ("5 4\n3 1\n3 2\n1 4\n2 4\n", "2 2\n1 2\n2 1\n")

register_problem(CodeProblem(
    id="course-order", title="Prerequisites in Order", category="graphs", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
