"""Linear equations in one variable.

Difficulty 1 is ``a x + b = c`` with a small integer solution; the middle
levels put ``x`` on both sides and inside parentheses; from difficulty 6 the
terms include fractions ``(p x + q)/r`` and the solution is any rational, and
difficulty 10 has three mixed terms a side with larger numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import coef_times, frac, join_terms, poly
from rlvr.envs.math.families.sampling import pick, randint, scale, signed

#: term kinds on each side, per difficulty; "C" is the constant that makes the chosen integer solution work
LAYOUTS = {
    1: (["ax", "c"], ["C"]),
    2: (["ax", "c"], ["C"]),
    3: (["ax", "c"], ["ax", "C"]),
    4: (["k()", "c"], ["ax", "C"]),
    5: (["k()", "ax"], ["k()", "C"]),
    6: (["frac"], ["c"]),
    7: (["frac", "frac"], ["c"]),
    8: (["frac", "k()"], ["frac", "c"]),
    9: (["frac", "k()", "c"], ["frac", "ax", "c"]),
    10: (["frac", "frac", "k()"], ["frac", "k()", "c"]),
}


@dataclass
class LinearEquationConfig(FamilyConfig):
    """Knobs of ``linear_equation``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def _term(rng: np.random.Generator, kind: str, coef: int, const: int,
          den: int) -> tuple[list[int], str, Fraction, Fraction]:
    """A random term: (params, LaTeX, coefficient of x, constant)."""
    if kind == "ax":
        a = signed(rng, 1, coef)
        return ["ax", a], coef_times(a, "x"), Fraction(a), Fraction(0)
    if kind == "c":
        c = signed(rng, 1, const)
        return ["c", c], frac(c), Fraction(0), Fraction(c)
    p, q = signed(rng, 1, coef), signed(rng, 1, const)
    inner = poly([q, p])
    if kind == "k()":
        k = signed(rng, 2, coef)
        return ["k()", k, p, q], f"{frac(k)}\\left({inner}\\right)", Fraction(k * p), Fraction(k * q)
    r = randint(rng, 2, den)
    sign = pick(rng, (1, -1))
    text = ("-" if sign < 0 else "") + f"\\frac{{{inner}}}{{{r}}}"
    return ["frac", sign, p, q, r], text, Fraction(sign * p, r), Fraction(sign * q, r)


def generate(rng: np.random.Generator, config: LinearEquationConfig) -> Problem:
    d = config.difficulty
    coef, const, den = scale(d, 9, 15), scale(d, 20, 60), scale(d, 3, 12)
    left_kinds, right_kinds = LAYOUTS[d]
    while True:
        x0 = Fraction(randint(rng, -scale(d, 9, 20), scale(d, 9, 20)))
        sides = []
        for kinds in (left_kinds, right_kinds):
            sides.append([_term(rng, k, coef, const, den) for k in kinds if k != "C"])
        a = sum(t[2] for t in sides[0]) - sum(t[2] for t in sides[1])
        b = sum(t[3] for t in sides[0]) - sum(t[3] for t in sides[1])
        if a == 0:
            continue
        if "C" in right_kinds:  # the constant that makes x0 the solution
            c = a * x0 + b
            if c == 0:
                continue
            sides[1].append((["c", int(c)], frac(c), Fraction(0), c))
        else:
            x0 = -b / a
        break
    left, right = (join_terms(t[1] for t in side) for side in sides)
    question = (f"Solve for $x$: ${left} = {right}$. Give the exact value "
                f"(a fraction in lowest terms if it is not an integer).")
    return Problem(question, frac(x0), {"left": [t[0] for t in sides[0]], "right": [t[0] for t in sides[1]]})


register_family("linear_equation", generate, LinearEquationConfig,
                "linear equations in one variable, with parentheses and fractions at higher levels")
