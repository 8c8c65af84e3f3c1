"""Remove k digits to get the smallest number: a monotonic stack."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A lottery ticket shows a number of n digits (it may start with zeros). The
owner must erase exactly k of its digits; the remaining digits keep their
order and are read as a number. What is the smallest number she can obtain?

Input
The first line holds n and k. The second line holds the n digits as one string.

Output
Print the smallest obtainable number without leading zeros (print 0 if it is
zero or if no digit remains).

Constraints
1 <= n <= 200000
0 <= k <= n
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    s = data[2].decode()
    st = []
    for ch in s:
        while k and st and st[-1] > ch:
            st.pop()
            k -= 1
        st.append(ch)
    if k:
        del st[len(st) - k:]
    res = "".join(st).lstrip("0")
    print(res or "0")

main()
'''

# Removes one digit at a time, rescanning from the start: O(n * k).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, k = int(data[0]), int(data[1])
s = list(data[2].decode())
for _ in range(k):
    i = 0
    while i + 1 < len(s) and s[i] <= s[i + 1]:
        i += 1
    del s[i]
res = "".join(s).lstrip("0")
print(res or "0")
'''

LARGE_TESTS = 2


def _fmt(k: int, s: str) -> str:
    return f"{len(s)} {k}\n{s}\n"


def _digits(rng: np.random.Generator, n: int, lo: int = 0, hi: int = 9) -> str:
    return "".join(map(str, rng.integers(lo, hi + 1, size=n).tolist()))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(0, "7"), _fmt(1, "7"), _fmt(1, "10"), _fmt(2, "10200"), _fmt(3, "1432219"), _fmt(0, "000"),
             _fmt(2, "11111"), _fmt(3, "123456")]
    for _ in range(8):
        s = _digits(rng, int(rng.integers(1, 20)))
        tests.append(_fmt(int(rng.integers(0, len(s) + 1)), s))
    for _ in range(3):
        s = _digits(rng, int(rng.integers(200, 800)))
        tests.append(_fmt(int(rng.integers(0, len(s) + 1)), s))
    n = 200000
    tests.append(_fmt(300, "".join(sorted(_digits(rng, 800)))))
    # increasing digits: the rescanning solution walks to the end for every removal
    tests.append(_fmt(n // 2, "".join(sorted(_digits(rng, n, 1, 9)))))
    tests.append(_fmt(n // 3, _digits(rng, n)))
    return tests


PUBLIC_INPUTS = ("7 3\n1432219\n", "5 2\n10200\n")

register_problem(CodeProblem(
    id="smallest-after-removals", title="Erasing Lottery Digits", category="greedy", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
