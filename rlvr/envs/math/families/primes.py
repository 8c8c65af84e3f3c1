"""A small prime table for the number-theory families (a sieve up to 10^5, built once, ~5 ms)."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

LIMIT = 100_000


@lru_cache(maxsize=1)
def primes() -> tuple[int, ...]:
    """Every prime below ``LIMIT``, ascending."""
    sieve = np.ones(LIMIT, dtype=bool)
    sieve[:2] = False
    for p in range(2, int(LIMIT**0.5) + 1):
        if sieve[p]:
            sieve[p * p::p] = False
    return tuple(int(p) for p in np.flatnonzero(sieve))


def factorize(n: int) -> dict[int, int]:
    """Prime factorization by trial division with the table (``n < LIMIT^2``)."""
    out: dict[int, int] = {}
    for p in primes():
        if p * p > n:
            break
        while n % p == 0:
            out[p] = out.get(p, 0) + 1
            n //= p
    if n > 1:
        out[n] = out.get(n, 0) + 1
    return out
