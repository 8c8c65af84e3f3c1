"""Count pairs with sum at most B: sort, then two pointers from both ends."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A shop offers n gifts with prices a_1, ..., a_n. A customer wants to buy
exactly two different gifts and spend at most B coins in total. In how many
ways can she choose the two gifts? (Gifts are distinct items even when their
prices are equal; the order of the two gifts does not matter.)

Input
The first line holds n and B. The second line holds a_1 ... a_n.

Output
Print the number of pairs i < j with a_i + a_j <= B.

Constraints
1 <= n <= 100000
1 <= a_i <= 1000000000
1 <= B <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, b = int(data[0]), int(data[1])
    a = sorted(map(int, data[2:2 + n]))
    i, j = 0, n - 1
    cnt = 0
    while i < j:
        if a[i] + a[j] <= b:
            cnt += j - i
            i += 1
        else:
            j -= 1
    print(cnt)

main()
'''

NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, b = int(data[0]), int(data[1])
a = list(map(int, data[2:2 + n]))
cnt = 0
for i in range(n):
    x = a[i]
    for j in range(i + 1, n):
        if x + a[j] <= b:
            cnt += 1
print(cnt)
'''

LARGE_TESTS = 2


def _fmt(b: int, a) -> str:
    return f"{len(a)} {b}\n{' '.join(map(str, a))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(10, [5]), _fmt(10, [5, 5]), _fmt(9, [5, 5]), _fmt(2 * 10**9, [10**9] * 4), _fmt(1, [1, 1, 1]),
             _fmt(7, [1, 2, 3, 4, 5, 6])]
    for _ in range(9):
        tests.append(_fmt(int(rng.integers(1, 25)), rng.integers(1, 12, size=int(rng.integers(1, 25))).tolist()))
    for _ in range(4):
        tests.append(_fmt(int(rng.integers(1, 2 * 10**9 + 1)),
                          rng.integers(1, 10**9 + 1, size=int(rng.integers(200, 800))).tolist()))
    tests.append(_fmt(1000, rng.integers(1, 1000, size=800).tolist()))
    tests.append(_fmt(10**9, rng.integers(1, 10**9 + 1, size=100000).tolist()))
    tests.append(_fmt(2 * 10**9, rng.integers(1, 10**9 + 1, size=100000).tolist()))
    return tests


PUBLIC_INPUTS = ("5 10\n2 9 4 6 1\n",)

register_problem(CodeProblem(
    id="gift-pairs", title="Two Gifts on a Budget", category="two_pointers", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
