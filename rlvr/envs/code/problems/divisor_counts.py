"""Number of divisors for many queries: smallest-prime-factor sieve, then factorise."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A teacher wants to build rectangular seating plans: x pupils can sit in an
r-by-c grid exactly when r * c = x, so the number of plans (counting r-by-c and
c-by-r as different when r != c) equals the number of positive divisors of x.
For each of q class sizes x, print the number of divisors of x.

Input
The first line holds q. The second line holds the q class sizes.

Output
Print q integers on one line: the number of divisors of each class size.

Constraints
1 <= q <= 100000
1 <= x <= 1000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    xs = list(map(int, data[1:1 + q]))
    N = max(xs)
    spf = list(range(N + 1))  # smallest prime factor
    r = int(N ** 0.5)
    while r * r > N:
        r -= 1
    is_comp = bytearray(r + 1)
    primes = []
    for p in range(2, r + 1):
        if not is_comp[p]:
            primes.append(p)
            for j in range(p * p, r + 1, p):
                is_comp[j] = 1
    for p in reversed(primes):  # smaller primes overwrite later
        spf[p * p::p] = [p] * len(range(p * p, N + 1, p))
    out = []
    for x in xs:
        d = 1
        while x > 1:
            p = spf[x]
            e = 0
            while x % p == 0:
                x //= p
                e += 1
            d *= e + 1
        out.append(d)
    sys.stdout.write(" ".join(map(str, out)) + "\n")

main()
'''

# Trial division up to sqrt(x) for every query: O(q * sqrt(X)).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
q = int(data[0])
out = []
for x in map(int, data[1:1 + q]):
    d = 0
    i = 1
    while i * i <= x:
        if x % i == 0:
            d += 1 if i * i == x else 2
        i += 1
    out.append(d)
print(" ".join(map(str, out)))
'''

LARGE_TESTS = 2


def _fmt(xs) -> str:
    return f"{len(xs)}\n{' '.join(map(str, xs))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([1]), _fmt([2]), _fmt([12]), _fmt([1000000]), _fmt([997, 998, 999, 1000]), _fmt([720720]),
             _fmt([735134, 720720, 997920])]
    for _ in range(8):
        tests.append(_fmt(rng.integers(1, 200, size=int(rng.integers(1, 20))).tolist()))
    for _ in range(4):
        tests.append(_fmt(rng.integers(1, 10**5 + 1, size=int(rng.integers(100, 400))).tolist()))
    tests.append(_fmt(list(range(1, 401))))
    tests.append(_fmt(rng.integers(1, 10**6 + 1, size=100000).tolist()))
    tests.append(_fmt(rng.integers(900000, 10**6 + 1, size=100000).tolist()))
    return tests


PUBLIC_INPUTS = ("4\n1 6 12 97\n",)

register_problem(CodeProblem(
    id="divisor-counts", title="Seating Plans", category="math", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
