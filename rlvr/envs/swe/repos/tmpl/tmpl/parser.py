"""Turning tokens into a syntax tree.

Expression precedence, loosest first: ``or``, ``and``, ``not``, comparisons
(``== != < <= > >= in``, ``not in``), ``~`` (string concatenation), ``+ -``,
``* / // %``, unary minus, filters (``|name(args)``), then primaries (literals,
names, ``.attr``, ``[index]``, parentheses, list literals).
"""

from __future__ import annotations

from . import expressions as ex
from . import nodes
from .lexer import (BLOCK, NAME, NUMBER, OP, STRING, TEXT, Token,
                    TemplateSyntaxError, tokenize_expression)

COMPARE_OPS = ("==", "!=", "<", "<=", ">", ">=")
CONSTANTS = {"true": True, "false": False, "none": None}


class ExpressionParser:
    """Recursive-descent parser over the tokens of one tag."""

    def __init__(self, text: str, line: int = 1) -> None:
        self.tokens = tokenize_expression(text, line)
        self.pos = 0
        self.line = line

    def peek(self, offset: int = 0) -> Token | None:
        index = self.pos + offset
        return self.tokens[index] if index < len(self.tokens) else None

    def match(self, kind: str, value: str | None = None) -> bool:
        """Consume the next token if it has ``kind`` (and ``value``)."""
        token = self.peek()
        if token is None or token.kind != kind or (value is not None and token.value != value):
            return False
        self.pos += 1
        return True

    def expect(self, kind: str, value: str | None = None) -> Token:
        token = self.peek()
        if not self.match(kind, value):
            wanted = value if value is not None else kind
            found = "end of tag" if token is None else repr(token.value)
            raise TemplateSyntaxError(f"expected {wanted!r}, found {found}", self.line)
        return self.tokens[self.pos - 1]

    def parse(self):
        """Parse a whole expression that must use every token."""
        expr = self.parse_or()
        self.expect_end()
        return expr

    def expect_end(self) -> None:
        if self.pos < len(self.tokens):
            raise TemplateSyntaxError(f"unexpected {self.peek().value!r} in expression", self.line)

    def parse_or(self):
        left = self.parse_and()
        while self.match(NAME, "or"):
            left = ex.Or(left, self.parse_and())
        return left

    def parse_and(self):
        left = self.parse_not()
        while self.match(NAME, "and"):
            left = ex.And(left, self.parse_not())
        return left

    def parse_not(self):
        if self.match(NAME, "not"):
            return ex.Not(self.parse_not())
        return self.parse_compare()

    def parse_compare(self):
        left = self.parse_concat()
        token = self.peek()
        if token is None:
            return left
        if token.kind == OP and token.value in COMPARE_OPS:
            self.pos += 1
            return ex.Compare(token.value, left, self.parse_concat())
        if self.match(NAME, "in"):
            return ex.Compare("in", left, self.parse_concat())
        nxt = self.peek(1)
        if token.kind == NAME and token.value == "not" and nxt is not None and nxt.value == "in":
            self.pos += 2
            return ex.Compare("not in", left, self.parse_concat())
        return left

    def _binary(self, operators: tuple[str, ...], operand):
        """Parse a left-associative chain of ``operators`` between operands."""
        left = operand()
        while True:
            token = self.peek()
            if token is None or token.kind != OP or token.value not in operators:
                return left
            self.pos += 1
            left = ex.BinOp(token.value, left, operand())

    def parse_concat(self):
        return self._binary(("~",), self.parse_additive)

    def parse_additive(self):
        return self._binary(("+", "-"), self.parse_term)

    def parse_term(self):
        return self._binary(("*", "/", "//", "%"), self.parse_unary)

    def parse_unary(self):
        if self.match(OP, "-"):
            return ex.Neg(self.parse_unary())
        return self.parse_filters()

    def parse_filters(self):
        expr = self.parse_postfix()
        while self.match(OP, "|"):
            name = self.expect(NAME).value
            args = self.parse_sequence(")") if self.match(OP, "(") else []
            expr = ex.FilterCall(expr, name, args)
        return expr

    def parse_sequence(self, closer: str) -> list:
        """Parse comma-separated expressions up to and including ``closer``."""
        items: list = []
        while not self.match(OP, closer):
            if items:
                self.expect(OP, ",")
            items.append(self.parse_or())
        return items

    def parse_postfix(self):
        expr = self.parse_primary()
        while True:
            if self.match(OP, "."):
                token = self.peek()
                if token is None or token.kind not in (NAME, NUMBER):
                    raise TemplateSyntaxError("expected a name or index after '.'", self.line)
                self.pos += 1
                expr = ex.GetItem(expr, ex.Literal(token.value))
            elif self.match(OP, "["):
                key = self.parse_or()
                self.expect(OP, "]")
                expr = ex.GetItem(expr, key)
            else:
                return expr

    def parse_primary(self):
        token = self.peek()
        if token is None:
            raise TemplateSyntaxError("expected an expression, found end of tag", self.line)
        self.pos += 1
        if token.kind == NUMBER:
            return ex.Literal(float(token.value) if "." in token.value else int(token.value))
        if token.kind == STRING:
            return ex.Literal(token.value)
        if token.kind == NAME:
            if token.value in CONSTANTS:
                return ex.Literal(CONSTANTS[token.value])
            return ex.Name(token.value)
        if token.value == "(":
            expr = self.parse_or()
            self.expect(OP, ")")
            return expr
        if token.value == "[":
            return ex.ListLiteral(self.parse_sequence("]"))
        raise TemplateSyntaxError(f"unexpected {token.value!r} in expression", self.line)


