"""Primes in many ranges: one sieve, prefix counts, O(1) per query."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A lottery draws tickets numbered L to R and pays a bonus for every prime
ticket number. For each of q draws, count the prime numbers in [L, R]
(inclusive). A prime is an integer greater than 1 with no divisors other than
1 and itself.

Input
The first line holds q. Each of the next q lines holds L and R.

Output
Print q lines, the number of primes in each range.

Constraints
1 <= q <= 50000
1 <= L <= R <= 2000000
"""

REFERENCE = r'''
import sys
from itertools import accumulate

def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    ls = list(map(int, data[1:1 + 2 * q:2])); rs = list(map(int, data[2:2 + 2 * q:2]))
    N = max(rs)
    sieve = bytearray([1]) * (N + 1)
    sieve[0] = 0
    if N >= 1:
        sieve[1] = 0
    p = 2
    while p * p <= N:
        if sieve[p]:
            sieve[p * p::p] = bytes(len(range(p * p, N + 1, p)))
        p += 1
    pre = list(accumulate(sieve))
    out = [pre[r] - pre[l - 1] for l, r in zip(ls, rs)]
    sys.stdout.write("\n".join(map(str, out)) + "\n")

main()
'''

# Tests every number of every range by trial division.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
q = int(data[0])
out = []
for i in range(q):
    l = int(data[1 + 2 * i]); r = int(data[2 + 2 * i])
    c = 0
    for x in range(max(l, 2), r + 1):
        d = 2
        while d * d <= x and x % d:
            d += 1
        if d * d > x:
            c += 1
    out.append(c)
print("\n".join(map(str, out)))
'''

LARGE_TESTS = 3


def _case(rng: np.random.Generator, q: int, hi: int, wide: bool = False) -> str:
    if wide:
        l = rng.integers(1, hi // 10 + 1, size=q)
        r = rng.integers(hi - hi // 10, hi + 1, size=q)
    else:
        l = rng.integers(1, hi + 1, size=q)
        r = rng.integers(1, hi + 1, size=q)
        l, r = np.minimum(l, r), np.maximum(l, r)
    return f"{q}\n" + "".join(f"{a} {b}\n" for a, b in zip(l.tolist(), r.tolist()))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1\n1 1\n", "1\n2 2\n", "1\n1 10\n", "2\n14 16\n17 17\n", "3\n1999993 2000000\n4 4\n1 3\n"]
    for _ in range(9):
        tests.append(_case(rng, int(rng.integers(1, 20)), 100))
    for _ in range(4):
        tests.append(_case(rng, int(rng.integers(10, 50)), 5000))
    tests.append("1\n1 2000000\n")
    tests.append(_case(rng, 50000, 2000000, wide=True))
    tests.append(_case(rng, 50000, 2000000))
    return tests


PUBLIC_INPUTS = ("3\n1 10\n11 19\n20 22\n",)

register_problem(CodeProblem(
    id="prime-range-count", title="Prime Lottery Tickets", category="math", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
