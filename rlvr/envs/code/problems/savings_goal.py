"""First day a running total reaches a target: binary search in the prefix sums."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A piggy bank receives d_i coins on day i, for days 1 to n (some days nothing).
A child asks q questions: "on which day does the total saved first reach at
least x coins?" The total saved after day t is d_1 + ... + d_t.

Input
The first line holds n and q. The second line holds d_1 ... d_n. The third
line holds the targets x_1 ... x_q.

Output
Print q integers on one line separated by spaces: for each target, the
smallest day t with d_1 + ... + d_t >= x, or -1 if the total after n days is
still smaller than x.

Constraints
1 <= n, q <= 50000
0 <= d_i <= 1000000
1 <= x <= 100000000000
"""

REFERENCE = r'''
import sys
from bisect import bisect_left
from itertools import accumulate

def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    pre = list(accumulate(map(int, data[2:2 + n])))
    total = pre[-1]
    out = []
    for x in map(int, data[2 + n:2 + n + q]):
        out.append(bisect_left(pre, x) + 1 if x <= total else -1)
    sys.stdout.write(" ".join(map(str, out)) + "\n")

main()
'''

# Walks the days from the start for every question: O(n * q).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
d = list(map(int, data[2:2 + n]))
out = []
for x in map(int, data[2 + n:2 + n + q]):
    s = 0
    ans = -1
    for t in range(n):
        s += d[t]
        if s >= x:
            ans = t + 1
            break
    out.append(ans)
print(" ".join(map(str, out)))
'''

LARGE_TESTS = 2


def _fmt(d, xs) -> str:
    return f"{len(d)} {len(xs)}\n{' '.join(map(str, d))}\n{' '.join(map(str, xs))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([0], [1]), _fmt([5], [5, 6, 1]), _fmt([0, 0, 3], [1, 3, 4]), _fmt([10**6] * 3, [3 * 10**6, 10**11]),
             _fmt([1, 0, 0, 1], [1, 2, 3])]
    for _ in range(10):
        d = rng.integers(0, 5, size=int(rng.integers(1, 20)))
        tests.append(_fmt(d.tolist(), rng.integers(1, int(d.sum()) + 4, size=int(rng.integers(1, 15))).tolist()))
    for _ in range(4):
        d = rng.integers(0, 10**6 + 1, size=int(rng.integers(200, 800)))
        hi = int(d.sum()) * 11 // 10 + 2
        tests.append(_fmt(d.tolist(), rng.integers(1, hi, size=int(rng.integers(200, 800))).tolist()))
    tests.append(_fmt([0] * 799 + [7], [7] * 800))
    n = 50000
    d = rng.integers(0, 10**6 + 1, size=n)
    total = int(d.sum())
    tests.append(_fmt(d.tolist(), rng.integers(total // 2, total + 1, size=n).tolist()))  # late answers
    d = rng.integers(0, 100, size=n)
    tests.append(_fmt(d.tolist(), rng.integers(1, 10**11, size=n).tolist()))
    return tests


PUBLIC_INPUTS = ("5 4\n3 0 4 1 2\n3 4 10 11\n",)

register_problem(CodeProblem(
    id="savings-goal", title="The Piggy Bank", category="binary_search", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