def parse_expression(text: str, line: int = 1):
    """Parse the text of a ``{{ ... }}`` tag."""
    return ExpressionParser(text, line).parse()


class Parser:
    """Builds the statement tree from TEXT, VAR and BLOCK tokens."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.pos = 0

    def parse(self) -> list:
        body, end = self._parse_body(())
        return body

    def _parse_body(self, stops: tuple[str, ...]) -> tuple[list, Token | None]:
        body: list = []
        while self.pos < len(self.tokens):
            token = self.tokens[self.pos]
            self.pos += 1
            if token.kind == TEXT:
                body.append(nodes.Text(token.value))
            elif token.kind == BLOCK:
                keyword = token.value.split(None, 1)[0]
                if keyword in stops:
                    return body, token
                body.append(self._parse_statement(keyword, token))
            else:
                body.append(nodes.Output(parse_expression(token.value, token.line)))
        if stops:
            line = self.tokens[-1].line if self.tokens else 0
            raise TemplateSyntaxError(f"missing {{% {stops[-1]} %}}", line)
        return body, None

    def _parse_statement(self, keyword: str, token: Token):
        rest = token.value[len(keyword):].strip()
        if keyword == "if":
            return self._parse_if(rest, token.line)
        if keyword == "for":
            return self._parse_for(rest, token.line)
        if keyword == "set":
            return self._parse_set(rest, token.line)
        raise TemplateSyntaxError(f"unknown or unexpected tag '{keyword}'", token.line)

    def _parse_if(self, rest: str, line: int) -> nodes.If:
        branches = []
        condition = parse_expression(rest, line)
        while True:
            body, end = self._parse_body(("elif", "else", "endif"))
            branches.append((condition, body))
            keyword = end.value.split(None, 1)[0]
            if keyword != "elif":
                break
            condition = parse_expression(end.value[4:].strip(), end.line)
        else_body: list = []
        if keyword == "else":
            else_body, _ = self._parse_body(("endif",))
        return nodes.If(branches, else_body)

    def _parse_for(self, rest: str, line: int) -> nodes.For:
        parser = ExpressionParser(rest, line)
        targets = [parser.expect(NAME).value]
        while parser.match(OP, ","):
            targets.append(parser.expect(NAME).value)
        parser.expect(NAME, "in")
        iterable = parser.parse_or()
        condition = parser.parse_or() if parser.match(NAME, "if") else None
        parser.expect_end()
        body, end = self._parse_body(("else", "endfor"))
        else_body: list = []
        if end.value == "else":
            else_body, _ = self._parse_body(("endfor",))
        return nodes.For(targets, iterable, body, else_body, condition)

    def _parse_set(self, rest: str, line: int) -> nodes.Set:
        parser = ExpressionParser(rest, line)
        name = parser.expect(NAME).value
        parser.expect(OP, "=")
        return nodes.Set(name, parser.parse())
