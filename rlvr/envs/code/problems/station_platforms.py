"""Minimum platforms = maximum number of simultaneous trains (sweep over sorted events)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A railway station serves n trains a day. Train i arrives at minute a_i and
leaves at minute d_i, and occupies one platform for the whole closed interval
[a_i, d_i]. Two trains whose intervals share a minute (even a single one, for
example one leaving at minute 10 and another arriving at minute 10) need
different platforms. What is the minimum number of platforms the station needs?

Input
The first line holds n. Each of the next n lines holds a_i and d_i.

Output
Print the minimum number of platforms.

Constraints
1 <= n <= 100000
0 <= a_i <= d_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    arr = sorted(map(int, data[1:2 * n + 1:2]))
    dep = sorted(map(int, data[2:2 * n + 2:2]))
    best = cur = 0
    j = 0
    for a in arr:
        while dep[j] < a:  # trains that left strictly before this arrival
            j += 1
            cur -= 1
        cur += 1
        if cur > best:
            best = cur
    print(best)

main()
'''

# For every arrival, counts the trains present at that minute: O(n^2).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
a = list(map(int, data[1:2 * n + 1:2])); d = list(map(int, data[2:2 * n + 2:2]))
best = 0
for i in range(n):
    t = a[i]
    c = 0
    for j in range(n):
        if a[j] <= t <= d[j]:
            c += 1
    best = max(best, c)
print(best)
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, span: int, maxlen: int) -> str:
    a = rng.integers(0, span + 1, size=n)
    d = np.minimum(a + rng.integers(0, maxlen + 1, size=n), 10**9)
    return f"{n}\n" + "".join(f"{x} {y}\n" for x, y in zip(a.tolist(), d.tolist()))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1\n5 5\n", "2\n0 10\n10 20\n", "2\n0 9\n10 20\n", "3\n0 1000000000\n0 1000000000\n0 1000000000\n",
             "4\n1 2\n2 3\n3 4\n4 5\n"]
    for _ in range(10):
        tests.append(_case(rng, int(rng.integers(1, 20)), 20, int(rng.integers(0, 8))))
    for _ in range(4):
        tests.append(_case(rng, int(rng.integers(200, 800)), 10**6, int(rng.choice([10, 1000, 100000]))))
    tests.append(_case(rng, 800, 10**9, 0))
    tests.append(_case(rng, 100000, 10**9 - 10**6, 10**6))
    tests.append(_case(rng, 100000, 1000, 100))
    return tests


PUBLIC_INPUTS = ("3\n900 1000\n940 1200\n1000 1010\n", "2\n0 9\n10 20\n")

register_problem(CodeProblem(
    id="station-platforms", title="Platforms at the Station", category="greedy", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
