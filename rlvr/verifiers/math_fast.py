"""The in-process fast path of ``verify_math``: exact answers without SymPy.

Most answers are plain numbers, or tuples, sets and intervals of plain numbers.
These are read here into exact :class:`fractions.Fraction` values in a few
microseconds, and compared by the same rules the SymPy worker applies
(:mod:`rlvr.verifiers.math_compare`); anything this module is not sure about
returns ``None`` and goes to the worker.

A *plain number* is a normalised integer, decimal, ``a/b``, ``\\frac{a}{b}`` or
scientific literal of at most :data:`FAST_MAX_CHARS` characters (so converting
it is cheap). Structures:

========================  ======================================================
``("num", q)``            a number
``("tuple", (q, ...))``   ``(a, b, ...)``, ordered, two or more items
``("set", {q, ...}, n)``  ``\\{a, b\\}``, unordered (``n`` items as written)
``("list", (q, ...))``    ``a, b`` (or ``x=a, x=b``): unordered, a hedge vs a value
``("reals", (iv, ...))``  intervals, unions, ``x \\le a``, ``a < x < b``: merged, sorted ``(lo, lo_closed, hi, hi_closed)``
``("matrix", (r, c), v)``  ``\\begin{pmatrix}`` (or ``bmatrix``, ``matrix``) of numbers, row-major values
========================  ======================================================
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

#: Longest text :func:`fast_number` converts (bounds the cost of big-int parsing).
FAST_MAX_CHARS = 60
#: Items a fast structure may have.
FAST_MAX_ITEMS = 32
_INF = float("inf")

_INT = re.compile(r"[+-]?\d+")
_DEC = re.compile(r"[+-]?(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d{1,3})?|[+-]?\d+[eE][+-]?\d{1,3}")
_SLASH = re.compile(r"([+-]?)\(?([+-]?\d+)\)?/\(?([+-]?\d+)\)?")
_TEX_FRAC = re.compile(r"([+-]?)\\frac\{([+-]?\d+)\}\{([+-]?\d+)\}")
_SIGN_SPACE = re.compile(r"^([+-])\s+")
_ASSIGN = re.compile(r"[A-Za-z](?:_\{?\w{1,8}\}?)?\s*=\s*(.+)")


def fast_number(text: str) -> Fraction | None:
    """``text`` as an exact number if it is a plain integer, decimal, ``a/b`` or ``\\frac{a}{b}``."""
    if len(text) > FAST_MAX_CHARS:
        return None
    t = _SIGN_SPACE.sub(r"\1", text) if " " in text else text
    if " " in t:
        return None
    if _INT.fullmatch(t):
        return Fraction(int(t))
    if _DEC.fullmatch(t):
        return Fraction(t)
    m = _TEX_FRAC.fullmatch(t) or _SLASH.fullmatch(t)
    if m:
        den = int(m.group(3))
        if den == 0:
            return None
        value = Fraction(int(m.group(2)), den)
        return -value if m.group(1) == "-" else value
    return None


def fast_value(text: str) -> Fraction | None:
    """Like :func:`fast_number`, also reading ``x = 3`` as ``3`` (for a gold that is a value)."""
    value = fast_number(text)
    if value is None and "=" in text:
        m = _ASSIGN.fullmatch(text)
        if m and "=" not in m.group(1):
            value = fast_number(m.group(1))
    return value


_SEPARATORS = re.compile(r"[,;]")
_BRACKETS = re.compile(r"[()\[\]{}]")


def is_flat_list(text: str) -> bool:
    """``4, 5`` or ``4; 5``: two or more items separated at top level, no brackets anywhere."""
    return bool(_SEPARATORS.search(text)) and not _BRACKETS.search(text) and \
        sum(1 for part in _SEPARATORS.split(text) if part.strip()) >= 2


# -- structures --------------------------------------------------------------------------------------

_ITEM_BRACKETS = re.compile(r"[()\[\]]|\\[{}]")


def _items(inner: str, values: bool = False) -> list[Fraction] | None:
    """Comma-separated plain numbers (``x = 3`` items too when ``values``), or ``None``."""
    if _ITEM_BRACKETS.search(inner):
        return None
    parts = inner.split(",")
    if len(parts) > FAST_MAX_ITEMS:
        return None
    out = []
    for part in parts:
        q = (fast_value if values else fast_number)(part.strip())
        if q is None:
            return None
        out.append(q)
    return out


def _endpoint(text: str) -> Fraction | float | None:
    t = text.strip().replace(" ", "")
    if t in ("\\infty", "+\\infty", "\\infty)"):
        return _INF
    if t == "-\\infty":
        return -_INF
    return fast_number(t)


def _interval(text: str) -> tuple | None:
    """``(lo, lo_closed, hi, hi_closed)`` of a non-empty interval, or ``None``."""
    if len(text) < 5 or text[0] not in "([" or text[-1] not in ")]":
        return None
    parts = text[1:-1].split(",")
    if len(parts) != 2 or _ITEM_BRACKETS.search(text[1:-1]):
        return None
    lo, hi = _endpoint(parts[0]), _endpoint(parts[1])
    if lo is None or hi is None or not lo < hi:  # empty or single-point: the worker decides
        return None
    return lo, text[0] == "[" and lo != -_INF, hi, text[-1] == "]" and hi != _INF


def _merge(intervals: list[tuple]) -> tuple:
    """Sorted, with overlapping or touching intervals merged: one canonical form per set."""
    out: list[list] = []
    for lo, lc, hi, hc in sorted(intervals, key=lambda iv: (iv[0], not iv[1])):
        if out and (lo < out[-1][2] or lo == out[-1][2] and (lc or out[-1][3])):
            last = out[-1]
            if hi > last[2] or hi == last[2] and hc:
                last[2], last[3] = hi, hc
        else:
            out.append([lo, lc, hi, hc])
    return tuple(tuple(iv) for iv in out)


_OP = r"(<=|>=|<|>|\\leq?(?![A-Za-z])|\\geq?(?![A-Za-z])|\\lt(?![A-Za-z])|\\gt(?![A-Za-z])|≤|≥)"
_VAR_OP_NUM = re.compile(rf"([A-Za-z])\s*{_OP}\s*([^<>=]+)")
_NUM_OP_VAR = re.compile(rf"([^<>=]+?)\s*{_OP}\s*([A-Za-z])")
_NUM_OP_VAR_OP_NUM = re.compile(rf"([^<>=]+?)\s*{_OP}\s*([A-Za-z])\s*{_OP}\s*([^<>=]+)")


def _op(op: str) -> tuple[bool, bool]:
    """``(less_than, strict)`` of a relation symbol."""
    return op in ("<", "<=", "\\lt", "\\le", "\\leq", "≤"), op in ("<", ">", "\\lt", "\\gt")


def _inequality(text: str) -> tuple | None:
    """``x \\le 3``, ``3 > x``, ``1 < x \\le 2`` in one variable as an interval, or ``None``."""
    lo, lc, hi, hc = -_INF, False, _INF, False
    m = _NUM_OP_VAR_OP_NUM.fullmatch(text)
    if m:
        (less1, strict1), (less2, strict2) = _op(m.group(2)), _op(m.group(4))
        a, b = fast_number(m.group(1).strip()), fast_number(m.group(5).strip())
        if a is None or b is None or less1 != less2:
            return None
        if not less1:  # 5 > x > 1 is 1 < x < 5
            a, b, strict1, strict2 = b, a, strict2, strict1
        lo, lc, hi, hc = a, not strict1, b, not strict2
    elif m := _VAR_OP_NUM.fullmatch(text):
        (less, strict), v = _op(m.group(2)), fast_number(m.group(3).strip())
        if v is None:
            return None
        if less:
            hi, hc = v, not strict
        else:
            lo, lc = v, not strict
    elif m := _NUM_OP_VAR.fullmatch(text):
        (less, strict), v = _op(m.group(2)), fast_number(m.group(1).strip())
        if v is None:
            return None
        if less:  # 3 < x
            lo, lc = v, not strict
        else:
            hi, hc = v, not strict
    else:
        return None
    return (lo, lc, hi, hc) if lo < hi else None


_MATRIX_BODY = re.compile(r"\\begin\{([pbB]?matrix)\}(.*)\\end\{\1\}", re.S)


def _matrix(text: str) -> tuple | None:
    """A matrix environment of plain numbers as ``("matrix", (rows, cols), values)``."""
    m = _MATRIX_BODY.fullmatch(text)
    if m is None or "\\begin" in m.group(2):
        return None
    rows = [r for r in m.group(2).split("\\\\")]
    if rows and not rows[-1].strip():
        rows.pop()
    cells = [[fast_number(c.strip()) for c in r.split("&")] for r in rows]
    if not cells or len({len(r) for r in cells}) != 1 or len(cells) * len(cells[0]) > FAST_MAX_ITEMS * 4:
        return None
    if any(v is None for r in cells for v in r):
        return None
    return ("matrix", (len(cells), len(cells[0])), tuple(v for r in cells for v in r))


def fast_structure(text: str) -> tuple | None:
    """The fast structure of a normalised answer (table in the module docstring), or ``None``."""
    if len(text) > 40 * FAST_MAX_ITEMS:
        return None
    q = fast_number(text)
    if q is not None:
        return ("num", q)
    if text.startswith("\\begin"):
        return _matrix(text)
    if "<" in text or ">" in text or "\\l" in text or "\\g" in text or "≤" in text or "≥" in text:
        iv = _inequality(text)
        return ("reals", (iv,)) if iv else None
    if "\\cup" in text:
        parts = [_interval(p.strip()) for p in text.split("\\cup")]
        return ("reals", _merge(parts)) if all(parts) else None
    if text.startswith("\\{") and text.endswith("\\}"):
        items = _items(text[2:-2])
        return ("set", frozenset(items), len(items)) if items else None
    if text[:1] in "([" and text[-1:] in ")]":
        if text[0] + text[-1] == "()":
            items = _items(text[1:-1])
            if items is not None and len(items) >= 2:
                return ("tuple", tuple(items))
            if items is not None or "\\infty" not in text:
                return None
        iv = _interval(text)
        return ("reals", (iv,)) if iv else None
    if "," in text:
        items = _items(text, values=True)
        return ("list", tuple(items)) if items and len(items) >= 2 else None
    return None


_MATRIX = re.compile(r"\\begin\{([pbB]?matrix)\}.*\\end\{\1\}", re.S)


def holds_several_values(text: str) -> bool:
    """A normalised reference that no single number can equal: a matrix, a tuple or set of two or
    more items, an interval or union (the worker's rules agree; a one-item set is not included)."""
    if _MATRIX.fullmatch(text):
        return True
    if "\\cup" in text:
        return True
    if text.startswith("\\{") and text.endswith("\\}"):
        inner = text[2:-2]
    elif text[:1] in "([" and text[-1:] in ")]":
        inner = text[1:-1]
    else:
        return False
    depth, commas = 0, 0
    for c in inner:
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth < 0:
                return False  # "(1)(2)": the first bracket does not wrap everything
        elif c == "," and depth == 0:
            commas += 1
    return depth == 0 and commas > 0


def _as_reals(s: tuple) -> tuple | None:
    if s[0] == "reals":
        return s[1]
    if s[0] == "tuple" and len(s[1]) == 2 and s[1][0] < s[1][1]:  # (a, b) is also the open interval
        return ((s[1][0], False, s[1][1], False),)
    return None


def _vector(s: tuple) -> tuple | None:
    """The values of a tuple or of a one-row / one-column matrix."""
    if s[0] == "tuple":
        return s[1]
    if s[0] == "matrix" and 1 in s[1]:
        return s[2]
    return None


def _matrices(g: tuple, a: tuple) -> str:
    """Matrix vs matrix or tuple: same shape elementwise, or two vectors of one length."""
    if g[0] == a[0] == "matrix" and g[1] == a[1]:
        return _verdict(g[2] == a[2])
    gv, av = _vector(g), _vector(a)
    return _verdict(gv == av) if gv is not None and av is not None else "mismatch"


def fast_compare(gold: tuple, answer: tuple) -> str | None:
    """``"match"``, ``"mismatch"`` or ``"hedged"`` by the worker's rules, or ``None`` if unsure."""
    g, a = _unwrap(gold), _unwrap(answer)
    gk, ak = g[0], a[0]
    if gk == "matrix":
        if ak in ("list", "set"):
            return "hedged"
        return _matrices(g, a) if ak in ("matrix", "tuple") else "mismatch"
    if gk == "tuple" and ak == "matrix":
        return _matrices(g, a)
    if gk == "num":
        if ak == "num":
            return _verdict(g[1] == a[1])
        if ak in ("list", "set"):
            return "hedged"
        return "mismatch"  # a tuple or an interval is never one number
    if gk == "tuple":
        if ak == "tuple" or ak == "list" and len(a[1]) == len(g[1]):
            return _verdict(g[1] == a[1])
        if ak in ("list", "set"):  # several answers to a question about one point
            return "hedged"
        if ak == "reals":
            return _verdict(_as_reals(g) == a[1]) if len(g[1]) == 2 else "mismatch"
        return "mismatch"
    if gk == "set":
        if ak in ("set", "list"):
            return _verdict(g[1] == frozenset(a[1]))
        return "mismatch" if ak in ("num", "tuple", "matrix") else None
    if gk == "reals":
        if ak in ("reals", "tuple"):
            return _verdict(_as_reals(a) == g[1])
        return "mismatch"
    return None


def _unwrap(s: tuple) -> tuple:
    """A one-item set is its item (``\\{3\\}`` answers ``3``; ``\\{3, 3\\}`` is two answers)."""
    if s[0] == "set" and s[2] == 1:
        return ("num", next(iter(s[1])))
    return s


def _verdict(equal: Any) -> str:
    return "match" if equal else "mismatch"
