"""An interactive-style calculator with variables, ``ans`` and history."""

from __future__ import annotations

from .evaluator import CONVERSION_WORDS, FUNCTIONS, evaluate
from .formatting import format_quantity
from .quantity import Quantity
from .tokenizer import CalcSyntaxError
from .units import is_known

RESERVED = frozenset(CONVERSION_WORDS) | frozenset(FUNCTIONS) | {"ans"}


def split_assignment(line: str) -> tuple[str | None, str]:
    """Split ``'x = 3 m'`` into ``('x', '3 m')``; other lines give ``(None, line)``.

    Raises:
        CalcSyntaxError: The assigned name is not an identifier.
        ValueError: The name is reserved or is a unit symbol.
    """
    if "=" not in line:
        return None, line
    name, _, expression = line.partition("=")
    name = name.strip()
    if not name.isidentifier():
        raise CalcSyntaxError(f"cannot assign to {name!r}: not a valid name")
    if name in RESERVED:
        raise ValueError(f"cannot assign to {name!r}: the name is reserved")
    if is_known(name):
        raise ValueError(f"cannot assign to {name!r}: it is a unit symbol")
    return name, expression


class Calculator:
    """Evaluates lines one after another, remembering variables.

    Args:
        digits: Significant digits of the formatted results.
        pretty: Use a middle dot and superscripts in units.
        max_history: Number of (input, output) pairs kept.
    """

    def __init__(self, digits: int = 6, pretty: bool = False, max_history: int = 100) -> None:
        self.digits = digits
        self.pretty = pretty
        self.max_history = max_history
        self.variables: dict[str, Quantity] = {}
        self.last: Quantity | None = None
        self.history: list[tuple[str, str]] = []

    def scope(self) -> dict[str, Quantity]:
        """The variables visible to the next expression, including ``ans``."""
        visible = dict(self.variables)
        if self.last is not None:
            visible["ans"] = self.last
        return visible

    def execute(self, line: str) -> str:
        """Evaluate one line and return the formatted result."""
        text = line.strip()
        if not text:
            raise CalcSyntaxError("empty input")
        name, expression = split_assignment(text)
        result = evaluate(expression, self.scope())
        if name is not None:
            self.variables[name] = result
        self.last = result
        output = format_quantity(result, self.digits, self.pretty)
        self.history.append((text, output))
        if len(self.history) > self.max_history:
            del self.history[0]
        return output

    def run(self, lines: list[str]) -> list[str]:
        """Execute several lines; a failing line yields ``'error: <reason>'``."""
        outputs = []
        for line in lines:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                outputs.append(self.execute(line))
            except (ValueError, ZeroDivisionError, TypeError) as exc:
                outputs.append(f"error: {exc}")
        return outputs


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Convert a plain number between two units, e.g. ``convert(1, 'mi', 'km')``."""
    return Quantity(value, from_unit).to(to_unit).value


def calculate(expression: str, digits: int = 6) -> str:
    """Evaluate one expression and format the result."""
    return format_quantity(evaluate(expression), digits)
