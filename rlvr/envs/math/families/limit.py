"""Limits with exact values: substitution, removable discontinuities, infinity, standard limits.

Difficulty 1 evaluates a polynomial at a point; then come rational functions,
cancelled common factors (``0/0``), limits at infinity, ``(x^n - a^n)/(x - a)``,
``\\sin(a x)/(b x)`` and ``1 - \\cos``, ``(e^{a x} - 1)/(b x)`` and logarithms,
conjugates of square roots, ``\\sqrt{k^2 x^2 + a x + b} - k x - c`` and ``(1 + a/x)^{b x + k} \\to e^{a b}``,
and at difficulty 10 second-order limits such as ``(e^{a x} - 1 - a x)/(b x^2)``.
Values are built in (each form's limit is known in closed form).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from rlvr.envs.math.families import polynomial as P
from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.closed_form import Closed
from rlvr.envs.math.families.latex import coef_times, frac, poly
from rlvr.envs.math.families.sampling import pick, randint, signed

POOLS = {1: ("polynomial",), 2: ("rational",), 3: ("removable",), 4: ("infinity", "removable"),
         5: ("power_difference", "infinity", "removable"), 6: ("trig", "power_difference"), 7: ("exp_log", "trig"),
         8: ("conjugate", "exp_log"), 9: ("sqrt_infinity", "compound_interest", "conjugate"),
         10: ("second_order", "compound_interest", "sqrt_infinity")}


@dataclass
class LimitConfig(FamilyConfig):
    """Knobs of ``limit``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def _lin(a: int, b: int) -> str:
    """``a x + b`` inside a function argument (``3 x``, ``x``)."""
    return poly([b, a])


def _f(name: str, arg: str) -> str:
    return f"\\{name}{{\\left({arg} \\right)}}"


