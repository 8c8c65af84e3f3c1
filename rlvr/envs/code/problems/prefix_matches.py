"""Longest match of a pattern's prefix at every text position: the Z-function."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A DNA analyst aligns a probe p against a genome t. For every position i of t
(1 <= i <= |t|), let L_i be the length of the longest common prefix of p and
the suffix of t starting at position i (so 0 <= L_i <= |p|). Print the number of
positions where the whole probe matches (L_i = |p|), and the sum of all L_i.

Input
The first line holds t, the second line holds p (letters A, C, G, T).

Output
Print two integers: the number of positions with L_i = |p| and the sum of L_i
over all positions of t.

Constraints
1 <= |t|, |p| <= 100000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    t, p = data[0], data[1]
    s = p + b"#" + t
    n, m = len(s), len(p)
    z = [0] * n
    l = r = 0
    for i in range(1, n):
        if i < r:
            k = z[i - l]
            if k < r - i:
                z[i] = k
                continue
            k = r - i
        else:
            k = 0
        while i + k < n and s[k] == s[i + k]:
            k += 1
        z[i] = k
        l, r = i, i + k
    zt = z[m + 1:]
    print(zt.count(m), sum(zt))

main()
'''

# Compares letter by letter from every position: O(|t| * |p|).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
t, p = data[0].decode(), data[1].decode()
full = total = 0
for i in range(len(t)):
    k = 0
    while k < len(p) and i + k < len(t) and t[i + k] == p[k]:
        k += 1
    total += k
    if k == len(p):
        full += 1
print(full, total)
'''

LARGE_TESTS = 2
_DNA = np.array(list("ACGT"))


def _dna(rng: np.random.Generator, n: int, alphabet: int = 4) -> str:
    return "".join(_DNA[rng.integers(0, alphabet, size=n)].tolist())


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = ["A\nA\n", "A\nC\n", "AAAA\nAA\n", "ACGTACGT\nACG\n", "AC\nACGT\n", "CCCC\nC\n"]
    for _ in range(10):
        alphabet = int(rng.choice([1, 2, 4]))
        t = _dna(rng, int(rng.integers(1, 30)), alphabet)
        p = _dna(rng, int(rng.integers(1, 6)), alphabet)
        tests.append(f"{t}\n{p}\n")
    for _ in range(3):
        tests.append(f"{_dna(rng, int(rng.integers(300, 800)), 2)}\n{_dna(rng, int(rng.integers(2, 20)), 2)}\n")
    tests.append(f"{'A' * 100000}\n{'A' * 50000}\n")
    unit = _dna(rng, 7, 2)
    tests.append(f"{(unit * 15000)[:100000]}\n{(unit * 8000)[:50000]}C\n")
    return tests


PUBLIC_INPUTS = ("ACGTACGT\nACG\n", "AAAA\nAA\n")

register_problem(CodeProblem(
    id="prefix-matches", title="Aligning the Probe", category="strings", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
