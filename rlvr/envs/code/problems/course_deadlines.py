"""Maximum number of courses before their deadlines: sort by deadline, max-heap of durations."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A student can follow n online courses, one at a time, starting at time 0.
Course i takes t_i consecutive days and must be finished by day d_i at the
latest (finishing exactly on day d_i is allowed: taking courses of lengths 2
and 3 one after another ends on day 5). She may skip courses and choose the
order freely. What is the largest number of courses she can complete?

Input
The first line holds n. Each of the next n lines holds t_i and d_i.

Output
Print the maximum number of courses.

Constraints
1 <= n <= 100000
1 <= t_i <= 1000000
1 <= d_i <= 1000000000
"""

REFERENCE = r'''
import sys
import heapq

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    courses = sorted(zip(map(int, data[2:2 * n + 2:2]), map(int, data[1:2 * n + 1:2])))
    h = []  # negated durations of the chosen courses
    used = 0
    for d, t in courses:
        if used + t <= d:
            heapq.heappush(h, -t)
            used += t
        elif h and -h[0] > t:
            used += t + heapq.heappushpop(h, -t)
    print(len(h))

main()
'''

# DP over courses by deadline: least total time to finish k of them. O(n^2).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
courses = sorted(zip(map(int, data[2:2 * n + 2:2]), map(int, data[1:2 * n + 1:2])))
INF = float("inf")
best = [0] + [INF] * n
cnt = 0
for d, t in courses:
    for k in range(cnt, -1, -1):
        v = best[k] + t
        if v <= d and v < best[k + 1]:
            best[k + 1] = v
            if k + 1 > cnt:
                cnt = k + 1
print(cnt)
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, tmax: int, dmax: int) -> str:
    t = rng.integers(1, tmax + 1, size=n)
    d = rng.integers(1, dmax + 1, size=n)
    return f"{n}\n" + "".join(f"{a} {b}\n" for a, b in zip(t.tolist(), d.tolist()))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1\n5 4\n", "1\n5 5\n", "2\n2 5\n3 5\n", "4\n100 200\n200 1300\n1000 1250\n2000 3200\n",
             "3\n1000000 1000000000\n1000000 1\n1 1\n"]
    for _ in range(10):
        tests.append(_case(rng, int(rng.integers(1, 15)), 6, 20))
    for _ in range(4):
        n = int(rng.integers(200, 600))
        tests.append(_case(rng, n, 10**6, int(rng.choice([10**6, 10**8, 10**9]))))
    tests.append(_case(rng, 600, 1, 300))
    n = 100000
    tests.append(_case(rng, n, 1000, 25 * 10**6))
    tests.append(_case(rng, n, 10**6, 10**9))
    return tests


PUBLIC_INPUTS = ("4\n100 200\n200 1300\n1000 1250\n2000 3200\n", "2\n3 2\n4 3\n")

register_problem(CodeProblem(
    id="course-deadlines", title="Online Courses Before Deadlines", category="greedy", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
