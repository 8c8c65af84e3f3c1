"""Order of operations: nested integer expressions with parentheses, powers and exact division.

Difficulty 1 is three numbers up to 12 (``2 + 3 \\times 4``); difficulty 10
is a nine-leaf tree with negative numbers up to 30, powers, exact quotients and
nested parentheses, with every intermediate value an integer.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rlvr.envs.math.families import expression_tree as tree
from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.sampling import chance, linear, randint, scale


@dataclass
class OrderOfOperationsConfig(FamilyConfig):
    """Knobs of ``order_of_operations``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def generate(rng: np.random.Generator, config: OrderOfOperationsConfig) -> Problem:
    d = config.difficulty
    n_leaves = linear(d, 3, 9)
    leaf_max = scale(d, 12, 30)
    negatives = d >= 4
    ops = ["+", "-", "*"] + (["/"] if d >= 2 else []) + (["^"] if d >= 3 else [])

    def leaf() -> int:
        v = randint(rng, 1, leaf_max)
        return -v if negatives and chance(rng, 0.25) else v

    node, value = tree.build(rng, n_leaves, leaf, ops, cap=scale(d, 200, 100_000), integer=True,
                             exponents=(2, 3) if d < 8 else (2, 3, 4), base_cap=scale(d, 6, 12))
    question = f"Compute ${tree.latex(node)}$."
    return Problem(question, str(value.numerator), {"tree": tree.to_params(node)})


register_family("order_of_operations", generate, OrderOfOperationsConfig,
                "nested integer expressions with parentheses, powers and exact division")
