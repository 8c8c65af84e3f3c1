"""Count coprime pairs with Moebius inversion over divisor counts."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A gear designer has n gears; gear i has a_i teeth. Two meshing gears wear
evenly when their tooth counts are coprime, i.e. their greatest common divisor
is 1. How many pairs of different gears (i < j) have gcd(a_i, a_j) = 1?

Input
The first line holds n. The second line holds a_1 ... a_n.

Output
Print the number of pairs i < j with gcd(a_i, a_j) = 1.

Constraints
1 <= n <= 100000
1 <= a_i <= 100000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    M = max(a)
    freq = [0] * (M + 1)
    for x in a:
        freq[x] += 1
    # Moebius function by a linear sieve
    mu = [1] * (M + 1)
    is_comp = bytearray(M + 1)
    primes = []
    for i in range(2, M + 1):
        if not is_comp[i]:
            primes.append(i)
            mu[i] = -1
        for p in primes:
            ip = i * p
            if ip > M:
                break
            is_comp[ip] = 1
            if i % p == 0:
                mu[ip] = 0
                break
            mu[ip] = -mu[i]
    total = 0
    for d in range(1, M + 1):
        if mu[d]:
            c = sum(freq[d::d])  # how many numbers are divisible by d
            total += mu[d] * (c * (c - 1) // 2)
    print(total)

main()
'''

NAIVE = r'''
import sys
from math import gcd
data = sys.stdin.buffer.read().split()
n = int(data[0])
a = list(map(int, data[1:1 + n]))
total = 0
for i in range(n):
    x = a[i]
    for j in range(i + 1, n):
        if gcd(x, a[j]) == 1:
            total += 1
print(total)
'''

LARGE_TESTS = 2


def _fmt(a) -> str:
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([1]), _fmt([1, 1]), _fmt([2, 4]), _fmt([2, 3]), _fmt([6, 10, 15]), _fmt([100000, 99999, 1]),
             _fmt([7] * 6)]
    for _ in range(8):
        tests.append(_fmt(rng.integers(1, 30, size=int(rng.integers(1, 25))).tolist()))
    for _ in range(4):
        tests.append(_fmt(rng.integers(1, 10**5 + 1, size=int(rng.integers(200, 700))).tolist()))
    tests.append(_fmt((rng.integers(1, 5 * 10**4, size=700) * 2).tolist()))
    tests.append(_fmt(rng.integers(1, 10**5 + 1, size=100000).tolist()))
    tests.append(_fmt((rng.integers(1, 1000, size=100000) * rng.choice([1, 6, 35], size=100000)).tolist()))
    return tests


PUBLIC_INPUTS = ("4\n6 10 15 7\n",)

register_problem(CodeProblem(
    id="coprime-pairs", title="Evenly Wearing Gears", category="math", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
