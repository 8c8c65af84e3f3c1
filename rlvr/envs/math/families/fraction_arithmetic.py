"""Rational arithmetic: expressions in fractions, answered in lowest terms.

Difficulty 1 adds or subtracts two proper fractions with denominators up to 12;
difficulty 10 is a six-leaf expression with negative fractions, products,
quotients, squares and parentheses, denominators up to 24.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from rlvr.envs.math.families import expression_tree as tree
from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import frac
from rlvr.envs.math.families.sampling import chance, linear, randint, scale


@dataclass
class FractionArithmeticConfig(FamilyConfig):
    """Knobs of ``fraction_arithmetic``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def generate(rng: np.random.Generator, config: FractionArithmeticConfig) -> Problem:
    d = config.difficulty
    n_leaves = linear(d, 2, 6)
    den_max = scale(d, 12, 24)
    negatives = d >= 4
    ops = ["+", "-"] + (["*"] if d >= 2 else []) + (["/"] if d >= 3 else []) + (["^"] if d >= 7 else [])

    def leaf() -> Fraction:
        while True:
            q = randint(rng, 2, den_max)
            p = randint(rng, 1, q - 1 if d < 3 else 2 * q)
            f = Fraction(p, q)
            if f.denominator > 1 or (d >= 5 and chance(rng, 0.3)):
                return -f if negatives and chance(rng, 0.3) else f

    node, value = tree.build(rng, n_leaves, leaf, ops, cap=scale(d, 400, 20_000), integer=False,
                             exponents=(2,), base_cap=3)
    question = (f"Compute ${tree.latex(node)}$. Give the answer as a fraction in lowest terms "
                f"(or as an integer if it is one).")
    return Problem(question, frac(value), {"tree": tree.to_params(node)})


register_family("fraction_arithmetic", generate, FractionArithmeticConfig,
                "sums, products and quotients of fractions, in lowest terms")
