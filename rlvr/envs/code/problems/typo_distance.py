"""Edit (Levenshtein) distance between two words: O(n * m) DP with two rows."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A spell checker measures how far a typed word is from a dictionary word: the
minimum number of single-letter edits that turn the typed word a into the
dictionary word b, where an edit inserts one letter, deletes one letter or
replaces one letter by another.

Input
The first line holds the word a, the second line the word b (lowercase letters).

Output
Print the minimum number of edits.

Constraints
1 <= |a|, |b| <= 1000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    a, b = data[0], data[1]
    m = len(b)
    prev = list(range(m + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] * (m + 1)
        left = i
        for j in range(1, m + 1):
            diag = prev[j - 1] + (ca != b[j - 1])
            up = prev[j] + 1
            left = left + 1
            best = diag if diag < up else up
            if left < best:
                best = left
            cur[j] = left = best
        prev = cur
    print(prev[m])

main()
'''

# Plain recursion over the first letters (no memo): exponential.
NAIVE = r'''
import sys
sys.setrecursionlimit(10000)
data = sys.stdin.buffer.read().split()
a, b = data[0].decode(), data[1].decode()

def dist(i, j):
    if i == len(a):
        return len(b) - j
    if j == len(b):
        return len(a) - i
    if a[i] == b[j]:
        return dist(i + 1, j + 1)
    return 1 + min(dist(i + 1, j), dist(i, j + 1), dist(i + 1, j + 1))

print(dist(0, 0))
'''

LARGE_TESTS = 2
_LETTERS = np.array(list("abcdefghijklmnopqrstuvwxyz"))


def _word(rng: np.random.Generator, n: int, alphabet: int) -> str:
    return "".join(_LETTERS[rng.integers(0, alphabet, size=n)].tolist())


def _mutate(rng: np.random.Generator, w: str, k: int, alphabet: int) -> str:
    s = list(w)
    for _ in range(k):
        op = int(rng.integers(0, 3))
        pos = int(rng.integers(0, len(s) + 1))
        ch = str(_LETTERS[int(rng.integers(0, alphabet))])
        if op == 0:
            s.insert(pos, ch)
        elif s and op == 1:
            del s[min(pos, len(s) - 1)]
        elif s:
            s[min(pos, len(s) - 1)] = ch
    return "".join(s) or "a"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["a\na\n", "a\nb\n", "kitten\nsitting\n", "abc\nabc\n", "abc\nxyz\n", "a\naaaaaa\n",
             "intention\nexecution\n"]
    for _ in range(11):
        alphabet = int(rng.choice([2, 4, 26]))
        a = _word(rng, int(rng.integers(1, 7)), alphabet)
        b = _word(rng, int(rng.integers(1, 7)), alphabet)
        tests.append(f"{a}\n{b}\n")
    w = _word(rng, 1000, 4)
    tests.append(f"{w}\n{_mutate(rng, w, 300, 4)[:1000]}\n")
    tests.append(f"{_word(rng, 1000, 26)}\n{_word(rng, 1000, 26)}\n")
    return tests


PUBLIC_INPUTS = ("kitten\nsitting\n", "abc\nabc\n")

register_problem(CodeProblem(
    id="typo-distance", title="How Far Is the Typo", category="dp", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
