"""Number of distinct substrings: a suffix automaton built online in O(n)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A password analyst wants to know how many different non-empty substrings
(contiguous pieces) a string s contains. Equal substrings found at different
positions count once: "aaa" has 3 distinct substrings (a, aa, aaa) and "abab"
has 7 (a, b, ab, ba, aba, bab, abab).

Input
The first line holds s (lowercase letters).

Output
Print the number of distinct non-empty substrings of s.

Constraints
1 <= |s| <= 50000
"""

REFERENCE = r'''
import sys

def main():
    s = sys.stdin.buffer.read().split()[0]
    # suffix automaton: each state stands for the substrings with one set of end positions;
    # it contributes length[v] - length[link[v]] distinct substrings.
    nxt = [{}]
    link = [-1]
    length = [0]
    last = 0
    for ch in s:
        cur = len(length)
        nxt.append({}); link.append(0); length.append(length[last] + 1)
        p = last
        while p != -1 and ch not in nxt[p]:
            nxt[p][ch] = cur
            p = link[p]
        if p != -1:
            q = nxt[p][ch]
            if length[p] + 1 == length[q]:
                link[cur] = q
            else:
                clone = len(length)
                nxt.append(dict(nxt[q])); link.append(link[q]); length.append(length[p] + 1)
                while p != -1 and nxt[p].get(ch) == q:
                    nxt[p][ch] = clone
                    p = link[p]
                link[q] = clone
                link[cur] = clone
        last = cur
    print(sum(length[v] - length[link[v]] for v in range(1, len(length))))

main()
'''

# Collects the substrings of each length in a set: O(n^2) sets of slices, O(n^3) characters copied.
NAIVE = r'''
import sys
s = sys.stdin.buffer.read().split()[0].decode()
n = len(s)
total = 0
for k in range(1, n + 1):
    total += len(set(s[i:i + k] for i in range(n - k + 1)))
print(total)
'''

LARGE_TESTS = 2
_LETTERS = np.array(list("abcdefghijklmnopqrstuvwxyz"))


def _word(rng: np.random.Generator, n: int, alphabet: int) -> str:
    return "".join(_LETTERS[rng.integers(0, alphabet, size=n)].tolist())


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["a\n", "aaa\n", "abab\n", "abc\n", "abcabc\n", "banana\n", "zz\n"]
    for _ in range(10):
        tests.append(_word(rng, int(rng.integers(1, 40)), int(rng.choice([1, 2, 3, 26]))) + "\n")
    for _ in range(2):
        tests.append(_word(rng, int(rng.integers(200, 500)), int(rng.choice([2, 26]))) + "\n")
    tests.append(_word(rng, 50000, 26) + "\n")
    tests.append(_word(rng, 50000, 2) + "\n")
    return tests


PUBLIC_INPUTS = ("aaa\n", "abab\n")

register_problem(CodeProblem(
    id="distinct-substrings", title="Counting Distinct Pieces", category="strings", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
