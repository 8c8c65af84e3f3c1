"""Geometric sequences and series, finite and infinite, with exact rational answers.

Difficulty 1 asks for a term of a listed sequence with ratio 2 or 3; then come
finite sums, negative and fractional ratios, a term from two given terms,
infinite sums, which term equals a value, the ratio from an infinite sum, and
at difficulties 9-10 sums in sigma notation, finite and infinite, with shifted
starting indices.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from math import gcd

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import frac, fstr
from rlvr.envs.math.families.sampling import chance, pick, randint, signed

POOLS = {
    1: ("nth_term",), 2: ("nth_term", "sum_n"), 3: ("nth_term", "sum_n"), 4: ("two_terms", "sum_n"),
    5: ("two_terms", "infinite_sum", "sum_n"), 6: ("infinite_sum", "sum_n", "which_term"),
    7: ("which_term", "ratio_from_sum", "infinite_sum"), 8: ("ratio_from_sum", "sigma_finite", "which_term"),
    9: ("sigma_finite", "sigma_infinite", "ratio_from_sum"), 10: ("sigma_finite", "sigma_infinite"),
}


@dataclass
class GeometricSequenceConfig(FamilyConfig):
    """Knobs of ``geometric_sequence``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def _ratio(rng: np.random.Generator, d: int, converging: bool = False) -> Fraction:
    if converging:
        r = pick(rng, _proper_fractions(4 + d))
        return -r if chance(rng, 0.4) else r
    if d <= 2:
        return Fraction(randint(rng, 2, 3))
    if d <= 4:
        return Fraction(signed(rng, 2, 5))
    while True:
        r = pick(rng, (Fraction(signed(rng, 2, 5)), Fraction(signed(rng, 1, 4), randint(rng, 2, 5))))
        if abs(r) != 1:
            return r


@lru_cache(maxsize=None)
def _proper_fractions(max_den: int) -> tuple[Fraction, ...]:
    """Every reduced ``p/q`` in ``(0, 1)`` with ``q <= max_den``, each once (a uniform pick)."""
    return tuple(Fraction(p, q) for q in range(2, max_den + 1) for p in range(1, q) if gcd(p, q) == 1)


def _listing(a1: Fraction, r: Fraction) -> str:
    return ", ".join(frac(a1 * r**i) for i in range(4)) + ", \\ldots"


def _paren(v: Fraction) -> str:
    return frac(v) if v > 0 and v.denominator == 1 else f"\\left({frac(v)}\\right)"


def generate(rng: np.random.Generator, config: GeometricSequenceConfig) -> Problem:
    d = config.difficulty
    kind = pick(rng, POOLS[d])
    a1 = Fraction(signed(rng, 1, 40 + 10 * d))
    if kind == "nth_term":
        r = _ratio(rng, d)
        n = randint(rng, 5, 9 + d)
        q = f"What is term number ${n}$ of the geometric sequence ${_listing(a1, r)}$?"
        return Problem(q, frac(a1 * r ** (n - 1)), {"kind": kind, "first": fstr(a1), "ratio": fstr(r), "n": n})
    if kind == "sum_n":
        r = _ratio(rng, d)
        n = randint(rng, 4, 6 + d)
        total = a1 * (1 - r**n) / (1 - r)
        q = f"What is the sum of the first ${n}$ terms of the geometric sequence ${_listing(a1, r)}$?"
        return Problem(q, frac(total), {"kind": kind, "first": fstr(a1), "ratio": fstr(r), "n": n})
    if kind == "two_terms":
        r = _ratio(rng, 5)
        m = randint(rng, 1, 5)
        k = m + randint(rng, 1, 3)
        n = k + randint(rng, 1, 4)
        positive = (k - m) % 2 == 0
        if positive:
            r = abs(r)  # an even gap fixes only r^2; the question says the ratio is positive
        q = (f"In a geometric sequence{' with a positive common ratio' if positive else ''}, term ${m}$ is "
             f"${frac(a1 * r ** (m - 1))}$ and term ${k}$ is ${frac(a1 * r ** (k - 1))}$. What is term ${n}$?")
        return Problem(q, frac(a1 * r ** (n - 1)), {"kind": kind, "first": fstr(a1), "ratio": fstr(r),
                                                    "m": m, "k": k, "n": n, "positive": positive})
    if kind == "infinite_sum":
        r = _ratio(rng, d, converging=True)
        q = f"What is the sum of the infinite geometric series ${' + '.join(_listing(a1, r).split(', '))}$?"
        q = q.replace("+ -", "- ")
        return Problem(q, frac(a1 / (1 - r)), {"kind": kind, "first": fstr(a1), "ratio": fstr(r)})
    if kind == "which_term":
        r = _ratio(rng, max(d, 5))
        n = randint(rng, 4, 12)
        target = a1 * r ** (n - 1)
        q = f"Which term of the geometric sequence ${_listing(a1, r)}$ equals ${frac(target)}$? Give its position $n$."
        return Problem(q, str(n), {"kind": kind, "first": fstr(a1), "ratio": fstr(r), "target": fstr(target)})
    if kind == "ratio_from_sum":
        r = _ratio(rng, d, converging=True)
        total = a1 / (1 - r)
        q = (f"An infinite geometric series has first term ${frac(a1)}$ and sum ${frac(total)}$. "
             f"What is its common ratio?")
        return Problem(q, frac(r), {"kind": kind, "first": fstr(a1), "sum": fstr(total)})
    # sigma notation: sum_{k=s}^{N} c r^k  (finite) or to infinity
    start = randint(rng, 0, 3)
    c = Fraction(signed(rng, 1, 60))
    if kind == "sigma_finite":
        r = _ratio(rng, d)
        end = start + randint(rng, 3, 8)
        total = sum((c * r**k for k in range(start, end + 1)), Fraction(0))
        q = f"Compute $\\sum_{{k={start}}}^{{{end}}} {frac(c)} \\cdot {_paren(r)}^{{k}}$."
        return Problem(q, frac(total), {"kind": kind, "coefficient": fstr(c), "ratio": fstr(r),
                                        "start": start, "end": end})
    r = _ratio(rng, d, converging=True)
    total = c * r**start / (1 - r)
    q = f"Compute $\\sum_{{k={start}}}^{{\\infty}} {frac(c)} \\cdot {_paren(r)}^{{k}}$."
    return Problem(q, frac(total), {"kind": kind, "coefficient": fstr(c), "ratio": fstr(r), "start": start})


register_family("geometric_sequence", generate, GeometricSequenceConfig,
                "terms and finite/infinite sums of geometric sequences, sigma notation")
