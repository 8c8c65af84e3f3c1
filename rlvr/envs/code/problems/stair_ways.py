"""Count ways to climb n steps with a set of allowed stride lengths: linear DP."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A child climbs a staircase of n steps. With every stride she climbs exactly s
steps for some s from a given set of allowed stride lengths. In how many
different ways (ordered sequences of strides) can she get from the bottom
(step 0) to exactly step n? Print the count modulo 1000000007.

Input
The first line holds n and k. The second line holds the k distinct allowed
stride lengths.

Output
Print the number of ways modulo 1000000007.

Constraints
1 <= n <= 100000
1 <= k <= 10
1 <= stride length <= 100
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    strides = sorted(set(int(x) for x in data[2:2 + k]))
    MOD = 10**9 + 7
    ways = [0] * (n + 1)
    ways[0] = 1
    for i in range(1, n + 1):
        t = 0
        for s in strides:
            if s > i:
                break
            t += ways[i - s]
        ways[i] = t % MOD
    print(ways[n])

main()
'''

# Enumerates every stride sequence one by one (explicit stack): exponential.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, k = int(data[0]), int(data[1])
strides = [int(x) for x in data[2:2 + k]]
count = 0
stack = [0]
while stack:
    h = stack.pop()
    if h == n:
        count += 1
        continue
    for s in strides:
        if h + s <= n:
            stack.append(h + s)
print(count % (10**9 + 7))
'''

LARGE_TESTS = 2


def _fmt(n: int, strides) -> str:
    return f"{n} {len(strides)}\n{' '.join(map(str, strides))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(1, [1]), _fmt(1, [2]), _fmt(4, [1, 2]), _fmt(10, [3]), _fmt(9, [3]), _fmt(5, [100, 1]),
             _fmt(20, [1, 2, 3])]
    for _ in range(11):
        strides = rng.choice(np.arange(1, 8), size=int(rng.integers(1, 4)), replace=False).tolist()
        tests.append(_fmt(int(rng.integers(1, 19)), strides))
    tests.append(_fmt(100000, list(range(1, 11))))
    tests.append(_fmt(100000, rng.choice(np.arange(1, 101), size=10, replace=False).tolist()))
    return tests


PUBLIC_INPUTS = ("4 2\n1 2\n", "10 1\n3\n")

register_problem(CodeProblem(
    id="stair-ways", title="Climbing the Staircase", category="dp", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
