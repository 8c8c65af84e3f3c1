"""Derivatives: polynomials, powers, trig/exp/log functions, product and chain rules.

Every function is a sum of terms ``c x^p g(u)`` with ``g`` in ``sin, cos, exp,
ln, (.)^n`` of an inner polynomial ``u``, so the derivative follows from the
product and chain rules exactly, without a CAS (SymPy needs ~10 ms per fresh
expression). Difficulty 1 differentiates a quadratic or cubic; then come
higher degrees, negative and fractional powers, basic functions, the chain
rule, the product rule, both together, and at difficulty 10 sums of three
product-chain terms. The answer is an expression in ``x`` (SymPy-style LaTeX).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Optional

import numpy as np

from rlvr.envs.math.families import polynomial as P
from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import frac, fstr, join_terms, poly
from rlvr.envs.math.families.sampling import pick, randint, signed

# A term: (coefficient, power of x, polynomial factor or None, function or None) where the function is
# (name, inner polynomial, exponent) with name in sin, cos, exp, ln, pow, inv (1 / inner^exponent)
Func = Optional[tuple[str, tuple, int]]
Term = tuple[Fraction, Fraction, Optional[tuple], Func]


@dataclass
class DerivativeConfig(FamilyConfig):
    """Knobs of ``derivative``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def differentiate(terms: list[Term]) -> list[Term]:
    out: list[Term] = []
    for c, p, _, g in terms:
        if p != 0:
            out.append((c * p, p - 1, None, g))
        if g is None:
            continue
        name, u, n = g
        du = tuple(P.derivative(list(u)))
        if name == "sin":
            out.append((c, p, du, ("cos", u, 1)))
        elif name == "cos":
            out.append((-c, p, du, ("sin", u, 1)))
        elif name == "exp":
            out.append((c, p, du, g))
        elif name == "ln":
            out.append((c, p, du, ("inv", u, 1)))
        else:  # pow
            out.append((c * n, p, du, ("pow", u, n - 1) if n > 2 else None if n == 1 else ("pow", u, 1)))
    return _tidy(out)


def _tidy(terms: list[Term]) -> list[Term]:
    """Fold monomial polynomial factors into the coefficient and power; merge like terms; drop zeros."""
    merged: dict[tuple, Fraction] = {}
    for c, p, q, g in terms:
        if q is not None:
            q = tuple(P.trim(list(q)))
            nz = [i for i, a in enumerate(q) if a]
            if len(nz) == 1:
                c, p, q = c * q[nz[0]], p + nz[0], None
        if g is not None and g[0] == "pow" and g[2] == 1 and q is None:  # (u)^1: keep as a polynomial factor
            q, g = g[1], None
        key = (p, q, g)
        merged[key] = merged.get(key, Fraction(0)) + c
    return [(c, p, q, g) for (p, q, g), c in merged.items() if c != 0]


def _func_latex(g: Func) -> str:
    name, u, n = g
    inner = poly(list(u))
    if name in ("sin", "cos", "ln"):
        return f"\\{name}{{\\left({inner} \\right)}}"
    if name == "exp":
        return f"e^{{{inner}}}"
    return f"\\left({inner}\\right)" if n == 1 else f"\\left({inner}\\right)^{{{n}}}"


def term_latex(t: Term) -> str:
    c, p, q, g = t
    factors = []
    if p != 0:
        factors.append("x" if p == 1 else f"x^{{{frac(p)}}}")
    if q is not None:
        factors.append(f"\\left({poly(list(q))}\\right)")
    denominator = None
    if g is not None:
        if g[0] == "inv":
            denominator = poly(list(g[1]))
        else:
            factors.append(_func_latex(g))
    body = " ".join(factors)
    if denominator is not None:
        top = body or "1"
        num, den = abs(c.numerator), c.denominator
        top = top if num == 1 else (f"{num} {top}" if body else str(num))
        den_text = denominator if den == 1 else f"{den} \\left({denominator}\\right)"
        return f"{'-' if c < 0 else ''}\\frac{{{top}}}{{{den_text}}}"
    if not body:
        return frac(c)
    if c == 1:
        return body
    if c == -1:
        return "-" + body
    return f"{frac(c)} {body}"


