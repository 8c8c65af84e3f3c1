"""Compose many rotations and flips into one symmetry of the square, then apply it once."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A photo editor holds a picture of n rows and m columns of pixels, each pixel a
lowercase letter. A user applies q operations in order:
  "R": rotate the picture 90 degrees clockwise;
  "L": rotate it 90 degrees counter-clockwise;
  "H": mirror it left-to-right (the first column becomes the last);
  "V": mirror it top-to-bottom (the first row becomes the last).
A rotation turns an n-by-m picture into an m-by-n one. Print the final picture.

Input
The first line holds n, m and q. The next n lines hold the picture, m letters
each. The last line holds a string of q characters, the operations in order.

Output
Print the final picture: its number of rows and columns on the first line,
then its rows.

Constraints
1 <= n, m and n * m <= 100000
1 <= q <= 100000
"""

REFERENCE = r'''
import sys

def rot_cw(g):
    return ["".join(col) for col in zip(*g[::-1])]

def apply(g, op):
    if op == "R":
        return rot_cw(g)
    if op == "L":
        return ["".join(col) for col in zip(*g)][::-1]
    if op == "H":
        return [row[::-1] for row in g]
    return g[::-1]

def main():
    data = sys.stdin.buffer.read().split()
    n, m, q = int(data[0]), int(data[1]), int(data[2])
    g = [row.decode() for row in data[3:3 + n]]
    ops = data[3 + n].decode()
    # Every sequence of these operations is one of the 8 symmetries of the square. Track it on a
    # tiny picture whose pixels are all different, then apply the same symmetry to the real one.
    probe = ["ab", "cd", "ef"]
    tracked = probe
    for op in ops:
        tracked = apply(tracked, op)
    cand = probe
    for flip in (False, True):
        c = [row[::-1] for row in probe] if flip else probe
        for r in range(4):
            if c == tracked:
                res = [row[::-1] for row in g] if flip else g
                for _ in range(r):
                    res = rot_cw(res)
                sys.stdout.write(f"{len(res)} {len(res[0])}\n" + "\n".join(res) + "\n")
                return
            c = rot_cw(c)

main()
'''

# Applies every operation to the whole picture: O(q * n * m).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, m, q = int(data[0]), int(data[1]), int(data[2])
g = [row.decode() for row in data[3:3 + n]]
for op in data[3 + n].decode():
    if op == "R":
        g = ["".join(col) for col in zip(*g[::-1])]
    elif op == "L":
        g = ["".join(col) for col in zip(*g)][::-1]
    elif op == "H":
        g = [row[::-1] for row in g]
    else:
        g = g[::-1]
print(len(g), len(g[0]))
print("\n".join(g))
'''

LARGE_TESTS = 2
_LETTERS = np.array(list("abcdefghijklmnopqrstuvwxyz"))


def _case(rng: np.random.Generator, n: int, m: int, q: int, alphabet: int = 26) -> str:
    g = _LETTERS[rng.integers(0, alphabet, size=(n, m))]
    ops = "".join(rng.choice(list("RLHV"), size=q).tolist())
    return f"{n} {m} {q}\n" + "\n".join("".join(row) for row in g.tolist()) + f"\n{ops}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1 1\na\nR\n", "1 3 1\nabc\nR\n", "1 3 1\nabc\nL\n", "2 2 1\nab\ncd\nH\n", "2 2 1\nab\ncd\nV\n",
             "2 3 4\nabc\ndef\nRRRR\n", "2 3 2\nabc\ndef\nHV\n"]
    for _ in range(9):
        tests.append(_case(rng, int(rng.integers(1, 6)), int(rng.integers(1, 6)), int(rng.integers(1, 8))))
    for _ in range(3):
        tests.append(_case(rng, int(rng.integers(10, 40)), int(rng.integers(10, 40)), int(rng.integers(10, 60))))
    tests.append(_case(rng, 250, 400, 100000))
    tests.append(_case(rng, 1, 100000, 100000, alphabet=3))
    return tests


PUBLIC_INPUTS = ("2 3 1\nabc\ndef\nR\n", "2 3 3\nabc\ndef\nRHL\n")

register_problem(CodeProblem(
    id="picture-transforms", title="Rotating the Photo", category="implementation", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
