"""Sum of the digit sums of all integers in [L, R]: a per-position counting formula."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
An odometer factory tests its digit wheels: for a range of readings L, L+1,
..., R, it adds up the digits of every reading (for example the readings 9, 10,
11 contribute 9 + 1 + 2 = 12). For each of T test runs, print that total modulo
1000000007.

Input
The first line holds T. Each of the next T lines holds L and R.

Output
Print T lines: the sum of the digit sums of all integers from L to R, modulo
1000000007.

Constraints
1 <= T <= 10000
1 <= L <= R <= 1000000000000000000
"""

REFERENCE = r'''
import sys

def upto(n):
    """Sum of the digit sums of 0..n (exact)."""
    total = 0
    p = 1
    while p <= n:
        high, cur, low = n // (p * 10), (n // p) % 10, n % p
        total += high * 45 * p + cur * (cur - 1) // 2 * p + cur * (low + 1)
        p *= 10
    return total

def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    MOD = 10**9 + 7
    out = []
    for i in range(t):
        l = int(data[1 + 2 * i]); r = int(data[2 + 2 * i])
        out.append((upto(r) - upto(l - 1)) % MOD)
    sys.stdout.write("\n".join(map(str, out)) + "\n")

main()
'''

# Adds the digits of every reading.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
t = int(data[0])
out = []
for i in range(t):
    l = int(data[1 + 2 * i]); r = int(data[2 + 2 * i])
    s = 0
    for x in range(l, r + 1):
        while x:
            s += x % 10
            x //= 10
    out.append(s % (10**9 + 7))
print("\n".join(map(str, out)))
'''

LARGE_TESTS = 3


def _big(rng: np.random.Generator, hi: int) -> int:
    return int(rng.integers(1, hi, endpoint=True, dtype=np.uint64))


def _case(rng: np.random.Generator, t: int, hi: int, span: int | None = None) -> str:
    lines = []
    for _ in range(t):
        a = _big(rng, hi)
        b = min(hi, a + int(rng.integers(0, span + 1))) if span is not None else _big(rng, hi)
        lines.append(f"{min(a, b)} {max(a, b)}")
    return f"{t}\n" + "\n".join(lines) + "\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1\n1 1\n", "1\n9 11\n", "1\n1 9\n", "1\n1 100\n", "2\n99 101\n1000 1000\n", "1\n999999 1000001\n"]
    for _ in range(9):
        tests.append(_case(rng, int(rng.integers(1, 10)), 1000))
    for _ in range(3):
        tests.append(_case(rng, int(rng.integers(1, 10)), 10**18, span=2000))
    tests.append("1\n1 1000000000000000000\n")
    tests.append(_case(rng, 10000, 10**18))
    tests.append(_case(rng, 10000, 10**12, span=10**9))
    return tests


PUBLIC_INPUTS = ("3\n9 11\n1 9\n1 100\n",)

register_problem(CodeProblem(
    id="digit-sum-range", title="Odometer Digit Totals", category="math", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
