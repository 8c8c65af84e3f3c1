"""Random draws as plain Python ints, and difficulty-to-magnitude scales.

``rng.integers`` returns ``np.int64``; families keep plain ints so answers
are exact and ``Problem.params`` stays JSON. One draw costs ~2 us.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Sequence, TypeVar

import numpy as np

T = TypeVar("T")


def randint(rng: np.random.Generator, lo: int, hi: int) -> int:
    """Uniform integer in ``[lo, hi]`` (both ends included)."""
    return int(rng.integers(lo, hi + 1))


def nonzero(rng: np.random.Generator, lo: int, hi: int) -> int:
    """Uniform non-zero integer in ``[lo, hi]``; ``lo < 0 < hi`` or the range must hold a non-zero."""
    while True:
        v = int(rng.integers(lo, hi + 1))
        if v:
            return v


def signed(rng: np.random.Generator, lo: int, hi: int) -> int:
    """``+-`` a uniform integer in ``[lo, hi]`` with ``lo >= 1``: never zero."""
    v = int(rng.integers(lo, hi + 1))
    return v if rng.random() < 0.5 else -v


def pick(rng: np.random.Generator, seq: Sequence[T]) -> T:
    return seq[int(rng.integers(len(seq)))]


def sample(rng: np.random.Generator, seq: Sequence[T], k: int) -> list[T]:
    """``k`` distinct items of ``seq``, in random order."""
    idx = rng.choice(len(seq), size=k, replace=False)
    return [seq[int(i)] for i in idx]


def chance(rng: np.random.Generator, p: float) -> bool:
    return bool(rng.random() < p)


def scale(difficulty: int, at1: float, at10: float) -> int:
    """Geometric interpolation from ``at1`` (difficulty 1) to ``at10`` (difficulty 10), rounded."""
    return int(round(at1 * (at10 / at1) ** ((difficulty - 1) / 9)))


def linear(difficulty: int, at1: float, at10: float) -> int:
    """Linear interpolation from ``at1`` to ``at10``, rounded."""
    return int(round(at1 + (at10 - at1) * (difficulty - 1) / 9))


def rand_fraction(rng: np.random.Generator, num_max: int, den_max: int, *, allow_int: bool = True,
                  allow_zero: bool = False) -> Fraction:
    """A signed fraction ``p/q`` with ``|p| <= num_max``, ``2 <= q <= den_max`` (or an int when allowed)."""
    while True:
        q = randint(rng, 1 if allow_int else 2, max(den_max, 2))
        p = randint(rng, -num_max, num_max)
        f = Fraction(p, q)
        if (f or allow_zero) and (allow_int or f.denominator > 1):
            return f
