"""AST mutators that plant realistic bugs in Python source, as minimal text edits.

Every mutator finds its candidate *sites* in a module deterministically (in
source order, inside function bodies only) and turns each into one text edit
of the original source: only the mutated tokens change (an operator, a
constant, an argument order) or whole statement lines disappear, so comments
and formatting elsewhere survive and the gold patch is a small, readable diff.

Kinds (:data:`MUTATION_KINDS`):

====================  ==========================================================
``flip_operator``     ``+``/``-``, ``*``/``/``, ``<``/``>``, ``==``/``!=``, ``in``/``not in``, ``and``/``or``, ``+=``/``-=``
``off_by_one``        ``<`` to ``<=`` (and back), slice bounds and constant indices shifted by one
``swap_arguments``    the first two positional arguments of a call exchanged
``remove_branch``     an ``else``/``elif`` clause deleted, or a guard ``if`` without ``else`` deleted
``wrong_constant``    a numeric or boolean literal changed (``0`` to ``1``, ``True`` to ``False``)
``invert_condition``  the test of an ``if``/``while``/conditional expression/comprehension filter negated
``drop_statement``    a call statement, augmented assignment, rebinding assignment, ``break``/``continue`` deleted
``wrong_variable``    a local variable read replaced by the nearest other local of the function
``change_default``    a parameter's literal default value changed
``break_loop_bound``  ``range(n)`` to ``range(n - 1)``, ``range(a, b)`` to ``range(a + 1, b)``, ``enumerate(x)`` to ``enumerate(x, 1)``, ``while i < n`` to ``while i < n - 1``
====================  ==========================================================

Plus :data:`IMPLEMENT_KIND` (``remove_body``): a function's body replaced by
``raise NotImplementedError``, its signature and docstring kept.

```python
sites = find_sites(source)                  # every candidate, in a stable order
buggy = apply_sites(source, [sites[3]])     # one (or several non-overlapping) edits
```
"""

from __future__ import annotations

import ast
import re
from dataclasses import asdict, dataclass
from typing import Iterator, Sequence

MUTATION_KINDS: tuple[str, ...] = (
    "flip_operator", "off_by_one", "swap_arguments", "remove_branch", "wrong_constant",
    "invert_condition", "drop_statement", "wrong_variable", "change_default", "break_loop_bound",
)
IMPLEMENT_KIND = "remove_body"
ALL_KINDS: tuple[str, ...] = MUTATION_KINDS + (IMPLEMENT_KIND,)

_BINOP_SYMBOL = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//",
                 ast.Mod: "%", ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>", ast.BitOr: "|",
                 ast.BitXor: "^", ast.BitAnd: "&"}
_BINOP_FLIP = {"+": "-", "-": "+", "*": "/", "/": "*", "//": "/", "%": "//", "**": "*",
               "<<": ">>", ">>": "<<", "|": "&", "&": "|", "^": "|"}
_CMP_SYMBOL = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
               ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not"}
_CMP_FLIP = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "!=", "!=": "==",
             "in": "not in", "not in": "in", "is": "is not", "is not": "is"}
_CMP_OFF_BY_ONE = {"<": "<=", "<=": "<", ">": ">=", ">=": ">"}
_CMP_PATTERN = {"not in": r"not\s+in\b", "is not": r"is\s+not\b", "in": r"in\b", "is": r"is\b"}
#: Calls whose argument order is a type contract rather than behaviour (swapping only crashes).
_NO_SWAP = frozenset({"isinstance", "issubclass", "getattr", "setattr", "hasattr", "super", "print",
                      "cast", "TypeError", "ValueError", "KeyError"})
#: Expressions that need no parentheses as an operand of ``+``/``-``.
_ATOMS = (ast.Name, ast.Attribute, ast.Call, ast.Subscript, ast.Constant, ast.List, ast.Tuple, ast.Dict,
          ast.Set, ast.ListComp, ast.DictComp, ast.SetComp, ast.GeneratorExp, ast.JoinedStr)
