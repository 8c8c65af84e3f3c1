"""Polynomial factoring over the integers, answered as the set of irreducible factors.

The answer is the set of distinct non-constant irreducible factors (primitive,
positive leading coefficient), not a product: a product form would be
symbolically equal to the unfactored polynomial and so could not be checked.
The polynomial is built by multiplying chosen factors, so the answer is known
exactly. Difficulty 1 is ``x^2 + b x + c`` with integer roots; the middle
levels add a constant content, non-monic factors, three linear factors, sums
and differences of cubes; difficulties 8-10 reach degree 5 with irreducible
quadratic factors and larger coefficients.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import gcd, isqrt

import numpy as np

from rlvr.envs.math.families import polynomial as P
from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import poly, set_
from rlvr.envs.math.families.sampling import chance, pick, randint, scale, signed


@dataclass
class PolynomialFactoringConfig(FamilyConfig):
    """Knobs of ``polynomial_factoring``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def _linear(rng: np.random.Generator, lead_max: int, const_max: int, allow_x: bool = False) -> list[int]:
    """A primitive ``p x + q`` with ``p > 0``."""
    while True:
        p = randint(rng, 1, lead_max)
        q = randint(rng, -const_max, const_max) if allow_x else signed(rng, 1, const_max)
        if gcd(p, q) == 1:
            return [q, p]


def _irreducible_quadratic(rng: np.random.Generator, lead_max: int, coef_max: int) -> list[int]:
    """A primitive ``a x^2 + b x + c`` (``a > 0``) whose discriminant is not a square."""
    while True:
        a, b, c = randint(rng, 1, lead_max), randint(rng, -coef_max, coef_max), signed(rng, 1, coef_max)
        disc = b * b - 4 * a * c
        if gcd(gcd(a, b), c) == 1 and (disc < 0 or isqrt(disc) ** 2 != disc):
            return [c, b, a]


def _factors(rng: np.random.Generator, d: int) -> tuple[int, list[list[int]]]:
    """(content, distinct irreducible factors)."""
    k = scale(d, 10, 25)
    content = 1
    if d <= 2:
        fs = [_linear(rng, 1, k + 3 * (d - 1), allow_x=d == 2), _linear(rng, 1, k + 3 * (d - 1))]
    elif d == 3:
        content = signed(rng, 2, 6) if chance(rng, 0.6) else 1
        fs = [_linear(rng, 1 if content != 1 else 4, k), _linear(rng, 1, k)]
    elif d == 4:
        fs = [_linear(rng, 6, k), _linear(rng, 6, k)]
    elif d == 5:
        fs = [_linear(rng, 4, k, allow_x=True), _linear(rng, 4, k), _linear(rng, 3, k)]
    elif d == 6:
        a = randint(rng, 1, 6)
        b = randint(rng, 1, 3)
        kind = pick(rng, ("cubes", "fourth"))
        if kind == "cubes":  # (b x)^3 +- a^3 = (b x +- a)(b^2 x^2 -+ a b x + a^2)
            s = pick(rng, (1, -1))
            g = gcd(a, b)
            a, b = a // g, b // g
            fs = [[s * a, b], [a * a, -s * a * b, b * b]]
        else:  # x^4 - a^4 = (x - a)(x + a)(x^2 + a^2)
            fs = [[-a, 1], [a, 1], [a * a, 0, 1]]
        content = signed(rng, 1, 4)
    elif d == 7:
        fs = [_linear(rng, 4, k, allow_x=True), _irreducible_quadratic(rng, 3, k)]
        content = signed(rng, 1, 5)
    elif d == 8:
        fs = [_linear(rng, 3, k), _linear(rng, 3, k), _irreducible_quadratic(rng, 2, k)]
    else:
        n_lin = 2 if d == 9 else 3
        fs = [_linear(rng, 4, k, allow_x=i == 0) for i in range(n_lin)] + [_irreducible_quadratic(rng, 3, k)]
        content = signed(rng, 1, 6)
    return content, fs


def generate(rng: np.random.Generator, config: PolynomialFactoringConfig) -> Problem:
    d = config.difficulty
    while True:
        content, fs = _factors(rng, d)
        if len({tuple(f) for f in fs}) == len(fs):
            break
    total = P.scale(P.product(fs), content)
    question = (f"Factor $p(x) = {poly(total)}$ completely over the integers. Answer with the set of its "
                f"distinct irreducible non-constant factors, each with integer coefficients that have no "
                f"common factor and a positive leading coefficient, e.g. $\\{{x - 1, 2 x + 3\\}}$.")
    ordered = sorted(fs, key=lambda f: (len(f), f[::-1]))
    return Problem(question, set_(poly(f) for f in ordered),
                   {"coefficients": total, "content": content, "factors": ordered})


register_family("polynomial_factoring", generate, PolynomialFactoringConfig,
                "factor integer polynomials completely; answer the set of irreducible factors")
