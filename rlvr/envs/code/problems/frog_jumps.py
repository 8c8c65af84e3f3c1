"""Minimum jumps to the last stone: greedy BFS over reachable ranges."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A frog sits on stone 1 of a row of n stones. Stone i is springy: from it the
frog can jump forward to any stone i+1, ..., i+a_i (a_i = 0 means it cannot
jump from there). What is the least number of jumps the frog needs to reach
stone n?

Input
The first line holds n. The second line holds a_1 ... a_n.

Output
Print the minimum number of jumps, or -1 if stone n cannot be reached.

Constraints
1 <= n <= 100000
0 <= a_i <= 100000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = data[1:1 + n]
    jumps = 0
    reach = 0      # farthest index reachable with `jumps` jumps (0-based)
    nxt = 0        # farthest index reachable with one more jump
    i = 0
    while reach < n - 1:
        while i <= reach:
            r = i + int(a[i])
            if r > nxt:
                nxt = r
            i += 1
        if nxt <= reach:
            print(-1)
            return
        jumps += 1
        reach = nxt
    print(jumps)

main()
'''

# Relaxes every stone a frog can reach from each stone: O(sum of a_i).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
a = list(map(int, data[1:1 + n]))
INF = float("inf")
best = [INF] * n
best[0] = 0
for i in range(n):
    if best[i] == INF:
        continue
    b = best[i] + 1
    for j in range(i + 1, min(n, i + a[i] + 1)):
        if b < best[j]:
            best[j] = b
print(best[n - 1] if best[n - 1] != INF else -1)
'''

LARGE_TESTS = 2


def _fmt(a) -> str:
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([0]), _fmt([5]), _fmt([0, 3]), _fmt([1, 1, 1, 1]), _fmt([3, 0, 0, 0]), _fmt([2, 0, 0, 1]),
             _fmt([100000, 0])]
    for _ in range(8):
        tests.append(_fmt(rng.integers(0, 4, size=int(rng.integers(1, 25))).tolist()))
    for _ in range(4):
        n = int(rng.integers(200, 800))
        tests.append(_fmt(rng.integers(0, int(rng.choice([3, 20, 200])), size=n).tolist()))
    n = 100000
    tests.append(_fmt(rng.integers(0, 5, size=800).tolist()))
    a = rng.integers(n // 4, n // 2, size=n)  # long jumps everywhere: summing the ranges is quadratic
    tests.append(_fmt(a.tolist()))
    tests.append(_fmt(rng.integers(1, 60, size=n).tolist()))
    return tests


PUBLIC_INPUTS = ("5\n2 3 1 1 4\n", "5\n3 2 1 0 4\n")

register_problem(CodeProblem(
    id="frog-jumps", title="The Springy Stones", category="greedy", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