_SELF_NAMES = frozenset({"self", "cls"})


@dataclass(frozen=True)
class Site:
    """One candidate mutation: a text edit of the module's source.

    Attributes:
        kind: One of :data:`ALL_KINDS`.
        index: Ordinal among this kind's sites in the module (stable for a given source).
        lineno: 1-based line of the mutated code.
        function: Qualified name of the enclosing function (``Class.method``).
        start: Character offset where the replaced text starts.
        end: Character offset where it ends (exclusive).
        replacement: The new text.
        description: What changed, for logs and task metadata (never shown to a policy).
    """

    kind: str
    index: int
    lineno: int
    function: str
    start: int
    end: int
    replacement: str
    description: str

    def to_dict(self) -> dict:
        return asdict(self)


class _Text:
    """Offsets into a source string from AST (line, UTF-8 byte column) positions."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = source.splitlines(keepends=True) if "\x0c" not in source else \
            re.findall(r"[^\n]*\n|[^\n]+$", source)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))

    def offset(self, lineno: int, col: int) -> int:
        line = self.lines[lineno - 1]
        return self.starts[lineno - 1] + len(line.encode("utf-8")[:col].decode("utf-8", "replace"))

    def span(self, node: ast.AST) -> tuple[int, int]:
        return (self.offset(node.lineno, node.col_offset), self.offset(node.end_lineno, node.end_col_offset))

    def seg(self, node: ast.AST) -> str:
        start, end = self.span(node)
        return self.source[start:end]

    def line_start(self, lineno: int) -> int:
        return self.starts[lineno - 1]

    def line_end(self, lineno: int) -> int:
        return self.starts[lineno]

    def own_lines(self, stmt: ast.stmt) -> bool:
        """Whether ``stmt`` alone occupies its lines (nothing but a comment after it)."""
        start, end = self.span(stmt)
        before = self.source[self.line_start(stmt.lineno):start]
        after = self.source[end:self.line_end(stmt.end_lineno)]
        return not before.strip() and (not after.strip() or after.strip().startswith("#"))

    def indent(self, lineno: int) -> str:
        line = self.lines[lineno - 1]
        return line[:len(line) - len(line.lstrip(" \t"))]


@dataclass
class _Fn:
    qualname: str
    node: ast.FunctionDef | ast.AsyncFunctionDef
    nodes: list[ast.AST]          # the function's own nodes (not nested defs), source order
    params: list[str]
    bindings: dict[str, list[int]]  # local name -> lines where it is bound (params: the def line)


def _functions(tree: ast.Module) -> list[_Fn]:
    out: list[_Fn] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                out.append(_make_fn(child, prefix + child.name))
                visit(child, f"{prefix}{child.name}.<locals>.")

    visit(tree, "")
    return out


def _body_without_docstring(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.stmt]:
    body = list(fn.body)
    if body and _is_docstring(body[0]):
        body = body[1:]
    return body


def _is_docstring(stmt: ast.stmt) -> bool:
    return (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, str))


def _make_fn(fn: ast.FunctionDef | ast.AsyncFunctionDef, qualname: str) -> _Fn:
    nodes: list[ast.AST] = []
    bindings: dict[str, list[int]] = {}
    args = fn.args
    params = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
    params += [a.arg for a in (args.vararg, args.kwarg) if a is not None]
    for p in params:
        bindings.setdefault(p, []).append(fn.lineno)

    def walk(node: ast.AST, in_scope: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue  # nested definitions are visited as their own functions
            nodes.append(child)
            scoped = in_scope and not isinstance(child, (ast.Lambda, ast.ListComp, ast.SetComp,
                                                         ast.DictComp, ast.GeneratorExp))
            if scoped and isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store):
                bindings.setdefault(child.id, []).append(child.lineno)
            if scoped and isinstance(child, ast.ExceptHandler) and child.name:
                bindings.setdefault(child.name, []).append(child.lineno)
            walk(child, scoped)

    for stmt in _body_without_docstring(fn):
        nodes.append(stmt)
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            nodes.pop()
            continue
        walk(stmt, True)
    nodes.sort(key=lambda n: (getattr(n, "lineno", 0), getattr(n, "col_offset", 0)))
    return _Fn(qualname, fn, nodes, params, bindings)


def _op_at(text: _Text, lo: int, hi: int, pattern: str) -> tuple[int, int] | None:
    """The span of the operator matching ``pattern`` between two operands (skipping parens and comments)."""
    src = text.source
    i = lo
    while i < hi:
        c = src[i]
        if c in " \t\r\n\\()":
            i += 1
        elif c == "#":
            nl = src.find("\n", i, hi)
            i = hi if nl < 0 else nl + 1
        else:
            break
    match = re.compile(pattern).match(src, i, hi)
    return (i, match.end()) if match else None


def _is_stringy(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)))


def _is_sequence_literal(node: ast.AST) -> bool:
    return _is_stringy(node) or isinstance(node, (ast.List, ast.Tuple, ast.ListComp))


def _wrap(text: _Text, node: ast.AST) -> str:
    seg = text.seg(node)
    return seg if isinstance(node, _ATOMS) else f"({seg})"


def _int_value(node: ast.AST) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant)
            and type(node.operand.value) is int):
        return -node.operand.value
    return None


def _plus(text: _Text, node: ast.AST, delta: int) -> str:
    """Source for ``node + delta`` (folded for integer literals and ``x - 1``/``x + 1``)."""
    value = _int_value(node)
    if value is not None:
        return str(value + delta)
    if isinstance(node, ast.BinOp) and isinstance(node.right, ast.Constant) and type(node.right.value) is int \
            and isinstance(node.op, (ast.Add, ast.Sub)):
        current = node.right.value if isinstance(node.op, ast.Add) else -node.right.value
        total = current + delta
        left = text.seg(node.left) if not isinstance(node.left, (ast.IfExp, ast.Lambda, ast.BoolOp)) \
            else f"({text.seg(node.left)})"
        if total == 0:
            return left
        return f"{left} + {total}" if total > 0 else f"{left} - {-total}"
    return f"{_wrap(text, node)} + {delta}" if delta > 0 else f"{_wrap(text, node)} - {-delta}"


# ---------------------------------------------------------------------------
# The mutators: each yields (node for lineno, start, end, replacement, description).

Edit = tuple[ast.AST, int, int, str, str]


def _flip_operator(text: _Text, fn: _Fn) -> Iterator[Edit]:
    for node in fn.nodes:
        if isinstance(node, ast.BinOp) and type(node.op) in _BINOP_SYMBOL:
            sym = _BINOP_SYMBOL[type(node.op)]
            if sym == "+" and (_is_stringy(node.left) or _is_stringy(node.right)):
                continue
            if sym == "*" and (_is_sequence_literal(node.left) or _is_sequence_literal(node.right)):
                continue
            if sym == "%" and _is_stringy(node.left):
                continue  # printf-style formatting
            span = _op_at(text, text.span(node.left)[1], text.span(node.right)[0], re.escape(sym) + r"(?!=)")
            if span:
                yield node, span[0], span[1], _BINOP_FLIP[sym], f"{sym} -> {_BINOP_FLIP[sym]}"
        elif isinstance(node, ast.AugAssign) and type(node.op) in _BINOP_SYMBOL:
            sym = _BINOP_SYMBOL[type(node.op)]
            if sym == "+" and _is_stringy(node.value):
                continue
            span = _op_at(text, text.span(node.target)[1], text.span(node.value)[0], re.escape(sym + "="))
            if span:
                yield node, span[0], span[1], _BINOP_FLIP[sym] + "=", f"{sym}= -> {_BINOP_FLIP[sym]}="
        elif isinstance(node, ast.Compare):
            left = node.left
            for op, right in zip(node.ops, node.comparators):
                sym = _CMP_SYMBOL[type(op)]
                pattern = _CMP_PATTERN.get(sym, re.escape(sym) + r"(?!=)")
                span = _op_at(text, text.span(left)[1], text.span(right)[0], pattern)
                if span:
                    yield node, span[0], span[1], _CMP_FLIP[sym], f"{sym} -> {_CMP_FLIP[sym]}"
                left = right
        elif isinstance(node, ast.BoolOp):
            sym, new = ("and", "or") if isinstance(node.op, ast.And) else ("or", "and")
            for left, right in zip(node.values, node.values[1:]):
                span = _op_at(text, text.span(left)[1], text.span(right)[0], sym + r"\b")
                if span:
                    yield node, span[0], span[1], new, f"{sym} -> {new}"


def _off_by_one(text: _Text, fn: _Fn) -> Iterator[Edit]:
    for node in fn.nodes:
        if isinstance(node, ast.Compare):
            left = node.left
            for op, right in zip(node.ops, node.comparators):
                sym = _CMP_SYMBOL[type(op)]
                if sym in _CMP_OFF_BY_ONE:
                    span = _op_at(text, text.span(left)[1], text.span(right)[0], re.escape(sym) + r"(?!=)")
                    if span:
                        yield node, span[0], span[1], _CMP_OFF_BY_ONE[sym], f"{sym} -> {_CMP_OFF_BY_ONE[sym]}"
                left = right
        elif isinstance(node, ast.Subscript):
            sl = node.slice
            if isinstance(sl, ast.Slice):
                for bound in (sl.lower, sl.upper):
                    if bound is not None and not _is_stringy(bound):
                        start, end = text.span(bound)
                        new = _plus(text, bound, 1)
                        yield bound, start, end, new, f"slice bound {text.seg(bound)} -> {new}"
            elif (value := _int_value(sl)) is not None:
                start, end = text.span(sl)
                new = str(value + 1 if value >= 0 else value - 1)
                yield sl, start, end, new, f"index {value} -> {new}"


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _swap_arguments(text: _Text, fn: _Fn) -> Iterator[Edit]:
    for node in fn.nodes:
        if not isinstance(node, ast.Call) or len(node.args) < 2 or _call_name(node) in _NO_SWAP:
            continue
        a, b = node.args[0], node.args[1]
        if isinstance(a, ast.Starred) or isinstance(b, ast.Starred):
            continue
        seg_a, seg_b = text.seg(a), text.seg(b)
        if seg_a == seg_b:
            continue
        (a0, a1), (b0, b1) = text.span(a), text.span(b)
        between = text.source[a1:b0]
        yield node, a0, b1, seg_b + between + seg_a, f"{_call_name(node)}({seg_a}, {seg_b}) arguments swapped"


def _blocks(fn: _Fn) -> Iterator[list[ast.stmt]]:
    yield _body_without_docstring(fn.node)
    for node in fn.nodes:
        for name in ("body", "orelse", "finalbody"):
            block = getattr(node, name, None)
            if isinstance(node, (ast.Lambda, ast.IfExp)) or not isinstance(block, list) or not block:
                continue
            if isinstance(node, ast.If) and name == "orelse" and len(block) == 1 and \
                    isinstance(block[0], ast.If) and block[0].col_offset == node.col_offset:
                continue  # an elif chain is not a block of its own
            yield block
        for handler in getattr(node, "handlers", None) or ():
            yield handler.body


def _delete_lines(text: _Text, first: int, last: int, block_len: int, indent: str) -> tuple[int, int, str]:
    """Delete source lines ``first..last``; a block left empty gets ``pass``."""
    return text.line_start(first), text.line_end(last), ("" if block_len > 1 else indent + "pass\n")


def _remove_branch(text: _Text, fn: _Fn) -> Iterator[Edit]:
    for node in fn.nodes:
        if not isinstance(node, ast.If) or not text.own_lines(node.body[-1]):
            continue
        if node.orelse:
            last = node.orelse[-1]
            keyword = None
            for lineno in range(node.body[-1].end_lineno + 1, node.orelse[0].lineno + 1):
                stripped = text.lines[lineno - 1].strip()
                if (stripped.startswith("else") or stripped.startswith("elif")) and \
                        len(text.indent(lineno)) == len(text.indent(node.lineno)) and \
                        text.indent(node.lineno) == text.source[text.line_start(node.lineno):
                                                                 text.offset(node.lineno, node.col_offset)]:
                    keyword = lineno
                    break
            if keyword is None or not text.own_lines(last):
                continue
            what = "elif" if text.lines[keyword - 1].strip().startswith("elif") else "else"
            yield node, text.line_start(keyword), text.line_end(last.end_lineno), "", f"{what} branch removed"
    for block in _blocks(fn):
        for stmt in block:
            if isinstance(stmt, ast.If) and not stmt.orelse and text.own_lines(stmt):
                start, end, new = _delete_lines(text, stmt.lineno, stmt.end_lineno, len(block),
                                                text.indent(stmt.lineno))
                yield stmt, start, end, new, f"guard `if {ast.unparse(stmt.test)[:40]}` removed"


def _wrong_constant(text: _Text, fn: _Fn) -> Iterator[Edit]:
    skip: set[int] = set()
    for node in fn.nodes:  # literals already covered by off_by_one
        if isinstance(node, ast.Subscript):
            for sub in ast.walk(node.slice):
                skip.add(id(sub))
    for node in fn.nodes:
        if not isinstance(node, ast.Constant) or id(node) in skip:
            continue
        value = node.value
        if isinstance(value, bool):
            new = repr(not value)
        elif type(value) is int:
            new = str(1 if value == 0 else 0 if value == 1 else value + 1)
        elif type(value) is float:
            new = repr(value * 2 if value not in (0.0,) else 1.0)
        else:
            continue
        start, end = text.span(node)
        if text.source[start:end] == new:
            continue
        yield node, start, end, new, f"constant {text.source[start:end]} -> {new}"


def _invert_condition(text: _Text, fn: _Fn) -> Iterator[Edit]:
    tests: list[ast.expr] = []
    for node in fn.nodes:
        if isinstance(node, (ast.If, ast.While, ast.IfExp)):
            tests.append(node.test)
        elif isinstance(node, ast.comprehension):
            tests.extend(node.ifs)
    for test in tests:
        start, end = text.span(test)
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            new = text.seg(test.operand)
            if isinstance(test.operand, (ast.BoolOp, ast.IfExp, ast.Lambda, ast.NamedExpr)):
                new = f"({new})"
        elif isinstance(test, (ast.BoolOp, ast.IfExp, ast.Lambda, ast.NamedExpr)):
            new = f"not ({text.seg(test)})"
        else:
            new = f"not {text.seg(test)}"
        yield test, start, end, new, f"condition `{ast.unparse(test)[:40]}` negated"


def _droppable(stmt: ast.stmt, fn: _Fn) -> bool:
    if isinstance(stmt, (ast.AugAssign, ast.Continue, ast.Break, ast.Delete)):
        return True
    if isinstance(stmt, ast.Expr):
        return isinstance(stmt.value, ast.Call)
    if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        if isinstance(stmt, ast.AnnAssign) and stmt.value is None:
            return False
        for target in targets:
            if isinstance(target, (ast.Attribute, ast.Subscript)):
                continue
            if isinstance(target, ast.Name) and any(line < stmt.lineno for line in fn.bindings.get(target.id, [])):
                continue  # a rebinding: dropping it leaves the earlier value in place
            return False
        return True
    return False


def _drop_statement(text: _Text, fn: _Fn) -> Iterator[Edit]:
    for block in _blocks(fn):
        for stmt in block:
            if _droppable(stmt, fn) and text.own_lines(stmt):
                start, end, new = _delete_lines(text, stmt.lineno, stmt.end_lineno, len(block),
                                                text.indent(stmt.lineno))
                yield stmt, start, end, new, f"statement `{ast.unparse(stmt)[:50]}` dropped"


def _wrong_variable(text: _Text, fn: _Fn) -> Iterator[Edit]:
    call_funcs = {id(n.func) for n in fn.nodes if isinstance(n, ast.Call)}
    comp_targets: set[str] = set()
    for node in fn.nodes:
        if isinstance(node, ast.comprehension):
            comp_targets |= {n.id for n in ast.walk(node.target) if isinstance(n, ast.Name)}
        elif isinstance(node, ast.Lambda):
            comp_targets |= {a.arg for a in node.args.args}
    for node in fn.nodes:
        if not (isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)) or id(node) in call_funcs:
            continue
        if node.id in _SELF_NAMES or node.id in comp_targets or node.id not in fn.bindings:
            continue
        best: tuple[int, str] | None = None
        for name, lines in fn.bindings.items():
            if name in (node.id, *_SELF_NAMES) or name in comp_targets:
                continue
            before = [line for line in lines if line < node.lineno or (line == fn.node.lineno and name in fn.params)]
            if not before:
                continue
            key = (node.lineno - max(before), name)
            if best is None or key < best:
                best = key
        if best is not None:
            start, end = text.span(node)
            yield node, start, end, best[1], f"variable {node.id} -> {best[1]}"


def _change_default(text: _Text, fn: _Fn) -> Iterator[Edit]:
    args = fn.node.args
    for default in [*args.defaults, *(d for d in args.kw_defaults if d is not None)]:
        value = _int_value(default)
        if isinstance(default, ast.Constant) and isinstance(default.value, bool):
            new = repr(not default.value)
        elif value is not None:
            new = str(value + 1)
        elif isinstance(default, ast.Constant) and type(default.value) is float:
            new = repr(default.value * 2 if default.value else 1.0)
        elif isinstance(default, ast.Constant) and type(default.value) is str:
            quote = text.seg(default)[-1:] if text.seg(default)[-1:] in ("'", '"') else "'"
            new = quote * 2 if default.value else f"{quote} {quote}"
        else:
            continue
        start, end = text.span(default)
        yield default, start, end, new, f"default {text.seg(default)} -> {new}"


def _break_loop_bound(text: _Text, fn: _Fn) -> Iterator[Edit]:
    for node in fn.nodes:  # while i < n  ->  while i < n - 1
        if isinstance(node, ast.While) and isinstance(node.test, ast.Compare) and len(node.test.ops) == 1:
            sym = _CMP_SYMBOL[type(node.test.ops[0])]
            if sym in ("<", "<=", ">", ">="):
                bound = node.test.comparators[0]
                start, end = text.span(bound)
                new = _plus(text, bound, -1 if sym in ("<", "<=") else 1)
                yield node, start, end, new, f"while bound {text.seg(bound)} -> {new}"
    iters = [n.iter for n in fn.nodes if isinstance(n, (ast.For, ast.AsyncFor, ast.comprehension))]
    for it in iters:
        if not isinstance(it, ast.Call) or not isinstance(it.func, ast.Name) or it.keywords:
            continue
        if any(isinstance(a, ast.Starred) for a in it.args):
            continue
        if it.func.id == "range" and len(it.args) == 1:
            target, delta = it.args[0], -1
        elif it.func.id == "range" and len(it.args) >= 2:
            target, delta = it.args[0], 1
        elif it.func.id == "enumerate" and len(it.args) == 1:
            end = text.span(it.args[0])[1]
            yield it, end, end, ", 1", "enumerate starts at 1"
            continue
        else:
            continue
        start, end = text.span(target)
        new = _plus(text, target, delta)
        yield it, start, end, new, f"range bound {text.seg(target)} -> {new}"


def _remove_body(text: _Text, fn: _Fn) -> Iterator[Edit]:
    node = fn.node
    body = _body_without_docstring(node)
    if len(body) == len(node.body) or not body:
        return  # only documented functions: the docstring is the specification
    first, last = body[0], body[-1]
    if first.lineno == node.lineno or not text.own_lines(first) or not text.own_lines(last):
        return
    if last.end_lineno - first.lineno + 1 < 2 or last.end_lineno - first.lineno + 1 > 40:
        return
    if len(body) == 1 and isinstance(body[0], ast.Raise):
        return
    indent = text.indent(first.lineno)
    yield node, text.line_start(first.lineno), text.line_end(last.end_lineno), \
        indent + "raise NotImplementedError\n", f"body of {fn.qualname} removed"


_MUTATORS = {
    "flip_operator": _flip_operator, "off_by_one": _off_by_one, "swap_arguments": _swap_arguments,
    "remove_branch": _remove_branch, "wrong_constant": _wrong_constant, "invert_condition": _invert_condition,
    "drop_statement": _drop_statement, "wrong_variable": _wrong_variable, "change_default": _change_default,
    "break_loop_bound": _break_loop_bound, IMPLEMENT_KIND: _remove_body,
}


def find_sites(source: str, kinds: Sequence[str] | None = None) -> list[Site]:
    """Every candidate mutation of ``source``, in a stable order (kind, then source position).

    Only edits that still parse and change the module's AST are returned.

    Args:
        source: A module's text.
        kinds: Kinds to look for (default: :data:`MUTATION_KINDS`, not ``remove_body``).

    Raises:
        ValueError: An unknown kind.
        SyntaxError: ``source`` does not parse.
    """
    kinds = MUTATION_KINDS if kinds is None else tuple(kinds)
    unknown = [k for k in kinds if k not in _MUTATORS]
    if unknown:
        raise ValueError(f"unknown mutation kind(s) {unknown}; known: {list(ALL_KINDS)}")
    tree = ast.parse(source)
    original = ast.dump(tree)
    text = _Text(source)
    functions = _functions(tree)
    sites: list[Site] = []
    for kind in kinds:
        seen: set[tuple[int, int, str]] = set()
        index = 0
        for fn in functions:
            for node, start, end, new, description in _MUTATORS[kind](text, fn):
                if (start, end, new) in seen:
                    continue
                seen.add((start, end, new))
                mutated = source[:start] + new + source[end:]
                try:
                    if ast.dump(ast.parse(mutated)) == original:
                        continue
                except SyntaxError:
                    continue
                sites.append(Site(kind, index, getattr(node, "lineno", 0), fn.qualname, start, end, new,
                                  description))
                index += 1
    return sites


def apply_sites(source: str, sites: Sequence[Site]) -> str:
    """``source`` with the sites' edits applied (they must not overlap).

    Raises:
        ValueError: Two edits overlap, or an edit lies outside the source.
    """
    ordered = sorted(sites, key=lambda s: (s.start, s.end))
    for a, b in zip(ordered, ordered[1:]):
        if b.start < a.end or (a.start == a.end == b.start == b.end):
            raise ValueError(f"mutation sites overlap: {a.kind} at line {a.lineno} and {b.kind} at line {b.lineno}; "
                             "pick sites whose edits do not touch the same text")
    out = source
    for site in reversed(ordered):
        if not 0 <= site.start <= site.end <= len(source):
            raise ValueError(f"site {site.kind}#{site.index} spans {site.start}..{site.end}, outside a source "
                             f"of {len(source)} characters; it was found in a different source")
        out = out[:site.start] + site.replacement + out[site.end:]
    return out
