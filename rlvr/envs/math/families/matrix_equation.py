"""Solving ``A x = b`` and inverting matrices, answered as a matrix.

Difficulty 1 solves a 2x2 system in matrix form with an integer solution;
3x3 systems from difficulty 4; inverses of 2x2 matrices (fractions) at 6,
3x3 systems with rational solutions at 7, 3x3 inverses at 8, the matrix
equation ``A X = B`` at 9 and ``X A = B`` with 3x3 matrices at 10.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rlvr.envs.math.families import matrices as M
from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import pmatrix
from rlvr.envs.math.families.sampling import randint, signed

LEVELS = {1: ("solve", 2, 5), 2: ("solve", 2, 9), 3: ("solve", 2, 12), 4: ("solve", 3, 5), 5: ("solve", 3, 9),
          6: ("inverse", 2, 9), 7: ("solve_rational", 3, 9), 8: ("inverse", 3, 6), 9: ("left", 2, 9),
          10: ("right", 3, 6)}


@dataclass
class MatrixEquationConfig(FamilyConfig):
    """Knobs of ``matrix_equation``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def _invertible(rng: np.random.Generator, n: int, bound: int) -> list[list[int]]:
    while True:
        a = M.random_matrix(rng, n, n, -bound, bound)
        if M.det(a) != 0:
            return a


def generate(rng: np.random.Generator, config: MatrixEquationConfig) -> Problem:
    d = config.difficulty
    kind, n, bound = LEVELS[d]
    a = _invertible(rng, n, bound)
    if kind == "solve":
        x = [[randint(rng, -bound, bound)] for _ in range(n)]
        b = M.matmul(a, x)
        q = (f"Solve $A \\mathbf{{x}} = \\mathbf{{b}}$ for $A = {pmatrix(a)}$ and $\\mathbf{{b}} = {pmatrix(b)}$. "
             f"Give $\\mathbf{{x}}$ as a column vector.")
        return Problem(q, pmatrix(x), {"kind": kind, "A": a, "b": b})
    if kind == "solve_rational":
        b = [[signed(rng, 1, 20)] for _ in range(n)]
        x = M.matmul(M.inverse(a), b)
        q = (f"Solve $A \\mathbf{{x}} = \\mathbf{{b}}$ for $A = {pmatrix(a)}$ and $\\mathbf{{b}} = {pmatrix(b)}$. "
             f"Give $\\mathbf{{x}}$ as a column vector with entries in lowest terms.")
        return Problem(q, pmatrix(x), {"kind": kind, "A": a, "b": b})
    if kind == "inverse":
        if n == 3:  # keep 3x3 inverses readable: small determinants
            a = M.small_determinant(rng, 3, 2)
        q = f"Find the inverse of $A = {pmatrix(a)}$. Give the entries in lowest terms."
        return Problem(q, pmatrix(M.inverse(a)), {"kind": kind, "A": a})
    b = M.random_matrix(rng, n, n, -bound, bound)
    if kind == "left":
        x, eq = M.matmul(M.inverse(a), b), "A X = B"
    else:
        a = M.small_determinant(rng, 3, 3)
        inv = M.inverse(a)
        x, eq = M.matmul(b, inv), "X A = B"
    q = (f"Find the matrix $X$ with ${eq}$, where $A = {pmatrix(a)}$ and $B = {pmatrix(b)}$. "
         f"Give the entries in lowest terms.")
    return Problem(q, pmatrix(x), {"kind": kind, "A": a, "B": b})


register_family("matrix_equation", generate, MatrixEquationConfig,
                "solve A x = b, invert matrices, solve A X = B and X A = B")
