"""Matrix products and matrix expressions, answered as a matrix.

Difficulty 1 multiplies two 2x2 matrices with one-digit entries; then come
negative entries, non-square shapes, squares of 3x3 matrices, ``A B - 2 C``,
cubes, products of three matrices and ``(A - k I)^2 B`` with 4x4 matrices at
difficulty 10.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rlvr.envs.math.families import matrices as M
from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import pmatrix
from rlvr.envs.math.families.sampling import pick, signed


@dataclass
class MatrixProductConfig(FamilyConfig):
    """Knobs of ``matrix_product``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def generate(rng: np.random.Generator, config: MatrixProductConfig) -> Problem:
    d = config.difficulty
    r = lambda rows, cols, lo, hi: M.random_matrix(rng, rows, cols, lo, hi)  # noqa: E731
    if d <= 2:
        a, b = (r(2, 2, 0, 9), r(2, 2, 0, 9)) if d == 1 else (r(2, 2, -9, 9), r(2, 2, -9, 9))
        expr, value, mats = "A B", M.matmul(a, b), {"A": a, "B": b}
    elif d <= 4:
        n, k, m = (2, 3, 2) if d == 3 else pick(rng, ((3, 2, 3), (2, 3, 3), (3, 3, 2)))
        a, b = r(n, k, -9, 9), r(k, m, -9, 9)
        expr, value, mats = "A B", M.matmul(a, b), {"A": a, "B": b}
    elif d == 5:
        a = r(3, 3, -6, 6)
        expr, value, mats = "A^{2}", M.matmul(a, a), {"A": a}
    elif d == 6:
        a, b, c = r(3, 3, -9, 9), r(3, 3, -9, 9), r(3, 3, -9, 9)
        k = signed(rng, 2, 5)
        expr, value = f"A B {'-' if k > 0 else '+'} {abs(k)} C", M.add(M.matmul(a, b), c, -k)
        mats = {"A": a, "B": b, "C": c}
    elif d == 7:
        a = r(2, 2, -6, 6)
        expr, value, mats = "A^{3}", M.matmul(M.matmul(a, a), a), {"A": a}
    elif d == 8:
        a, b = r(3, 3, -6, 6), r(3, 3, -6, 6)
        expr, mats = "A^{T} B + B^{T} A", {"A": a, "B": b}
        value = M.add(M.matmul(M.transpose(a), b), M.matmul(M.transpose(b), a))
    elif d == 9:
        a, b, c = r(3, 3, -5, 5), r(3, 3, -5, 5), r(3, 2, -5, 5)
        expr, value, mats = "A B C", M.matmul(M.matmul(a, b), c), {"A": a, "B": b, "C": c}
    else:
        n = pick(rng, (3, 4))
        a, b = r(n, n, -6, 6), r(n, n, -6, 6)
        k = signed(rng, 1, 4)
        shifted = M.add(a, M.identity(n), -k)
        expr = f"\\left(A {'-' if k > 0 else '+'} {abs(k)} I\\right)^{{2}} B"
        value, mats = M.matmul(M.matmul(shifted, shifted), b), {"A": a, "B": b}
    defs = ", ".join(f"${name} = {pmatrix(m)}$" for name, m in mats.items())
    extra = ", and $I$ is the identity matrix" if "I" in expr else ""
    q = f"Let {defs}{extra}. Compute ${expr}$."
    return Problem(q, pmatrix(value), {"expression": expr, **mats, **({"k": k} if "I" in expr or d == 6 else {})})


register_family("matrix_product", generate, MatrixProductConfig,
                "matrix products, powers, transposes and linear combinations")
