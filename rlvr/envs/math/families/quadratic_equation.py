"""Quadratic equations with two distinct real roots, answered as a set.

Difficulty 1 is a monic ``x^2 + b x + c = 0`` with integer roots up to 12;
difficulty 3 has rational roots; from difficulty 4 roots may be irrational
(``\\frac{3 \\pm \\sqrt{5}}{2}``); from difficulty 6 the equation is not in
standard form (products and squares on one side, terms on both), and
coefficients grow to 40 at difficulty 10.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import gcd, isqrt

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import frac, poly, quadratic_surd, set_
from rlvr.envs.math.families.sampling import chance, pick, randint, scale, signed


@dataclass
class QuadraticEquationConfig(FamilyConfig):
    """Knobs of ``quadratic_equation``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def _coefficients(rng: np.random.Generator, d: int) -> tuple[int, int, int]:
    """``(a, b, c)`` with ``b^2 - 4ac > 0`` and ``gcd(a, b, c) = 1``."""
    while True:
        if d <= 2:
            bound = 12 if d == 1 else 20
            r1, r2 = randint(rng, -bound, bound), randint(rng, -bound, bound)
            a, b, c = 1, -(r1 + r2), r1 * r2
        elif d == 3 or (d < 8 and chance(rng, 0.4)):  # rational roots (p1 x - q1)(p2 x - q2)
            p1, p2 = randint(rng, 1, scale(d, 3, 8)), randint(rng, 1, scale(d, 3, 8))
            q1, q2 = signed(rng, 1, scale(d, 9, 25)), signed(rng, 1, scale(d, 9, 25))
            a, b, c = p1 * p2, -(p1 * q2 + p2 * q1), q1 * q2
        else:  # anything with a positive discriminant; irrational roots are likely
            a = randint(rng, 1, scale(d, 3, 12))
            b, c = randint(rng, -scale(d, 15, 40), scale(d, 15, 40)), signed(rng, 1, scale(d, 15, 40))
        g = gcd(gcd(a, b), c)
        a, b, c = a // g, b // g, c // g
        if b * b - 4 * a * c > 0 and c != 0:
            return a, b, c


def roots_latex(a: int, b: int, c: int) -> list[str]:
    """The two real roots, smaller first."""
    disc = b * b - 4 * a * c
    r = isqrt(disc)
    if r * r == disc:
        return [frac(Fraction(-b - r, 2 * a)), frac(Fraction(-b + r, 2 * a))]
    p, q = Fraction(-b, 2 * a), Fraction(1, 2 * a)
    return [quadratic_surd(p, -q, disc), quadratic_surd(p, q, disc)]


def generate(rng: np.random.Generator, config: QuadraticEquationConfig) -> Problem:
    d = config.difficulty
    a, b, c = _coefficients(rng, d)
    forms = ["standard"] if d < 5 else ["moved"] if d < 6 else ["moved", "product", "square"]
    form = pick(rng, forms)
    if form == "standard":
        equation = f"{poly([c, b, a])} = 0"
    elif form == "moved":  # a x^2 + b x + c = 0 as a x^2 + s x = t x + u
        s = randint(rng, -scale(d, 10, 30), scale(d, 10, 30))
        equation = f"{poly([0, s, a])} = {poly([-c, s - b])}"
    elif form == "product":  # a (x + p)(x + q) = (a(p+q) - b) x + (a p q - c)
        p, q = signed(rng, 1, scale(d, 6, 15)), signed(rng, 1, scale(d, 6, 15))
        lead = "" if a == 1 else f"{a}"
        equation = (f"{lead}\\left({poly([p, 1])}\\right)\\left({poly([q, 1])}\\right) = "
                    f"{poly([a * p * q - c, a * (p + q) - b])}")
    else:  # a (x + p)^2 = (2 a p - b) x + (a p^2 - c)
        p = signed(rng, 1, scale(d, 6, 15))
        lead = "" if a == 1 else f"{a}"
        equation = f"{lead}\\left({poly([p, 1])}\\right)^{{2}} = {poly([a * p * p - c, 2 * a * p - b])}"
    question = (f"Solve ${equation}$ for real $x$. List all real solutions as a set, "
                f"e.g. $\\{{-1, 2\\}}$, with exact values (fractions or simplified radicals).")
    return Problem(question, set_(roots_latex(a, b, c)),
                   {"a": a, "b": b, "c": c, "form": form})


register_family("quadratic_equation", generate, QuadraticEquationConfig,
                "quadratic equations with rational or irrational real roots, in and out of standard form")
