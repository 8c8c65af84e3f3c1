"""Huffman-style merging: always join the two shortest ropes (min-heap)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A sailor has n pieces of rope with lengths l_1, ..., l_n and wants to splice
them all into a single rope. Splicing two ropes of lengths x and y yields one
rope of length x + y and costs x + y coins. Splices can be done in any order.
What is the minimum total cost? (With a single rope the cost is 0.)

Input
The first line holds n. The second line holds n integers l_1 ... l_n.

Output
Print the minimum total cost.

Constraints
1 <= n <= 100000
1 <= l_i <= 1000000000
"""

REFERENCE = r'''
import sys
import heapq

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    heapq.heapify(h)
    total = 0
    pop, push = heapq.heappop, heapq.heappush
    while len(h) > 1:
        s = pop(h) + pop(h)
        total += s
        push(h, s)
    print(total)

main()
'''

# Sorts the whole list before every splice: O(n^2) at least.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
h = list(map(int, data[1:1 + n]))
total = 0
while len(h) > 1:
    h.sort()
    s = h[0] + h[1]
    total += s
    h = h[2:] + [s]
print(total)
'''

LARGE_TESTS = 2


def _fmt(a) -> str:
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([7]), _fmt([1, 1]), _fmt([10**9] * 5), _fmt([1, 2, 3, 4, 5]), _fmt([5, 1, 1, 1])]
    for _ in range(10):
        tests.append(_fmt(rng.integers(1, 20, size=int(rng.integers(1, 25))).tolist()))
    for _ in range(4):
        tests.append(_fmt(rng.integers(1, 10**9 + 1, size=int(rng.integers(200, 800))).tolist()))
    tests.append(_fmt([1] * 800))
    tests.append(_fmt(rng.integers(1, 10**9 + 1, size=100000).tolist()))
    tests.append(_fmt([10**9] * 100000))
    return tests


PUBLIC_INPUTS = ("4\n4 3 2 6\n", "1\n100\n")

register_problem(CodeProblem(
    id="rope-joining", title="Splicing Ropes", category="greedy", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
