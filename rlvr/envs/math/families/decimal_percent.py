"""Fractions, decimals and percents: conversions, percent of, percent change, repeating decimals.

Difficulty 1 asks for a round percent of a round number or a simple fraction
as a decimal; higher levels add decimal arithmetic, percent change, chains of
successive percent changes and repeating decimals, with larger numbers and
more decimal places. Answers are exact decimals, percents or fractions, as the
question asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence

import numpy as np

from rlvr.core.errors import ConfigError
from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import decimal, frac, fstr
from rlvr.envs.math.families.sampling import chance, pick, randint, scale

#: kind -> lowest difficulty where it appears
KINDS = {"percent_of": 1, "fraction_to_decimal": 1, "decimal_to_fraction": 2, "what_percent": 2,
         "decimal_arithmetic": 3, "percent_change": 4, "successive_change": 6, "repeating_decimal": 7}


@dataclass
class DecimalPercentConfig(FamilyConfig):
    """Knobs of ``decimal_percent``.

    Attributes:
        kinds: Restrict to these question kinds (default: all kinds unlocked at the difficulty).
    """

    kinds: Sequence[str] | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.kinds is not None and (not self.kinds or set(self.kinds) - set(KINDS)):
            raise ConfigError(f"kinds must be a non-empty subset of {sorted(KINDS)}, got {self.kinds!r}")


def _percent(rng: np.random.Generator, d: int) -> Fraction:
    """A percentage: round at low difficulty, with one or two decimals at high difficulty."""
    if d <= 2:
        return Fraction(pick(rng, (5, 10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90)))
    if d <= 5:
        return Fraction(randint(rng, 1, 99))
    return Fraction(randint(rng, 1, 1999 if d >= 8 else 399), 10 if d < 9 else pick(rng, (10, 100)))


def _pct(p: Fraction) -> str:
    return f"{decimal(p)}\\%"


def _terminating_denominator(rng: np.random.Generator, hi: int) -> int:
    while True:
        b = 2 ** randint(rng, 0, 7) * 5 ** randint(rng, 0, 4)
        if 1 < b <= hi:
            return b


def generate(rng: np.random.Generator, config: DecimalPercentConfig) -> Problem:
    d = config.difficulty
    kinds = [k for k, lo in KINDS.items() if lo <= d and (config.kinds is None or k in config.kinds)]
    kind = pick(rng, kinds or list(config.kinds))
    big = scale(d, 1000, 100_000)
    exact = "Give the exact value as a decimal (or an integer)."
    if kind == "percent_of":
        p = _percent(rng, d)
        n = randint(rng, 1, big // 20) * (20 if d <= 2 else 1)
        q = f"What is ${_pct(p)}$ of ${n}$? {exact}"
        return Problem(q, decimal(p * n / 100), {"kind": kind, "percent": fstr(p), "number": n})
    if kind == "fraction_to_decimal":
        b = _terminating_denominator(rng, scale(d, 100, 10_000))
        while True:
            a = randint(rng, 1, b * scale(d, 1, 50) if d >= 4 else b - 1)
            if np.gcd(a, b) == 1:
                break
        return Problem(f"Write $\\frac{{{a}}}{{{b}}}$ as a decimal.", decimal(Fraction(a, b)),
                       {"kind": kind, "numerator": a, "denominator": b})
    if kind == "decimal_to_fraction":
        places = randint(rng, 1 if d < 5 else 2, min(2 + d // 2, 6))
        v = Fraction(randint(rng, 1, 10**places * (1 if d < 5 else 20) - 1), 10**places)
        return Problem(f"Write ${decimal(v)}$ as a fraction in lowest terms.", frac(v),
                       {"kind": kind, "decimal": decimal(v)})
    if kind == "what_percent":
        p = _percent(rng, d)
        step = (p / 100).denominator if d < 6 else 1  # the least whole making the part an integer
        b = step * randint(rng, 1, max(2, big // step))
        a = p * b / 100
        q = f"${decimal(a)}$ is what percent of ${b}$? Answer as a percent."
        return Problem(q, _pct(p), {"kind": kind, "part": decimal(a), "whole": b})
    if kind == "decimal_arithmetic":
        n_terms = 2 if d < 7 else 3
        places = [randint(rng, 1, 1 + d // 3) for _ in range(n_terms)]
        vals = [Fraction(randint(rng, 1, scale(d, 100, 100_000)), 10**k) for k in places]
        ops = [pick(rng, ("+", "-", "*")) for _ in range(n_terms - 1)]
        if d >= 5 and chance(rng, 0.3):  # an exact decimal quotient: (b * q) / b
            divisor = Fraction(randint(rng, 2, 40), pick(rng, (1, 10)))
            vals, ops = [vals[0] * divisor, divisor] + vals[2:], ["/"] + ops[1:]
        # left to right with precedence: products and quotients first
        terms, cur = [], vals[0]
        for op, v in zip(ops, vals[1:]):
            if op == "*":
                cur *= v
            elif op == "/":
                cur /= v
            else:
                terms.append(cur)
                cur = v if op == "+" else -v
        value = sum(terms, Fraction(0)) + cur
        sym = {"+": "+", "-": "-", "*": "\\times", "/": "\\div"}
        expr = decimal(vals[0]) + "".join(f" {sym[o]} {decimal(v)}" for o, v in zip(ops, vals[1:]))
        return Problem(f"Compute ${expr}$. {exact}", decimal(value),
                       {"kind": kind, "values": [decimal(v) for v in vals], "ops": ops})
    if kind == "percent_change":
        p = _percent(rng, d)
        up = p >= 100 or chance(rng, 0.5)
        factor = (100 + p if up else 100 - p) / 100
        step = factor.denominator if d < 7 else 1
        a = step * randint(rng, 1, max(2, big // step))
        b = a * factor
        word = "increase" if up else "decrease"
        q = (f"A price changes from ${decimal(a)}$ dollars to ${decimal(b)}$ dollars. "
             f"By what percent did it {word}? Answer as a percent.")
        return Problem(q, _pct(p), {"kind": kind, "old": decimal(a), "new": decimal(b), "direction": word})
    if kind == "successive_change":
        start = randint(rng, 10, big) * (10 if d < 8 else 1)
        changes = []
        for _ in range(2 if d < 9 else 3):
            p = Fraction(randint(rng, 1, 60 if d < 9 else 90) * 5, 10 if d >= 8 and chance(rng, 0.5) else 5)
            changes.append(p if chance(rng, 0.5) else -p)
        value = Fraction(start)
        steps = []
        for c in changes:
            value *= (100 + c) / 100
            steps.append(f"{'increased' if c > 0 else 'decreased'} by ${_pct(abs(c))}$")
        q = (f"An item costs ${start}$ dollars. Its price is first {steps[0]}, then "
             + ", then ".join(steps[1:]) + f". What is the final price in dollars? {exact}")
        return Problem(q, decimal(value), {"kind": kind, "start": start, "changes": [fstr(c) for c in changes]})
    # repeating_decimal
    pre_len = randint(rng, 0, 1 if d < 9 else 2)
    block_len = randint(rng, 1 if d < 9 else 2, 2 if d < 8 else 3)
    while True:
        prefix = "".join(str(randint(rng, 0, 9)) for _ in range(pre_len))
        block = "".join(str(randint(rng, 0, 9)) for _ in range(block_len))
        if set(block) not in ({"9"}, {"0"}) and (not prefix or prefix[-1] != block[-1]):
            break
    whole = randint(rng, 0, 9) if d >= 9 else 0
    value = whole + Fraction(int(prefix + block) - int(prefix or "0"), 10**pre_len * (10**block_len - 1))
    q = (f"Write the repeating decimal ${whole}.{prefix}\\overline{{{block}}}$ as a fraction in lowest terms.")
    return Problem(q, frac(value), {"kind": kind, "whole": whole, "prefix": prefix, "block": block})


register_family("decimal_percent", generate, DecimalPercentConfig,
                "decimals, percents and fractions: conversions, percent of, percent change, repeating decimals")
