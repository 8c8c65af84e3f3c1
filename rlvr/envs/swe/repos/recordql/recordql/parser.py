"""Recursive-descent parser for the query language.

Grammar (keywords are case-insensitive)::

    query      := [select] [where] [group by] [order by] [limit [offset]]
    select     := 'select' ('*' | item (',' item)*)
    item       := (field | func '(' ('*' | field) ')') ['as' name]
    where      := 'where' or_expr
    or_expr    := and_expr ('or' and_expr)*
    and_expr   := not_expr ('and' not_expr)*
    not_expr   := 'not' not_expr | comparison
    comparison := operand [op operand | 'contains' operand | ['not'] 'in' '(' literals ')'
                  | 'between' operand 'and' operand | 'is' ['not'] 'null']
    operand    := number | string | 'true' | 'false' | 'null' | field | '(' or_expr ')'
"""

from __future__ import annotations

from recordql.nodes import (
    Aggregate,
    Between,
    BoolOp,
    Compare,
    FieldRef,
    InList,
    IsNull,
    Literal,
    Not,
    OrderKey,
    Query,
    SelectItem,
)
from recordql.tokens import QueryError, Token, tokenize

AGGREGATE_FUNCTIONS = ("count", "sum", "avg", "min", "max")
CONSTANTS = {"true": True, "false": False, "null": None}


