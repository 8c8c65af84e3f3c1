"""Minimum number of swaps that sort a permutation: n minus the number of cycles."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
n boxes labelled 1 to n stand on a shelf in some order. A robot may pick any
two boxes and exchange their positions; each such exchange costs one move.
What is the smallest number of moves needed to arrange the boxes so that the
box labelled i stands at position i for every i?

Input
The first line holds n. The second line holds p_1 ... p_n, where p_i is the
label of the box currently at position i (a permutation of 1..n).

Output
Print the minimum number of moves.

Constraints
1 <= n <= 100000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    p = [0] + [int(x) for x in data[1:1 + n]]
    seen = bytearray(n + 1)
    cycles = 0
    for i in range(1, n + 1):
        if not seen[i]:
            cycles += 1
            j = i
            while not seen[j]:
                seen[j] = 1
                j = p[j]
    print(n - cycles)

main()
'''

# Selection sort that searches for the missing label each time: O(n^2).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
p = [int(x) for x in data[1:1 + n]]
moves = 0
for i in range(n):
    if p[i] != i + 1:
        j = i + 1
        while p[j] != i + 1:
            j += 1
        p[i], p[j] = p[j], p[i]
        moves += 1
print(moves)
'''

LARGE_TESTS = 3


def _fmt(p) -> str:
    return f"{len(p)}\n{' '.join(map(str, p))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([1]), _fmt([2, 1]), _fmt([1, 2, 3]), _fmt([3, 1, 2]), _fmt(list(range(10, 0, -1))),
             _fmt(list(range(2, 11)) + [1])]
    for _ in range(9):
        tests.append(_fmt((rng.permutation(int(rng.integers(1, 30))) + 1).tolist()))
    for _ in range(4):
        tests.append(_fmt((rng.permutation(int(rng.integers(200, 800))) + 1).tolist()))
    n = 100000
    tests.append(_fmt(list(range(n, 0, -1))))
    tests.append(_fmt(list(range(2, n + 1)) + [1]))  # one long cycle
    tests.append(_fmt((rng.permutation(n) + 1).tolist()))
    return tests


PUBLIC_INPUTS = ("5\n2 3 1 5 4\n", "3\n1 2 3\n")

register_problem(CodeProblem(
    id="sorting-swaps", title="Boxes on a Shelf", category="sorting", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
