"""Turn a normalised answer into a comparable value (runs inside the worker; imports SymPy).

The top-level structure is read here, bracket-aware, before any parser sees
the text, because it decides how two answers compare:

======================  ===================================  =====================
text                    value                                compares
======================  ===================================  =====================
``a, b`` / ``a; b``     :class:`Items` ``"list"``            unordered (a hedge vs one value)
``\\{a, b\\}``            :class:`Items` ``"set"``             unordered
``(a, b)``              :class:`Items` ``"tuple"``           ordered (an open interval vs a set)
``(a, b]``, ``[a, b]``  :class:`SetValue` (``Interval``)     as sets
``A \\cup B``            :class:`SetValue` (``Union``)        as sets
``lhs = rhs``           :class:`Equation`                    as equations
``x < 3``, ``1<x\\le 2``  :class:`Inequality`                  as solution sets
``\\begin{pmatrix}``     :class:`MatrixValue`                 elementwise
``\\text{Monday}``       :class:`TextValue`                   exact, case-insensitive
anything else           :class:`Scalar` (a SymPy ``Expr``)   numerically / symbolically
======================  ===================================  =====================

Expressions are parsed by ``latex2sympy2_extended`` (LaTeX) or, for plain
text made only of digits, letters, ``+-*/^()!`` and known function names, by
``sympy.parse_expr`` with a whitelisted namespace and no builtins (nothing in
the input can name a Python object). A parse failure is a :class:`ParseError`;
nothing ever falls back to a number found inside text that did not parse.
Decimals become exact rationals (``0.5`` is ``1/2``), the symbol ``i`` is the
imaginary unit, and values whose size explodes (``9^{9^{9^9}}``,
``(10^{100})!``) raise :class:`TooLarge` before SymPy tries to build them.
"""

from __future__ import annotations

import math as _math
import re
from dataclasses import dataclass
from typing import Literal, Union

import sympy
from latex2sympy2_extended import latex2sympy
from latex2sympy2_extended.latex2sympy2 import ConversionConfig
from sympy.parsing.sympy_parser import convert_xor, implicit_multiplication_application, parse_expr, \
    standard_transformations

#: More list items than this is not an answer (and would make pairwise matching slow).
MAX_ITEMS = 64
#: Expression tree nodes allowed in one answer.
MAX_NODES = 4000
#: Decimal digits an exact number may have before it is "too large" to build.
MAX_DIGITS = 100_000
#: Largest exponent of a symbolic power (``x^{5000}`` expands to nothing useful).
MAX_SYMBOLIC_EXPONENT = 5000


class ParseError(ValueError):
    """The text is not an answer this verifier can read."""


class TooLarge(ValueError):
    """The answer describes a value too large to build or compare in the time bound."""


@dataclass(frozen=True)
class Scalar:
    expr: sympy.Expr
    #: Digits after the point when written as a decimal literal (``1.414`` -> 3), else ``None``.
    places: int | None = None
    #: Significant digits of that decimal literal.
    sig_digits: int = 0

    @classmethod
    def from_text(cls, expr: sympy.Expr, text: str) -> "Scalar":
        m = _DEC_LITERAL.fullmatch(text.strip())
        if not m:
            return cls(expr)
        digits = text.strip().lstrip("+-").replace(".", "").lstrip("0")
        return cls(expr, places=len(m.group(1)), sig_digits=len(digits))


@dataclass(frozen=True)
class Equation:
    parts: tuple[sympy.Expr, ...]  #: ``a = b = c`` keeps all three; compared as ``a = c``


@dataclass(frozen=True)
class Inequality:
    rel: sympy.Basic  #: a SymPy relational, or ``And`` of them


@dataclass(frozen=True)
class Items:
    kind: Literal["list", "set", "tuple"]
    items: tuple["Parsed", ...]


@dataclass(frozen=True)
class SetValue:
    value: sympy.Set


@dataclass(frozen=True)
class MatrixValue:
    value: sympy.ImmutableMatrix


@dataclass(frozen=True)
class TextValue:
    text: str


Parsed = Union[Scalar, Equation, Inequality, Items, SetValue, MatrixValue, TextValue]

_CONFIG = ConversionConfig(interpret_as_mixed_fractions=True, interpret_simple_eq_as_assignment=False,
                           interpret_contains_as_eq=True, lowercase_symbols=True)
_I = sympy.Symbol("i")

# -- top-level structure ------------------------------------------------------------------------

_OPEN, _CLOSE = "([{", ")]}"


