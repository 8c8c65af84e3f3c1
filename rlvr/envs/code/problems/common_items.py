"""Multiset intersection of two sorted lists: a merge-style two-pointer walk."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
Two collectors each keep a sorted catalogue of the stamps they own, as lists of
stamp codes in non-decreasing order; a code may appear several times (duplicate
stamps). They want the list of stamps they have in common: a code that appears
x times in the first catalogue and y times in the second appears min(x, y)
times in the common list.

Input
The first line holds n and m. The second line holds the n codes of the first
catalogue, the third line the m codes of the second; both are non-decreasing.

Output
On the first line print k, the size of the common list. On the second line
print the k codes in non-decreasing order (the line is empty when k = 0).

Constraints
1 <= n, m <= 100000
1 <= code <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n])); b = list(map(int, data[2 + n:2 + n + m]))
    i = j = 0
    out = []
    while i < n and j < m:
        x, y = a[i], b[j]
        if x == y:
            out.append(x)
            i += 1
            j += 1
        elif x < y:
            i += 1
        else:
            j += 1
    sys.stdout.write(f"{len(out)}\n" + " ".join(map(str, out)) + "\n")

main()
'''

# Looks every stamp of the first catalogue up in the whole second one: O(n * m).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
a = list(map(int, data[2:2 + n])); b = list(map(int, data[2 + n:2 + n + m]))
used = [False] * m
out = []
for x in a:
    for j in range(m):
        if not used[j] and b[j] == x:
            used[j] = True
            out.append(x)
            break
out.sort()
print(len(out))
print(" ".join(map(str, out)))
'''

LARGE_TESTS = 2


def _fmt(a, b) -> str:
    return f"{len(a)} {len(b)}\n{' '.join(map(str, sorted(a)))}\n{' '.join(map(str, sorted(b)))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([1], [1]), _fmt([1], [2]), _fmt([5, 5, 5], [5, 5]), _fmt([1, 2, 3], [4, 5, 6]),
             _fmt([10**9] * 2, [1, 10**9]), _fmt([1, 1, 2, 2, 3], [1, 2, 2, 2, 4])]
    for _ in range(9):
        tests.append(_fmt(rng.integers(1, 8, size=int(rng.integers(1, 20))).tolist(),
                          rng.integers(1, 8, size=int(rng.integers(1, 20))).tolist()))
    for _ in range(4):
        hi = int(rng.choice([100, 10**4, 10**9]))
        tests.append(_fmt(rng.integers(1, hi, size=int(rng.integers(200, 800))).tolist(),
                          rng.integers(1, hi, size=int(rng.integers(200, 800))).tolist()))
    tests.append(_fmt(list(range(1, 1600, 2)), list(range(2, 1600, 2))))
    n = 100000
    tests.append(_fmt((np.arange(n) * 2 + 1).tolist(), (np.arange(n) * 2 + 2).tolist()))  # nothing in common
    tests.append(_fmt(rng.integers(1, 2 * n, size=n).tolist(), rng.integers(1, 2 * n, size=n).tolist()))
    return tests


PUBLIC_INPUTS = ("5 4\n1 2 2 3 7\n2 2 2 7\n", "2 2\n1 3\n2 4\n")

register_problem(CodeProblem(
    id="common-items", title="Stamps in Common", category="two_pointers", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
