"""Maximum of every window of length k: a monotonic deque."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A port crane records the weight of each of n containers it lifts, in order.
For the safety report, the inspector needs, for every block of k consecutive
lifts, the heaviest container in that block: the maximum of w_i, ..., w_{i+k-1}
for i = 1, ..., n - k + 1.

Input
The first line holds n and k. The second line holds w_1 ... w_n.

Output
Print n - k + 1 integers on one line: the window maxima from left to right.

Constraints
1 <= k <= n <= 200000
0 <= w_i <= 1000000000
"""

REFERENCE = r'''
import sys
from collections import deque

def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    w = list(map(int, data[2:2 + n]))
    dq = deque()  # indices of a decreasing run of weights inside the window
    out = []
    for i, x in enumerate(w):
        while dq and w[dq[-1]] <= x:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            out.append(w[dq[0]])
    sys.stdout.write(" ".join(map(str, out)) + "\n")

main()
'''

# max() over every window: O(n * k).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, k = int(data[0]), int(data[1])
w = list(map(int, data[2:2 + n]))
print(" ".join(str(max(w[i:i + k])) for i in range(n - k + 1)))
'''

LARGE_TESTS = 2


def _fmt(k: int, w) -> str:
    return f"{len(w)} {k}\n{' '.join(map(str, w))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(1, [5]), _fmt(1, [3, 1, 2]), _fmt(3, [3, 1, 2]), _fmt(2, [7, 7, 7]), _fmt(3, [1, 3, 1, 2, 0, 5]),
             _fmt(2, [10**9, 0, 10**9])]
    for _ in range(9):
        n = int(rng.integers(1, 25))
        tests.append(_fmt(int(rng.integers(1, n + 1)), rng.integers(0, 10, size=n).tolist()))
    for _ in range(4):
        n = int(rng.integers(200, 800))
        tests.append(_fmt(int(rng.integers(1, n + 1)), rng.integers(0, 10**9 + 1, size=n).tolist()))
    tests.append(_fmt(400, list(range(800))))
    n = 200000
    tests.append(_fmt(n // 2, rng.integers(0, 10**9 + 1, size=n).tolist()))
    tests.append(_fmt(n // 3, list(range(n, 0, -1))))
    return tests


PUBLIC_INPUTS = ("6 3\n1 3 1 2 0 5\n",)

register_problem(CodeProblem(
    id="window-maximum", title="Heaviest Lift per Block", category="data_structures", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
