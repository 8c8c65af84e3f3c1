"""Days until a warmer day: a monotonic stack of unresolved days."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A weather log holds the noon temperature t_i of each of n consecutive days.
For every day, a gardener wants to know how many days she has to wait for a
strictly warmer day: the smallest j > i with t_j > t_i gives the answer j - i.
If no later day is warmer, the answer is 0.

Input
The first line holds n. The second line holds t_1 ... t_n.

Output
Print n integers on one line: the answers for days 1 to n.

Constraints
1 <= n <= 100000
-1000000000 <= t_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    t = list(map(int, data[1:1 + n]))
    ans = [0] * n
    stack = []  # indices with no warmer day yet; their temperatures are non-increasing
    for i, x in enumerate(t):
        while stack and t[stack[-1]] < x:
            j = stack.pop()
            ans[j] = i - j
        stack.append(i)
    sys.stdout.write(" ".join(map(str, ans)) + "\n")

main()
'''

NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
t = list(map(int, data[1:1 + n]))
ans = []
for i in range(n):
    k = 0
    for j in range(i + 1, n):
        if t[j] > t[i]:
            k = j - i
            break
    ans.append(k)
print(" ".join(map(str, ans)))
'''

LARGE_TESTS = 2


def _fmt(a) -> str:
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([5]), _fmt([1, 2]), _fmt([2, 1]), _fmt([3, 3, 3]), _fmt([73, 74, 75, 71, 69, 72, 76, 73]),
             _fmt([-10**9, 10**9]), _fmt([5, 4, 3, 2, 1, 6])]
    for _ in range(8):
        tests.append(_fmt(rng.integers(-5, 6, size=int(rng.integers(1, 25))).tolist()))
    for _ in range(4):
        tests.append(_fmt(rng.integers(-10**9, 10**9 + 1, size=int(rng.integers(200, 800))).tolist()))
    tests.append(_fmt(list(range(800, 0, -1))))
    n = 100000
    tests.append(_fmt(list(range(n, 0, -1))))  # strictly cooling: nobody finds a warmer day
    tests.append(_fmt(rng.integers(-10**9, 10**9 + 1, size=n).tolist()))
    return tests


PUBLIC_INPUTS = ("8\n73 74 75 71 69 72 76 73\n",)

register_problem(CodeProblem(
    id="warmer-days", title="Waiting for Warmth", category="data_structures", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
