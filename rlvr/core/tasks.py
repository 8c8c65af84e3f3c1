"""Task sources and seeding.

A task source is an indexable collection of task dicts. Procedural sources
are virtually infinite: item ``i`` is generated from its own random stream
``numpy.random.default_rng([root_seed, i])``, so items never overlap the way
``seed + i`` streams would, and any process regenerates the same item.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Protocol, Sequence

import numpy as np

from rlvr.core.errors import ConfigError

Task = dict[str, Any]

#: Size reported by procedural sources: large enough never to repeat in practice.
PROCEDURAL_SIZE = 2**62


class TaskSource(Protocol):
    def __len__(self) -> int: ...
    def __getitem__(self, index: int) -> Task: ...


class ListSource:
    """Tasks given as a list, validated once."""

    def __init__(self, tasks: Sequence[Task], validate: Callable[[Task, int], Task] | None = None):
        if len(tasks) == 0:
            raise ConfigError("tasks is empty; pass at least one task dict or use source=...")
        self.tasks = [validate(t, i) if validate else t for i, t in enumerate(tasks)]

    def __len__(self) -> int:
        return len(self.tasks)

    def __getitem__(self, index: int) -> Task:
        return self.tasks[index]


@dataclass
class ProceduralSource:
    """Item ``i`` is ``generate(default_rng([root_seed, i]))``."""

    generate: Callable[[np.random.Generator], Task]
    root_seed: int = 0

    def __len__(self) -> int:
        return PROCEDURAL_SIZE

    def __getitem__(self, index: int) -> Task:
        if not 0 <= index < PROCEDURAL_SIZE:
            raise IndexError(index)
        return self.generate(item_rng(self.root_seed, index))


def item_rng(*keys: int) -> np.random.Generator:
    """An independent random stream for a tuple of non-negative integer keys."""
    return np.random.default_rng([int(k) for k in keys])


def require_keys(task: Any, index: int, required: Sequence[str], kinds: dict[str, type | tuple] | None = None,
                 schema_hint: str = "") -> Task:
    """Validate a user task dict; the error names the task, the key and the schema."""
    where = f"tasks[{index}]"
    if not isinstance(task, dict):
        raise ConfigError(f"{where} must be a dict {schema_hint}, got {type(task).__name__}")
    for key in required:
        if key not in task:
            raise ConfigError(f"{where} has no {key!r} key; expected schema {schema_hint}")
    for key, kind in (kinds or {}).items():
        if key in task and not isinstance(task[key], kind):
            raise ConfigError(f"{where}[{key!r}] must be {kind}, got {type(task[key]).__name__}")
    return task
