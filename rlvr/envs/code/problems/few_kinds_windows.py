"""Count subarrays with at most K distinct values: for each right end, the smallest valid left end."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A fruit seller lines up n crates; crate i holds fruit of kind t_i. A customer
buys a contiguous group of crates l..r and has a basket with K compartments,
one per kind of fruit. In how many ways can she choose a group (a pair
l <= r) containing at most K different kinds?

Input
The first line holds n and K. The second line holds t_1 ... t_n.

Output
Print the number of pairs (l, r), 1 <= l <= r <= n, such that t_l, ..., t_r
take at most K distinct values.

Constraints
1 <= n <= 100000
1 <= K <= n
1 <= t_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    t = data[2:2 + n]
    cnt = {}
    distinct = 0
    left = 0
    total = 0
    for right in range(n):
        v = t[right]
        c = cnt.get(v, 0)
        if c == 0:
            distinct += 1
        cnt[v] = c + 1
        while distinct > k:
            u = t[left]
            cnt[u] -= 1
            if cnt[u] == 0:
                distinct -= 1
            left += 1
        total += right - left + 1
    print(total)

main()
'''

NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, k = int(data[0]), int(data[1])
t = list(map(int, data[2:2 + n]))
total = 0
for l in range(n):
    seen = set()
    for r in range(l, n):
        seen.add(t[r])
        if len(seen) > k:
            break
        total += 1
print(total)
'''

LARGE_TESTS = 2


def _fmt(k: int, t) -> str:
    return f"{len(t)} {k}\n{' '.join(map(str, t))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(1, [1]), _fmt(1, [1, 2]), _fmt(2, [1, 2]), _fmt(1, [3, 3, 3, 3]), _fmt(2, [1, 2, 1, 3, 4]),
             _fmt(5, [10**9, 1, 10**9, 2, 3])]
    for _ in range(9):
        n = int(rng.integers(1, 25))
        tests.append(_fmt(int(rng.integers(1, n + 1)), rng.integers(1, 6, size=n).tolist()))
    for _ in range(4):
        n = int(rng.integers(200, 800))
        tests.append(_fmt(int(rng.integers(1, 40)), rng.integers(1, int(rng.choice([10, 50, 10**9])), size=n).tolist()))
    tests.append(_fmt(800, rng.integers(1, 10**9, size=800).tolist()))
    n = 100000
    tests.append(_fmt(1000, rng.integers(1, 1001, size=n).tolist()))  # the whole row is valid
    tests.append(_fmt(50, rng.integers(1, 200, size=n).tolist()))
    return tests


PUBLIC_INPUTS = ("5 2\n1 2 1 3 4\n",)

register_problem(CodeProblem(
    id="few-kinds-windows", title="Baskets of Few Kinds", category="two_pointers", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
