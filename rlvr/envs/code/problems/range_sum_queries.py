"""Static range sums: prefix sums answer each query in O(1)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A weather station logged the rainfall of n consecutive days, in millimetres:
a_1, a_2, ..., a_n. Farmers send q questions, each of the form "how much rain
fell in total from day l to day r, inclusive?". Answer every question.

Input
The first line holds two integers n and q. The second line holds n integers
a_1 ... a_n. Each of the next q lines holds two integers l and r.

Output
Print q lines; the i-th line is the total rainfall a_l + a_{l+1} + ... + a_r
for the i-th question.

Constraints
1 <= n, q <= 100000
0 <= a_i <= 1000000000
1 <= l <= r <= n
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    pre = [0] * (n + 1)
    s = 0
    for i in range(n):
        s += int(data[2 + i])
        pre[i + 1] = s
    out = []
    pos = 2 + n
    for _ in range(q):
        l = int(data[pos]); r = int(data[pos + 1]); pos += 2
        out.append(pre[r] - pre[l - 1])
    sys.stdout.write("\n".join(map(str, out)) + "\n")

main()
'''

# O(n) per question: sums the slice every time.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
a = [int(x) for x in data[2:2 + n]]
pos = 2 + n
out = []
for _ in range(q):
    l = int(data[pos]); r = int(data[pos + 1]); pos += 2
    out.append(sum(a[l - 1:r]))
print("\n".join(map(str, out)))
'''

#: The last LARGE_TESTS inputs are maximum-size; the naive program must time out on one of them.
LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, q: int, hi: int, wide: bool = False) -> str:
    a = rng.integers(0, hi + 1, size=n)
    if wide:  # long ranges: the worst case for summing each range
        l = rng.integers(1, max(1, n // 10) + 1, size=q)
        r = rng.integers(max(1, n - n // 10), n + 1, size=q)
        r = np.maximum(l, r)
    else:
        l = rng.integers(1, n + 1, size=q)
        r = rng.integers(1, n + 1, size=q)
        l, r = np.minimum(l, r), np.maximum(l, r)
    lines = [f"{n} {q}", " ".join(map(str, a.tolist()))]
    lines += [f"{x} {y}" for x, y in zip(l.tolist(), r.tolist())]
    return "\n".join(lines) + "\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1\n7\n1 1\n", "1 3\n0\n1 1\n1 1\n1 1\n",
             "5 3\n1000000000 1000000000 1000000000 1000000000 1000000000\n1 5\n2 4\n3 3\n"]
    for _ in range(12):
        tests.append(_case(rng, int(rng.integers(1, 30)), int(rng.integers(1, 30)), int(rng.choice([5, 1000, 10**9]))))
    for _ in range(4):
        tests.append(_case(rng, int(rng.integers(100, 2000)), int(rng.integers(100, 2000)), 10**9))
    tests.append(_case(rng, 2000, 2000, 10**9, wide=True))
    tests.append(_case(rng, 100000, 100000, 10**9, wide=True))
    tests.append(_case(rng, 100000, 100000, 1000))
    return tests


PUBLIC_INPUTS = ("5 3\n3 1 4 1 5\n1 3\n2 5\n4 4\n",)

register_problem(CodeProblem(
    id="range-sum-queries", title="Rainfall Totals", category="prefix_sums", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
