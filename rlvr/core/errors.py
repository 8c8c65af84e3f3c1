"""Errors that tell the user what to do next."""

from __future__ import annotations


class RlvrError(Exception):
    """Base class of every error rlvr raises on purpose."""


class ConfigError(RlvrError, ValueError):
    """A constructor argument or a task is invalid. The message names the fix."""


class MissingExtraError(RlvrError, ImportError):
    """An optional dependency is missing; the message gives the pip command."""

    def __init__(self, package: str, extra: str, purpose: str) -> None:
        self.package, self.extra = package, extra
        super().__init__(
            f"{purpose} needs the '{package}' package, which is not installed. "
            f"Fix: pip install 'rlvr[{extra}]'"
        )


def require(module: str, extra: str, purpose: str, package: str | None = None):
    """Import ``module`` or raise :class:`MissingExtraError` naming the extra."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - exercised via monkeypatch in tests
        raise MissingExtraError(package or module, extra, purpose) from exc
