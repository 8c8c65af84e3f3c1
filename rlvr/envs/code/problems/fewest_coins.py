"""Fewest coins for an amount with unlimited coins of each value: unbounded-knapsack DP."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A vending machine must return exactly X cents of change. It has an unlimited
supply of coins of n different values c_1, ..., c_n. What is the smallest
number of coins that add up to exactly X? (The coin system is arbitrary, so
always taking the largest coin does not necessarily work.)

Input
The first line holds n and X. The second line holds c_1 ... c_n.

Output
Print the minimum number of coins, or -1 if X cannot be paid exactly.

Constraints
1 <= n <= 50
1 <= c_i <= 20000
0 <= X <= 20000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, x = int(data[0]), int(data[1])
    coins = sorted(set(int(c) for c in data[2:2 + n]))
    INF = 1 << 30
    best = [0] + [INF] * x
    for c in coins:
        for v in range(c, x + 1):
            t = best[v - c] + 1
            if t < best[v]:
                best[v] = t
    print(best[x] if best[x] < INF else -1)

main()
'''

# Depth-first search over the number of coins of each value.
NAIVE = r'''
import sys
sys.setrecursionlimit(100000)
data = sys.stdin.buffer.read().split()
n, x = int(data[0]), int(data[1])
coins = sorted(set(int(c) for c in data[2:2 + n]))

def search(i, rest):
    if rest == 0:
        return 0
    if i == len(coins):
        return None
    best = None
    for k in range(rest // coins[i] + 1):
        r = search(i + 1, rest - k * coins[i])
        if r is not None and (best is None or r + k < best):
            best = r + k
    return best

r = search(0, x)
print(-1 if r is None else r)
'''

LARGE_TESTS = 2


def _fmt(x: int, coins) -> str:
    return f"{len(coins)} {x}\n{' '.join(map(str, coins))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(0, [5]), _fmt(3, [2]), _fmt(6, [1, 3, 4]), _fmt(11, [1, 2, 5]), _fmt(7, [2, 4]), _fmt(20000, [20000]),
             _fmt(30, [25, 10, 1])]
    for _ in range(11):
        coins = rng.choice(np.arange(1, 16), size=int(rng.integers(1, 4)), replace=False).tolist()
        tests.append(_fmt(int(rng.integers(0, 40)), coins))
    tests.append(_fmt(20000, rng.choice(np.arange(1, 20001), size=50, replace=False).tolist()))
    tests.append(_fmt(19999, rng.choice(np.arange(2, 1000, 2), size=49, replace=False).tolist() + [3]))
    return tests


PUBLIC_INPUTS = ("3 6\n1 3 4\n", "2 7\n2 4\n")

register_problem(CodeProblem(
    id="fewest-coins", title="Exact Change", category="dp", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
