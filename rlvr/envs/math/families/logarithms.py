"""Logarithms with exact rational answers: evaluation, log rules, change of base, log equations.

Difficulty 1 adds two logarithms of exact powers (``\\log_{2} 32 + \\log_{3} 9``);
then come bases and arguments that are powers of a common root
(``\\log_{8} 4 = \\frac{2}{3}``), combining logs with coefficients,
``\\log_{b}(p x + q) = k``, change of base, equations whose quadratic has an
extraneous root, quadratics in ``\\log_{b} x`` (a set of two solutions) and
chains of three changes of base at difficulty 10.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import frac, fstr, poly, set_
from rlvr.envs.math.families.sampling import chance, pick, randint, signed

#: question kinds drawn at each difficulty
POOLS = {
    1: ("evaluate",), 2: ("evaluate", "common_root"), 3: ("evaluate", "common_root"),
    4: ("common_root", "combine"), 5: ("common_root", "combine", "solve_linear"),
    6: ("combine", "solve_linear", "change_of_base"), 7: ("solve_linear", "change_of_base", "solve_sum"),
    8: ("change_of_base", "solve_sum", "log_quadratic", "solve_difference"),
    9: ("solve_sum", "log_quadratic", "solve_difference", "log_square"),
    10: ("solve_sum", "solve_difference", "log_square", "change_of_base"),
}
#: bases that are not perfect powers, so ``t^u`` names each power once
ROOTS = (2, 3, 5, 6, 7, 10)


@dataclass
class LogarithmsConfig(FamilyConfig):
    """Knobs of ``logarithms``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def log(base: Fraction | int, arg: str | Fraction | int) -> str:
    b = frac(base)
    a = arg if isinstance(arg, str) else frac(arg)
    if isinstance(arg, str) or Fraction(arg).denominator != 1 or arg < 0:
        return f"\\log_{{{b}}}\\left({a}\\right)"
    return f"\\log_{{{b}}} {a}"


