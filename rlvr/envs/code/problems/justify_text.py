"""Greedy line filling with fully justified spacing (pure implementation)."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A newspaper typesets a paragraph of n words into lines of exactly W
characters. Lines are filled greedily: each line takes as many of the
remaining words as fit when separated by single spaces. Then every line except
the last is justified: extra spaces are added between its words so that the
line is exactly W characters long, spreading them as evenly as possible; when
they cannot be spread evenly, the gaps further left get one space more than
the gaps further right. A line with a single word (and the last line) is left
aligned: words separated by single spaces, then padded with spaces at the end
to length W.

Because spaces are hard to see, print every space as a dot '.'.

Input
The first line holds n and W. The second line holds the n words (lowercase
letters, each at most W characters long).

Output
Print the lines of the paragraph, each exactly W characters, spaces shown as '.'.

Constraints
1 <= n <= 100000
1 <= W <= 100
1 <= word length <= W
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, W = int(data[0]), int(data[1])
    words = [w.decode() for w in data[2:2 + n]]
    out = []
    i = 0
    while i < n:
        j = i + 1
        length = len(words[i])
        while j < n and length + 1 + len(words[j]) <= W:
            length += 1 + len(words[j])
            j += 1
        line = words[i:j]
        if j == n or len(line) == 1:
            s = " ".join(line)
            s += " " * (W - len(s))
        else:
            gaps = len(line) - 1
            spaces = W - sum(len(w) for w in line)
            base, extra = divmod(spaces, gaps)
            parts = []
            for k, w in enumerate(line[:-1]):
                parts.append(w)
                parts.append(" " * (base + (1 if k < extra else 0)))
            parts.append(line[-1])
            s = "".join(parts)
        out.append(s.replace(" ", "."))
        i = j
    sys.stdout.write("\n".join(out) + "\n")

main()
'''

# The greedy layout is linear already; there is no meaningfully slower correct program to keep.
NAIVE = None

LARGE_TESTS = 2
_LETTERS = np.array(list("abcdefghijklmnopqrstuvwxyz"))


def _case(rng: np.random.Generator, n: int, W: int, maxlen: int) -> str:
    lens = rng.integers(1, min(W, maxlen) + 1, size=n)
    letters = _LETTERS[rng.integers(0, 26, size=int(lens.sum()))]
    words, pos = [], 0
    for k in lens.tolist():
        words.append("".join(letters[pos:pos + k].tolist()))
        pos += k
    return f"{n} {W}\n{' '.join(words)}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1\na\n", "1 5\nab\n", "2 3\nab c\n", "2 4\nab c\n", "3 5\na b c\n",
             "7 16\nthis is an example of text justification\n".replace("7 16", "7 16"), "3 6\naaaaaa b cc\n"]
    for _ in range(9):
        tests.append(_case(rng, int(rng.integers(1, 15)), int(rng.integers(1, 15)), 6))
    for _ in range(3):
        tests.append(_case(rng, int(rng.integers(100, 500)), int(rng.integers(10, 100)), 12))
    tests.append(_case(rng, 100000, 100, 10))
    tests.append(_case(rng, 100000, 7, 7))
    return tests


PUBLIC_INPUTS = ("7 16\nthis is an example of text justification\n", "3 6\naaaaaa b cc\n")

register_problem(CodeProblem(
    id="justify-text", title="Newspaper Columns", category="implementation", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
