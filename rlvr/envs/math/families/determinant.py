"""Determinants of integer matrices.

Difficulty 1 is a 2x2 determinant with one-digit entries; 3x3 from
difficulty 3, 4x4 from 6 and 5x5 at 9-10, with larger and negative entries.
Difficulty 8 asks for the parameter ``k`` that gives a stated determinant,
and difficulties 7 and 10 use the product rules (``\\det(c A^{-1} B^{T})``).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from rlvr.envs.math.families import matrices as M
from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import frac, fstr, pmatrix
from rlvr.envs.math.families.sampling import pick, randint, signed

#: (size, lowest entry, highest entry, kinds)
LEVELS = {1: (2, 0, 9, ("plain",)), 2: (2, -12, 12, ("plain",)), 3: (3, 0, 5, ("plain",)),
          4: (3, -6, 6, ("plain",)), 5: (3, -9, 9, ("plain",)), 6: (4, -5, 5, ("plain",)),
          7: (3, -6, 6, ("plain", "rules")), 8: (3, -9, 9, ("parameter",)), 9: (5, -5, 5, ("plain", "parameter")),
          10: (4, -9, 9, ("plain", "rules", "parameter"))}


@dataclass
class DeterminantConfig(FamilyConfig):
    """Knobs of ``determinant``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def generate(rng: np.random.Generator, config: DeterminantConfig) -> Problem:
    d = config.difficulty
    n, lo, hi, kinds = LEVELS[d]
    kind = pick(rng, kinds)
    a = M.random_matrix(rng, n, n, lo, hi)
    if kind == "plain":
        q = f"Compute the determinant of $A = {pmatrix(a)}$."
        return Problem(q, frac(M.det(a)), {"kind": kind, "matrix": a})
    if kind == "parameter":  # one entry is k; det is linear in k: det = alpha k + beta
        i, j = randint(rng, 0, n - 1), randint(rng, 0, n - 1)
        a[i][j] = 0
        beta = M.det(a)
        a[i][j] = 1
        alpha = M.det(a) - beta
        if alpha == 0:
            a[i][j] = 0
            return Problem(f"Compute the determinant of $A = {pmatrix(a)}$.", frac(beta),
                           {"kind": "plain", "matrix": a})
        k = Fraction(randint(rng, -12, 12), pick(rng, (1, 1, 2, 3)))
        target = alpha * k + beta
        shown = [[frac(v) for v in row] for row in a]
        shown[i][j] = "k"
        body = " \\\\ ".join(" & ".join(row) for row in shown)
        q = (f"For which value of $k$ does $A = \\begin{{pmatrix}} {body} \\end{{pmatrix}}$ have determinant "
             f"${frac(target)}$? Give a fraction in lowest terms or an integer.")
        matrix = [["k" if (r, c) == (i, j) else v for c, v in enumerate(row)] for r, row in enumerate(a)]
        return Problem(q, frac(k), {"kind": kind, "matrix": matrix, "target": fstr(target)})
    # rules: det(c A^{-1} B^T) = c^n det(B) / det(A)
    b = M.random_matrix(rng, n, n, lo, hi)
    while M.det(a) == 0:
        a = M.random_matrix(rng, n, n, lo, hi)
    c = signed(rng, 2, 3)
    value = Fraction(c) ** n * M.det(b) / M.det(a)
    q = (f"Let $A = {pmatrix(a)}$ and $B = {pmatrix(b)}$. Compute $\\det\\left({c} A^{{-1}} B^{{T}}\\right)$. "
         f"Give a fraction in lowest terms or an integer.")
    return Problem(q, frac(value), {"kind": kind, "A": a, "B": b, "c": c})


register_family("determinant", generate, DeterminantConfig,
                "determinants of 2x2 to 5x5 integer matrices, a missing entry, product rules")
