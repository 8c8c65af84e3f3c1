"""Count subarrays whose sum is divisible by m (prefix sums modulo m)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A warehouse receives n deliveries in a row; delivery i changes the stock by
a_i units (negative values are withdrawals). Boxes hold exactly m units, so a
contiguous run of deliveries l..r is called "boxable" when its total change
a_l + ... + a_r is divisible by m (zero and negative multiples of m count too).
Count the boxable runs.

Input
The first line holds n and m. The second line holds n integers a_1 ... a_n.

Output
Print the number of pairs (l, r), 1 <= l <= r <= n, such that a_l + ... + a_r
is divisible by m.

Constraints
1 <= n <= 100000
1 <= m <= 1000000000
-1000000000 <= a_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    cnt = {0: 1}
    get = cnt.get
    s = 0
    total = 0
    for x in data[2:2 + n]:
        s = (s + int(x)) % m
        c = get(s, 0)
        total += c
        cnt[s] = c + 1
    print(total)

main()
'''

NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
a = list(map(int, data[2:2 + n]))
total = 0
for l in range(n):
    s = 0
    for r in range(l, n):
        s += a[r]
        if s % m == 0:
            total += 1
print(total)
'''

LARGE_TESTS = 2


def _fmt(m: int, a) -> str:
    return f"{len(a)} {m}\n{' '.join(map(str, a))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(1, [5]), _fmt(2, [3]), _fmt(7, [-7]), _fmt(10**9, [10**9, -10**9, 10**9]),
             _fmt(3, [0, 0, 0, 0]), _fmt(1, [-1, 2, -3]), _fmt(5, [-1, -4, 2, 3])]
    for _ in range(8):
        n = int(rng.integers(1, 30))
        tests.append(_fmt(int(rng.integers(1, 8)), rng.integers(-20, 21, size=n).tolist()))
    for _ in range(4):
        n = int(rng.integers(200, 800))
        tests.append(_fmt(int(rng.integers(1, 10**9)), rng.integers(-10**9, 10**9 + 1, size=n).tolist()))
    tests.append(_fmt(int(rng.integers(2, 50)), rng.integers(-10**9, 10**9 + 1, size=800).tolist()))
    tests.append(_fmt(7, rng.integers(-10**9, 10**9 + 1, size=100000).tolist()))
    tests.append(_fmt(999999937, rng.integers(-10**9, 10**9 + 1, size=100000).tolist()))
    return tests


PUBLIC_INPUTS = ("6 5\n4 5 0 -2 -3 1\n",)

register_problem(CodeProblem(
    id="divisible-stretches", title="Boxable Deliveries", category="prefix_sums", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
