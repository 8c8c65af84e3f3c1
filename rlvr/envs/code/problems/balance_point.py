"""First index whose left and right sums are equal (one pass with a running prefix sum)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A row of n weights hangs from a long bar; weight i pulls with force a_i (a
negative force pulls upwards). We want to hang the bar from the position of
one weight i so that the total force of the weights strictly to its left
equals the total force of the weights strictly to its right. (The weight at
the hanging point itself does not count on either side; an empty side sums to
zero.)

Input
The first line holds n. The second line holds n integers a_1 ... a_n.

Output
Print the smallest index i (1-based) with a_1 + ... + a_{i-1} = a_{i+1} + ... + a_n,
or -1 if there is no such index.

Constraints
1 <= n <= 100000
-1000000000 <= a_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    total = sum(a)
    left = 0
    for i, x in enumerate(a):
        if 2 * left + x == total:
            print(i + 1)
            return
        left += x
    print(-1)

main()
'''

# Recomputes both sides for every index: O(n^2).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
a = list(map(int, data[1:1 + n]))
ans = -1
for i in range(n):
    if sum(a[:i]) == sum(a[i + 1:]):
        ans = i + 1
        break
print(ans)
'''

LARGE_TESTS = 2


def _fmt(a) -> str:
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


def _balanced(rng: np.random.Generator, n: int, hi: int) -> list[int]:
    """A random array whose balance point is near the end (if the values allow it)."""
    a = rng.integers(-hi, hi + 1, size=n).tolist()
    k = n - 1 - int(rng.integers(0, min(3, n)))
    right = sum(a[k + 1:])
    need = sum(a[:k]) - right
    if k + 1 < n and abs(a[n - 1] + need) <= 10**9:
        a[n - 1] += need
    return a


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([5]), _fmt([0, 0, 0]), _fmt([1, 2]), _fmt([3, -3]), _fmt([-7, 5, -7]),
             _fmt([10**9, -10**9, 10**9, -10**9, 0]), _fmt([1, 1, 1, 1])]
    for _ in range(6):
        tests.append(_fmt(rng.integers(-3, 4, size=int(rng.integers(1, 20))).tolist()))
    for _ in range(4):
        tests.append(_fmt(_balanced(rng, int(rng.integers(2, 40)), 100)))
    for _ in range(3):
        tests.append(_fmt(_balanced(rng, int(rng.integers(500, 2000)), 10**6)))
    tests.append(_fmt(rng.integers(-10**9, 10**9 + 1, size=3000).tolist()))
    tests.append(_fmt(rng.integers(10**8, 10**9 + 1, size=100000).tolist()))  # no balance point
    tests.append(_fmt(_balanced(rng, 100000, 1000)))
    return tests


PUBLIC_INPUTS = ("7\n1 7 3 6 5 6 0\n", "3\n1 2 3\n")

register_problem(CodeProblem(
    id="balance-point", title="Balancing the Bar", category="prefix_sums", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
