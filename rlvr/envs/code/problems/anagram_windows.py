"""Count windows of a text that are anagrams of a pattern: a sliding window of letter counts."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A cryptographer looks for hidden scrambled copies of a code word p inside a
long intercepted text t. A position i is a hit if the |p| letters of t
starting at position i are an anagram of p (the same letters with the same
multiplicities, in any order). Count the hits.

Input
The first line holds t, the second line holds p (lowercase letters).

Output
Print the number of positions i (1 <= i <= |t| - |p| + 1) where the window of
t starting at i is an anagram of p (0 if p is longer than t).

Constraints
1 <= |t| <= 200000
1 <= |p| <= 200000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    t, p = data[0], data[1]
    n, m = len(t), len(p)
    if m > n:
        print(0)
        return
    need = [0] * 123
    for c in p:
        need[c] += 1
    have = [0] * 123
    for c in t[:m]:
        have[c] += 1
    # `diff`: number of letters whose count in the window differs from p
    diff = sum(1 for c in range(97, 123) if have[c] != need[c])
    hits = 1 if diff == 0 else 0
    for i in range(m, n):
        a = t[i]; b = t[i - m]
        if a != b:
            if have[a] == need[a]:
                diff += 1
            have[a] += 1
            if have[a] == need[a]:
                diff -= 1
            if have[b] == need[b]:
                diff += 1
            have[b] -= 1
            if have[b] == need[b]:
                diff -= 1
        if diff == 0:
            hits += 1
    print(hits)

main()
'''

# Sorts every window: O(n * m log m).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
t, p = data[0].decode(), data[1].decode()
key = sorted(p)
m = len(p)
print(sum(1 for i in range(len(t) - m + 1) if sorted(t[i:i + m]) == key))
'''

LARGE_TESTS = 2
_LETTERS = np.array(list("abcdefghijklmnopqrstuvwxyz"))


def _word(rng: np.random.Generator, n: int, alphabet: int) -> str:
    return "".join(_LETTERS[rng.integers(0, alphabet, size=n)].tolist())


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["a\na\n", "a\nb\n", "ab\nabc\n", "cbaebabacd\nabc\n", "abab\nab\n", "aaaa\naa\n"]
    for _ in range(10):
        alphabet = int(rng.choice([2, 3]))
        t = _word(rng, int(rng.integers(1, 30)), alphabet)
        p = _word(rng, int(rng.integers(1, 5)), alphabet)
        tests.append(f"{t}\n{p}\n")
    for _ in range(3):
        tests.append(f"{_word(rng, int(rng.integers(300, 800)), 3)}\n{_word(rng, int(rng.integers(2, 50)), 3)}\n")
    tests.append(f"{_word(rng, 200000, 2)}\n{_word(rng, 100000, 2)}\n")
    tests.append(f"{_word(rng, 200000, 26)}\n{_word(rng, 1000, 26)}\n")
    return tests


PUBLIC_INPUTS = ("cbaebabacd\nabc\n", "abab\nab\n")

register_problem(CodeProblem(
    id="anagram-windows", title="Scrambled Code Words", category="strings", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
