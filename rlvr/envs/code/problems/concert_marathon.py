"""Interval scheduling: the most non-overlapping intervals, greedily by end time."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A music festival runs n concerts; concert i starts at minute s_i and ends at
minute e_i. A fan wants to attend as many complete concerts as possible. She
cannot be at two concerts at once, but she can walk instantly from a concert
ending at minute t to a concert starting at minute t.

Input
The first line holds n. Each of the next n lines holds s_i and e_i.

Output
Print the largest number of concerts she can attend completely.

Constraints
1 <= n <= 100000
0 <= s_i < e_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    iv = sorted(zip(map(int, data[2:2 * n + 2:2]), map(int, data[1:2 * n + 1:2])))
    last = -1
    cnt = 0
    for e, s in iv:
        if s >= last:
            cnt += 1
            last = e
    print(cnt)

main()
'''

# DP over concerts sorted by end time, looking back over all earlier ones: O(n^2).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
iv = sorted(zip(map(int, data[2:2 * n + 2:2]), map(int, data[1:2 * n + 1:2])))
best = [0] * n
for i in range(n):
    e, s = iv[i]
    b = 1
    for j in range(i):
        if iv[j][0] <= s and best[j] + 1 > b:
            b = best[j] + 1
    best[i] = b
print(max(best))
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, span: int, maxlen: int) -> str:
    s = rng.integers(0, span, size=n)
    e = np.minimum(s + rng.integers(1, maxlen + 1, size=n), 10**9)
    return f"{n}\n" + "".join(f"{a} {b}\n" for a, b in zip(s.tolist(), e.tolist()))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1\n0 1000000000\n", "2\n0 5\n5 10\n", "3\n0 10\n1 2\n3 4\n", "3\n1 3\n1 3\n1 3\n",
             "4\n0 2\n1 3\n2 4\n3 5\n"]
    for _ in range(10):
        tests.append(_case(rng, int(rng.integers(1, 20)), 30, int(rng.integers(1, 10))))
    for _ in range(4):
        tests.append(_case(rng, int(rng.integers(200, 800)), 10**6, int(rng.choice([100, 10000, 10**6]))))
    tests.append(_case(rng, 800, 800, 1))
    tests.append(_case(rng, 60000, 10**9 - 1000, 1000))
    tests.append(_case(rng, 60000, 10**9 - 10**7, 10**7))
    return tests


PUBLIC_INPUTS = ("4\n1 4\n3 5\n0 6\n5 7\n", "3\n0 10\n2 3\n4 5\n")

register_problem(CodeProblem(
    id="concert-marathon", title="Festival Marathon", category="greedy", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
