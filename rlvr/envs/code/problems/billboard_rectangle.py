"""Largest rectangle under a histogram: a stack of increasing heights."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A row of n buildings of width 1 stands side by side; building i is h_i metres
tall. An advertiser wants to paint the largest possible axis-aligned rectangle
onto the facades: its bottom edge lies on the ground and it may span several
adjacent buildings, but it may not rise above any building it covers. What is
the largest possible area?

Input
The first line holds n. The second line holds h_1 ... h_n.

Output
Print the maximum rectangle area.

Constraints
1 <= n <= 100000
0 <= h_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    h.append(0)
    stack = []  # indices of increasing heights
    best = 0
    for i, x in enumerate(h):
        start = i
        while stack and h[stack[-1]] >= x:
            j = stack.pop()
            left = stack[-1] + 1 if stack else 0
            area = h[j] * (i - left)
            if area > best:
                best = area
        stack.append(i)
    print(best)

main()
'''

# Every left edge, extended to the right while tracking the minimum height: O(n^2).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
h = list(map(int, data[1:1 + n]))
best = 0
for l in range(n):
    low = h[l]
    for r in range(l, n):
        if h[r] < low:
            low = h[r]
        if low * (r - l + 1) > best:
            best = low * (r - l + 1)
print(best)
'''

LARGE_TESTS = 2


def _fmt(a) -> str:
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([0]), _fmt([7]), _fmt([2, 1, 5, 6, 2, 3]), _fmt([2, 4]), _fmt([5, 5, 5, 5]), _fmt([1, 2, 3, 4, 5]),
             _fmt([10**9] * 3)]
    for _ in range(8):
        tests.append(_fmt(rng.integers(0, 8, size=int(rng.integers(1, 25))).tolist()))
    for _ in range(4):
        tests.append(_fmt(rng.integers(0, 10**9 + 1, size=int(rng.integers(200, 800))).tolist()))
    tests.append(_fmt(list(range(1, 801))))
    n = 100000
    tests.append(_fmt(rng.integers(0, 10**9 + 1, size=n).tolist()))
    tests.append(_fmt((np.arange(n) % 1000 + 1).tolist()))
    return tests


PUBLIC_INPUTS = ("6\n2 1 5 6 2 3\n", "2\n2 4\n")

register_problem(CodeProblem(
    id="billboard-rectangle", title="The Biggest Billboard", category="data_structures", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
