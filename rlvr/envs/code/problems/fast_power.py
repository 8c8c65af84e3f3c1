"""Modular exponentiation with huge exponents: square-and-multiply."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A cryptography student must compute many modular powers. For each of q
questions with integers a, b and m, print a^b mod m (the remainder of a^b
divided by m, which lies in 0..m-1). By convention a^0 = 1, so a^0 mod 1 is 0.

Input
The first line holds q. Each of the next q lines holds a, b and m.

Output
Print q lines, the value of a^b mod m for each question.

Constraints
1 <= q <= 20000
0 <= a <= 1000000000000000000
0 <= b <= 1000000000000000000
1 <= m <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    out = []
    for i in range(q):
        a = int(data[1 + 3 * i]); b = int(data[2 + 3 * i]); m = int(data[3 + 3 * i])
        r = 1 % m
        a %= m
        while b:  # square-and-multiply
            if b & 1:
                r = r * a % m
            a = a * a % m
            b >>= 1
        out.append(r)
    sys.stdout.write("\n".join(map(str, out)) + "\n")

main()
'''

# Multiplies b times.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
q = int(data[0])
out = []
for i in range(q):
    a = int(data[1 + 3 * i]); b = int(data[2 + 3 * i]); m = int(data[3 + 3 * i])
    r = 1 % m
    for _ in range(b):
        r = r * a % m
    out.append(r)
print("\n".join(map(str, out)))
'''

LARGE_TESTS = 3


def _case(rng: np.random.Generator, q: int, amax: int, bmax: int, mmax: int) -> str:
    a = [int(x) for x in rng.integers(0, amax, size=q, endpoint=True, dtype=np.uint64)]
    b = [int(x) for x in rng.integers(0, bmax, size=q, endpoint=True, dtype=np.uint64)]
    m = rng.integers(1, mmax + 1, size=q).tolist()
    return f"{q}\n" + "".join(f"{x} {y} {z}\n" for x, y, z in zip(a, b, m))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1\n2 10 1000\n", "1\n0 0 1\n", "1\n0 0 7\n", "1\n5 0 3\n", "1\n0 5 3\n",
             "2\n1000000000000000000 1 1000000000\n999999999 2 1000000000\n", "1\n7 1000 1\n"]
    for _ in range(8):
        tests.append(_case(rng, int(rng.integers(1, 20)), 100, 50, 100))
    for _ in range(3):
        tests.append(_case(rng, int(rng.integers(100, 300)), 10**18, 1000, 10**9))
    tests.append("1\n2 1000000000000000000 1000000007\n")
    tests.append(_case(rng, 20000, 10**18, 10**18, 10**9))
    tests.append(_case(rng, 20000, 10**9, 10**18, 10))
    return tests


PUBLIC_INPUTS = ("3\n2 10 1000\n3 0 5\n10 3 7\n",)

register_problem(CodeProblem(
    id="fast-power", title="Modular Powers", category="math", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
