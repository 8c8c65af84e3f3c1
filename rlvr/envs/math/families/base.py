"""What every procedural math family provides, and the registry of families.

A family is one module under ``rlvr/envs/math/families/``. It defines a
config dataclass (validated in ``__post_init__``), a ``generate(rng, config)``
function returning a :class:`Problem` whose answer was computed exactly at
generation time, and registers itself at the bottom of the module::

    register_family("gcd_lcm", generate, GcdLcmConfig, "greatest common divisor / least common multiple")
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from rlvr.core.errors import ConfigError


@dataclass(frozen=True)
class Problem:
    """One generated item.

    Attributes:
        question: What the policy sees (plain text, LaTeX inside ``$...$``).
        answer: The exact answer in a form ``verify_math`` parses: an integer,
            ``\\frac{a}{b}``, a LaTeX expression, an interval, a tuple, ...
        params: The structured parameters the question was built from (plain
            JSON data), so tests can recompute the answer independently.
    """

    question: str
    answer: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class FamilyConfig:
    """Knobs shared by every family.

    Attributes:
        difficulty: 1 (one step, small numbers) to 10 (competition level:
            many steps, large magnitudes).
    """

    difficulty: int = 3

    def __post_init__(self) -> None:
        if not isinstance(self.difficulty, (int, np.integer)) or not 1 <= self.difficulty <= 10:
            raise ConfigError(f"difficulty must be an int from 1 to 10, got {self.difficulty!r}")


@dataclass(frozen=True)
class Family:
    name: str
    generate: Callable[[np.random.Generator, FamilyConfig], Problem]
    config_cls: type[FamilyConfig]
    description: str

    def make(self, rng: np.random.Generator, difficulty: int) -> Problem:
        return self.generate(rng, self.config_cls(difficulty=difficulty))


FAMILIES: dict[str, Family] = {}


def register_family(name: str, generate: Callable[[np.random.Generator, FamilyConfig], Problem],
                    config_cls: type[FamilyConfig], description: str) -> None:
    if name in FAMILIES:
        raise ValueError(f"math family {name!r} is registered twice")
    FAMILIES[name] = Family(name, generate, config_cls, description)
