"""Arithmetic sequences and series.

Difficulty 1 asks for a term of a listed sequence; then come partial sums,
counting the terms of a finite sequence, a term from two given terms, sums of
the multiples of ``k`` in a range, sums of a block of terms; difficulties 8-10
recover the sequence from two partial sums (rational differences) or ask for
the first ``n`` whose partial sum passes a bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import frac, fstr
from rlvr.envs.math.families.sampling import pick, randint, scale, signed

POOLS = {
    1: ("nth_term",), 2: ("nth_term", "sum_n"), 3: ("sum_n", "count_terms"),
    4: ("count_terms", "two_terms", "sum_n"), 5: ("two_terms", "sum_range", "count_terms"),
    6: ("sum_range", "sum_between", "two_terms"), 7: ("sum_between", "two_terms", "sum_range"),
    8: ("sums_given", "sum_between"), 9: ("sums_given", "first_exceeding"), 10: ("sums_given", "first_exceeding"),
}


@dataclass
class ArithmeticSequenceConfig(FamilyConfig):
    """Knobs of ``arithmetic_sequence``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def term(a1: Fraction, diff: Fraction, n: int) -> Fraction:
    return a1 + (n - 1) * diff


def partial_sum(a1: Fraction, diff: Fraction, n: int) -> Fraction:
    return Fraction(n, 2) * (2 * a1 + (n - 1) * diff)


def _listing(a1: Fraction, diff: Fraction, k: int = 4) -> str:
    return ", ".join(frac(term(a1, diff, i)) for i in range(1, k + 1)) + ", \\ldots"


def generate(rng: np.random.Generator, config: ArithmeticSequenceConfig) -> Problem:
    d = config.difficulty
    kind = pick(rng, POOLS[d])
    big = scale(d, 20, 500)
    a1 = Fraction(randint(rng, -big, big))
    diff = Fraction(signed(rng, 1, scale(d, 9, 40)))
    base = {"kind": kind, "first": fstr(a1), "difference": fstr(diff)}
    if kind in ("nth_term", "sum_n"):
        n = randint(rng, 5, scale(d, 40, 400))
        if kind == "nth_term":
            q = f"What is term number ${n}$ of the arithmetic sequence ${_listing(a1, diff)}$?"
            return Problem(q, frac(term(a1, diff, n)), {**base, "n": n})
        q = f"What is the sum of the first ${n}$ terms of the arithmetic sequence ${_listing(a1, diff)}$?"
        return Problem(q, frac(partial_sum(a1, diff, n)), {**base, "n": n})
    if kind == "count_terms":
        n = randint(rng, 5, scale(d, 60, 2000))
        last = term(a1, diff, n)
        q = (f"How many terms does the finite arithmetic sequence ${_listing(a1, diff, 3)}, {frac(last)}$ have?")
        return Problem(q, str(n), {**base, "last": fstr(last)})
    if kind == "two_terms":
        if d >= 7:
            diff = Fraction(signed(rng, 1, 30), randint(rng, 2, 6))
        m, k = sorted(int(v) for v in rng.choice(np.arange(2, 40), size=2, replace=False))
        n = randint(rng, k + 1, k + scale(d, 30, 300))
        q = (f"In an arithmetic sequence, term ${m}$ is ${frac(term(a1, diff, m))}$ and term ${k}$ is "
             f"${frac(term(a1, diff, k))}$. What is term ${n}$?")
        return Problem(q, frac(term(a1, diff, n)), {**base, "m": m, "k": k, "n": n})
    if kind == "sum_range":
        k = randint(rng, 2, scale(d, 12, 40))
        lo = randint(rng, 1, big * 5)
        hi = lo + randint(rng, 5 * k, scale(d, 300, 5000))
        first, last = -(-lo // k) * k, hi // k * k
        count = (last - first) // k + 1
        q = f"What is the sum of all multiples of ${k}$ that are at least ${lo}$ and at most ${hi}$?"
        return Problem(q, str((first + last) * count // 2), {"kind": kind, "k": k, "low": lo, "high": hi})
    if kind == "sum_between":
        i = randint(rng, 2, 30)
        j = i + randint(rng, 3, scale(d, 40, 200))
        total = partial_sum(a1, diff, j) - partial_sum(a1, diff, i - 1)
        q = (f"For the arithmetic sequence ${_listing(a1, diff)}$, what is the sum of term ${i}$ through "
             f"term ${j}$ (inclusive)?")
        return Problem(q, frac(total), {**base, "from": i, "to": j})
    if kind == "sums_given":
        diff = Fraction(signed(rng, 1, 40), randint(rng, 1, 4))
        a1 = Fraction(randint(rng, -big, big), randint(rng, 1, 3))
        m, k = sorted(int(v) for v in rng.choice(np.arange(2, 30), size=2, replace=False))
        n = randint(rng, 2, 60)
        q = (f"The sum of the first ${m}$ terms of an arithmetic sequence is ${frac(partial_sum(a1, diff, m))}$ "
             f"and the sum of the first ${k}$ terms is ${frac(partial_sum(a1, diff, k))}$. What is term ${n}$? "
             f"Give a fraction in lowest terms or an integer.")
        return Problem(q, frac(term(a1, diff, n)), {**base, "first": fstr(a1), "difference": fstr(diff),
                                                    "m": m, "k": k, "n": n})
    # first_exceeding: the least n with S_n > bound
    diff, a1 = abs(diff), Fraction(randint(rng, 1, big))  # positive terms: S_n strictly increases
    n_target = randint(rng, 10, scale(d, 60, 400))
    lo_sum, hi_sum = partial_sum(a1, diff, n_target - 1), partial_sum(a1, diff, n_target)
    bound = randint(rng, int(lo_sum), int(hi_sum) - 1)
    q = (f"For the arithmetic sequence ${_listing(a1, diff)}$, what is the smallest $n$ such that the sum "
         f"of the first $n$ terms is greater than ${bound}$?")
    return Problem(q, str(n_target), {**base, "first": fstr(a1), "difference": fstr(diff), "bound": bound})


register_family("arithmetic_sequence", generate, ArithmeticSequenceConfig,
                "terms, term counts and partial sums of arithmetic sequences")
