"""Can a substring be rearranged into a palindrome? Prefix parity bitmasks answer in O(1)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A word game uses a long string s of lowercase letters. A query (l, r) asks
whether the letters of the substring s_l s_{l+1} ... s_r can be rearranged
into a palindrome (a word that reads the same forwards and backwards); all its
letters must be used.

Input
The first line holds n and q. The second line holds s (length n). Each of the
next q lines holds l and r.

Output
Print a string of q characters: for each query, Y if a palindrome can be
formed and N otherwise.

Constraints
1 <= n, q <= 100000
1 <= l <= r <= n
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    s = data[2]
    pre = [0] * (n + 1)  # bit c of pre[i]: parity of letter c among the first i letters
    m = 0
    for i in range(n):
        m ^= 1 << (s[i] - 97)
        pre[i + 1] = m
    out = []
    pos = 3
    for _ in range(q):
        l = int(data[pos]); r = int(data[pos + 1]); pos += 2
        x = pre[r] ^ pre[l - 1]
        out.append("Y" if x & (x - 1) == 0 else "N")  # at most one letter with odd count
    sys.stdout.write("".join(out) + "\n")

main()
'''

# Counts the letters of every queried substring: O(length) per query.
NAIVE = r'''
import sys
from collections import Counter
data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
s = data[2].decode()
out = []
pos = 3
for _ in range(q):
    l = int(data[pos]); r = int(data[pos + 1]); pos += 2
    odd = sum(1 for c in Counter(s[l - 1:r]).values() if c % 2)
    out.append("Y" if odd <= 1 else "N")
print("".join(out))
'''

LARGE_TESTS = 2
_LETTERS = np.array(list("abcdefghijklmnopqrstuvwxyz"))


def _case(rng: np.random.Generator, n: int, q: int, alphabet: int, wide: bool = False) -> str:
    s = "".join(_LETTERS[rng.integers(0, alphabet, size=n)].tolist())
    if wide:
        l = rng.integers(1, n // 10 + 2, size=q)
        r = rng.integers(n - n // 10, n + 1, size=q)
    else:
        l = rng.integers(1, n + 1, size=q)
        r = rng.integers(1, n + 1, size=q)
        l, r = np.minimum(l, r), np.maximum(l, r)
    return f"{n} {q}\n{s}\n" + "".join(f"{a} {b}\n" for a, b in zip(l.tolist(), r.tolist()))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1\na\n1 1\n", "2 3\nab\n1 2\n1 1\n2 2\n", "7 3\nracecar\n1 7\n2 6\n1 2\n", "4 2\naabb\n1 4\n1 3\n"]
    for _ in range(10):
        tests.append(_case(rng, int(rng.integers(1, 15)), int(rng.integers(1, 15)), 3))
    for _ in range(4):
        tests.append(_case(rng, int(rng.integers(200, 800)), int(rng.integers(200, 800)), int(rng.choice([2, 26]))))
    tests.append(_case(rng, 100000, 100000, 3, wide=True))
    tests.append(_case(rng, 100000, 100000, 26))
    return tests


PUBLIC_INPUTS = ("7 3\nracecar\n1 7\n2 6\n1 2\n",)

register_problem(CodeProblem(
    id="mirror-rearrange", title="Shuffling into a Palindrome", category="strings", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
