"""Evaluate a spreadsheet of sum formulas in dependency order; cells reaching a cycle are errors."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A tiny spreadsheet has n cells numbered 1 to n. Cell i holds a formula
"c_i + (sum of the values of cells r_1, ..., r_k)": a constant plus the values
of k referenced cells (k may be 0; a cell may be referenced several times, and
then it counts several times; a cell may even reference itself). A cell whose
formula depends, directly or through other cells, on a cell that lies on a
reference cycle cannot be evaluated; it shows ERROR (cells on the cycle show
ERROR too). Every other cell gets its value, computed modulo 1000000007.

Input
The first line holds n. Each of the next n lines describes cell i: c_i, k_i,
then the k_i referenced cell numbers.

Output
Print n lines: the value of each cell modulo 1000000007, or ERROR.

Constraints
1 <= n <= 50000
0 <= c_i <= 1000000000
0 <= k_i, and the sum of all k_i is at most 100000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    MOD = 10**9 + 7
    const = [0] * (n + 1)
    users = [[] for _ in range(n + 1)]  # users[r]: cells whose formula mentions r (with repetition)
    missing = [0] * (n + 1)              # references not evaluated yet
    pos = 1
    for i in range(1, n + 1):
        const[i] = int(data[pos]); k = int(data[pos + 1]); pos += 2
        for r in data[pos:pos + k]:
            users[int(r)].append(i)
        missing[i] = k
        pos += k
    val = const[:]
    ready = [i for i in range(1, n + 1) if missing[i] == 0]
    done = bytearray(n + 1)
    while ready:
        r = ready.pop()
        done[r] = 1
        v = val[r] % MOD
        val[r] = v
        for u in users[r]:
            val[u] += v
            missing[u] -= 1
            if missing[u] == 0:
                ready.append(u)
    sys.stdout.write("\n".join(str(val[i]) if done[i] else "ERROR" for i in range(1, n + 1)) + "\n")

main()
'''

# Sweeps all cells again and again, evaluating those whose references are all known.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
MOD = 10**9 + 7
cells = []
pos = 1
for i in range(n):
    c = int(data[pos]); k = int(data[pos + 1]); pos += 2
    cells.append((c, [int(x) - 1 for x in data[pos:pos + k]])); pos += k
val = [None] * n
progress = True
while progress:
    progress = False
    for i in range(n):
        if val[i] is None:
            c, refs = cells[i]
            if all(val[r] is not None for r in refs):
                val[i] = (c + sum(val[r] for r in refs)) % MOD
                progress = True
print("\n".join("ERROR" if v is None else str(v) for v in val))
'''

LARGE_TESTS = 2


def _fmt(cells) -> str:
    return f"{len(cells)}\n" + "".join(f"{c} {len(r)}{''.join(' ' + str(x) for x in r)}\n" for c, r in cells)


def _random(rng: np.random.Generator, n: int, refs: int, cycles: int, cmax: int = 10**9) -> list:
    """Mostly acyclic references (to later cells in a hidden order), plus a few back edges."""
    order = rng.permutation(n) + 1
    cells = [(c, []) for c in rng.integers(0, cmax + 1, size=n).tolist()]
    a = rng.integers(0, n, size=refs); b = rng.integers(0, n, size=refs)
    for x, y in zip(np.minimum(a, b).tolist(), np.maximum(a, b).tolist()):
        if x != y:
            cells[order[x] - 1][1].append(int(order[y]))
    a = rng.integers(0, n, size=cycles); b = rng.integers(0, n, size=cycles)
    for x, y in zip(np.minimum(a, b).tolist(), np.maximum(a, b).tolist()):
        cells[order[y] - 1][1].append(int(order[x]))
    return cells


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt([(5, [])]), _fmt([(5, [1])]), _fmt([(1, [2, 2]), (3, [])]), _fmt([(1, [2]), (1, [1]), (7, [])]),
             _fmt([(1, [2]), (1, [3]), (1, [2]), (4, [1])]), _fmt([(10**9, [2, 3]), (10**9, [3]), (10**9, [])])]
    for _ in range(9):
        n = int(rng.integers(1, 12))
        tests.append(_fmt(_random(rng, n, int(rng.integers(0, 2 * n + 1)), int(rng.integers(0, 2)), 50)))
    for _ in range(3):
        n = int(rng.integers(100, 400))
        tests.append(_fmt(_random(rng, n, 2 * n, int(rng.integers(0, 3)))))
    tests.append(_fmt([(i, [i + 1] if i < 400 else []) for i in range(1, 401)]))
    n = 50000
    chain = [(i % 1000, [i + 1] if i < n else []) for i in range(1, n + 1)]  # cell i needs cell i + 1
    tests.append(_fmt(chain))
    tests.append(_fmt(_random(rng, n, 2 * n - 10, 3)))
    return tests


PUBLIC_INPUTS = ("4\n1 1 2\n2 2 3 3\n5 0\n7 1 4\n",)

register_problem(CodeProblem(
    id="spreadsheet-cells", title="The Tiny Spreadsheet", category="implementation", difficulty="hard",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.5,
))
