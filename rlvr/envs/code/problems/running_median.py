"""Median after every insertion: a max-heap for the lower half, a min-heap for the upper half."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A judge at a diving competition announces scores one at a time. After each
new score, the scoreboard shows the median of all scores announced so far;
when there is an even number of scores, it shows the smaller of the two middle
ones. Formally, after k scores it shows the ceil(k/2)-th smallest of them.

Input
The first line holds n. The second line holds the n scores in the order they
are announced.

Output
Print n integers on one line: what the scoreboard shows after each score.

Constraints
1 <= n <= 100000
0 <= score <= 1000000000
"""

REFERENCE = r'''
import sys
import heapq

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    low = []   # max-heap (negated) with the ceil(k/2) smallest scores
    high = []  # min-heap with the rest
    push, pop, pushpop = heapq.heappush, heapq.heappop, heapq.heappushpop
    out = []
    for x in map(int, data[1:1 + n]):
        if low and x > -low[0]:
            x = pushpop(high, x)
        push(low, -x)
        if len(low) > len(high) + 1:
            push(high, -pop(low))
        out.append(-low[0])
    sys.stdout.write(" ".join(map(str, out)) + "\n")

main()
'''

# Sorts all scores again after every announcement.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
seen = []
out = []
for x in map(int, data[1:1 + n]):
    seen.append(x)
    s = sorted(seen)
    out.append(s[(len(s) - 1) // 2])
print(" ".join(map(str, out)))
'''

LARGE_TESTS = 2


def _fmt(a) -> str:
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([5]), _fmt([5, 3]), _fmt([3, 5]), _fmt([2, 2, 2, 2]), _fmt([1, 10**9, 0, 7, 7]),
             _fmt([5, 15, 1, 3, 8, 7, 9, 10, 20, 2])]
    for _ in range(9):
        tests.append(_fmt(rng.integers(0, 10, size=int(rng.integers(1, 25))).tolist()))
    for _ in range(4):
        tests.append(_fmt(rng.integers(0, 10**9 + 1, size=int(rng.integers(200, 800))).tolist()))
    tests.append(_fmt(list(range(800, 0, -1))))
    n = 100000
    tests.append(_fmt(rng.integers(0, 10**9 + 1, size=n).tolist()))
    tests.append(_fmt(rng.integers(0, 100, size=n).tolist()))
    return tests


PUBLIC_INPUTS = ("6\n5 15 1 3 8 7\n",)

register_problem(CodeProblem(
    id="running-median", title="The Diving Scoreboard", category="data_structures", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
