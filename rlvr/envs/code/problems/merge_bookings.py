"""Merge overlapping closed intervals after sorting them by start."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A meeting room has n bookings; booking i occupies the room during the closed
time interval [l_i, r_i] (whole minutes). The caretaker wants the list of
busy periods: bookings that share at least one minute, directly or through a
chain of other bookings, form one busy period. Note that [1, 3] and [3, 5]
share minute 3 and therefore merge, while [1, 2] and [3, 4] do not.

Input
The first line holds n. Each of the next n lines holds l_i and r_i.

Output
On the first line print k, the number of busy periods. Then print k lines
"L R", the busy periods in increasing order of start.

Constraints
1 <= n <= 100000
0 <= l_i <= r_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    iv = sorted(zip(map(int, data[1:2 * n + 1:2]), map(int, data[2:2 * n + 2:2])))
    out = []
    cl, cr = iv[0]
    for l, r in iv[1:]:
        if l <= cr:
            if r > cr:
                cr = r
        else:
            out.append(f"{cl} {cr}")
            cl, cr = l, r
    out.append(f"{cl} {cr}")
    sys.stdout.write(f"{len(out)}\n" + "\n".join(out) + "\n")

main()
'''

# Inserts each booking into the list of periods by scanning all of them: O(n * k).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
periods = []
for i in range(n):
    l = int(data[1 + 2 * i]); r = int(data[2 + 2 * i])
    keep = []
    for (a, b) in periods:
        if a <= r and l <= b:
            l = min(l, a); r = max(r, b)
        else:
            keep.append((a, b))
    keep.append((l, r))
    periods = keep
periods.sort()
print(len(periods))
print("\n".join(f"{a} {b}" for a, b in periods))
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, span: int, maxlen: int) -> str:
    l = rng.integers(0, span + 1, size=n)
    r = np.minimum(l + rng.integers(0, maxlen + 1, size=n), 10**9)
    return f"{n}\n" + "".join(f"{a} {b}\n" for a, b in zip(l.tolist(), r.tolist()))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1\n0 0\n", "2\n1 3\n3 5\n", "2\n1 2\n3 4\n", "3\n0 1000000000\n5 6\n1000000000 1000000000\n",
             "4\n5 5\n5 5\n5 5\n5 5\n", "3\n10 20\n1 30\n2 3\n"]
    for _ in range(9):
        tests.append(_case(rng, int(rng.integers(1, 20)), 40, int(rng.integers(0, 6))))
    for _ in range(4):
        tests.append(_case(rng, int(rng.integers(200, 800)), 10**6, int(rng.choice([10, 1000, 100000]))))
    tests.append(_case(rng, 800, 10**9, 0))
    # mostly disjoint bookings: many periods (the naive scan is quadratic)
    tests.append(_case(rng, 40000, 10**9 - 10, 50))
    tests.append(_case(rng, 40000, 10**9 - 100000, 12000))
    return tests


PUBLIC_INPUTS = ("4\n1 3\n8 10\n2 6\n10 12\n", "2\n1 2\n3 4\n")

register_problem(CodeProblem(
    id="merge-bookings", title="Busy Periods", category="sorting", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
