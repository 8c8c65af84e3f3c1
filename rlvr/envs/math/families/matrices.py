"""Exact integer/rational matrix helpers for the linear-algebra families (lists of rows)."""

from __future__ import annotations

from fractions import Fraction
from typing import Sequence

import numpy as np

from rlvr.envs.math.families.sampling import randint

Matrix = list[list]


def random_matrix(rng: np.random.Generator, rows: int, cols: int, lo: int, hi: int) -> Matrix:
    return [[randint(rng, lo, hi) for _ in range(cols)] for _ in range(rows)]


def matmul(a: Sequence[Sequence], b: Sequence[Sequence]) -> Matrix:
    return [[sum(x * b[k][j] for k, x in enumerate(row)) for j in range(len(b[0]))] for row in a]


def add(a: Sequence[Sequence], b: Sequence[Sequence], s: int | Fraction = 1) -> Matrix:
    """``a + s b``."""
    return [[x + s * y for x, y in zip(ra, rb)] for ra, rb in zip(a, b)]


def scale(a: Sequence[Sequence], s: int | Fraction) -> Matrix:
    return [[s * x for x in row] for row in a]


def transpose(a: Sequence[Sequence]) -> Matrix:
    return [list(col) for col in zip(*a)]


def identity(n: int) -> Matrix:
    return [[int(i == j) for j in range(n)] for i in range(n)]


def det(a: Sequence[Sequence]) -> Fraction:
    """Determinant: fraction-free Bareiss elimination on integers (exact, no Fraction overhead)."""
    if not all(isinstance(x, int) for row in a for x in row):
        return _det_fraction(a)
    m = [list(row) for row in a]
    n, sign, prev = len(m), 1, 1
    for c in range(n - 1):
        p = next((r for r in range(c, n) if m[r][c] != 0), None)
        if p is None:
            return Fraction(0)
        if p != c:
            m[c], m[p], sign = m[p], m[c], -sign
        for r in range(c + 1, n):
            for k in range(c + 1, n):
                m[r][k] = (m[r][k] * m[c][c] - m[r][c] * m[c][k]) // prev
        prev = m[c][c]
    return Fraction(sign * m[n - 1][n - 1])


def _det_fraction(a: Sequence[Sequence]) -> Fraction:
    m = [[Fraction(x) for x in row] for row in a]
    n, sign, out = len(m), 1, Fraction(1)
    for c in range(n):
        p = next((r for r in range(c, n) if m[r][c] != 0), None)
        if p is None:
            return Fraction(0)
        if p != c:
            m[c], m[p], sign = m[p], m[c], -sign
        out *= m[c][c]
        for r in range(c + 1, n):
            if m[r][c]:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return sign * out


def inverse(a: Sequence[Sequence]) -> Matrix | None:
    """Exact inverse; ``None`` if singular. Integer 2x2/3x3: adjugate over determinant (cheap)."""
    n = len(a)
    if n <= 3 and all(isinstance(x, int) for row in a for x in row):
        dt = int(det(a))
        if dt == 0:
            return None
        if n == 1:
            return [[Fraction(1, dt)]]
        if n == 2:
            (p, q), (r, s) = a
            return [[Fraction(s, dt), Fraction(-q, dt)], [Fraction(-r, dt), Fraction(p, dt)]]
        cof = [[(a[(i + 1) % 3][(j + 1) % 3] * a[(i + 2) % 3][(j + 2) % 3]
                 - a[(i + 1) % 3][(j + 2) % 3] * a[(i + 2) % 3][(j + 1) % 3]) for j in range(3)] for i in range(3)]
        return [[Fraction(cof[j][i], dt) for j in range(3)] for i in range(3)]  # adjugate = cofactors transposed
    m = [[Fraction(x) for x in row] + [Fraction(int(i == j)) for j in range(n)] for i, row in enumerate(a)]
    for c in range(n):
        p = next((r for r in range(c, n) if m[r][c] != 0), None)
        if p is None:
            return None
        m[c], m[p] = m[p], m[c]
        pivot = m[c][c]
        m[c] = [x / pivot for x in m[c]]
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [row[n:] for row in m]


def unimodular(rng: np.random.Generator, n: int, steps: int, bound: int) -> Matrix:
    """A random integer matrix with determinant +-1 (row operations on the identity), entries <= bound."""
    while True:
        m = identity(n)
        for _ in range(steps):
            i, j = randint(rng, 0, n - 1), randint(rng, 0, n - 1)
            if i != j:
                k = randint(rng, -2, 2) or 1
                m[i] = [x + k * y for x, y in zip(m[i], m[j])]
        if all(abs(x) <= bound for row in m for x in row) and any(x not in (0, 1) for row in m for x in row):
            return m


def small_determinant(rng: np.random.Generator, n: int, diag_max: int, off_max: int = 3) -> Matrix:
    """A random integer matrix ``L U`` with ``0 < |det| <= diag_max^n``: L unit lower, U upper triangular.

    Rows are then shuffled, so the triangular structure does not show. Cheap, unlike
    drawing random matrices until the determinant is small.
    """
    low = [[1 if i == j else randint(rng, -2, 2) if j < i else 0 for j in range(n)] for i in range(n)]
    up = [[(randint(rng, 1, diag_max) * (1 if rng.random() < 0.5 else -1)) if i == j
           else randint(rng, -off_max, off_max) if j > i else 0 for j in range(n)] for i in range(n)]
    m = matmul(low, up)
    order = rng.permutation(n)
    return [m[int(i)] for i in order]