def latex(terms: list[Term]) -> str:
    return join_terms(term_latex(t) for t in terms)


def _inner(rng: np.random.Generator, degree: int, m: int, positive: bool = False) -> tuple:
    """An inner polynomial; ``positive`` keeps it > 0 for x > 0 (for ln)."""
    if degree == 1:
        a = randint(rng, 1, m) if positive else signed(rng, 1, m)
        b = randint(rng, 1, m) if positive else randint(rng, -m, m)
        return (b, a)
    a = randint(rng, 1, m) if positive else signed(rng, 1, m)
    b = randint(rng, 0, m) if positive else randint(rng, -m, m)
    return (randint(rng, 1, m) if positive else randint(rng, -m, m), b, a)


def _function_term(rng: np.random.Generator, d: int, m: int, chain: bool, product: bool) -> Term:
    name = pick(rng, ("sin", "cos", "exp", "ln", "pow") if chain else ("sin", "cos", "exp", "ln"))
    if chain:
        u = _inner(rng, pick(rng, (1, 2)), m, positive=name == "ln")
    else:
        u = (0, randint(rng, 1, m)) if name != "ln" else (0, 1)
    n = randint(rng, 2, 5) if name == "pow" else 1
    if name == "pow" and len(u) == 2 and u[0] == 0:
        u = (signed(rng, 1, m), u[1])
    p = Fraction(randint(rng, 1, 3)) if product else Fraction(0)
    if product and d >= 9 and pick(rng, (0, 1)):
        p = Fraction(pick(rng, (1, 3, 5)), 2)
    return (Fraction(signed(rng, 1, m)), p, None, (name, u, n))


def generate(rng: np.random.Generator, config: DerivativeConfig) -> Problem:
    d = config.difficulty
    m = 9 if d < 6 else 12
    terms: list[Term] = []
    if d <= 3:
        degree = randint(rng, 2, 3) if d == 1 else randint(rng, 3, 5)
        for k in range(degree, -1, -1):
            if k == degree or pick(rng, (0, 1, 1)):
                terms.append((Fraction(signed(rng, 1, m) if d > 1 else randint(rng, 1, m)), Fraction(k), None, None))
        if d == 3:  # negative and fractional powers
            for _ in range(2):
                terms.append((Fraction(signed(rng, 1, m)), Fraction(pick(rng, (-1, -2, -3, 1, 3, 5, -1)),
                                                                  pick(rng, (1, 2, 2, 3))), None, None))
    elif d == 4:
        terms = [_function_term(rng, d, m, chain=False, product=False),
                 (Fraction(signed(rng, 1, m)), Fraction(randint(rng, 2, 4)), None, None)]
    elif d == 5:
        terms = [_function_term(rng, d, m, chain=True, product=False),
                 _function_term(rng, d, m, chain=False, product=False)]
    elif d == 6:
        terms = [_function_term(rng, d, m, chain=False, product=True)]
    elif d == 7:
        terms = [_function_term(rng, d, m, chain=True, product=True)]
    elif d in (8, 9):
        terms = [_function_term(rng, d, m, chain=True, product=True),
                 _function_term(rng, d, m, chain=True, product=False)]
    else:
        terms = [_function_term(rng, d, m, chain=True, product=True) for _ in range(3)]
    terms = _tidy(terms)
    question = f"Let $f(x) = {latex(terms)}$. Find $f'(x)$."
    if any(g is not None and g[0] == "ln" for *_, g in terms) or any(t[1].denominator != 1 or t[1] < 0 for t in terms):
        question = question.replace("Find", "For $x > 0$, find")
    params = {"terms": [[fstr(c), fstr(p), None if g is None else [g[0], list(g[1]), g[2]]] for c, p, _, g in terms]}
    return Problem(question, latex(differentiate(terms)), params)


register_family("derivative", generate, DerivativeConfig,
                "derivatives of polynomials, powers, trig/exp/log functions; product and chain rules")
