"""Definite integrals with exact closed-form values.

Each integrand term has a known antiderivative evaluated exactly at the
bounds (``Closed``: rationals, ``\\pi``, square roots, ``e^k``, ``\\ln p``).
Difficulty 1 integrates a linear function over integer bounds; then come
polynomials, negative and half-integer powers, ``1/x`` and ``e^{k x}``,
``\\sin``/``\\cos`` over multiples of ``\\pi/6`` and ``\\pi/4``, substitution
(``x (x^2 + a)^n``, ``x e^{k x^2}``), integration by parts (``x e^{k x}``,
``x \\sin(k x)``), and sums of such terms at difficulty 10.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from rlvr.envs.math.families import polynomial as P
from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.closed_form import Closed
from rlvr.envs.math.families.latex import coef_times, frac, fstr, join_terms, poly
from rlvr.envs.math.families.sampling import pick, randint, signed

#: bounds that are rational multiples of pi with exact sines and cosines
PI_BOUNDS = tuple(Fraction(n, q) for q in (6, 4, 3, 2) for n in range(0, 2 * q + 1))
POOLS = {1: ("poly",), 2: ("poly",), 3: ("poly",), 4: ("powers",), 5: ("log_exp",), 6: ("trig",),
         7: ("substitution",), 8: ("parts_exp", "substitution"), 9: ("parts_trig", "parts_exp"),
         10: ("parts_trig", "parts_exp", "substitution", "trig")}


@dataclass
class DefiniteIntegralConfig(FamilyConfig):
    """Knobs of ``definite_integral``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def _pi_bound(r: Fraction) -> str:
    return (Closed.pi() * r).latex()


def _trig(name: str, k: int) -> str:
    arg = "x" if k == 1 else f"{k} x"
    return f"\\{name}{{\\left({arg} \\right)}}"


def _kx(k: int) -> str:
    return "x" if k == 1 else "-x" if k == -1 else f"{k} x"


def _term(rng: np.random.Generator, kind: str, d: int) -> tuple[str, dict, str]:
    """One integrand term: (LaTeX, params, bound family: 'int' | 'positive' | 'square' | 'pi')."""
    c = signed(rng, 1, 9)
    if kind == "poly":
        deg = 1 if d == 1 else randint(rng, 2, 2 + d)
        coeffs = [randint(rng, -9, 9) if d > 1 else randint(rng, 0, 9) for _ in range(deg)] + [signed(rng, 1, 9)]
        return poly(coeffs), {"type": "poly", "coefficients": coeffs}, "int"
    if kind == "powers":
        p = pick(rng, (Fraction(-2), Fraction(-3), Fraction(1, 2), Fraction(3, 2), Fraction(-1, 2)))
        base = "x" if p == 1 else f"x^{{{frac(p)}}}"
        bounds = "square" if p.denominator == 2 else "positive"
        return coef_times(c, base), {"type": "power", "c": c, "p": fstr(p)}, bounds
    if kind == "log_exp":
        if pick(rng, (0, 1)):
            return f"\\frac{{{c}}}{{x}}", {"type": "recip", "c": c}, "positive"
        k = signed(rng, 1, 3)
        return coef_times(c, f"e^{{{_kx(k)}}}"), {"type": "exp", "c": c, "k": k}, "int"
    if kind == "trig":
        name, k = pick(rng, ("sin", "cos")), randint(rng, 1, 3)
        return coef_times(c, _trig(name, k)), {"type": name, "c": c, "k": k}, "pi"
    if kind == "substitution":
        if pick(rng, (0, 1)):
            a, n = randint(rng, 1, 6), randint(rng, 1, 4)
            power = f"^{{{n}}}" if n > 1 else ""
            return (coef_times(c, f"x \\left(x^{{2}} + {a}\\right){power}"),
                    {"type": "sub_poly", "c": c, "a": a, "n": n}, "int")
        k = pick(rng, (1, -1, 2, -2))
        power = {1: "x^{2}", -1: "-x^{2}", 2: "2 x^{2}", -2: "-2 x^{2}"}[k]
        return coef_times(c, f"x e^{{{power}}}"), {"type": "sub_exp", "c": c, "k": k}, "small"
    if kind == "parts_exp":
        k = signed(rng, 1, 3)
        return coef_times(c, f"x e^{{{_kx(k)}}}"), {"type": "x_exp", "c": c, "k": k}, "int"
    name, k = pick(rng, ("sin", "cos")), randint(rng, 1, 3)
    return coef_times(c, "x " + _trig(name, k)), {"type": "x_" + name, "c": c, "k": k}, "pi"


