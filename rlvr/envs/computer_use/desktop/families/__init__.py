"""Desktop task families, one per module.

Each module defines a :class:`~rlvr.envs.computer_use.desktop.family.Family`
subclass decorated with ``@register``. Importing this package imports every
module in it (``pkgutil``), so a new family needs no edit anywhere else.
"""

from __future__ import annotations

import importlib
import pkgutil


def _import_all() -> None:
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")


_import_all()
