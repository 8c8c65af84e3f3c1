"""Binomial coefficients modulo a prime: factorials and inverse factorials once, O(1) per query."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A pizza place offers n different toppings and a customer picks exactly k of
them; the number of possible pizzas is the binomial coefficient C(n, k). For
each of q customers, print C(n, k) modulo 1000000007. (C(n, 0) = 1, and
C(n, k) = 0 when k > n.)

Input
The first line holds q. Each of the next q lines holds n and k.

Output
Print q lines, C(n, k) mod 1000000007 for each customer.

Constraints
1 <= q <= 50000
0 <= n, k <= 500000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    ns = list(map(int, data[1:1 + 2 * q:2])); ks = list(map(int, data[2:2 + 2 * q:2]))
    MOD = 10**9 + 7
    N = max(ns)
    fact = [1] * (N + 1)
    for i in range(1, N + 1):
        fact[i] = fact[i - 1] * i % MOD
    inv = [1] * (N + 1)
    inv[N] = pow(fact[N], MOD - 2, MOD)
    for i in range(N, 0, -1):
        inv[i - 1] = inv[i] * i % MOD
    out = []
    for n, k in zip(ns, ks):
        out.append(fact[n] * inv[k] % MOD * inv[n - k] % MOD if k <= n else 0)
    sys.stdout.write("\n".join(map(str, out)) + "\n")

main()
'''

# Multiplies k fractions per query: O(k) each.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
q = int(data[0])
MOD = 10**9 + 7
out = []
for i in range(q):
    n = int(data[1 + 2 * i]); k = int(data[2 + 2 * i])
    if k > n:
        out.append(0)
        continue
    num = den = 1
    for j in range(k):
        num = num * (n - j) % MOD
        den = den * (j + 1) % MOD
    out.append(num * pow(den, MOD - 2, MOD) % MOD)
print("\n".join(map(str, out)))
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, q: int, nmax: int) -> str:
    n = rng.integers(0, nmax + 1, size=q)
    k = (rng.random(q) * (n + 2)).astype(np.int64)
    return f"{q}\n" + "".join(f"{a} {b}\n" for a, b in zip(n.tolist(), k.tolist()))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1\n0 0\n", "1\n5 2\n", "1\n2 5\n", "2\n10 0\n10 10\n", "1\n0 1\n", "1\n500000 1\n"]
    for _ in range(9):
        tests.append(_case(rng, int(rng.integers(1, 20)), 30))
    for _ in range(4):
        tests.append(_case(rng, int(rng.integers(100, 400)), 1000))
    tests.append(_case(rng, 50000, 5 * 10**5))
    tests.append(_case(rng, 50000, 2 * 10**5))
    return tests


PUBLIC_INPUTS = ("3\n5 2\n10 10\n3 4\n",)

register_problem(CodeProblem(
    id="binomial-queries", title="Pizza Toppings", category="math", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