def antiderivative(t: dict, x: Fraction, is_pi: bool) -> Closed:
    """The antiderivative of one term at a bound (``x`` means ``x * pi`` when ``is_pi``)."""
    kind = t["type"]
    if kind == "poly":
        return Closed.rational(P.evaluate(P.antiderivative(t["coefficients"]), x))
    if kind == "power":  # c x^(p+1) / (p+1) at a perfect square (half-integer p) or a positive integer
        p1 = Fraction(t["p"]) + 1
        root = Fraction(int(x.numerator ** 0.5 + 0.5), int(x.denominator ** 0.5 + 0.5)) if p1.denominator == 2 else None
        value = root ** (2 * p1) if root is not None and root * root == x else x ** int(p1)
        return Closed.rational(t["c"] * value / p1)
    if kind == "recip":
        return Closed.ln(x) * t["c"]
    if kind == "exp":
        return Closed.exp(t["k"] * int(x)) * Fraction(t["c"], t["k"])
    if kind in ("sin", "cos"):  # -c/k cos(k x)  or  c/k sin(k x), with x = r pi
        k = t["k"]
        if kind == "sin":
            return Closed.cos_pi(k * x) * Fraction(-t["c"], k)
        return Closed.sin_pi(k * x) * Fraction(t["c"], k)
    if kind == "sub_poly":  # c (x^2 + a)^(n+1) / (2 (n + 1))
        return Closed.rational(Fraction(t["c"]) * (x * x + t["a"]) ** (t["n"] + 1) / (2 * (t["n"] + 1)))
    if kind == "sub_exp":  # c e^(k x^2) / (2 k)
        return Closed.exp(t["k"] * int(x * x)) * Fraction(t["c"], 2 * t["k"])
    if kind == "x_exp":  # c e^(k x) (x / k - 1 / k^2)
        k = t["k"]
        return Closed.exp(k * int(x)) * (t["c"] * (Fraction(int(x), k) - Fraction(1, k * k)))
    k = t["k"]
    xpi = Closed.pi() * x
    if kind == "x_sin":  # c (-x cos(k x) / k + sin(k x) / k^2)
        return (xpi * Closed.cos_pi(k * x) * Fraction(-1, k) + Closed.sin_pi(k * x) * Fraction(1, k * k)) * t["c"]
    return (xpi * Closed.sin_pi(k * x) * Fraction(1, k) + Closed.cos_pi(k * x) * Fraction(1, k * k)) * t["c"]  # x_cos


def generate(rng: np.random.Generator, config: DefiniteIntegralConfig) -> Problem:
    d = config.difficulty
    if d < 10:
        kinds = [pick(rng, POOLS[d])]
    else:  # two terms that share the kind of bounds: multiples of pi, or integers
        kinds = pick(rng, (["parts_trig", "trig"], ["parts_trig", "parts_trig"], ["parts_exp", "log_exp_int"],
                           ["parts_exp", "sub_poly"]))
    if d == 4 or d == 5:
        kinds.append("poly_small")
    terms, texts, bound_kinds = [], [], []
    for kind in kinds:
        if kind == "log_exp_int":  # e^(k x) only (the 1/x option needs positive bounds)
            text, params, bounds = _term(rng, "log_exp", d)
            while params["type"] != "exp":
                text, params, bounds = _term(rng, "log_exp", d)
        elif kind == "sub_poly":
            text, params, bounds = _term(rng, "substitution", d)
            while params["type"] != "sub_poly":
                text, params, bounds = _term(rng, "substitution", d)
        elif kind == "poly_small":
            coeffs = [randint(rng, -5, 5), signed(rng, 1, 5)]
            text, params, bounds = poly(coeffs), {"type": "poly", "coefficients": coeffs}, "int"
        else:
            text, params, bounds = _term(rng, kind, d)
        terms.append(params)
        texts.append(text)
        bound_kinds.append(bounds)
    is_pi = "pi" in bound_kinds
    if is_pi:  # every term then needs pi bounds: keep only trig-type terms (the by-parts ones included)
        keep = [i for i, b in enumerate(bound_kinds) if b == "pi"]
        terms, texts = [terms[i] for i in keep], [texts[i] for i in keep]
        lo, hi = sorted(pick(rng, PI_BOUNDS) for _ in range(2))
        while lo == hi:
            hi = pick(rng, PI_BOUNDS)
            lo, hi = min(lo, hi), max(lo, hi)
        lo_text, hi_text = _pi_bound(lo), _pi_bound(hi)
    else:
        if "square" in bound_kinds:
            lo, hi = sorted(Fraction(v * v) for v in (randint(rng, 1, 5), randint(rng, 1, 9)))
        elif "positive" in bound_kinds:
            lo, hi = sorted(Fraction(randint(rng, 1, 12)) for _ in range(2))
        elif "small" in bound_kinds:
            lo, hi = sorted(Fraction(randint(rng, -2, 2)) for _ in range(2))
        else:
            m = 3 if d >= 8 else 6
            lo, hi = sorted(Fraction(randint(rng, -m, m)) for _ in range(2))
        if lo == hi:
            hi += randint(rng, 1, 3)
        lo_text, hi_text = frac(lo), frac(hi)
    value = Closed()
    for t in terms:
        value = value + antiderivative(t, hi, is_pi) - antiderivative(t, lo, is_pi)
    integrand = join_terms(texts)
    question = (f"Compute $\\int_{{{lo_text}}}^{{{hi_text}}} \\left({integrand}\\right) \\, dx$. "
                f"Give an exact answer.")
    return Problem(question, value.latex(), {"terms": terms, "bounds": [fstr(lo), fstr(hi)], "pi_bounds": is_pi})


register_family("definite_integral", generate, DefiniteIntegralConfig,
                "definite integrals of polynomials, powers, exp/log/trig, substitution and by parts; exact values")
