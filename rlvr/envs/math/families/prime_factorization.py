"""Primes and prime factorization.

Factorization answers are asked as numbers or exponent tuples (never as a
product, which would equal the number itself). Difficulty 1 asks for the
largest prime factor of a number below 500; then come the count and sum of
distinct prime factors, exponent tuples over ``2, 3, 5, 7``, counts of primes
in a range, the least multiplier making a square or a cube, the exponent of a
prime in ``n!`` (Legendre) and in a binomial coefficient, and trailing zeros.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from math import prod

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import tuple_
from rlvr.envs.math.families.primes import factorize, primes
from rlvr.envs.math.families.sampling import pick, randint, scale

POOLS = {
    1: ("largest_prime",), 2: ("largest_prime", "distinct_count"), 3: ("exponent_tuple", "sum_distinct"),
    4: ("sum_distinct", "omega", "exponent_tuple"), 5: ("prime_count", "square_multiplier", "exponent_tuple"),
    6: ("square_multiplier", "cube_multiplier", "prime_count"), 7: ("largest_prime", "cube_multiplier", "omega"),
    8: ("legendre", "trailing_zeros", "largest_prime"), 9: ("legendre", "binomial_exponent", "trailing_zeros"),
    10: ("binomial_exponent", "legendre", "largest_prime"),
}


@dataclass
class PrimeFactorizationConfig(FamilyConfig):
    """Knobs of ``prime_factorization``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def legendre(n: int, p: int) -> int:
    """Exponent of the prime ``p`` in ``n!``."""
    e, q = 0, p
    while q <= n:
        e += n // q
        q *= p
    return e


def generate(rng: np.random.Generator, config: PrimeFactorizationConfig) -> Problem:
    d = config.difficulty
    kind = pick(rng, POOLS[d])
    table = primes()
    if kind in ("largest_prime", "distinct_count", "sum_distinct", "omega"):
        if d >= 7:  # a product of small primes and one large prime: trial division must go far
            big = table[randint(rng, 200, scale(d, 1200, 9000))]
            n = big * prod(pick(rng, table[:8]) for _ in range(randint(rng, 1, 3)))
        else:
            n = randint(rng, 30, scale(d, 500, 100_000))
        f = factorize(n)
        value, what = {
            "largest_prime": (max(f), "the largest prime factor"),
            "distinct_count": (len(f), "the number of distinct prime factors"),
            "sum_distinct": (sum(f), "the sum of the distinct prime factors"),
            "omega": (sum(f.values()), "the number of prime factors counted with multiplicity"),
        }[kind]
        return Problem(f"What is {what} of ${n}$?", str(value), {"kind": kind, "n": n})
    if kind == "exponent_tuple":
        ps = (2, 3, 5, 7) if d < 5 else (2, 3, 5, 7, 11)
        exps = [randint(rng, 0, 6 if p == 2 else 4 if p == 3 else 3) for p in ps]
        if d >= 5:
            exps = [e + randint(rng, 0, 3) for e in exps]
        n = prod(p**e for p, e in zip(ps, exps))
        names = "abcde"[:len(ps)]
        form = " \\cdot ".join(f"{p}^{{{v}}}" for p, v in zip(ps, names))
        q = (f"Write ${n}$ as ${form}$ with non-negative integers ${', '.join(names)}$. "
             f"Give $({', '.join(names)})$.")
        return Problem(q, tuple_(str(e) for e in exps), {"kind": kind, "n": n, "primes": list(ps)})
    if kind == "prime_count":
        lo = randint(rng, 2, scale(d, 1000, 50_000))
        hi = lo + randint(rng, 20, 120)
        count = bisect_right(table, hi) - bisect_left(table, lo)
        return Problem(f"How many prime numbers $p$ satisfy ${lo} \\le p \\le {hi}$?", str(count),
                       {"kind": kind, "low": lo, "high": hi})
    if kind in ("square_multiplier", "cube_multiplier"):
        k = 2 if kind == "square_multiplier" else 3
        n = randint(rng, 20, scale(d, 5000, 10**6))
        f = factorize(n)
        m = prod(p ** ((-e) % k) for p, e in f.items())
        word = "perfect square" if k == 2 else "perfect cube"
        return Problem(f"What is the smallest positive integer $k$ such that ${n} k$ is a {word}?", str(m),
                       {"kind": kind, "n": n})
    if kind in ("legendre", "trailing_zeros"):
        n = randint(rng, 20, scale(d, 200, 100_000))
        if kind == "trailing_zeros":
            return Problem(f"How many zeros does ${n}!$ end with (in base ten)?", str(legendre(n, 5)),
                           {"kind": kind, "n": n})
        p = pick(rng, table[:6])
        return Problem(f"What is the largest integer $e$ such that ${p}^{{e}}$ divides ${n}!$?",
                       str(legendre(n, p)), {"kind": kind, "n": n, "p": p})
    # binomial_exponent: exponent of p in C(n, k) = legendre(n) - legendre(k) - legendre(n - k)
    n = randint(rng, 20, scale(d, 500, 100_000))
    k = randint(rng, 1, n - 1)
    p = pick(rng, table[:5])
    value = legendre(n, p) - legendre(k, p) - legendre(n - k, p)
    q = f"What is the largest integer $e$ such that ${p}^{{e}}$ divides $\\binom{{{n}}}{{{k}}}$?"
    return Problem(q, str(value), {"kind": kind, "n": n, "k": k, "p": p})


register_family("prime_factorization", generate, PrimeFactorizationConfig,
                "prime factors, exponent tuples, prime counts, Legendre's formula, square/cube completion")
