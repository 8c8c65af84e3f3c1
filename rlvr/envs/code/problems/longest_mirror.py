"""Longest palindromic substring in linear time: Manacher's algorithm."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A linguist studies a long string s of lowercase letters and wants its longest
contiguous palindrome: a substring that reads the same forwards and backwards.
If several palindromic substrings have the maximum length, report the one that
starts leftmost.

Input
The first line holds s.

Output
Print the length of the longest palindromic substring and its 1-based starting
position, separated by a space.

Constraints
1 <= |s| <= 100000
"""

REFERENCE = r'''
import sys

def main():
    s = sys.stdin.buffer.read().split()[0]
    n = len(s)
    t = bytearray(b"#") * (2 * n + 1)
    t[1::2] = s
    m = len(t)
    rad = [0] * m  # palindrome radius around each centre of t
    c = r = 0
    for i in range(m):
        k = 0
        if i < r:
            k = rad[2 * c - i]
            if k > r - i:
                k = r - i
        while i - k - 1 >= 0 and i + k + 1 < m and t[i - k - 1] == t[i + k + 1]:
            k += 1
        rad[i] = k
        if i + k > r:
            c, r = i, i + k
    best = max(rad)
    centre = rad.index(best)  # leftmost centre of a longest palindrome is its leftmost start
    print(best, (centre - best) // 2 + 1)

main()
'''

# Expands around every centre: O(n^2) on repetitive strings.
NAIVE = r'''
import sys
s = sys.stdin.buffer.read().split()[0].decode()
n = len(s)
best, start = 0, 0
for centre in range(2 * n - 1):
    l = centre // 2
    r = l + centre % 2
    while l >= 0 and r < n and s[l] == s[r]:
        l -= 1
        r += 1
    length = r - l - 1
    if length > best or (length == best and l + 1 < start):
        best, start = length, l + 1
print(best, start + 1)
'''

LARGE_TESTS = 2
_LETTERS = np.array(list("abcdefghijklmnopqrstuvwxyz"))


def _word(rng: np.random.Generator, n: int, alphabet: int) -> str:
    return "".join(_LETTERS[rng.integers(0, alphabet, size=n)].tolist())


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["a\n", "ab\n", "aa\n", "babad\n", "cbbd\n", "abacdfgdcaba\n", "forgeeksskeegfor\n", "abcde\n"]
    for _ in range(9):
        tests.append(_word(rng, int(rng.integers(1, 30)), int(rng.choice([2, 3, 26]))) + "\n")
    for _ in range(2):
        half = _word(rng, int(rng.integers(100, 300)), 3)
        tests.append(_word(rng, 50, 3) + half + half[::-1] + _word(rng, 50, 3) + "\n")
    tests.append("a" * 100000 + "\n")
    tests.append(("ab" * 50000)[:99999] + "\n")
    return tests


PUBLIC_INPUTS = ("babad\n", "cbbd\n")

register_problem(CodeProblem(
    id="longest-mirror", title="The Longest Palindrome", category="strings", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