class Parser:
    """Parses one query from its tokens."""

    def __init__(self, text: str) -> None:
        self.tokens = tokenize(text)
        self.index = 0

    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def peek(self, offset: int = 1) -> Token:
        """Return a token ahead of the current one (EOF past the end)."""
        return self.tokens[min(self.index + offset, len(self.tokens) - 1)]

    def advance(self) -> Token:
        token = self.current
        if token.kind != "EOF":
            self.index += 1
        return token

    def at_keyword(self, *words: str) -> bool:
        return self.current.kind == "KEYWORD" and self.current.value in words

    def accept_keyword(self, word: str) -> bool:
        if self.at_keyword(word):
            self.advance()
            return True
        return False

    def expect(self, kind: str, value: object = None) -> Token:
        token = self.current
        if token.kind != kind or (value is not None and token.value != value):
            wanted = repr(value) if value is not None else kind.lower()
            raise QueryError(f"expected {wanted}, found {token.describe()}", token.pos)
        return self.advance()

    def parse(self) -> Query:
        """Parse the whole query and check that nothing is left over."""
        select = self.parse_select() if self.accept_keyword("select") else ()
        where = self.parse_or() if self.accept_keyword("where") else None
        group_by: tuple[FieldRef, ...] = ()
        if self.accept_keyword("group"):
            self.expect("KEYWORD", "by")
            group_by = tuple(self.parse_list(self.parse_field))
        order_by: tuple[OrderKey, ...] = ()
        if self.accept_keyword("order"):
            self.expect("KEYWORD", "by")
            order_by = tuple(self.parse_list(self.parse_order_key))
        limit = self.parse_count("limit") if self.accept_keyword("limit") else None
        offset = self.parse_count("offset") if self.accept_keyword("offset") else 0
        if self.current.kind != "EOF":
            raise QueryError(f"unexpected {self.current.describe()}", self.current.pos)
        query = Query(select, where, group_by, order_by, limit, offset)
        check_grouping(query)
        return query

    def parse_list(self, parse_item) -> list:
        items = [parse_item()]
        while self.current.kind == "COMMA":
            self.advance()
            items.append(parse_item())
        return items

    def parse_count(self, clause: str) -> int:
        token = self.expect("NUMBER")
        if not isinstance(token.value, int) or token.value < 0:
            raise QueryError(f"{clause} needs a whole number >= 0, got {token.value}", token.pos)
        return token.value

    def parse_field(self) -> FieldRef:
        token = self.expect("IDENT")
        return FieldRef(tuple(str(token.value).split(".")))

    def parse_order_key(self) -> OrderKey:
        field = self.parse_field()
        if self.accept_keyword("desc"):
            return OrderKey(field, descending=True)
        self.accept_keyword("asc")
        return OrderKey(field)

    def parse_select(self) -> tuple[SelectItem, ...]:
        if self.current.kind == "STAR":
            self.advance()
            return ()
        return tuple(self.parse_list(self.parse_select_item))

    def parse_select_item(self) -> SelectItem:
        token = self.current
        if token.kind == "IDENT" and str(token.value).lower() in AGGREGATE_FUNCTIONS and self.peek().kind == "LPAREN":
            func = str(self.advance().value).lower()
            self.expect("LPAREN")
            if self.current.kind == "STAR":
                if func != "count":
                    raise QueryError(f"{func}(*) is not allowed; only count(*)", self.current.pos)
                self.advance()
                expr: FieldRef | Aggregate = Aggregate(func)
            else:
                expr = Aggregate(func, self.parse_field())
            self.expect("RPAREN")
        else:
            expr = self.parse_field()
        alias = str(self.expect("IDENT").value) if self.accept_keyword("as") else None
        return SelectItem(expr, alias)

    def parse_or(self):
        items = [self.parse_and()]
        while self.accept_keyword("or"):
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else BoolOp("or", tuple(items))

    def parse_and(self):
        items = [self.parse_not()]
        while self.accept_keyword("and"):
            items.append(self.parse_not())
        return items[0] if len(items) == 1 else BoolOp("and", tuple(items))

    def parse_not(self):
        if self.accept_keyword("not"):
            return Not(self.parse_not())
        return self.parse_comparison()

    def parse_comparison(self):
        left = self.parse_operand()
        if self.current.kind == "OP":
            return Compare(str(self.advance().value), left, self.parse_operand())
        if self.accept_keyword("contains"):
            return Compare("contains", left, self.parse_operand())
        if self.accept_keyword("between"):
            low = self.parse_operand()
            self.expect("KEYWORD", "and")
            return Between(left, low, self.parse_operand())
        if self.accept_keyword("is"):
            negated = self.accept_keyword("not")
            self.expect("KEYWORD", "null")
            return IsNull(left, negated)
        if self.at_keyword("not") and self.peek().kind == "KEYWORD" and self.peek().value == "in":
            self.advance()
            self.advance()
            return InList(left, self.parse_literal_list(), negated=True)
        if self.accept_keyword("in"):
            return InList(left, self.parse_literal_list())
        return left

    def parse_literal_list(self) -> tuple:
        self.expect("LPAREN")
        values = []
        while self.current.kind != "RPAREN":
            operand = self.parse_operand()
            if not isinstance(operand, Literal):
                raise QueryError("'in' lists may only hold constants", self.current.pos)
            values.append(operand.value)
            if self.current.kind != "COMMA":
                break
            self.advance()
        self.expect("RPAREN")
        return tuple(values)

    def parse_operand(self):
        token = self.current
        if token.kind in ("NUMBER", "STRING"):
            self.advance()
            return Literal(token.value)
        if token.kind == "KEYWORD" and token.value in CONSTANTS:
            self.advance()
            return Literal(CONSTANTS[str(token.value)])
        if token.kind == "IDENT":
            return self.parse_field()
        if token.kind == "LPAREN":
            self.advance()
            inner = self.parse_or()
            self.expect("RPAREN")
            return inner
        raise QueryError(f"expected a value or field, found {token.describe()}", token.pos)


def check_grouping(query: Query) -> None:
    """Plain fields of an aggregate query must be grouped by."""
    if not query.is_aggregate:
        return
    grouped = {field.path for field in query.group_by}
    for item in query.select:
        if isinstance(item.expr, FieldRef) and item.expr.path not in grouped:
            raise QueryError(f"field {item.expr.name!r} must appear in 'group by' or inside an aggregate")


def parse(text: str) -> Query:
    """Parse query text into a :class:`~recordql.nodes.Query`."""
    return Parser(text).parse()
