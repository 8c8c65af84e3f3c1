"""A bank simulation with a global bonus: keep a lazy offset instead of touching every account."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A small bank keeps n accounts numbered 1 to n; account i starts with balance
b_i. It processes q operations in order:
  "D a x": deposit x into account a;
  "W a x": withdraw x from account a, but only if its balance is at least x;
           otherwise the operation is declined and nothing changes;
  "T a b x": transfer x from account a to account b, only if account a's
           balance is at least x (otherwise declined; a may equal b);
  "B x": a bonus of x is credited to every account;
  "Q a": report the balance of account a.

Input
The first line holds n and q. The second line holds b_1 ... b_n. Each of the
next q lines holds one operation.

Output
Print the balance for every "Q" operation, one per line, and finally one line
with the number of declined operations.

Constraints
1 <= n, q <= 50000
0 <= b_i, x <= 1000000000
1 <= a, b <= n
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    stored = [0] + [int(x) for x in data[2:2 + n]]  # real balance = stored + bonus
    bonus = 0
    declined = 0
    out = []
    pos = 2 + n
    for _ in range(q):
        op = data[pos]
        if op == b"D":
            stored[int(data[pos + 1])] += int(data[pos + 2]); pos += 3
        elif op == b"W":
            a = int(data[pos + 1]); x = int(data[pos + 2]); pos += 3
            if stored[a] + bonus >= x:
                stored[a] -= x
            else:
                declined += 1
        elif op == b"T":
            a = int(data[pos + 1]); b = int(data[pos + 2]); x = int(data[pos + 3]); pos += 4
            if stored[a] + bonus >= x:
                stored[a] -= x
                stored[b] += x
            else:
                declined += 1
        elif op == b"B":
            bonus += int(data[pos + 1]); pos += 2
        else:
            out.append(stored[int(data[pos + 1])] + bonus); pos += 2
    out.append(declined)
    sys.stdout.write("\n".join(map(str, out)) + "\n")

main()
'''

# Credits every bonus to all n accounts: O(n) per bonus.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
bal = [0] + [int(x) for x in data[2:2 + n]]
declined = 0
out = []
pos = 2 + n
for _ in range(q):
    op = data[pos]
    if op == b"D":
        bal[int(data[pos + 1])] += int(data[pos + 2]); pos += 3
    elif op == b"W":
        a = int(data[pos + 1]); x = int(data[pos + 2]); pos += 3
        if bal[a] >= x:
            bal[a] -= x
        else:
            declined += 1
    elif op == b"T":
        a = int(data[pos + 1]); b = int(data[pos + 2]); x = int(data[pos + 3]); pos += 4
        if bal[a] >= x:
            bal[a] -= x; bal[b] += x
        else:
            declined += 1
    elif op == b"B":
        x = int(data[pos + 1]); pos += 2
        for i in range(1, n + 1):
            bal[i] += x
    else:
        out.append(bal[int(data[pos + 1])]); pos += 2
out.append(declined)
print("\n".join(map(str, out)))
'''

LARGE_TESTS = 2


def _case(rng: np.random.Generator, n: int, q: int, hi: int, pbonus: float = 0.2) -> str:
    lines = [f"{n} {q}", " ".join(map(str, rng.integers(0, hi + 1, size=n).tolist()))]
    kinds = rng.choice(["D", "W", "T", "B", "Q"], size=q, p=[0.2, 0.25, 0.15, pbonus, 0.4 - pbonus])
    a = rng.integers(1, n + 1, size=q).tolist()
    b = rng.integers(1, n + 1, size=q).tolist()
    x = rng.integers(0, hi + 1, size=q).tolist()
    small = rng.integers(0, max(1, hi // 100) + 1, size=q).tolist()
    for k, ai, bi, xi, si in zip(kinds.tolist(), a, b, x, small):
        if k == "D":
            lines.append(f"D {ai} {si}")
        elif k == "W":
            lines.append(f"W {ai} {xi}")
        elif k == "T":
            lines.append(f"T {ai} {bi} {xi}")
        elif k == "B":
            lines.append(f"B {si}")
        else:
            lines.append(f"Q {ai}")
    return "\n".join(lines) + "\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["1 1\n0\nQ 1\n", "1 2\nD 1 1\nQ 1\n".replace("1 2\n", "1 2\n5\n"), "2 3\n5 0\nW 1 6\nW 1 5\nQ 1\n",
             "2 4\n3 3\nT 1 2 3\nT 1 1 1\nQ 1\nQ 2\n", "3 3\n0 0 0\nB 1000000000\nW 2 1000000000\nQ 2\n"]
    for _ in range(10):
        tests.append(_case(rng, int(rng.integers(1, 6)), int(rng.integers(1, 25)), 20))
    for _ in range(4):
        tests.append(_case(rng, int(rng.integers(100, 500)), int(rng.integers(200, 800)), 10**9))
    tests.append(_case(rng, 800, 800, 1000, pbonus=0.35))
    tests.append(_case(rng, 50000, 50000, 10**9))
    tests.append(_case(rng, 50000, 50000, 1000, pbonus=0.3))
    return tests


PUBLIC_INPUTS = ("3 7\n10 0 5\nW 2 1\nB 3\nT 1 2 8\nQ 2\nW 1 6\nD 3 2\nQ 3\n",)

register_problem(CodeProblem(
    id="bank-ledger", title="The Village Bank", category="implementation", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
