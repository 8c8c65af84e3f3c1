"""Divisors: how many, their sum, and counts of divisors with a property.

The number is built from a chosen prime factorization, so every answer
follows from the exponents by formula. Difficulty 1 counts the divisors of a
number below 500; then come divisor sums, proper-divisor sums, even/odd
divisors, perfect-square divisors, Euler's totient, divisors that are
multiples of ``k``; difficulties 9-10 state ``n`` in factored form and ask
for, e.g., the divisors of ``n^2`` that are below ``n`` and do not divide ``n``.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import prod

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.primes import factorize
from rlvr.envs.math.families.sampling import chance, pick, randint, sample, scale

SMALL_PRIMES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)
POOLS = {
    1: ("count",), 2: ("count", "sum"), 3: ("sum", "proper_sum", "count"), 4: ("proper_sum", "even_odd", "sum"),
    5: ("even_odd", "square", "count"), 6: ("square", "totient", "even_odd"), 7: ("totient", "multiples", "square"),
    8: ("multiples", "odd_sum", "totient"), 9: ("n_squared", "multiples", "cube"), 10: ("n_squared", "cube", "odd_sum"),
}


@dataclass
class DivisorsConfig(FamilyConfig):
    """Knobs of ``divisors``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def _number(rng: np.random.Generator, d: int) -> dict[int, int]:
    """A random factorization ``{p: e}``: mostly uniform numbers, some built from small primes."""
    cap = scale(d, 500, 10**9)
    if d >= 9:  # stated in factored form, so it may be huge
        chosen = sample(rng, SMALL_PRIMES + (41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97), randint(rng, 2, 5))
        return {p: randint(rng, 1, 9) for p in sorted(chosen)}
    if chance(rng, 0.9):
        return factorize(randint(rng, max(2, cap // 100), cap))
    while True:
        chosen = sample(rng, SMALL_PRIMES[:scale(d, 5, 12)], randint(rng, 2, 4))
        f = {p: randint(rng, 1, scale(d, 4, 10)) for p in sorted(chosen)}
        if cap // 1000 <= prod(p**e for p, e in f.items()) <= cap:
            return f


def _tau(f: dict[int, int]) -> int:
    return prod(e + 1 for e in f.values())


def _sigma(f: dict[int, int]) -> int:
    return prod((p ** (e + 1) - 1) // (p - 1) for p, e in f.items())


def _factored(f: dict[int, int]) -> str:
    return " \\cdot ".join(str(p) if e == 1 else f"{p}^{{{e}}}" for p, e in sorted(f.items()))


def generate(rng: np.random.Generator, config: DivisorsConfig) -> Problem:
    d = config.difficulty
    kind = pick(rng, POOLS[d])
    f = _number(rng, d)
    n = prod(p**e for p, e in f.items())
    shown = f"${_factored(f)}$" if d >= 9 else f"${n}$"
    params = {"kind": kind, "factorization": [[p, e] for p, e in sorted(f.items())], "n": n}
    if kind == "count":
        return Problem(f"How many positive divisors does {shown} have?", str(_tau(f)), params)
    if kind == "sum":
        return Problem(f"What is the sum of all positive divisors of {shown}?", str(_sigma(f)), params)
    if kind == "proper_sum":
        return Problem(f"What is the sum of the proper divisors of {shown} (all positive divisors except the "
                       f"number itself)?", str(_sigma(f) - n), params)
    if kind == "even_odd":
        odd = {p: e for p, e in f.items() if p != 2}
        even = _tau(f) - _tau(odd)
        which = pick(rng, ("even", "odd"))
        return Problem(f"How many positive {which} divisors does {shown} have?",
                       str(even if which == "even" else _tau(odd)), {**params, "which": which})
    if kind == "odd_sum":
        odd = {p: e for p, e in f.items() if p != 2}
        return Problem(f"What is the sum of the odd positive divisors of {shown}?", str(_sigma(odd)), params)
    if kind in ("square", "cube"):
        k = 2 if kind == "square" else 3
        count = prod(e // k + 1 for e in f.values())
        word = "perfect squares" if k == 2 else "perfect cubes"
        return Problem(f"How many positive divisors of {shown} are {word}?", str(count), params)
    if kind == "totient":
        phi = prod((p - 1) * p ** (e - 1) for p, e in f.items())
        return Problem(f"How many integers $k$ with $1 \\le k \\le {n}$ satisfy $\\gcd(k, {n}) = 1$?", str(phi), params)
    if kind == "multiples":  # divisors of n that are multiples of k = a divisor of n
        sub = {p: randint(rng, 0, e) for p, e in f.items()}
        k = prod(p**e for p, e in sub.items())
        if k == 1:
            p0 = min(f)
            sub[p0], k = 1, p0
        count = prod(e - sub[p] + 1 for p, e in f.items())
        return Problem(f"How many positive divisors of {shown} are multiples of ${k}$?", str(count),
                       {**params, "k": k})
    # n_squared: divisors of n^2 that are less than n and do not divide n
    f2 = {p: 2 * e for p, e in f.items()}
    value = (_tau(f2) - 1) // 2 - (_tau(f) - 1)
    return Problem(f"Let $n = {_factored(f)}$. How many positive divisors of $n^{{2}}$ are less than $n$ but do "
                   f"not divide $n$?", str(value), params)


register_family("divisors", generate, DivisorsConfig,
                "number and sum of divisors, divisors with a property, Euler's totient")
