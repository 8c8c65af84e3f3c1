"""Exponents: integer, negative and fractional powers, the power rules, exponential equations.

Difficulty 1 adds or subtracts two small powers; difficulties 2-5 use the product and
quotient rules, negative exponents, powers of powers and fractional
exponents; from difficulty 6 come exponential equations with different bases
of a common root, simplifications with radicals, sums of fractional powers
and equations such as ``3 \\cdot 2^{x + 1} - 2^{x} = 80``. Answers are
integers or fractions.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import gcd

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import frac, fstr, join_terms, poly
from rlvr.envs.math.families.sampling import chance, pick, randint, signed

#: kind -> lowest difficulty; a difficulty draws from the three most advanced unlocked kinds
KINDS = {"evaluate": 1, "quotient_rule": 2, "negative": 3, "simplify": 4, "fractional": 5,
         "equation": 6, "radical_simplify": 7, "sum_of_powers": 8, "linear_combination_equation": 9}


@dataclass
class ExponentsConfig(FamilyConfig):
    """Knobs of ``exponents``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def _paren_base(base: Fraction) -> str:
    return frac(base) if base > 0 and base.denominator == 1 else f"\\left({frac(base)}\\right)"


def _pow(base: Fraction, e: Fraction) -> str:
    return f"{_paren_base(base)}^{{{frac(e)}}}"


def _perfect_power(rng: np.random.Generator, q: int, d: int) -> tuple[Fraction, Fraction]:
    """``(N, c)`` with ``N = c^q``; ``c`` a fraction at higher difficulty."""
    top = {2: 30, 3: 12, 4: 7, 5: 5}[q]
    c = Fraction(randint(rng, 2, top))
    if d >= 5 and chance(rng, 0.5):
        c = Fraction(c.numerator, randint(rng, 1, top))
        if c == 1:
            c = Fraction(2, 1)
    return c**q, c


def _fractional_term(rng: np.random.Generator, d: int) -> tuple[str, Fraction, list]:
    q = randint(rng, 2, 4 if d < 8 else 5)
    n, c = _perfect_power(rng, q, d)
    p = pick(rng, [v for v in (1, 2, 3, 4) if gcd(v, q) == 1])  # p/q in lowest terms keeps the root visible
    if d >= 6 and chance(rng, 0.5):
        p = -p
    e = Fraction(p, q)
    return _pow(n, e), c**p, [fstr(n), fstr(e)]


