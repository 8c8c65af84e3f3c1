"""Lexicographically least rotation of a string in linear time (two-candidate comparison)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A necklace has n beads, each marked with a lowercase letter; reading clockwise
from bead i gives the rotation s_i s_{i+1} ... s_n s_1 ... s_{i-1} of the
string s. A jeweller stores each necklace under its lexicographically smallest
rotation. Print the smallest 1-based starting bead i whose rotation is
lexicographically smallest.

Input
The first line holds s.

Output
Print the smallest i such that rotation i is the lexicographically smallest
rotation of s.

Constraints
1 <= |s| <= 200000
"""

REFERENCE = r'''
import sys

def main():
    s = sys.stdin.buffer.read().split()[0]
    n = len(s)
    ss = s + s
    i, j, k = 0, 1, 0  # two candidate starts and the length of their common prefix
    while i < n and j < n and k < n:
        a = ss[i + k]; b = ss[j + k]
        if a == b:
            k += 1
            continue
        if a > b:
            i += k + 1
        else:
            j += k + 1
        if i == j:
            j += 1
        k = 0
    print(min(i, j) + 1)

main()
'''

# Builds and compares every rotation: O(n^2).
NAIVE = r'''
import sys
s = sys.stdin.buffer.read().split()[0].decode()
best = 0
for i in range(1, len(s)):
    if s[i:] + s[:i] < s[best:] + s[:best]:
        best = i
print(best + 1)
'''

LARGE_TESTS = 2
_LETTERS = np.array(list("abcdefghijklmnopqrstuvwxyz"))


def _word(rng: np.random.Generator, n: int, alphabet: int) -> str:
    return "".join(_LETTERS[rng.integers(0, alphabet, size=n)].tolist())


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["a\n", "ba\n", "aaaa\n", "abab\n", "bca\n", "cabcab\n", "zyxwvu\n", "baaab\n"]
    for _ in range(9):
        tests.append(_word(rng, int(rng.integers(1, 30)), int(rng.choice([2, 3, 26]))) + "\n")
    for _ in range(2):
        tests.append((_word(rng, int(rng.integers(2, 6)), 2) * 100) + "\n")
    tests.append("b" * 199999 + "a\n")
    tests.append(_word(rng, 200000, 2) + "\n")
    return tests


PUBLIC_INPUTS = ("bca\n", "abab\n")

register_problem(CodeProblem(
    id="least-rotation", title="Storing Necklaces", category="strings", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
