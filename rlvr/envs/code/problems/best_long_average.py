"""Maximum average of a segment of length >= L: binary search on the average with prefix minima."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A streamer has the viewer counts v_1, ..., v_n of her last n streams (a
negative value means she lost followers that day, so values may be negative).
For a sponsor she wants to quote the best average over a run of consecutive
streams, but the sponsor only accepts runs of at least L streams. Find the
maximum of (v_l + ... + v_r) / (r - l + 1) over all l <= r with r - l + 1 >= L.

Input
The first line holds n and L. The second line holds v_1 ... v_n.

Output
Print the maximum average. Your answer is accepted if its absolute or relative
error is at most 1e-6.

Constraints
1 <= L <= n <= 20000
-1000000 <= v_i <= 1000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, L = int(data[0]), int(data[1])
    v = list(map(int, data[2:2 + n]))

    def reachable(avg):
        # is there a run of length >= L with sum(v - avg) >= 0?
        pre = [0.0] * (n + 1)
        s = 0.0
        for i in range(n):
            s += v[i] - avg
            pre[i + 1] = s
        lowest = 0.0
        for r in range(L, n + 1):
            p = pre[r - L]
            if p < lowest:
                lowest = p
            if pre[r] - lowest >= 0:
                return True
        return False

    lo, hi = float(min(v)), float(max(v))
    for _ in range(45):
        mid = (lo + hi) / 2
        if reachable(mid):
            lo = mid
        else:
            hi = mid
    print(f"{lo:.9f}")

main()
'''

# Every run of length >= L: O(n^2).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, L = int(data[0]), int(data[1])
v = list(map(int, data[2:2 + n]))
best = None
for l in range(n):
    s = sum(v[l:l + L - 1])
    for r in range(l + L - 1, n):
        s += v[r]
        a = s / (r - l + 1)
        if best is None or a > best:
            best = a
print(f"{best:.9f}")
'''

LARGE_TESTS = 2


def _fmt(L: int, v) -> str:
    return f"{len(v)} {L}\n{' '.join(map(str, v))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(1, [5]), _fmt(1, [-10**6]), _fmt(2, [1, 12, -5, -6, 50, 3]), _fmt(4, [1, 12, -5, -6, 50, 3]),
             _fmt(3, [10**6] * 3), _fmt(2, [-1, -2, -3]), _fmt(1, [1, 2, 1])]
    for _ in range(8):
        n = int(rng.integers(1, 20))
        tests.append(_fmt(int(rng.integers(1, n + 1)), rng.integers(-10, 11, size=n).tolist()))
    for _ in range(4):
        n = int(rng.integers(100, 400))
        tests.append(_fmt(int(rng.integers(1, n + 1)), rng.integers(-10**6, 10**6 + 1, size=n).tolist()))
    tests.append(_fmt(200, rng.integers(-3, 4, size=400).tolist()))
    n = 20000
    tests.append(_fmt(50, rng.integers(-10**6, 10**6 + 1, size=n).tolist()))
    tests.append(_fmt(1000, rng.integers(-1000, 1001, size=n).tolist()))
    return tests


PUBLIC_INPUTS = ("6 4\n1 12 -5 -6 50 3\n", "3 1\n-1 -2 -3\n")

register_problem(CodeProblem(
    id="best-long-average", title="The Sponsor's Average", category="binary_search", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0, checker="float:1e-6",
))
