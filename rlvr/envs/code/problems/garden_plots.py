"""Count pairs a*b <= n: the divisor-sum identity summed in O(sqrt n)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A town hands out rectangular garden plots with whole-metre side lengths. A
plot is described by its width a and length b (positive integers; a 2-by-3 plot
and a 3-by-2 plot count as different). For a given maximum area n, how many
different plots have area a * b at most n?

Input
The first line holds T, the number of questions. Each of the next T lines
holds one value n.

Output
Print T lines: for each n, the number of ordered pairs (a, b) of positive
integers with a * b <= n.

Constraints
1 <= T <= 5
1 <= n <= 1000000000000
"""

REFERENCE = r'''
import sys
from math import isqrt

def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for n in map(int, data[1:1 + t]):
        # pairs with a <= s or b <= s, counted by inclusion-exclusion (s = floor(sqrt(n)))
        s = isqrt(n)
        out.append(2 * sum(n // i for i in range(1, s + 1)) - s * s)
    sys.stdout.write("\n".join(map(str, out)) + "\n")

main()
'''

# Sums n // a over every width a: O(n) per question.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
t = int(data[0])
out = []
for n in map(int, data[1:1 + t]):
    total = 0
    for a in range(1, n + 1):
        total += n // a
    out.append(total)
print("\n".join(map(str, out)))
'''

LARGE_TESTS = 3


def _fmt(ns) -> str:
    return f"{len(ns)}\n" + "".join(f"{n}\n" for n in ns)


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([1]), _fmt([2]), _fmt([3]), _fmt([4, 5, 6, 7, 8]), _fmt([10]), _fmt([99, 100, 101]), _fmt([1000])]
    for _ in range(8):
        tests.append(_fmt(rng.integers(1, 5000, size=int(rng.integers(1, 6))).tolist()))
    for _ in range(3):
        tests.append(_fmt(rng.integers(10**4, 10**5, size=5).tolist()))
    tests.append(_fmt([10**12]))
    tests.append(_fmt([10**12 - int(x) for x in rng.integers(0, 10**6, size=5)]))
    tests.append(_fmt(rng.integers(10**9, 10**12, size=5).tolist()))
    return tests


PUBLIC_INPUTS = ("3\n1\n4\n10\n",)

register_problem(CodeProblem(
    id="garden-plots", title="Garden Plots", category="math", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.5,
))
