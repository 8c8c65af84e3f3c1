"""Sort contestants by score (descending), then by name."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
The final standings of a programming marathon must be printed. Each of the n
contestants has a name and a score. Contestants with a higher score come
first; among contestants with equal scores, names come in lexicographic
(dictionary, byte-wise) order. Two contestants may share a name.

Input
The first line holds n. Each of the next n lines holds a name and a score,
separated by a space.

Output
Print n lines: the names in standings order.

Constraints
1 <= n <= 100000
Names consist of 1 to 10 lowercase English letters.
0 <= score <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    rows = [(-int(data[2 + 2 * i]), data[1 + 2 * i]) for i in range(n)]
    rows.sort()
    sys.stdout.write("\n".join(name.decode() for _, name in rows) + "\n")

main()
'''

# Selection sort: O(n^2) comparisons.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
rows = [(-int(data[2 + 2 * i]), data[1 + 2 * i].decode()) for i in range(n)]
for i in range(n):
    best = i
    for j in range(i + 1, n):
        if rows[j] < rows[best]:
            best = j
    rows[i], rows[best] = rows[best], rows[i]
print("\n".join(name for _, name in rows))
'''

LARGE_TESTS = 2
_LETTERS = np.array(list("abcdefghijklmnopqrstuvwxyz"))


def _names(rng: np.random.Generator, n: int, alphabet: int, maxlen: int) -> list[str]:
    lens = rng.integers(1, maxlen + 1, size=n)
    letters = _LETTERS[rng.integers(0, alphabet, size=int(lens.sum()))]
    out, pos = [], 0
    for k in lens.tolist():
        out.append("".join(letters[pos:pos + k].tolist()))
        pos += k
    return out


def _case(rng: np.random.Generator, n: int, hi: int, alphabet: int = 26, maxlen: int = 10) -> str:
    names = _names(rng, n, alphabet, maxlen)
    scores = rng.integers(0, hi + 1, size=n).tolist()
    return f"{n}\n" + "".join(f"{a} {b}\n" for a, b in zip(names, scores))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1\nz 0\n", "2\nbob 5\nbob 5\n", "3\nb 1000000000\na 1000000000\nc 0\n",
             "4\naa 3\na 3\nab 3\nb 3\n"]
    for _ in range(10):
        tests.append(_case(rng, int(rng.integers(1, 20)), int(rng.choice([3, 100])), alphabet=3, maxlen=3))
    for _ in range(5):
        tests.append(_case(rng, int(rng.integers(200, 800)), int(rng.choice([10, 10**9]))))
    tests.append(_case(rng, 800, 0, alphabet=2, maxlen=10))
    tests.append(_case(rng, 100000, 10**9))
    tests.append(_case(rng, 100000, 5, alphabet=4, maxlen=6))
    return tests


PUBLIC_INPUTS = ("5\nmaya 300\nleo 250\nanna 300\nzed 400\nbo 250\n",)

register_problem(CodeProblem(
    id="leaderboard-order", title="Final Standings", category="sorting", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