def generate(rng: np.random.Generator, config: ExponentsConfig) -> Problem:
    d = config.difficulty
    unlocked = [k for k, lo in KINDS.items() if lo <= d]
    kind = pick(rng, unlocked[-3:])
    if kind == "evaluate":  # a^n +- b^k; from difficulty 2 with negative bases and signs outside powers
        terms, total, params = [], Fraction(0), []
        for i in range(2):
            a = signed(rng, 2, 15) if d >= 2 else randint(rng, 2, 15)
            n = randint(rng, 2, 4 if abs(a) <= 6 else 3)
            sign = 1 if i == 0 else pick(rng, (1, -1))
            if d >= 2 and chance(rng, 0.3):  # -a^n: the sign is outside the power
                a, sign = abs(a), -sign
            terms.append(("-" if sign < 0 else "") + _pow(Fraction(a), Fraction(n)))
            total += sign * Fraction(a) ** n
            params.append([sign, a, n])
        return Problem(f"Compute ${join_terms(terms)}$.", frac(total), {"kind": kind, "terms": params})
    if kind == "quotient_rule":
        a = randint(rng, 2, 9)
        m, n = randint(rng, 2, 12), randint(rng, 2, 12)
        k = m + n - randint(rng, -2 if d >= 3 else 0, 3)
        text = f"\\frac{{{a}^{{{m}}} \\cdot {a}^{{{n}}}}}{{{a}^{{{k}}}}}"
        return Problem(f"Compute ${text}$. Give the answer as a fraction in lowest terms (or an integer).",
                       frac(Fraction(a) ** (m + n - k)),
                       {"kind": kind, "base": a, "exponents": [m, n, k]})
    if kind == "negative":  # a sum or product of two negative powers
        texts, values, params = [], [], []
        for _ in range(2):
            base = Fraction(randint(rng, 2, 9), randint(rng, 1, 7))
            base = base if chance(rng, 0.7) else -base
            n = -randint(rng, 1, 3)
            texts.append(_pow(base, Fraction(n)))
            values.append(base**n)
            params.append([fstr(base), n])
        op = pick(rng, ("+", "-", "\\cdot"))
        value = values[0] + values[1] if op == "+" else values[0] - values[1] if op == "-" else values[0] * values[1]
        return Problem(f"Compute ${texts[0]} {op} {texts[1]}$. Give the answer as a fraction in lowest terms "
                       f"(or an integer).", frac(value), {"kind": kind, "powers": params, "op": op})
    if kind in ("simplify", "radical_simplify"):
        # x^a (x^b)^c / x^e, or with a root sqrt[m]{x^k} and a fractional power at the radical level
        a, b, c, e = signed(rng, 1, 12), signed(rng, 1, 8), randint(rng, 2, 6), randint(rng, 1, 12)
        if kind == "simplify":
            text = f"\\frac{{x^{{{a}}} \\left(x^{{{b}}}\\right)^{{{c}}}}}{{x^{{{e}}}}}"
            value = Fraction(a + b * c - e)
            params = {"kind": kind, "exponents": [a, b, c, e]}
        else:
            m, k = randint(rng, 2, 5), randint(rng, 1, 9)
            f = Fraction(signed(rng, 1, 7), randint(rng, 2, 6))
            root = f"\\sqrt{{x^{{{k}}}}}" if m == 2 else f"\\sqrt[{m}]{{x^{{{k}}}}}"
            text = f"\\frac{{{root} \\cdot x^{{{frac(f)}}}}}{{\\left(x^{{{b}}}\\right)^{{{c}}}}}"
            value = Fraction(k, m) + f - b * c
            params = {"kind": kind, "root": [m, k], "power": fstr(f), "denominator": [b, c]}
        question = (f"For $x > 0$, the expression ${text}$ equals $x^{{n}}$. What is $n$? "
                    f"Give a fraction in lowest terms or an integer.")
        return Problem(question, frac(value), params)
    if kind == "fractional":  # a product or quotient of two fractional powers
        (t1, v1, p1), (t2, v2, p2) = _fractional_term(rng, d), _fractional_term(rng, d)
        if chance(rng, 0.5):
            text, value, op = f"{t1} \\cdot {t2}", v1 * v2, "*"
        else:
            text, value, op = f"\\frac{{{t1}}}{{{t2}}}", v1 / v2, "/"
        return Problem(f"Compute ${text}$. Give the answer as a fraction in lowest terms (or an integer).",
                       frac(value), {"kind": kind, "terms": [p1, p2], "op": op})
    if kind == "sum_of_powers":
        terms, total, params = [], Fraction(0), []
        for _ in range(randint(rng, 2, 3)):
            text, value, ps = _fractional_term(rng, d)
            sign = pick(rng, (1, -1))
            terms.append(text if sign > 0 else "-" + text)
            total += sign * value
            params.append([sign] + ps)
        return Problem(f"Compute ${join_terms(terms)}$. Give the answer as a fraction in lowest terms "
                       f"(or an integer).", frac(total), {"kind": kind, "terms": params})
    if kind == "equation":
        # (t^u)^(p x + q) = (t^v)^(r x + s)  <=>  u (p x + q) = v (r x + s)
        t = randint(rng, 2, 5)
        u, v = randint(rng, 1, 4), randint(rng, 1, 4)
        while u == v:
            v = randint(rng, 1, 4)
        while True:
            p, q, r, s = signed(rng, 1, 5), randint(rng, -9, 9), signed(rng, 1, 5), randint(rng, -9, 9)
            if u * p != v * r:
                break
        x = Fraction(v * s - u * q, u * p - v * r)
        b1, b2 = t**u, t**v
        text = f"{b1}^{{{poly([q, p])}}} = {b2}^{{{poly([s, r])}}}"
        return Problem(f"Solve ${text}$ for $x$. Give the exact value.", frac(x),
                       {"kind": kind, "bases": [b1, b2], "left": [q, p], "right": [s, r]})
    # linear_combination_equation: k1 b^(x + a) + k2 b^x = N  with b^x = N / (k1 b^a + k2)
    b = randint(rng, 2, 7)
    a = randint(rng, 1, 4)
    k1, k2 = randint(rng, 1, 6), signed(rng, 1, 9)
    coef = k1 * b**a + k2
    if coef <= 0:
        k2 = abs(k2)
        coef = k1 * b**a + k2
    x = randint(rng, -1 if d >= 10 else 0, 6)
    n = Fraction(coef) * Fraction(b) ** x
    cdot = " \\cdot "
    first = ("" if k1 == 1 else f"{k1}{cdot}") + f"{b}^{{x + {a}}}"
    second = ("" if abs(k2) == 1 else f"{abs(k2)}{cdot}") + f"{b}^{{x}}"
    text = f"{first} {'+' if k2 > 0 else '-'} {second} = {frac(n)}"
    return Problem(f"Solve ${text}$ for $x$.", str(x),
                   {"kind": kind, "base": b, "shift": a, "coefficients": [k1, k2], "value": fstr(n)})


register_family("exponents", generate, ExponentsConfig,
                "integer, negative and fractional powers, power rules, exponential equations")
