"""Longest window of distinct values: a sliding window with last-seen positions."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A radio station logs the id of each of the n songs it plays, in order. The
programme director wants the longest stretch of consecutive plays in which no
song was played twice. Print its length.

Input
The first line holds n. The second line holds n integers, the song ids.

Output
Print the length of the longest contiguous stretch with pairwise different ids.

Constraints
1 <= n <= 100000
1 <= id <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    last = {}
    best = 0
    left = 0
    for i, v in enumerate(data[1:1 + n]):
        v = int(v)
        p = last.get(v, -1)
        if p >= left:
            left = p + 1
        last[v] = i
        if i - left + 1 > best:
            best = i - left + 1
    print(best)

main()
'''

# From every start, extends until a repeat: O(n * answer).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
a = list(map(int, data[1:1 + n]))
best = 0
for l in range(n):
    seen = set()
    r = l
    while r < n and a[r] not in seen:
        seen.add(a[r])
        r += 1
    best = max(best, r - l)
print(best)
'''

LARGE_TESTS = 2


def _fmt(a) -> str:
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([1]), _fmt([1, 1]), _fmt([1, 2]), _fmt([7] * 10), _fmt([1, 2, 3, 1, 2, 3, 4]),
             _fmt([10**9, 1, 10**9])]
    for _ in range(9):
        tests.append(_fmt(rng.integers(1, 8, size=int(rng.integers(1, 25))).tolist()))
    for _ in range(4):
        hi = int(rng.choice([50, 1000, 10**9]))
        tests.append(_fmt(rng.integers(1, hi, size=int(rng.integers(200, 800))).tolist()))
    tests.append(_fmt((rng.permutation(800) + 1).tolist()))
    tests.append(_fmt((rng.permutation(100000) * 4999 + 1).tolist()))
    tests.append(_fmt(rng.integers(1, 100000, size=100000).tolist()))
    return tests


PUBLIC_INPUTS = ("7\n5 1 3 5 2 3 1\n", "3\n4 4 4\n")

register_problem(CodeProblem(
    id="distinct-streak", title="No Song Twice", category="two_pointers", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
