"""Output checkers of the code verifier: ``exact``, ``tokens`` and ``float:TOL``.

All of them run in the trusted parent on raw bytes (stdio tasks) or on decoded
plain data (call tasks); nothing the program prints about itself is trusted.

* ``exact`` - line by line, after normalising ``\\r\\n`` to ``\\n``, stripping
  trailing whitespace on every line and dropping trailing blank lines (the
  usual judge tolerance; everything else must match byte for byte).
* ``tokens`` - the whitespace-separated tokens must be equal.
* ``float:TOL`` - token by token: two tokens that both parse as finite
  floats match when ``|a - b| <= TOL * max(1, |b|)`` (absolute or relative
  error within TOL); other tokens must be equal.

For call tasks the result is compared structurally: JSON semantics (a tuple
equals a list), ``bool`` never equals a number, dict keys must be equal, and
with ``float:TOL`` floats anywhere in the structure use the tolerance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from rlvr.core.errors import ConfigError

CHECKERS = ("exact", "tokens", "float:TOL")


@dataclass(frozen=True)
class Checker:
    """A parsed checker spec; ``tol`` is set for ``float:TOL``."""

    kind: str
    tol: float | None = None

    @classmethod
    def parse(cls, spec: str | None, default: str = "tokens") -> Checker:
        spec = default if spec is None else spec
        if not isinstance(spec, str):
            raise ConfigError(f"checker must be a string ('exact', 'tokens' or 'float:1e-6'), got {spec!r}")
        if spec in ("exact", "tokens"):
            return cls(spec)
        if spec.startswith("float:"):
            try:
                tol = float(spec[6:])
            except ValueError:
                tol = -1.0
            if not (tol >= 0 and math.isfinite(tol)):
                raise ConfigError(f"checker {spec!r}: the tolerance after 'float:' must be a number >= 0, "
                                  "e.g. 'float:1e-6'")
            return cls("float", tol)
        raise ConfigError(f"unknown checker {spec!r}; use 'exact', 'tokens' or 'float:TOL' (e.g. 'float:1e-6')")

    @property
    def spec(self) -> str:
        return f"float:{self.tol:g}" if self.kind == "float" else self.kind

    # ------------------------------------------------------------------ stdio
    def check_output(self, got: bytes | str, expected: str) -> bool:
        """Does the program's raw stdout match the expected output?"""
        text = got.decode("utf-8", errors="replace") if isinstance(got, bytes) else got
        if self.kind == "exact":
            return _lines(text) == _lines(expected)
        got_tokens, want_tokens = text.split(), expected.split()
        if len(got_tokens) != len(want_tokens):
            return False
        if self.kind == "tokens":
            return got_tokens == want_tokens
        return all(_token_close(g, w, self.tol or 0.0) for g, w in zip(got_tokens, want_tokens))

    # ------------------------------------------------------------------- call
    def check_value(self, got: Any, expected: Any) -> bool:
        """Structural equality of a decoded result with the task's JSON ``expected``."""
        return _value_equal(got, expected, self.tol if self.kind == "float" else None, 0)


def _lines(text: str) -> list[str]:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _token_close(got: str, want: str, tol: float) -> bool:
    if got == want:
        return True
    try:
        g, w = float(got), float(want)
    except ValueError:
        return False
    if not (math.isfinite(g) and math.isfinite(w)):
        return False
    return abs(g - w) <= tol * max(1.0, abs(w))


def _value_equal(got: Any, want: Any, tol: float | None, depth: int) -> bool:
    if depth > 200:
        return False
    if isinstance(want, bool) or isinstance(got, bool):
        return type(got) is type(want) and got == want
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        if tol is not None and (isinstance(want, float) or isinstance(got, float)):
            if math.isnan(want) or math.isnan(got):
                return math.isnan(want) and math.isnan(got)
            if math.isinf(want) or math.isinf(got):
                return want == got
            return abs(got - want) <= tol * max(1.0, abs(want))
        return got == want or (got != got and want != want)
    if isinstance(want, (list, tuple)):
        return (isinstance(got, (list, tuple)) and len(got) == len(want)
                and all(_value_equal(g, w, tol, depth + 1) for g, w in zip(got, want)))
    if isinstance(want, dict):
        return (isinstance(got, dict) and got.keys() == want.keys()
                and all(_value_equal(got[k], want[k], tol, depth + 1) for k in want))
    if isinstance(want, (set, frozenset)):
        return isinstance(got, (set, frozenset)) and set(got) == set(want)
    if want is None or isinstance(want, (str, bytes)):
        return type(got) is type(want) and got == want
    return False
