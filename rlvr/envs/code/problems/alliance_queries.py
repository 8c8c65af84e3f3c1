"""Online connectivity under merges: union-find with path halving and union by size."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
In a strategy game there are n clans, each initially on its own. Two kinds of
events happen, in order:
  "J a b": the alliance containing clan a and the alliance containing clan b
           join into one alliance (nothing happens if they are already one);
  "Q a b": the game asks whether clans a and b are currently in the same
           alliance.
Answer every question.

Input
The first line holds n and q. Each of the next q lines holds an event "J a b"
or "Q a b" (1 <= a, b <= n; a may equal b).

Output
For every "Q" event, in order, print YES or NO on its own line.

Constraints
1 <= n <= 100000
1 <= q <= 100000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    parent = list(range(n + 1))
    size = [1] * (n + 1)
    out = []
    pos = 2
    for _ in range(q):
        op = data[pos]; a = int(data[pos + 1]); b = int(data[pos + 2]); pos += 3
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        while parent[b] != b:
            parent[b] = parent[parent[b]]
            b = parent[b]
        if op == b"J":
            if a != b:
                if size[a] < size[b]:
                    a, b = b, a
                parent[b] = a
                size[a] += size[b]
        else:
            out.append("YES" if a == b else "NO")
    sys.stdout.write("\n".join(out) + ("\n" if out else ""))

main()
'''

# Quick-find: every merge relabels all n clans, O(n) per merge.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
label = list(range(n + 1))
out = []
pos = 2
for _ in range(q):
    op = data[pos]; a = int(data[pos + 1]); b = int(data[pos + 2]); pos += 3
    if op == b"J":
        la, lb = label[a], label[b]
        if la != lb:
            for i in range(1, n + 1):
                if label[i] == lb:
                    label[i] = la
    else:
        out.append("YES" if label[a] == label[b] else "NO")
print("\n".join(out))
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, q: int, pj: float) -> str:
    ops = np.where(rng.random(q) < pj, "J", "Q")
    a = rng.integers(1, n + 1, size=q)
    b = rng.integers(1, n + 1, size=q)
    return f"{n} {q}\n" + "".join(f"{o} {x} {y}\n" for o, x, y in zip(ops.tolist(), a.tolist(), b.tolist()))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1\nQ 1 1\n", "2 3\nQ 1 2\nJ 1 2\nQ 2 1\n", "3 2\nJ 1 1\nJ 2 2\n", "3 4\nJ 1 2\nJ 2 3\nQ 1 3\nQ 3 3\n"]
    for _ in range(10):
        tests.append(_case(rng, int(rng.integers(1, 12)), int(rng.integers(1, 25)), 0.5))
    for _ in range(4):
        n, q = int(rng.integers(100, 500)), int(rng.integers(200, 800))
        tests.append(_case(rng, n, q, float(rng.choice([0.1, 0.5]))))
    tests.append(_case(rng, 800, 800, 0.9))
    tests.append(_case(rng, 100000, 100000, 0.5))
    tests.append(_case(rng, 100000, 100000, 0.05))
    return tests


PUBLIC_INPUTS = ("4 6\nQ 1 2\nJ 1 2\nJ 3 4\nQ 1 2\nQ 2 3\nQ 4 3\n",)

register_problem(CodeProblem(
    id="alliance-queries", title="Clan Alliances", category="graphs", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
