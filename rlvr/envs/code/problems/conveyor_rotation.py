"""Rotations of a circular belt: add up the net shift instead of moving items step by step."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
n parcels sit on the slots of a circular conveyor belt; slot 1 holds parcel
p_1, slot 2 holds p_2, and so on. The belt is moved q times. "R k" moves the
belt k slots to the right: the parcel in slot i goes to slot i + k, wrapping
around from slot n to slot 1. "L k" moves it k slots to the left. After all the
moves, print the parcels in slots 1..n.

Input
The first line holds n and q. The second line holds p_1 ... p_n. Each of the
next q lines holds a move "R k" or "L k".

Output
Print n integers on one line: the parcels in slots 1, 2, ..., n after all moves.

Constraints
1 <= n <= 50000
1 <= q <= 50000
0 <= k <= 1000000000000000000
1 <= p_i <= 1000000000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    p = data[2:2 + n]
    shift = 0
    pos = 2 + n
    for _ in range(q):
        k = int(data[pos + 1])
        shift += k if data[pos] == b"R" else -k
        pos += 2
    s = shift % n
    res = p[n - s:] + p[:n - s]
    sys.stdout.write(b" ".join(res).decode() + "\n")

main()
'''

# Moves the belt one slot at a time.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
p = [int(x) for x in data[2:2 + n]]
pos = 2 + n
for _ in range(q):
    d = data[pos]; k = int(data[pos + 1]); pos += 2
    for _ in range(k):
        if d == b"R":
            p.insert(0, p.pop())
        else:
            p.append(p.pop(0))
print(" ".join(map(str, p)))
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, q: int, kmax: int) -> str:
    p = rng.integers(1, 10**9 + 1, size=n).tolist()
    dirs = rng.choice(["R", "L"], size=q).tolist()
    ks = [int(x) for x in rng.integers(0, kmax, size=q, endpoint=True, dtype=np.uint64)]
    return f"{n} {q}\n{' '.join(map(str, p))}\n" + "".join(f"{d} {k}\n" for d, k in zip(dirs, ks))


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1\n7\nR 5\n", "3 1\n1 2 3\nR 1\n", "3 1\n1 2 3\nL 1\n", "3 2\n1 2 3\nR 2\nL 2\n", "4 1\n1 2 3 4\nR 0\n",
             "5 3\n5 4 3 2 1\nR 3\nR 3\nL 1\n"]
    for _ in range(9):
        tests.append(_case(rng, int(rng.integers(1, 15)), int(rng.integers(1, 10)), 30))
    for _ in range(4):
        tests.append(_case(rng, int(rng.integers(100, 500)), int(rng.integers(10, 100)), 200))
    tests.append(_case(rng, 500, 100, 500))
    tests.append(_case(rng, 50000, 20000, 10**18))
    tests.append(_case(rng, 50000, 10, 10**9))
    return tests


PUBLIC_INPUTS = ("5 3\n10 20 30 40 50\nR 2\nL 1\nR 7\n",)

register_problem(CodeProblem(
    id="conveyor-rotation", title="The Circular Conveyor", category="implementation", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
