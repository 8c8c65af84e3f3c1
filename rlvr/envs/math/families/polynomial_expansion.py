"""Polynomial expansion, answered as coefficients (an expanded form alone would be hackable:
the unexpanded product is symbolically equal to it).

Difficulty 1 expands ``(x + a)(x + b)`` into a coefficient tuple; the middle
levels expand products of binomials and trinomials and cubes; from difficulty
6 the question asks for one coefficient of a binomial or trinomial power, and
difficulty 10 asks for a coefficient of ``(a x^p + b / x^q)^n``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rlvr.envs.math.families import polynomial as P
from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import frac, join_terms, poly, tuple_
from rlvr.envs.math.families.sampling import randint, scale, signed


@dataclass
class PolynomialExpansionConfig(FamilyConfig):
    """Knobs of ``polynomial_expansion``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def _lin(rng: np.random.Generator, a_max: int, b_max: int, monic: bool = False) -> list[int]:
    return [signed(rng, 1, b_max), 1 if monic else signed(rng, 1, a_max)]


def _factor_latex(p: list[int], n: int = 1) -> str:
    body = f"\\left({poly(p)}\\right)"
    return body if n == 1 else f"{body}^{{{n}}}"


def _laurent_latex(a: int, p: int, b: int, q: int) -> str:
    """``a x^p + b / x^q``."""
    first = poly([0] * p + [a])
    den = "x" if q == 1 else f"x^{{{q}}}"
    second = f"{'-' if b < 0 else ''}\\frac{{{abs(b)}}}{{{den}}}"
    return join_terms([first, second])


def generate(rng: np.random.Generator, config: PolynomialExpansionConfig) -> Problem:
    d = config.difficulty
    c = scale(d, 9, 12)
    # each product: (sign, [(coefficients, power), ...]); the expression is their sum
    if d == 1:
        products = [(1, [(_lin(rng, 1, 12, monic=True), 1), (_lin(rng, 1, 12, monic=True), 1)])]
    elif d == 2:
        products = [(1, [(_lin(rng, 9, 12), 1), (_lin(rng, 9, 12), 1)])]
    elif d == 3:
        products = [(1, [(_lin(rng, 9, 9), 1), ([signed(rng, 1, 9), signed(rng, 1, 9), signed(rng, 1, 6)], 1)])]
    elif d == 4:
        products = [(1, [(_lin(rng, 5, 9), 3)])]
    elif d == 5:
        products = [(1, [(_lin(rng, 6, 9), 1), (_lin(rng, 6, 9), 1), (_lin(rng, 6, 9), 1)]),
                    (signed(rng, 1, 1), [(_lin(rng, 6, 9), 2)])]
    elif d == 6:
        products = [(1, [(_lin(rng, 4, 6), randint(rng, 4, 6))])]
    elif d == 7:
        quad = lambda: [signed(rng, 1, c), signed(rng, 1, c), signed(rng, 1, 6)]  # noqa: E731
        products = [(1, [(quad(), 1), (quad(), 1)]), (-1, [(_lin(rng, 6, c), 2)])]
    elif d == 8:
        products = [(1, [(_lin(rng, 4, 6), randint(rng, 3, 5)), (_lin(rng, 4, 6), randint(rng, 2, 4))])]
    elif d == 9:
        products = [(1, [([signed(rng, 1, 5), signed(rng, 1, 5), signed(rng, 1, 3)], randint(rng, 3, 5))])]
    else:
        a, b = signed(rng, 1, 6), signed(rng, 1, 9)
        p, q, n = randint(rng, 1, 3), randint(rng, 1, 3), randint(rng, 5, 9)
        # coefficient of x^(p(n-j) - qj) is C(n, j) a^(n-j) b^j; expand as a polynomial times x^(-qn)
        shifted = P.pow_([b] + [0] * (p + q - 1) + [a], n)  # x^(qn) * (a x^p + b x^-q)^n
        j = randint(rng, 0, n)
        k = p * (n - j) - q * j
        expr = f"\\left({_laurent_latex(a, p, b, q)}\\right)^{{{n}}}"
        what = "the constant term" if k == 0 else f"the coefficient of ${'x' if k == 1 else f'x^{{{k}}}'}$"
        question = f"What is {what} in the expansion of ${expr}$?"
        return Problem(question, str(shifted[k + q * n]), {"laurent": [a, p, b, q, n], "power": k})

    total: list = [0]
    for sign, factors in products:
        total = P.add(total, P.scale(P.product([P.pow_(f, n) for f, n in factors]), sign))
    parts = []
    for i, (sign, factors) in enumerate(products):
        text = "".join(_factor_latex(f, n) for f, n in factors)
        parts.append(text if sign > 0 else "-" + text)
    expr = join_terms(parts)
    deg = len(total) - 1
    params = {"products": [[sign, [[f, n] for f, n in factors]] for sign, factors in products]}
    if d <= 5 or d == 7:
        names = ", ".join(f"a_{{{i}}}" for i in range(deg, -1, -1))
        question = (f"Expand ${expr}$ as $a_{{{deg}}} x^{{{deg}}} + \\dots + a_{{0}}$ and give the "
                    f"coefficients as an ordered tuple $({names})$.")
        return Problem(question, tuple_(frac(v) for v in reversed(total)), {**params, "ask": "tuple"})
    k = randint(rng, 1, deg - 1)
    question = f"What is the coefficient of $x^{{{k}}}$ in the expansion of ${expr}$?"
    return Problem(question, str(total[k]), {**params, "power": k})


register_family("polynomial_expansion", generate, PolynomialExpansionConfig,
                "expand products and powers of polynomials; coefficient tuples and single coefficients")
