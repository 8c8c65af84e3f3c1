"""The bundled problem set; importing this package registers every problem module."""

from __future__ import annotations

import importlib
import pkgutil

from rlvr.envs.code.problems.base import CATEGORIES, PROBLEMS, CodeProblem, materialise, register_problem

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _info.name != "base" and not _info.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_info.name}")


def bundled_tasks(seed: int = 0) -> list[dict]:
    """Every bundled problem as a Code-v0 task dict, sorted by id."""
    return [materialise(PROBLEMS[pid], seed) for pid in sorted(PROBLEMS)]


__all__ = ["CATEGORIES", "PROBLEMS", "CodeProblem", "bundled_tasks", "materialise", "register_problem"]