def _divisors(n: int) -> list[int]:
    small = [i for i in range(1, int(n**0.5) + 1) if n % i == 0]
    return sorted(set(small + [n // i for i in small]))


def _common_root_term(rng: np.random.Generator) -> tuple[str, Fraction, list]:
    """``log_{t^u}(t^v)`` (base or argument possibly reciprocal or a square root): (LaTeX, value, params)."""
    t = pick(rng, ROOTS)
    u, v = randint(rng, 1, 4), signed(rng, 1, 6)
    while u == 1 and abs(v) == 1:
        u = randint(rng, 2, 4)
    base = Fraction(t) ** u
    if chance(rng, 0.3):
        base, u = 1 / base, -u
    if chance(rng, 0.2) and v % 2:  # a square root of a power of t
        arg = f"\\sqrt{{{t ** abs(v)}}}" if v > 0 else f"\\frac{{1}}{{\\sqrt{{{t ** -v}}}}}"
        return log(base, arg), Fraction(v, 2 * u), [t, fstr(base), fstr(Fraction(v, 2))]
    return log(base, Fraction(t) ** v), Fraction(v, u), [t, fstr(base), v]


def generate(rng: np.random.Generator, config: LogarithmsConfig) -> Problem:
    d = config.difficulty
    kind = pick(rng, POOLS[d])
    if kind == "evaluate":
        terms, total, params = [], 0, []
        for i in range(2):
            b = randint(rng, 2, 20)
            k = randint(rng, 1 if d < 2 else -2, 6 if b <= 4 else 4 if b <= 10 else 3)
            sign = 1 if i == 0 else pick(rng, (1, -1))
            arg = Fraction(b) ** k
            terms.append(("- " if sign < 0 else "+ " if i else "") + log(b, arg))
            total += sign * k
            params.append([sign, b, fstr(arg)])
        return Problem(f"Compute ${' '.join(terms)}$.", str(total), {"kind": kind, "terms": params})
    if kind == "common_root":  # log_{t^u}(t^v) = v/u; from difficulty 5 the sum or difference of two
        terms, total, params = [], Fraction(0), []
        for i in range(1 if d < 5 else 2):
            text, value, ps = _common_root_term(rng)
            sign = 1 if i == 0 else pick(rng, (1, -1))
            terms.append(("- " if sign < 0 else "+ " if i else "") + text)
            total += sign * value
            params.append([sign] + ps)
        return Problem(f"Compute ${' '.join(terms)}$. Give a fraction in lowest terms or an integer.",
                       frac(total), {"kind": kind, "terms": params})
    if kind == "combine":  # log_b P + log_b Q - log_b R with P Q / R = b^k, or m log_b(b t) - log_b(b^(m-k) t^m)
        b = randint(rng, 2, 12)
        if chance(rng, 0.5):
            k = randint(rng, 1, 3)
            r = randint(rng, 2, 50)
            # b^k * r = q * p; when its only proper divisor is r itself (b = r prime, k = 1), q = b^k.
            q = pick(rng, [v for v in _divisors(b**k * r) if 1 < v < b**k * r and v != r] or [b**k])
            p = b**k * r // q
            text = f"{log(b, p)} + {log(b, q)} - {log(b, r)}"
            return Problem(f"Compute ${text}$.", str(k), {"kind": kind, "base": b, "args": [p, q, -r]})
        t, j, m = randint(rng, 2, 30), randint(rng, 1, 2), randint(rng, 2, 3)
        k = randint(rng, 0, j * m)
        p, r = b**j * t, b ** (j * m - k) * t**m
        text = f"{m} {log(b, p)} - {log(b, r)}"
        return Problem(f"Compute ${text}$.", str(k), {"kind": kind, "base": b, "args": [p, -r], "coefficient": m})
    if kind == "solve_linear":  # log_b(p x + q) = k
        b = randint(rng, 2, 9)
        k = randint(rng, -2 if d >= 7 else 0, 4 if b < 5 else 3)
        p, q = signed(rng, 1, 12), randint(rng, -30, 30)
        x = (Fraction(b) ** k - q) / p
        text = f"{log(b, poly([q, p]))} = {k}"
        return Problem(f"Solve ${text}$ for $x$. Give the exact value.", frac(x),
                       {"kind": kind, "base": b, "inner": [q, p], "value": k})
    if kind == "change_of_base":  # log_{t^u} c1 * log_c1 c2 * ... * log_ck (t^v) = v / u
        t = pick(rng, ROOTS[:4])
        u, v = randint(rng, 1, 3), signed(rng, 1, 7)
        others = [n for n in range(2, 40) if all(n != t**j for j in range(1, 6))]
        middle = [pick(rng, others) for _ in range(1 if d < 10 else 2)]
        chain = [t**u] + middle + [Fraction(t) ** v]
        text = " \\cdot ".join(log(a, b) for a, b in zip(chain, chain[1:]))
        return Problem(f"Compute ${text}$. Give a fraction in lowest terms or an integer.", frac(Fraction(v, u)),
                       {"kind": kind, "root": t, "powers": [u, v], "middle": middle})
    if kind == "solve_sum":
        # log_b(a x + p) + log_b(x + q) = k with a r + p = m, r + q = n, m n = b^k. The other root r' of
        # (a x + p)(x + q) = b^k has a r' + p = -a n < 0, so it is extraneous and r is the only solution.
        b = randint(rng, 2, 7)
        k = randint(rng, 2, 4 if b <= 3 else 3)
        a = randint(rng, 1, 5)
        mm = pick(rng, _divisors(b**k))
        n = b**k // mm
        r = randint(rng, -25, 25)
        p, q = mm - a * r, n - r
        text = f"{log(b, poly([p, a]))} + {log(b, poly([q, 1]))} = {k}"
        return Problem(f"Solve ${text}$ for $x$.", str(r),
                       {"kind": kind, "base": b, "first": [p, a], "second": [q, 1], "value": k})
    if kind == "solve_difference":  # log_b(x + p) - log_b(x + q) = k  <=>  x + p = b^k (x + q), x + q > 0
        b = randint(rng, 2, 9)
        k = signed(rng, 1, 2 if b > 3 else 3)
        while True:
            p, q = randint(rng, -40, 40), randint(rng, -40, 40)
            x = Fraction(b**k * q - p, 1) / (1 - Fraction(b) ** k) if k > 0 else (Fraction(q, b**-k) - p) / (
                1 - Fraction(1, b**-k))
            if p != q and x + q > 0 and x + p > 0:
                break
        text = f"{log(b, poly([p, 1]))} - {log(b, poly([q, 1]))} = {k}"
        return Problem(f"Solve ${text}$ for $x$. Give the exact value.", frac(x),
                       {"kind": kind, "base": b, "shifts": [p, q], "value": k})
    if kind == "log_square":  # 2 log_b x = log_b(a x + c): x^2 = a x + c with roots r > 0 > s; s is extraneous
        b = randint(rng, 2, 9)
        r, s_ = randint(rng, 1, 40), -randint(rng, 1, 40)
        a, c = r + s_, -r * s_
        text = f"2 \\log_{{{b}}} x = {log(b, poly([c, a]))}"
        return Problem(f"Solve ${text}$ for $x$.", str(r), {"kind": kind, "base": b, "inner": [c, a]})
    if kind == "log_quadratic":  # (log_b x)^2 - (r1 + r2) log_b x + r1 r2 = 0, so x = b^r1 or b^r2
        b = randint(rng, 2, 10)
        r1, r2 = randint(rng, -3, 5), randint(rng, -3, 5)
        while r1 == r2:
            r2 = randint(rng, -3, 5)
        c = randint(rng, 1, 4)  # a common factor to divide out
        s, pr = c * (r1 + r2), c * r1 * r2
        lg = f"\\log_{{{b}}} x"
        lhs = ("" if c == 1 else f"{c} ") + f"\\left({lg}\\right)^{{2}}" + (
            "" if s == 0 else f" {'-' if s > 0 else '+'} " + (lg if abs(s) == 1 else f"{abs(s)} {lg}"))
        lhs += "" if pr == 0 else f" {'+' if pr > 0 else '-'} {abs(pr)}"
        roots = sorted([Fraction(b) ** r1, Fraction(b) ** r2])
        return Problem(f"Solve ${lhs} = 0$ for $x > 0$. List all solutions as a set.",
                       set_(frac(v) for v in roots), {"kind": kind, "base": b, "coefficients": [c, -s, pr]})
    raise AssertionError(kind)  # pragma: no cover


register_family("logarithms", generate, LogarithmsConfig,
                "evaluate and combine logarithms, change of base, logarithmic equations; exact answers")
