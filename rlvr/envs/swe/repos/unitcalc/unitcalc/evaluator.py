"""Parsing and evaluating calculator expressions.

Grammar (loosest first)::

    statement := expr [("to" | "in") unit]
    expr      := term (("+" | "-") term)*
    term      := factor (("*" | "/") factor)*
    factor    := unary ["^" ["-"] NUMBER]
    unary     := "-" unary | primary
    primary   := NUMBER [unit-atom] | NAME | func "(" expr ")" | "(" expr ")"

A number directly followed by a unit (``3 km``, ``9.81 m/s^2`` is
``(9.81 m) / s^2``) binds tighter than any operator, so ``10 km / 2 h`` is
``(10 km) / (2 h)``. A bare name is a variable if one is defined, otherwise
one of its unit.
"""

from __future__ import annotations

from typing import Callable, Mapping

from .compound import CompoundUnit, parse_unit
from .quantity import Quantity
from .tokenizer import END, NAME, NUMBER, OP, CalcSyntaxError, Token, tokenize
from .units import UnknownUnitError, is_known

CONVERSION_WORDS = ("to", "in")

FUNCTIONS: dict[str, Callable[[Quantity], Quantity]] = {
    "sqrt": Quantity.sqrt,
    "abs": abs,
}


class Evaluator:
    """Evaluates one expression against a mapping of variables."""

    def __init__(self, text: str, variables: Mapping[str, Quantity] | None = None) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.pos = 0
        self.variables = dict(variables or {})

    @property
    def current(self) -> Token:
        return self.tokens[self.pos]

    def advance(self) -> Token:
        token = self.tokens[self.pos]
        if token.kind != END:
            self.pos += 1
        return token

    def accept(self, kind: str, text: str | None = None) -> bool:
        token = self.current
        if token.kind == kind and (text is None or token.text == text):
            self.advance()
            return True
        return False

    def expect(self, kind: str, text: str) -> None:
        if not self.accept(kind, text):
            found = self.current.text or "end of input"
            raise CalcSyntaxError(f"expected {text!r}, found {found!r}", self.current.position)

    def statement(self) -> Quantity:
        """Evaluate the whole input, applying a trailing conversion."""
        value = self.expr()
        token = self.current
        if token.kind == NAME and token.text in CONVERSION_WORDS:
            self.advance()
            target = self.unit_until_end()
            value = value.to(target)
        if self.current.kind != END:
            raise CalcSyntaxError(f"unexpected {self.current.text!r}", self.current.position)
        return value

    def unit_until_end(self) -> CompoundUnit:
        """Read the rest of the input as a unit expression."""
        start = self.current.position
        if self.current.kind == END:
            raise CalcSyntaxError("expected a unit after the conversion word", start)
        while self.current.kind != END:
            self.advance()
        return parse_unit(self.text[start:])

    def expr(self) -> Quantity:
        value = self.term()
        while self.current.kind == OP and self.current.text in "+-":
            op = self.advance().text
            right = self.term()
            value = value + right if op == "+" else value - right
        return value

    def term(self) -> Quantity:
        value = self.factor()
        while self.current.kind == OP and self.current.text in "*/":
            op = self.advance().text
            right = self.factor()
            value = value * right if op == "*" else value / right
        return value

    def factor(self) -> Quantity:
        base = self.unary()
        if self.accept(OP, "^"):
            return base ** self.integer()
        return base

    def integer(self) -> int:
        """Read an optionally negative integer exponent."""
        sign = -1 if self.accept(OP, "-") else 1
        token = self.advance()
        if token.kind != NUMBER or not isinstance(token.number, int):
            raise CalcSyntaxError("exponents must be integers", token.position)
        return sign * token.number

    def unary(self) -> Quantity:
        if self.accept(OP, "-"):
            return -self.unary()
        if self.accept(OP, "+"):
            return self.unary()
        return self.primary()

    def primary(self) -> Quantity:
        token = self.advance()
        if token.kind == NUMBER:
            unit = self.unit_atom()
            return Quantity(token.number, unit if unit is not None else CompoundUnit())
        if token.kind == NAME:
            if token.text in FUNCTIONS and self.accept(OP, "("):
                argument = self.expr()
                self.expect(OP, ")")
                return FUNCTIONS[token.text](argument)
            if token.text in self.variables:
                return self.variables[token.text]
            if is_known(token.text):
                return Quantity(1, CompoundUnit.of(token.text))
            raise UnknownUnitError(f"unknown unit or variable {token.text!r}")
        if token.kind == OP and token.text == "(":
            value = self.expr()
            self.expect(OP, ")")
            return value
        found = token.text or "end of input"
        raise CalcSyntaxError(f"unexpected {found!r}", token.position)

    def unit_atom(self) -> CompoundUnit | None:
        """A unit written right after a number, with an optional power."""
        token = self.current
        if token.kind != NAME or token.text in CONVERSION_WORDS or token.text in self.variables:
            return None
        if not is_known(token.text):
            raise UnknownUnitError(f"unknown unit {token.text!r}")
        self.advance()
        power = self.integer() if self.accept(OP, "^") else 1
        return CompoundUnit({token.text: power})


def evaluate(text: str, variables: Mapping[str, Quantity] | None = None) -> Quantity:
    """Evaluate a calculator expression and return the resulting quantity."""
    return Evaluator(text, variables).statement()
