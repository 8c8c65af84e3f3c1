"""Circular tour: the smallest start from which the whole loop can be driven (one greedy pass)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A delivery van drives around a ring road with n depots numbered 1 to n in
driving order; after depot n comes depot 1 again. At depot i the van picks up
f_i litres of fuel, and the drive from depot i to the next depot burns c_i
litres. The tank is unlimited and starts empty. The van starts at some depot,
takes the fuel there, and must visit all depots once and return to its start;
the tank may never be negative (arriving with exactly 0 litres is fine).

Input
The first line holds n. The second line holds f_1 ... f_n. The third line
holds c_1 ... c_n.

Output
Print the smallest depot index from which the full loop is possible, or -1 if
there is none.

Constraints
1 <= n <= 100000
0 <= f_i, c_i <= 10000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    f = data[1:1 + n]; c = data[1 + n:1 + 2 * n]
    start = 0
    tank = 0
    total = 0
    for i in range(n):
        d = int(f[i]) - int(c[i])
        total += d
        tank += d
        if tank < 0:  # no start in [start, i] can pass depot i
            start = i + 1
            tank = 0
    print(start + 1 if total >= 0 else -1)

main()
'''

# Simulates the loop from every start: O(n^2) in the worst case.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
f = list(map(int, data[1:1 + n])); c = list(map(int, data[1 + n:1 + 2 * n]))
ans = -1
for s in range(n):
    tank = 0
    ok = True
    for k in range(n):
        i = (s + k) % n
        tank += f[i] - c[i]
        if tank < 0:
            ok = False
            break
    if ok:
        ans = s + 1
        break
print(ans)
'''

LARGE_TESTS = 2


def _fmt(f, c) -> str:
    return f"{len(f)}\n{' '.join(map(str, f))}\n{' '.join(map(str, c))}\n"


def _late(rng: np.random.Generator, n: int) -> tuple[list[int], list[int]]:
    """Balanced depots, one deficit near the end: only the last depot works, every other start fails late."""
    f = rng.integers(0, 100, size=n)
    c = f.copy()
    c[n - 2] = min(10000, int(f[n - 2]) + 5000)
    f[n - 1] = 10000
    c[n - 1] = 0
    return f.tolist(), c.tolist()


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([0], [0]), _fmt([1], [2]), _fmt([5, 0], [0, 5]), _fmt([0, 5], [5, 0]), _fmt([1, 1, 1], [1, 1, 2]),
             _fmt([10000] * 3, [10000] * 3)]
    for _ in range(9):
        n = int(rng.integers(1, 20))
        tests.append(_fmt(rng.integers(0, 10, size=n).tolist(), rng.integers(0, 10, size=n).tolist()))
    for _ in range(3):
        n = int(rng.integers(200, 600))
        tests.append(_fmt(rng.integers(0, 10001, size=n).tolist(), rng.integers(0, 10001, size=n).tolist()))
    tests.append(_fmt(*_late(rng, 40)))
    f, c = _late(rng, 600)
    tests.append(_fmt(f, c))
    tests.append(_fmt(*_late(rng, 100000)))
    f = rng.integers(0, 100, size=100000)
    c = f.copy()
    c[-1] += 1  # impossible: the total is negative, every start fails at the last depot
    tests.append(_fmt(f.tolist(), c.tolist()))
    return tests


PUBLIC_INPUTS = ("5\n1 2 3 4 5\n3 4 5 1 2\n", "3\n2 3 4\n3 4 3\n")

register_problem(CodeProblem(
    id="fuel-loop", title="Ring Road Fuel", category="greedy", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