def generate(rng: np.random.Generator, config: LimitConfig) -> Problem:
    d = config.difficulty
    kind = pick(rng, POOLS[d])
    at, value = "", Fraction(0)
    if kind == "polynomial":
        coeffs = [randint(rng, -9, 9) for _ in range(randint(rng, 2, 3))] + [signed(rng, 1, 9)]
        a = randint(rng, -5, 5)
        expr, at, value = f"\\left({poly(coeffs)}\\right)", str(a), Fraction(P.evaluate(coeffs, a))
        params = {"kind": kind, "coefficients": coeffs}
    elif kind == "rational":
        while True:
            num = [randint(rng, -9, 9) for _ in range(2)] + [signed(rng, 1, 5)]
            den = [randint(rng, -9, 9), signed(rng, 1, 9)]
            a = randint(rng, -6, 6)
            if P.evaluate(den, a) != 0:
                break
        expr, at = f"\\frac{{{poly(num)}}}{{{poly(den)}}}", str(a)
        value = Fraction(P.evaluate(num, a), P.evaluate(den, a))
        params = {"kind": kind, "numerator": num, "denominator": den}
    elif kind == "removable":  # (x - a)(p x + q) / ((x - a)(r x + s))
        while True:
            a, q, s = randint(rng, -6, 6), randint(rng, -9, 9), randint(rng, -9, 9)
            p, r = signed(rng, 1, 5), signed(rng, 1, 5)
            if r * a + s != 0 and p * s != q * r:
                break
        num, den = P.mul([-a, 1], [q, p]), P.mul([-a, 1], [s, r])
        expr, at = f"\\frac{{{poly(num)}}}{{{poly(den)}}}", str(a)
        value = Fraction(p * a + q, r * a + s)
        params = {"kind": kind, "numerator": num, "denominator": den}
    elif kind == "infinity":
        deg = randint(rng, 1, 4)
        num = [randint(rng, -9, 9) for _ in range(deg)] + [signed(rng, 1, 12)]
        lower = pick(rng, (0, 1)) and deg > 1
        den = [randint(rng, -9, 9) for _ in range(deg + (1 if lower else 0))] + [signed(rng, 1, 12)]
        expr, at = f"\\frac{{{poly(num)}}}{{{poly(den)}}}", "\\infty"
        value = Fraction(0) if lower else Fraction(num[-1], den[-1])
        params = {"kind": kind, "numerator": num, "denominator": den}
    elif kind == "power_difference":  # c (x^n - a^n) / (x^m - a^m) -> c (n / m) a^(n - m)
        a, c = signed(rng, 1, 9), signed(rng, 1, 12)
        n, m = pick(rng, [(n, m) for n in range(2, 8) for m in range(1, n)])
        num = [-c * a**n] + [0] * (n - 1) + [c]
        den = [-(a**m)] + [0] * (m - 1) + [1]
        expr, at = f"\\frac{{{poly(num)}}}{{{poly(den)}}}", str(a)
        value = Fraction(c * n * a ** (n - 1), m * a ** (m - 1))
        params = {"kind": kind, "numerator": num, "denominator": den}
    elif kind == "trig":
        a, b = signed(rng, 1, 9), signed(rng, 1, 9)
        form = pick(rng, ("sin_over", "tan_over_sin", "one_minus_cos"))
        at = "0"
        if form == "sin_over":
            expr, value = f"\\frac{{{_f('sin', _lin(a, 0))}}}{{{coef_times(b, 'x')}}}", Fraction(a, b)
        elif form == "tan_over_sin":
            expr, value = f"\\frac{{{_f('tan', _lin(a, 0))}}}{{{_f('sin', _lin(b, 0))}}}", Fraction(a, b)
        else:
            expr, value = f"\\frac{{1 - {_f('cos', _lin(a, 0))}}}{{{coef_times(b, 'x^{2}')}}}", Fraction(a * a, 2 * b)
        params = {"kind": kind, "form": form, "a": a, "b": b}
    elif kind == "exp_log":
        a, b = signed(rng, 1, 9), signed(rng, 1, 9)
        at = "0"
        if pick(rng, (0, 1)):
            expr = f"\\frac{{e^{{{_lin(a, 0)}}} - 1}}{{{coef_times(b, 'x')}}}"
            form = "exp"
        else:
            expr = f"\\frac{{{_f('ln', _lin(a, 1))}}}{{{coef_times(b, 'x')}}}"
            form = "log"
        value = Fraction(a, b)
        params = {"kind": kind, "form": form, "a": a, "b": b}
    elif kind == "conjugate":  # (sqrt(a x + b) - c) / (x - x0) with a x0 + b = c^2 -> a / (2 c)
        while True:
            a, c, x0 = signed(rng, 1, 9), randint(rng, 1, 9), randint(rng, -9, 9)
            b = c * c - a * x0
            if b != 0:
                break
        expr, at = f"\\frac{{\\sqrt{{{_lin(a, b)}}} - {c}}}{{{poly([-x0, 1])}}}", str(x0)
        value = Fraction(a, 2 * c)
        params = {"kind": kind, "a": a, "b": b, "c": c, "x0": x0}
    elif kind == "sqrt_infinity":  # sqrt(k^2 x^2 + a x + b) - k x - c -> a / (2k) - c
        k, a, b, c = randint(rng, 1, 4), signed(rng, 1, 20), randint(rng, -20, 20), randint(rng, -9, 9)
        inner = poly([b, a, k * k])
        tail = "" if c == 0 else f" {'-' if c > 0 else '+'} {abs(c)}"
        expr, at = f"\\left(\\sqrt{{{inner}}} - {coef_times(k, 'x')}{tail}\\right)", "\\infty"
        value = Fraction(a, 2 * k) - c
        params = {"kind": kind, "k": k, "a": a, "b": b, "c": c}
    elif kind == "compound_interest":  # (1 + a/x)^(b x + k) -> e^(a b)
        a, b, k = signed(rng, 1, 15), signed(rng, 1, 15), randint(rng, -12, 12)
        base = f"1 + \\frac{{{a}}}{{x}}" if a > 0 else f"1 - \\frac{{{-a}}}{{x}}"
        q = (f"Compute $\\lim_{{x \\to \\infty}} \\left({base}\\right)^{{{poly([k, b])}}}$. "
             f"Give an exact answer.")
        return Problem(q, Closed.exp(a * b).latex(), {"kind": kind, "a": a, "b": b, "k": k})
    else:  # second_order at 0, from Taylor coefficients
        a, b = signed(rng, 1, 30), signed(rng, 1, 30)
        form = pick(rng, ("exp2", "sin3", "cos_sin", "log2", "tan3"))
        at = "0"
        ax = coef_times(abs(a), "x")
        minus_ax = f"{'-' if a > 0 else '+'} {ax}"
        if form == "exp2":  # (e^(a x) - 1 - a x) / (b x^2) -> a^2 / (2 b)
            expr = f"\\frac{{e^{{{_lin(a, 0)}}} - 1 {minus_ax}}}{{{coef_times(b, 'x^{2}')}}}"
            value = Fraction(a * a, 2 * b)
        elif form == "sin3":  # (sin(a x) - a x) / (b x^3) -> -a^3 / (6 b)
            expr = f"\\frac{{{_f('sin', _lin(a, 0))} {minus_ax}}}{{{coef_times(b, 'x^{3}')}}}"
            value = Fraction(-(a**3), 6 * b)
        elif form == "tan3":  # (tan(a x) - a x) / (b x^3) -> a^3 / (3 b)
            expr = f"\\frac{{{_f('tan', _lin(a, 0))} {minus_ax}}}{{{coef_times(b, 'x^{3}')}}}"
            value = Fraction(a**3, 3 * b)
        elif form == "log2":  # (ln(1 + a x) - a x) / (b x^2) -> -a^2 / (2 b)
            expr = f"\\frac{{{_f('ln', _lin(a, 1))} {minus_ax}}}{{{coef_times(b, 'x^{2}')}}}"
            value = Fraction(-a * a, 2 * b)
        else:  # (1 - cos(a x)) / (x sin(b x)) -> a^2 / (2 b)
            expr = f"\\frac{{1 - {_f('cos', _lin(a, 0))}}}{{x {_f('sin', _lin(b, 0))}}}"
            value = Fraction(a * a, 2 * b)
        params = {"kind": kind, "form": form, "a": a, "b": b}
    q = (f"Compute $\\lim_{{x \\to {at}}} {expr}$. Give an exact answer (a fraction in lowest terms if it is not "
         f"an integer).")
    return Problem(q, frac(value), {**params, "point": at})


register_family("limit", generate, LimitConfig,
                "limits: substitution, removable discontinuities, infinity, trig/exp/log standard limits")
