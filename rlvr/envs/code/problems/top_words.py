"""The k most frequent words: count with a hash map, then sort by (count desc, word)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A blogger wants a tag cloud for her latest post of n words. List the k most
frequent distinct words with their counts: higher counts first, and words with
equal counts in lexicographic order. If the post has fewer than k distinct
words, list all of them.

Input
The first line holds n and k. The second line holds the n words (lowercase
letters).

Output
Print one line "word count" for each listed word, in order.

Constraints
1 <= n <= 100000
1 <= k <= 100
1 <= word length <= 8
"""

REFERENCE = r'''
import sys
import heapq
from collections import Counter

def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    cnt = Counter(data[2:2 + n])
    top = heapq.nsmallest(k, cnt.items(), key=lambda kv: (-kv[1], kv[0]))
    sys.stdout.write("".join(f"{w.decode()} {c}\n" for w, c in top))

main()
'''

# Counts each distinct word by scanning the whole post: O(n * distinct words).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, k = int(data[0]), int(data[1])
words = data[2:2 + n]
seen = set()
rows = []
for w in words:
    if w not in seen:
        seen.add(w)
        c = 0
        for x in words:
            if x == w:
                c += 1
        rows.append((-c, w.decode()))
rows.sort()
print("\n".join(f"{w} {-c}" for c, w in rows[:k]))
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


def _fmt(k: int, words) -> str:
    return f"{len(words)} {k}\n{' '.join(words)}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(1, ["a"]), _fmt(5, ["b", "a"]), _fmt(1, ["b", "a"]),
             _fmt(2, ["the", "cat", "the", "hat", "cat", "the"]),
             _fmt(3, ["x"] * 5), _fmt(100, ["aa", "a", "ab", "a"])]
    for _ in range(10):
        tests.append(_fmt(int(rng.integers(1, 6)), _words(rng, int(rng.integers(1, 30)), 3, 2)))
    for _ in range(3):
        tests.append(_fmt(int(rng.integers(1, 101)), _words(rng, int(rng.integers(200, 800)), 5, 3)))
    tests.append(_fmt(100, _words(rng, 100000, 26, 8)))  # nearly all distinct
    tests.append(_fmt(10, _words(rng, 100000, 6, 4)))
    return tests


PUBLIC_INPUTS = ("6 2\nthe cat the hat cat the\n",)

register_problem(CodeProblem(
    id="top-words", title="The Tag Cloud", category="strings", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
