"""Greatest common divisors and least common multiples.

Difficulty 1 is the gcd of two numbers below 100 with a visible common
factor; then come lcms, three and four numbers, word problems (bells,
tiles), large numbers that need the Euclidean algorithm, ``b`` from
``gcd(a, b)``, ``lcm(a, b)`` and ``a``, and at difficulty 9-10
``gcd(a^m - 1, a^n - 1)`` and lcms of four numbers up to a million.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import gcd, isqrt, lcm

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.sampling import pick, randint, scale

PRIMES = (2, 3, 5, 7, 11, 13, 17, 19, 23)
POOLS = {
    1: ("gcd2",), 2: ("gcd2", "lcm2"), 3: ("gcd2", "lcm2"), 4: ("gcd3", "lcm3"), 5: ("word_lcm", "word_gcd", "lcm3"),
    6: ("euclid", "word_lcm", "word_gcd"), 7: ("missing", "euclid"), 8: ("gcd4", "lcm4", "missing"),
    9: ("power_gcd", "lcm4", "gcd4"), 10: ("power_gcd", "lcm4", "missing"),
}


@dataclass
class GcdLcmConfig(FamilyConfig):
    """Knobs of ``gcd_lcm``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def _smooth(rng: np.random.Generator, cap: int, n_primes: int = 6) -> int:
    """A random number in ``[2, max(2, cap)]`` built from small primes (so gcds and lcms are interesting)."""
    n = 1
    for _ in range(randint(rng, 1, 8)):
        p = PRIMES[randint(rng, 0, n_primes - 1)]
        if n * p > cap:
            break
        n *= p
    return max(n, 2)


def _family(rng: np.random.Generator, k: int, cap: int, smooth: bool) -> list[int]:
    """``k`` distinct numbers ``<= cap`` sharing a random common factor ``g``.

    The cofactors are smooth for lcm questions (keeping the lcm moderate) and
    uniform for gcd questions (keeping the items diverse).
    """
    while True:
        g = randint(rng, 2, max(2, isqrt(cap) // 2))
        nums = [g * (_smooth(rng, cap // g) if smooth else randint(rng, 1, cap // g)) for _ in range(k)]
        if len(set(nums)) == k:
            return nums


def generate(rng: np.random.Generator, config: GcdLcmConfig) -> Problem:
    d = config.difficulty
    kind = pick(rng, POOLS[d])
    cap = scale(d, 100, 1_000_000)
    if kind in ("gcd2", "lcm2", "gcd3", "lcm3", "gcd4", "lcm4"):
        k = int(kind[-1])
        nums = _family(rng, k, cap if k < 4 else max(cap, 100_000), smooth=kind.startswith("lcm"))
        word = "greatest common divisor" if kind.startswith("gcd") else "least common multiple"
        value = gcd(*nums) if kind.startswith("gcd") else lcm(*nums)
        listed = ", ".join(f"${n}$" for n in nums[:-1]) + f" and ${nums[-1]}$"
        return Problem(f"What is the {word} of {listed}?", str(value), {"kind": kind, "numbers": nums})
    if kind == "word_lcm":
        periods = sorted(set(randint(rng, 4, 60) for _ in range(3)))
        while len(periods) < 2:
            periods.append(randint(rng, 61, 90))
        listed = ", ".join(f"${p}$" for p in periods[:-1]) + f" and ${periods[-1]}$"
        q = (f"Bells ring every {listed} minutes respectively. They all ring together at noon. After how many "
             f"minutes do they next all ring together?")
        return Problem(q, str(lcm(*periods)), {"kind": kind, "numbers": periods})
    if kind == "word_gcd":
        w, h = _family(rng, 2, scale(d, 600, 5000), smooth=False)
        q = (f"A rectangular floor of ${w}$ cm by ${h}$ cm is covered exactly by equal square tiles with a whole "
             f"number of centimetres as side, without cutting. What is the largest possible side length in cm?")
        return Problem(q, str(gcd(w, h)), {"kind": kind, "numbers": [w, h]})
    if kind == "euclid":  # two large numbers with a common factor and little else in common
        g = randint(rng, 2, cap // 300)
        while True:
            a, b = randint(rng, 10, cap // g), randint(rng, 10, cap // g)
            if a != b:
                break
        nums = [g * a, g * b]
        return Problem(f"What is the greatest common divisor of ${nums[0]}$ and ${nums[1]}$?", str(gcd(*nums)),
                       {"kind": "gcd2", "numbers": nums})
    if kind == "missing":  # gcd(a, b) = g, lcm(a, b) = L, a known -> b = g L / a
        a, b = _family(rng, 2, cap, smooth=True)
        g, m = gcd(a, b), lcm(a, b)
        q = (f"Two positive integers have greatest common divisor ${g}$ and least common multiple ${m}$. "
             f"One of them is ${a}$. What is the other?")
        return Problem(q, str(b), {"kind": kind, "gcd": g, "lcm": m, "known": a})
    # power_gcd: gcd(a^m - 1, a^n - 1) = a^gcd(m, n) - 1
    a = randint(rng, 2, 9)
    while True:
        m, n = randint(rng, 4, 90), randint(rng, 4, 90)
        if m != n and 1 < gcd(m, n) <= 12:
            break
    q = f"What is the greatest common divisor of ${a}^{{{m}}} - 1$ and ${a}^{{{n}}} - 1$?"
    return Problem(q, str(a ** gcd(m, n) - 1), {"kind": kind, "base": a, "exponents": [m, n]})


register_family("gcd_lcm", generate, GcdLcmConfig,
                "greatest common divisor and least common multiple: direct, word problems, large numbers")
