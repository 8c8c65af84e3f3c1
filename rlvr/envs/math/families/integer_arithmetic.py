"""Integer arithmetic: sums of signed products and exact quotients, no nesting.

Difficulty 1 adds or subtracts two numbers below 100; difficulty 10 has six
groups of up to three factors with five-digit terms, negative numbers and
exact divisions, evaluated with the usual precedence of multiplication and
division over addition and subtraction.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import neg_paren
from rlvr.envs.math.families.sampling import chance, pick, randint, scale


@dataclass
class IntegerArithmeticConfig(FamilyConfig):
    """Knobs of ``integer_arithmetic``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def _number(rng: np.random.Generator, hi: int, negatives: bool) -> int:
    v = randint(rng, 1, hi)
    return -v if negatives and chance(rng, 0.3) else v


def generate(rng: np.random.Generator, config: IntegerArithmeticConfig) -> Problem:
    d = config.difficulty
    n_groups = 2 + (d - 1) // 2                     # 2, 2, 3, 3, 4, 4, 5, 5, 6, 6
    term_max = scale(d, 99, 99_999)                  # size of plain terms
    factor_max = scale(d, 9, 99)                     # size of factors in products
    negatives = d >= 4
    group_kinds = ["n"] + (["mul"] if d >= 3 else []) + (["div"] if d >= 5 else []) + (["mul3"] if d >= 7 else [])
    groups: list[list] = []  # each: [sign, f0, op1, f1, ...] with op in "*", "/"
    value = 0
    for i in range(n_groups):
        sign = "+" if i == 0 or chance(rng, 0.5) else "-"
        kind = "n" if i == 0 and d < 3 else pick(rng, group_kinds)
        if kind == "n":
            items: list = [_number(rng, term_max, negatives)]
            gv = items[0]
        elif kind in ("mul", "mul3"):
            items = [_number(rng, factor_max, negatives)]
            gv = items[0]
            for _ in range(1 if kind == "mul" else 2):
                f = _number(rng, factor_max, negatives)
                items += ["*", f]
                gv *= f
        else:  # exact division, optionally followed by a product
            q = randint(rng, 2, max(3, factor_max // 3))
            m = _number(rng, factor_max, negatives)
            items, gv = [q * m, "/", q], m
            if d >= 8 and chance(rng, 0.5):
                f = _number(rng, factor_max, negatives)
                items += ["*", f]
                gv *= f
        value += gv if sign == "+" else -gv
        groups.append([sign] + items)

    parts = []
    for i, (sign, *items) in enumerate(groups):
        text = neg_paren(items[0]) if (i or items[0] >= 0) else str(items[0])
        for op, f in zip(items[1::2], items[2::2]):
            text += (" \\times " if op == "*" else " \\div ") + neg_paren(f)
        parts.append(text if i == 0 else f"{sign} {text}")
    expr = " ".join(parts)
    question = f"Compute ${expr}$."
    return Problem(question, str(value), {"groups": groups})


register_family("integer_arithmetic", generate, IntegerArithmeticConfig,
                "sums and differences of signed integer products and exact quotients")