def split_top(text: str, seps: tuple[str, ...]) -> list[str]:
    """Split ``text`` at ``seps`` that are outside every bracket (``()[]{}``, mixed allowed)."""
    parts, depth, start, i, n = [], 0, 0, 0, len(text)
    while i < n:
        c = text[i]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            for sep in seps:
                if text.startswith(sep, i) and not _is_part_of_command(text, i, sep):
                    parts.append(text[start:i])
                    i += len(sep)
                    start = i
                    break
            else:
                i += 1
                continue
            continue
        i += 1
    parts.append(text[start:])
    return parts


def _is_part_of_command(text: str, i: int, sep: str) -> bool:
    if sep == "=":  # <=, >=, !=, :=, \ne= are relations or definitions, not equations
        return i > 0 and text[i - 1] in "<>!:" or text.startswith("==", i - 1)
    if sep.startswith("\\"):  # \cup must not match \cupdot
        end = i + len(sep)
        return end < len(text) and text[end].isalpha()
    return False


def outer_pair(text: str) -> tuple[str, str, str] | None:
    """``(opener, closer, inner)`` if one bracket pair wraps all of ``text``."""
    if text.startswith("\\{") and text.endswith("\\}"):
        opener, closer, inner = "\\{", "\\}", text[2:-2]
    elif text[:1] in "([" and text[-1:] in ")]":
        opener, closer, inner = text[0], text[-1], text[1:-1]
    else:
        return None
    depth = 0
    for c in inner:  # the pair wraps everything only if the inner brackets balance on their own
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth -= 1
            if depth < 0:
                return None
    return (opener, closer, inner) if depth == 0 else None


# -- expressions -----------------------------------------------------------------------------------

_PLAIN = re.compile(r"[0-9A-Za-z+\-*/^().! ]+")
_WORD = re.compile(r"[A-Za-z]+")
_PLAIN_NAMES: dict[str, object] = {
    "sqrt": sympy.sqrt, "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "cot": sympy.cot,
    "sec": sympy.sec, "csc": sympy.csc, "asin": sympy.asin, "acos": sympy.acos, "atan": sympy.atan,
    "arcsin": sympy.asin, "arccos": sympy.acos, "arctan": sympy.atan, "log": sympy.log, "ln": sympy.log,
    "exp": sympy.exp, "abs": sympy.Abs, "pi": sympy.pi, "e": sympy.E, "i": sympy.I,
}
_PLAIN_GLOBALS = {"Integer": sympy.Integer, "Float": sympy.Float, "Rational": sympy.Rational,
                  "Symbol": sympy.Symbol, "Function": sympy.Function, "factorial": sympy.factorial,
                  "Add": sympy.Add, "Mul": sympy.Mul, "Pow": sympy.Pow,
                  "__builtins__": {}, **_PLAIN_NAMES}
_PLAIN_TRANSFORMS = standard_transformations + (implicit_multiplication_application, convert_xor)
_DEC_LITERAL = re.compile(r"[+-]?\d*\.(\d+)")
_DIGIT_SPACE_DIGIT = re.compile(r"(?<![_^\d])\d+\s+\d")
_TIMES = re.compile(r"\\(?:cdot|times)(?![A-Za-z])")


def _plain_ok(text: str) -> bool:
    """Plain math safe for ``parse_expr``: whitelisted characters and names only."""
    if not _PLAIN.fullmatch(text) or "**" in text.replace(" ", "") and text.count("*") > 20:
        return False
    return all(len(w) == 1 or w in _PLAIN_NAMES for w in _WORD.findall(text.lower()))


