"""Unit jobs with deadlines and profits: sweep deadlines, keep the best jobs in a min-heap."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A freelancer is offered n one-day jobs. Job i pays p_i coins but only if it is
done on one of the days 1, 2, ..., d_i (its deadline). She can do at most one
job per day, starting on day 1. Which jobs should she take to earn as much as
possible? Print the maximum total payment.

Input
The first line holds n. Each of the next n lines holds d_i and p_i.

Output
Print the maximum total payment.

Constraints
1 <= n <= 100000
1 <= d_i <= 1000000000
1 <= p_i <= 1000000000
"""

REFERENCE = r'''
import sys
import heapq

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    jobs = sorted(zip(map(int, data[1:2 * n + 1:2]), map(int, data[2:2 * n + 2:2])))
    h = []
    push, pushpop = heapq.heappush, heapq.heappushpop
    for d, p in jobs:
        if len(h) < d:
            push(h, p)
        elif h[0] < p:
            pushpop(h, p)
    print(sum(h))

main()
'''

# Most profitable first, each into the latest free day by a backwards scan: O(n^2).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
jobs = sorted(zip(map(int, data[2:2 * n + 2:2]), map(int, data[1:2 * n + 1:2])), reverse=True)
free = [True] * (n + 1)
total = 0
for p, d in jobs:
    t = min(d, n)
    while t >= 1 and not free[t]:
        t -= 1
    if t >= 1:
        free[t] = False
        total += p
print(total)
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, dmax: int, pmax: int, dmin: int = 1) -> str:
    d = rng.integers(dmin, dmax + 1, size=n)
    p = rng.integers(1, pmax + 1, size=n)
    return f"{n}\n" + "".join(f"{a} {b}\n" for a, b in zip(d.tolist(), p.tolist()))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1\n1 5\n", "2\n1 5\n1 7\n", "3\n1000000000 1\n1000000000 2\n1000000000 3\n",
             "4\n2 100\n1 19\n2 27\n1 25\n", "3\n3 1000000000\n3 1000000000\n3 1000000000\n"]
    for _ in range(10):
        tests.append(_case(rng, int(rng.integers(1, 20)), int(rng.integers(1, 8)), 50))
    for _ in range(4):
        n = int(rng.integers(200, 700))
        tests.append(_case(rng, n, int(rng.choice([n // 4, n, 10**9])), 10**9))
    tests.append(_case(rng, 700, 700, 1))
    n = 100000
    tests.append(_case(rng, n, n, 10**9, dmin=n - n // 20))  # crowded deadlines: the backwards scan is long
    tests.append(_case(rng, n, n // 2, 1000))
    return tests


PUBLIC_INPUTS = ("4\n2 100\n1 19\n2 27\n1 25\n",)

register_problem(CodeProblem(
    id="deadline-jobs", title="Freelancer's Calendar", category="greedy", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
