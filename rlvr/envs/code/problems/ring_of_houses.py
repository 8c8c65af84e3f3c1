"""Maximum sum of non-adjacent elements on a circle: two linear DPs."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A charity collects donations on a circular street with n houses; house i
would give d_i coins. Neighbours talk to each other, so the collectors never
visit two adjacent houses. The houses form a circle: house n is adjacent to
house 1 (for n = 2 the two houses are adjacent; for n = 1 the single house may
be visited). Which houses should be visited to collect as much as possible?
Print the maximum total.

Input
The first line holds n. The second line holds d_1 ... d_n.

Output
Print the maximum total donation.

Constraints
1 <= n <= 100000
0 <= d_i <= 1000000000
"""

REFERENCE = r'''
import sys

def best_line(vals):
    take = skip = 0
    for v in vals:
        take, skip = skip + v, max(take, skip)
    return max(take, skip)

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    d = list(map(int, data[1:1 + n]))
    if n == 1:
        print(d[0])
        return
    print(max(best_line(d[1:]), best_line(d[:-1])))  # house 1 is skipped, or house n is

main()
'''

# Tries every subset of houses: O(2^n * n).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
d = list(map(int, data[1:1 + n]))
best = 0
for mask in range(1 << n):
    if n > 1 and (mask & (mask >> 1) or (mask & 1 and mask >> (n - 1) & 1)):
        continue
    s = 0
    for i in range(n):
        if mask >> i & 1:
            s += d[i]
    best = max(best, s)
print(best)
'''

LARGE_TESTS = 2


def _fmt(d) -> str:
    return f"{len(d)}\n{' '.join(map(str, d))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([5]), _fmt([3, 7]), _fmt([2, 3, 2]), _fmt([1, 2, 3, 1]), _fmt([0, 0, 0]), _fmt([10**9] * 4),
             _fmt([5, 1, 1, 5])]
    for _ in range(11):
        hi = int(rng.choice([5, 100, 10**9])) + 1
        tests.append(_fmt(rng.integers(0, hi, size=int(rng.integers(1, 16))).tolist()))
    tests.append(_fmt(rng.integers(0, 10**9 + 1, size=100000).tolist()))
    tests.append(_fmt([10**9] * 99999))
    return tests


PUBLIC_INPUTS = ("3\n2 3 2\n", "4\n1 2 3 1\n")

register_problem(CodeProblem(
    id="ring-of-houses", title="Donations Around the Circle", category="dp", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