_COMMAND = re.compile(r"\\([A-Za-z]+)")
#: LaTeX functions whose argument group ``\\cos{(3x)}`` / ``\\cos(3x)`` maps to a call ``cos((3x))``.
#: (``\\log`` is not here: the LaTeX parser reads it as base 10, SymPy's plain ``log`` as base e.)
_CALLS = frozenset({"sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "ln", "exp"})
#: What each kind of brace group becomes: (text for "{", text for "}").
_GROUPS = {"exp": ("(", ")"), "call": ("(", ")"), "num": ("", ")/("), "den": ("", "))")}


def _plain_form(text: str) -> str | None:
    """``text`` in SymPy's plain syntax, or ``None`` if the LaTeX parser must read it.

    Plain math passes through. LaTeX made only of exponent groups (``x^{2}``),
    ``\\frac{a}{b}``, ``\\sqrt{a}``, ``\\pi``, ``\\cdot``/``\\times`` and the
    functions in :data:`_CALLS` applied to a braced or parenthesised argument is
    rewritten token by token (``\\frac{a}{b}`` -> ``((a)/(b))``, ``^{..}`` ->
    ``^(..)``); anything else (``\\sin x``, ``\\sqrt[3]``, subscripts, mixed
    numbers ``2\\frac12``, unbraced ``x^23``) returns ``None``. The plain parser
    is 10-100x faster than the LaTeX grammar on such answers, and tests check
    both parsers agree on every procedural family's answers.
    """
    if "\\" not in text and "{" not in text and "}" not in text:
        return text if _plain_ok(text) else None
    if "_" in text:
        return None
    out: list[str] = []
    closers: list[str] = []  # what each open brace emits when it closes
    pending: list[str] = []  # brace groups a command still expects, in order
    last = ""  # the last non-space character emitted
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            out.append(" ")
            i += 1
            continue
        if pending and c != "{":
            return None  # \frac{a} b, \sqrt x: not the simple form
        if c == "\\":
            m = _COMMAND.match(text, i)
            if m is None:
                return None
            name, i = m.group(1), m.end()
            if name in ("cdot", "times"):
                out.append("*")
            elif name == "pi":
                out.append(" pi ")
            elif name == "frac":
                if last.isdigit():
                    return None  # 2\frac{1}{2} is a mixed number
                out.append("((")
                pending = ["num"]
            elif name == "sqrt" or name in _CALLS:
                j = i
                while j < n and text[j].isspace():
                    j += 1
                if j >= n or text[j] not in "{(" or name == "sqrt" and text[j] != "{":
                    return None
                out.append(name)
                if text[j] == "{":
                    pending = ["call"]
            else:
                return None
            last = out[-1][-1:] or last
            continue
        if c == "{":
            if pending:
                kind = pending.pop(0)
            elif last == "^":
                kind = "exp"
            else:
                return None
            out.append(_GROUPS[kind][0])
            closers.append(kind)
        elif c == "}":
            if not closers:
                return None
            kind = closers.pop()
            out.append(_GROUPS[kind][1])
            if kind == "num":
                pending = ["den"]
        elif c == "^":
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            if j + 1 < n and text[j] != "{" and text[j].isalnum() and text[j + 1].isalnum():
                return None  # x^23 is x^2 * 3 in LaTeX: leave it to the LaTeX parser
            out.append(c)
        else:
            out.append(c)
        last = out[-1][-1:] if out[-1] else last
        i += 1
    if closers or pending:
        return None
    t = "".join(out)
    return t if _plain_ok(t) else None


def _to_sympy(text: str) -> sympy.Basic:
    plain = _plain_form(text)
    if plain is not None:
        try:
            return parse_expr(plain.lower(), local_dict={}, global_dict=dict(_PLAIN_GLOBALS),
                              transformations=_PLAIN_TRANSFORMS, evaluate=False)
        except (RecursionError, MemoryError, OverflowError):
            raise
        except Exception:  # noqa: BLE001 - sympy's parser raises many types; LaTeX gets a try
            pass
    try:
        return latex2sympy(text, normalization_config=None, conversion_config=_CONFIG)
    except (RecursionError, MemoryError, OverflowError):
        raise
    except Exception as exc:  # noqa: BLE001 - antlr and the converter raise bare Exception
        raise ParseError(str(exc).split("\n", 1)[0][:100]) from None


def _log10_abs(x: sympy.Basic) -> float:
    """An estimate of ``log10|x|`` for a numeric value, computed without building ``x``.

    ``inf`` means "astronomically large" (and ``-inf`` astronomically small or 0).
    """
    if x.is_Rational:
        if x.p == 0:
            return float("-inf")
        return _int_log10(abs(int(x.p))) - _int_log10(int(x.q))
    if x.is_Pow:
        base, exp = x.args
        if base.is_number and exp.is_number:
            lb = _log10_abs(base)
            if lb == 0.0:
                return 0.0
            if lb == float("-inf"):  # 0^e: zero, or a division by zero SymPy reports as zoo
                return float("-inf") if _estimate(exp) > 0 else 0.0
            ev = _estimate(exp)
            return lb * ev if abs(ev) != float("inf") else float("inf") * (1 if lb > 0 else -1) * (
                1 if ev > 0 else -1)
    if isinstance(x, sympy.factorial) and x.args[0].is_number:
        n = _estimate(x.args[0])
        return n * _math.log10(n) if n > 10 else 1.0
    try:
        value = abs(complex(sympy.N(x, 15)))
    except (TypeError, ValueError, OverflowError, ZeroDivisionError):
        return float("inf")
    return _math.log10(value) if value > 0 else float("-inf")


def _int_log10(n: int) -> float:
    return _math.log10(n) if n.bit_length() < 1000 else n.bit_length() * 0.3010299956639812


def _estimate(x: sympy.Basic) -> float:
    """``x`` as a float, or a signed ``inf`` if it is astronomically large."""
    lg = _log10_abs(x)
    if lg > 300:
        return float("-inf") if x.is_extended_negative else float("inf")
    try:
        return float(sympy.re(sympy.N(x, 15)))
    except (TypeError, ValueError, OverflowError, ZeroDivisionError):
        return float("inf")


def check_size(expr: sympy.Basic) -> None:
    """Raise :class:`TooLarge` if ``expr`` is huge or would be huge once SymPy evaluates it."""
    count = 0
    for node in sympy.preorder_traversal(expr):
        count += 1
        if count > MAX_NODES:
            raise TooLarge(f"more than {MAX_NODES} expression nodes")
        if isinstance(node, sympy.Pow):
            base, exp = node.args
            if exp.is_number and not base.is_number:
                if abs(_estimate(exp)) > MAX_SYMBOLIC_EXPONENT:
                    raise TooLarge("symbolic power with a huge exponent")
            elif base.is_number and exp.is_number and abs(_log10_abs(node)) > MAX_DIGITS:
                raise TooLarge("number with too many digits")
        elif isinstance(node, (sympy.factorial, sympy.factorial2, sympy.subfactorial, sympy.gamma)):
            arg = node.args[0]
            if arg.is_number and abs(_estimate(arg)) > 20_000:
                raise TooLarge("factorial of a huge number")
        elif isinstance(node, sympy.binomial):
            if all(a.is_number for a in node.args) and abs(_estimate(node.args[0])) > 200_000:
                raise TooLarge("binomial of a huge number")


def _exactify(expr: sympy.Basic) -> sympy.Basic:
    """Decimals to exact rationals (from their decimal digits) and ``i`` to the imaginary unit."""
    mapping: dict[sympy.Basic, sympy.Basic] = {f: sympy.Rational(str(f)) for f in expr.atoms(sympy.Float)}
    if _I in expr.free_symbols:
        mapping[_I] = sympy.I
    return expr.xreplace(mapping) if mapping else expr


def _evaluate(expr: sympy.Basic) -> sympy.Basic:
    """Rebuild a tree the parsers left unevaluated, so equal values get equal canonical forms.

    Only called after :func:`check_size`, so nothing huge gets built.
    """
    if not expr.args or isinstance(expr, sympy.MatrixBase):
        return expr
    try:
        return expr.func(*(_evaluate(a) for a in expr.args))
    except (TypeError, ValueError, AttributeError, NotImplementedError):
        return expr


def _clean(expr: sympy.Basic) -> sympy.Basic:
    check_size(expr)
    expr = _evaluate(_exactify(expr))
    if expr.has(sympy.Sum, sympy.Product, sympy.Integral, sympy.Derivative, sympy.Limit):
        try:
            expr = expr.doit(deep=True)
        except Exception:  # noqa: BLE001 - unevaluable integrals stay as they are
            pass
    return expr


def _from_sympy(obj: sympy.Basic, text: str) -> Parsed:
    """Wrap what the parser returned by its kind."""
    if isinstance(obj, sympy.MatrixBase):
        check_size(sympy.Tuple(*obj))
        return MatrixValue(sympy.ImmutableMatrix(obj.applyfunc(_exactify)))
    if isinstance(obj, sympy.FiniteSet):  # \pm 2, or a bare list the parser read as a set
        return Items("set", tuple(_from_sympy(e, "") for e in obj.args))
    if isinstance(obj, sympy.Set):
        check_size(obj)
        return SetValue(_exactify(obj))
    if isinstance(obj, sympy.Equality):
        return Equation((_clean(obj.lhs), _clean(obj.rhs)))
    if isinstance(obj, (sympy.core.relational.Relational, sympy.And)):
        check_size(obj)
        return Inequality(_exactify(obj))
    if isinstance(obj, (bool, sympy.logic.boolalg.BooleanAtom)) or not isinstance(obj, sympy.Expr):
        raise ParseError(f"not a mathematical value: {type(obj).__name__}")
    return Scalar.from_text(_clean(obj), text)


# -- the parser ------------------------------------------------------------------------------------

_TEXT = re.compile(r"\\text\{\s*([^{}]*?)\s*\}")
_CHOICE = re.compile(r"\(?([A-Za-z])\)?")
_WORDS = re.compile(r"[A-Za-z][A-Za-z'\- ]*[A-Za-z]")
_MATRIX_ENV = re.compile(r"\\begin\{([pbB]?matrix)\}(.*)\\end\{\1\}", re.S)
_SET_BUILDER = re.compile(r"\||\\mid(?![A-Za-z])")


def _text_value(text: str) -> Parsed | str:
    """A word answer (``\\text{Monday}``, ``no solution``), or the text to parse as math."""
    m = _TEXT.fullmatch(text)
    inner = m.group(1) if m else text
    choice = _CHOICE.fullmatch(inner)
    if choice and (m or inner.startswith("(")):
        return choice.group(1)  # multiple choice (A) / \text{A}: the letter, read as a symbol
    if _WORDS.fullmatch(inner) and inner.lower() not in _PLAIN_NAMES and (m or len(inner) >= 3):
        return TextValue(" ".join(inner.lower().split()))
    return inner if m else text


def parse(text: str) -> Parsed:
    """Parse a normalised answer. Raises :class:`ParseError` or :class:`TooLarge`."""
    t = text.strip()
    if not t:
        raise ParseError("empty answer")
    if _DIGIT_SPACE_DIGIT.search(t):
        raise ParseError("digits separated by spaces")
    got = _text_value(t)
    if not isinstance(got, str):
        return got
    t = got.strip()

    parts = split_top(t, ("\\cup",))
    if len(parts) > 1:
        return SetValue(sympy.Union(*(as_set(parse(p)) for p in parts)))
    parts = split_top(t, (",", ";"))
    if len(parts) > 1:
        if len(parts) > MAX_ITEMS:
            raise TooLarge(f"more than {MAX_ITEMS} items")
        return Items("list", tuple(parse(p) for p in parts))
    m = _MATRIX_ENV.fullmatch(t)
    if m and "\\begin" not in m.group(2):
        return _parse_matrix(m.group(2))
    pair = outer_pair(t)
    if pair is not None:
        got = _parse_bracketed(*pair)
        if got is not None:
            return got
    parts = split_top(t, ("=",))
    if len(parts) > 1:
        return Equation(tuple(_expr_of(parse(p)) for p in parts))
    return _from_sympy(_to_sympy(t), t)  # expressions, and relations (x < 3) via the LaTeX parser


def _parse_bracketed(opener: str, closer: str, inner: str) -> Parsed | None:
    if opener == "\\{":
        if _SET_BUILDER.search(inner):
            return None  # set-builder notation: leave it to the LaTeX parser
        elems = [e for e in split_top(inner, (",", ";"))]
        if len(elems) == 1 and not elems[0].strip():
            return SetValue(sympy.EmptySet)
        if len(elems) > MAX_ITEMS:
            raise TooLarge(f"more than {MAX_ITEMS} items")
        return Items("set", tuple(parse(e) for e in elems))
    elems = split_top(inner, (",",))
    if len(elems) > MAX_ITEMS:
        raise TooLarge(f"more than {MAX_ITEMS} items")
    if len(elems) == 1:
        return parse(inner) if opener == "(" and closer == ")" else None
    if opener + closer != "()" and len(elems) == 2:
        lo, hi = (_expr_of(parse(e)) for e in elems)
        return SetValue(sympy.Interval(lo, hi, left_open=opener == "(", right_open=closer == ")"))
    return Items("tuple", tuple(parse(e) for e in elems))


def _parse_matrix(body: str) -> MatrixValue:
    """A ``pmatrix``/``bmatrix``/``matrix`` body: rows split at ``\\\\``, cells at ``&``, each parsed."""
    rows = body.split("\\\\")
    if rows and not rows[-1].strip():
        rows.pop()
    cells = [r.split("&") for r in rows]
    if not cells or len({len(r) for r in cells}) != 1:
        raise ParseError("matrix rows of different lengths")
    if len(cells) * len(cells[0]) > 4 * MAX_ITEMS:
        raise TooLarge("matrix too large")
    return MatrixValue(sympy.ImmutableMatrix([[_expr_of(parse(c)) for c in r] for r in cells]))


def _expr_of(value: Parsed) -> sympy.Expr:
    if isinstance(value, Scalar):
        return value.expr
    raise ParseError("expected a single expression here")


def as_set(value: Parsed) -> sympy.Set:
    """A parsed value read as a set of reals (an open interval for a 2-tuple)."""
    if isinstance(value, SetValue):
        return value.value
    if isinstance(value, Items) and value.kind == "tuple" and len(value.items) == 2:
        return sympy.Interval.open(*(_expr_of(v) for v in value.items))
    if isinstance(value, Items) and value.kind in ("set", "list"):
        return sympy.FiniteSet(*(_expr_of(v) for v in value.items))
    if isinstance(value, Inequality):
        syms = value.rel.free_symbols
        if len(syms) == 1:
            return value.rel.as_set()
    raise ParseError("expected a set here")
