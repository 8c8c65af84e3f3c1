"""Group words that are anagrams of each other: a canonical key (sorted letters) per word."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A puzzle magazine collects n words from readers. Two words are anagrams if one
can be obtained from the other by reordering its letters ("listen" and
"silent"); a word is an anagram of itself, and identical words submitted twice
are anagrams too. The editors split the words into groups of mutual anagrams.
How many groups are there, and how many words does the largest group hold?

Input
The first line holds n. The second line holds the n words (lowercase letters).

Output
Print two integers: the number of groups and the size of the largest group.

Constraints
1 <= n <= 100000
1 <= word length <= 10
"""

REFERENCE = r'''
import sys
from collections import Counter

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    groups = Counter(bytes(sorted(w)) for w in data[1:1 + n])
    print(len(groups), max(groups.values()))

main()
'''

# Compares each word with a representative of every group found so far: O(n * groups).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
reps = []
sizes = []
for w in data[1:1 + n]:
    key = sorted(w)
    for g in range(len(reps)):
        if reps[g] == key:
            sizes[g] += 1
            break
    else:
        reps.append(key)
        sizes.append(1)
print(len(reps), max(sizes))
'''

LARGE_TESTS = 2
_LETTERS = np.array(list("abcdefghijklmnopqrstuvwxyz"))


def _words(rng: np.random.Generator, n: int, alphabet: int, maxlen: int) -> list[str]:
    lens = rng.integers(1, maxlen + 1, size=n)
    letters = _LETTERS[rng.integers(0, alphabet, size=int(lens.sum()))]
    out, pos = [], 0
    for k in lens.tolist():
        out.append("".join(letters[pos:pos + k].tolist()))
        pos += k
    return out


def _fmt(words) -> str:
    return f"{len(words)}\n{' '.join(words)}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(["a"]), _fmt(["ab", "ba"]), _fmt(["ab", "abb"]),
             _fmt(["listen", "silent", "enlist", "google", "gogole"]),
             _fmt(["x", "x", "x"]), _fmt(["abc", "cab", "bca", "ab", "c"])]
    for _ in range(10):
        tests.append(_fmt(_words(rng, int(rng.integers(1, 25)), 3, 3)))
    for _ in range(3):
        tests.append(_fmt(_words(rng, int(rng.integers(200, 600)), 26, 10)))
    tests.append(_fmt(_words(rng, 100000, 26, 10)))  # almost all groups are singletons
    tests.append(_fmt(_words(rng, 100000, 4, 6)))
    return tests


PUBLIC_INPUTS = ("5\nlisten silent enlist google gogole\n",)

register_problem(CodeProblem(
    id="anagram-groups", title="Anagram Groups", category="strings", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
