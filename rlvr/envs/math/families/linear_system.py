"""Systems of linear equations with a unique solution, answered as an ordered tuple.

Difficulty 1 is two equations in ``x, y`` with small coefficients and an
integer solution; difficulty 5 allows rational solutions; from difficulty 7
the system has three unknowns, and difficulty 10 has coefficients up to 15,
rational solutions and equations with a missing variable.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import frac, linear_form, tuple_
from rlvr.envs.math.families.sampling import chance, randint, scale

NAMES = ("x", "y", "z")


@dataclass
class LinearSystemConfig(FamilyConfig):
    """Knobs of ``linear_system``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def solve(a: list[list[int]], b: list[int]) -> list[Fraction] | None:
    """Gauss-Jordan elimination over the rationals; ``None`` if singular."""
    n = len(a)
    m = [[Fraction(v) for v in row] + [Fraction(rhs)] for row, rhs in zip(a, b)]
    for col in range(n):
        pivot = next((r for r in range(col, n) if m[r][col] != 0), None)
        if pivot is None:
            return None
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col and m[r][col] != 0:
                f = m[r][col] / m[col][col]
                m[r] = [u - f * v for u, v in zip(m[r], m[col])]
    return [m[i][n] / m[i][i] for i in range(n)]


def generate(rng: np.random.Generator, config: LinearSystemConfig) -> Problem:
    d = config.difficulty
    n = 2 if d < 7 else 3
    coef = scale(d, 5, 15)
    integer_solution = d < 5 or (d < 9 and chance(rng, 0.5))
    sol_max = scale(d, 9, 20)
    while True:
        a = [[randint(rng, -coef, coef) for _ in range(n)] for _ in range(n)]
        if d < 9:  # every variable appears in every equation below the top levels
            if any(v == 0 for row in a for v in row):
                continue
        if integer_solution:
            x = [randint(rng, -sol_max, sol_max) for _ in range(n)]
            b = [sum(r * v for r, v in zip(row, x)) for row in a]
        else:
            b = [randint(rng, -scale(d, 30, 120), scale(d, 30, 120)) for _ in range(n)]
        sol = solve(a, b)
        if sol is None or any(all(v == 0 for v in row) for row in a):
            continue
        if not integer_solution and all(s.denominator == 1 for s in sol) and d >= 5:
            continue  # keep the rational levels rational
        break
    eqs = [f"${linear_form(row, NAMES[:n])} = {rhs}$" for row, rhs in zip(a, b)]
    names = ", ".join(NAMES[:n])
    question = (f"Solve the system of equations {', '.join(eqs[:-1])} and {eqs[-1]}. "
                f"Give the solution as an ordered {'pair' if n == 2 else 'triple'} $({names})$.")
    return Problem(question, tuple_(frac(s) for s in sol), {"matrix": a, "rhs": b})


register_family("linear_system", generate, LinearSystemConfig,
                "2x2 and 3x3 linear systems with a unique integer or rational solution")
