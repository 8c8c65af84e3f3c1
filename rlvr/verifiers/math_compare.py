"""Decide whether two parsed answers are the same mathematical object (worker side).

:func:`check_request` is the function the bounded worker runs; the parent
sends ``{"gold": str, "answer": str}`` (both already normalised) and gets back
``{"reason": "match" | "mismatch" | "hedged" | "unparsable" | "too_large" |
"gold_unparsable"}``.

Rules, per kind of reference answer (see :mod:`rlvr.verifiers.math_parse`):

* **numbers** are equal when exactly equal as rationals (``0.5 == 1/2``;
  ``1/2^{99} != 1/2^{98}``; ``10^{-20} != 0``). Values that are not both
  rational are evaluated to 40 digits and must agree to 25 significant digits
  (``\\sqrt{8} == 2\\sqrt{2}``). A *decimal literal* compared with an
  irrational value is accepted when it is that value correctly rounded to the
  digits shown, with at least 3 significant digits (``1.414`` for ``\\sqrt 2``;
  ``0.333`` is not ``1/3``, which is rational and compares exactly).
* **expressions**: ``simplify``-free first: the difference must vanish at 6
  random rational points (both signs), then ``simplify(a - b) == 0`` decides
  what probes cannot (undefined functions).
* **equations** are equal when ``lhs - rhs`` of one is a nonzero constant
  multiple of the other's (``3x-y+13=0 == 6x-2y+26=0``, ``y=2x+1 == 2x-y+1=0``);
  they never collapse to their right-hand side. ``x = 3`` and ``3`` match when
  one side is a value and the other assigns that value to a lone variable.
  A chain ``x = 5 = 3`` whose links disagree matches nothing.
* **collections**: a list/set answer to a single-object reference is a
  **hedge**; sets and bare lists compare unordered, tuples ordered; a 2-tuple
  and an open interval are the same thing; intervals compare endpoints and
  openness; inequalities in one variable compare as solution sets.
* **matrices** elementwise; **text** exact after case and space folding.
"""

from __future__ import annotations

import functools
from typing import Any

import mpmath
import sympy

from rlvr.verifiers.math_parse import (Equation, Inequality, Items, MatrixValue, ParseError, Parsed, Scalar,
                                       SetValue, TextValue, TooLarge, as_set, parse, split_top)

#: Digits used for numeric evaluation, and the relative agreement required.
PRECISION = 40
REL_TOL = mpmath.mpf("1e-25")
#: Random points at which two expressions must agree.
N_PROBES = 6
_PROBE_BASE = [sympy.Rational(7, 5), sympy.Rational(-3, 7), sympy.Rational(11, 13),
               sympy.Rational(-17, 11), sympy.Rational(23, 9), sympy.Rational(-5, 3)]
_EMPTY_WORDS = frozenset({"no solution", "no solutions", "no real solutions", "none", "empty set", "empty",
                          "no real solution", "varnothing", "emptyset"})


# -- numbers and expressions -------------------------------------------------------------------


def _num(x: sympy.Basic) -> mpmath.mpc | None:
    """``x`` evaluated to :data:`PRECISION` digits as an mpmath complex, or ``None`` if not a
    finite number. (mpmath arithmetic: SymPy's ``abs`` on complex Floats costs milliseconds.)"""
    try:
        v = sympy.N(x, PRECISION, maxn=4 * PRECISION)
    except (TypeError, ValueError, ZeroDivisionError, AttributeError):
        return None
    if v.is_Float:
        return mpmath.mpc(mpmath.mpf(v._mpf_))
    if v.is_Rational:
        return mpmath.mpc(mpmath.mpf(v.p) / v.q)
    if not v.is_number or v.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
        return None
    re, im = v.as_real_imag()
    if not (re.is_Number and im.is_Number) or not (re.is_finite and im.is_finite):
        return None
    return mpmath.mpc(mpmath.mpf(sympy.Float(re, PRECISION)._mpf_), mpmath.mpf(sympy.Float(im, PRECISION)._mpf_))


def _as_mp(x: Any) -> mpmath.mpc:
    return mpmath.mpc(mpmath.mpf(x.p) / x.q) if isinstance(x, sympy.Rational) else x


def _close(a: mpmath.mpc, b: mpmath.mpc) -> bool:
    with mpmath.workdps(PRECISION + 10):
        diff = abs(a - b)
        return diff == 0 or diff <= REL_TOL * max(abs(a), abs(b))


def _decimal_rounds_to(decimal: Scalar, value: sympy.Expr) -> bool:
    """``decimal`` is ``value`` correctly rounded to its shown digits (at least 3 significant)."""
    if decimal.places is None or decimal.sig_digits < 3:
        return False
    v = _num(value)
    if v is None or v.imag != 0:
        return False
    with mpmath.workdps(PRECISION + 10):
        shown = mpmath.mpf(decimal.expr.p) / decimal.expr.q
        half_ulp = mpmath.mpf(5) / mpmath.mpf(10) ** (decimal.places + 1)
        return abs(v.real - shown) <= half_ulp * (1 + mpmath.mpf(10) ** -12)


def numbers_equal(g: Scalar, a: Scalar) -> bool:
    ge, ae = g.expr, a.expr
    d = ge - ae
    if d.is_Rational:  # SymPy cancelled everything irrational: the difference is exact
        return d == 0
    gv, av = _num(ge), _num(ae)
    if gv is None or av is None:
        return _simplifies_to_zero(d)
    dv = _num(d)  # evaluated on its own: SymPy raises the precision until the difference is resolved
    if dv is not None:
        with mpmath.workdps(PRECISION + 10):
            if dv == 0 or abs(dv) <= REL_TOL * max(abs(gv), abs(av)):
                return True
    if a.places is not None and not ge.is_Rational:
        return _decimal_rounds_to(a, ge)
    if g.places is not None and not ae.is_Rational:
        return _decimal_rounds_to(g, ae)
    return False


def _probe_values(symbols: list[sympy.Symbol], k: int) -> dict[sympy.Symbol, sympy.Rational]:
    return {s: _PROBE_BASE[(k + 2 * j) % len(_PROBE_BASE)] + sympy.Rational(j, 97) for j, s in enumerate(symbols)}


def _simplifies_to_zero(d: sympy.Expr) -> bool:
    try:
        return sympy.simplify(d) == 0
    except (TypeError, ValueError, AttributeError, NotImplementedError):
        return False


def expressions_equal(g: sympy.Expr, a: sympy.Expr) -> bool:
    d = g - a
    if d == 0:
        return True
    symbols = sorted(g.free_symbols | a.free_symbols, key=str)
    agree = 0
    for k in range(N_PROBES):
        point = _probe_values(symbols, k)
        ds = d.xreplace(point)
        if ds.is_Rational:  # exact at a rational point: no tolerance at all
            if ds != 0:
                return False
            agree += 1
            continue
        gv, av = _num(g.xreplace(point)), _num(a.xreplace(point))
        if gv is None or av is None:
            continue  # a pole, or an undefined function: no information at this point
        if not _close(gv, av):
            return False
        agree += 1
    if agree >= 3:
        return True
    return _simplifies_to_zero(d)


def _bad(x: sympy.Expr) -> bool:
    return bool(x.has(sympy.nan, sympy.zoo))


def scalars_equal(g: Scalar, a: Scalar) -> bool:
    ge, ae = g.expr, a.expr
    if _bad(ge) or _bad(ae):
        return False
    if ge == ae:
        return True
    if ge.is_Rational and ae.is_Rational:
        return False
    if ge.has(sympy.oo, -sympy.oo) or ae.has(sympy.oo, -sympy.oo):
        return False
    if not (ge.free_symbols or ae.free_symbols):
        return numbers_equal(g, a)
    return expressions_equal(ge, ae)


# -- equations and relations --------------------------------------------------------------------


def _chain_ends(eq: Equation) -> tuple[sympy.Expr, sympy.Expr] | None:
    """``(first, last)`` of ``a = b = c``, or ``None`` if the links after the first disagree."""
    parts = eq.parts
    for left, right in zip(parts[1:-1], parts[2:]):
        if not scalars_equal(Scalar(left), Scalar(right)):
            return None
    return parts[0], parts[-1]


def _assigned_value(eq: Equation) -> sympy.Expr | None:
    """``3`` for ``x = 3``, ``3 = x`` or ``1 + 2 = 3``; ``None`` for a real equation."""
    ends = _chain_ends(eq)
    if ends is None:
        return None
    lhs, rhs = ends
    if isinstance(lhs, sympy.Symbol) and not rhs.free_symbols:
        return rhs
    if isinstance(rhs, sympy.Symbol) and not lhs.free_symbols:
        return lhs
    if not lhs.free_symbols and not rhs.free_symbols and scalars_equal(Scalar(lhs), Scalar(rhs)):
        return rhs
    return None


def _ratio_constant(dg: sympy.Expr, da: sympy.Expr, *, positive: bool = False) -> bool:
    """``dg / da`` is a nonzero constant (positive if asked) on random points, or symbolically."""
    symbols = sorted(dg.free_symbols | da.free_symbols, key=str)
    if not symbols:
        return False
    first: Any = None
    agree = 0
    for k in range(N_PROBES):
        point = _probe_values(symbols, k)
        gs, as_ = dg.xreplace(point), da.xreplace(point)
        if gs.is_Rational and as_.is_Rational:  # exact ratio at a rational point
            if gs == 0 or as_ == 0:
                continue
            r: Any = gs / as_
        else:
            gv, av = _num(gs), _num(as_)
            if gv is None or av is None or gv == 0 or av == 0:
                continue
            with mpmath.workdps(PRECISION + 10):
                r = gv / av
        if first is None:
            first = r
        elif isinstance(r, sympy.Rational) and isinstance(first, sympy.Rational):
            if r != first:
                return False
        elif not _close(_as_mp(r), _as_mp(first)):
            return False
        agree += 1
    if agree >= 3:
        return not positive or _as_mp(first).real > 0
    try:
        q = sympy.simplify(dg / da)
    except (TypeError, ValueError, ZeroDivisionError, NotImplementedError):
        return False
    return bool(q.is_number and q != 0 and q.is_finite and (not positive or q.is_positive))


def equations_equal(g: Equation, a: Equation) -> bool:
    ge, ae = _chain_ends(g), _chain_ends(a)
    if ge is None or ae is None:
        return False
    dg, da = sympy.expand(ge[0] - ge[1]), sympy.expand(ae[0] - ae[1])
    if dg == 0 or da == 0:
        return False  # identities say nothing
    if dg == da or dg == -da:
        return True
    return _ratio_constant(dg, da)


def _canonical_relation(rel: sympy.Basic) -> tuple[sympy.Expr, bool] | None:
    """``(e, strict)`` with the relation equivalent to ``e > 0`` (strict) or ``e >= 0``."""
    if isinstance(rel, (sympy.StrictGreaterThan, sympy.GreaterThan)):
        return rel.lhs - rel.rhs, isinstance(rel, sympy.StrictGreaterThan)
    if isinstance(rel, (sympy.StrictLessThan, sympy.LessThan)):
        return rel.rhs - rel.lhs, isinstance(rel, sympy.StrictLessThan)
    return None


def _sets_of(value: Parsed) -> sympy.Set | None:
    try:
        return as_set(value)
    except (ParseError, TypeError, ValueError, NotImplementedError, AttributeError):
        return None


def inequalities_equal(g: Inequality, a: Inequality) -> bool:
    gs, as_ = g.rel.free_symbols, a.rel.free_symbols
    if len(gs) == 1 and len(as_) == 1:
        sg, sa = _sets_of(g), _sets_of(a)
        return sg is not None and sa is not None and sets_equal(sg, sa)
    cg, ca = _canonical_relation(g.rel), _canonical_relation(a.rel)
    if cg is None or ca is None or cg[1] != ca[1]:
        return False
    return _ratio_constant(cg[0], ca[0], positive=True)


# -- sets, collections, matrices ----------------------------------------------------------------


def sets_equal(g: sympy.Set, a: sympy.Set) -> bool:
    if g == a:
        return True
    if isinstance(g, sympy.Interval) and isinstance(a, sympy.Interval):
        return (g.left_open, g.right_open) == (a.left_open, a.right_open) and \
            scalars_equal(Scalar(g.start), Scalar(a.start)) and scalars_equal(Scalar(g.end), Scalar(a.end))
    if isinstance(g, sympy.FiniteSet) and isinstance(a, sympy.FiniteSet):
        return _unordered([Scalar(e) for e in g.args], [Scalar(e) for e in a.args], scalars_equal)
    if isinstance(g, sympy.Union) and isinstance(a, sympy.Union):
        return len(g.args) == len(a.args) and _unordered(list(g.args), list(a.args), sets_equal)
    return False


def _unordered(gs: list, as_: list, eq: Any) -> bool:
    """Every item of each side equals some item of the other (set semantics)."""
    return all(any(eq(x, y) for y in as_) for x in gs) and all(any(eq(x, y) for x in gs) for y in as_)


def _assignments_to_distinct_symbols(items: tuple[Parsed, ...]) -> bool:
    names = []
    for it in items:
        if not isinstance(it, Equation) or not isinstance(it.parts[0], sympy.Symbol):
            return False
        names.append(it.parts[0])
    return len(set(names)) == len(names)


def items_equal(g: Items, a: Items) -> bool:
    if g.kind == "tuple" and a.kind in ("tuple", "list") or (
            a.kind != "set" and _assignments_to_distinct_symbols(g.items)
            and not any(isinstance(x, Equation) for x in a.items)):
        return len(g.items) == len(a.items) and all(equal(x, y) for x, y in zip(g.items, a.items))
    if {g.kind, a.kind} == {"set", "tuple"}:  # a set is not a point, nor a point a set
        return False
    return _unordered(list(g.items), list(a.items), equal)


def _matrix_entries(value: Parsed) -> tuple[tuple[int, int], list[sympy.Expr]] | None:
    if isinstance(value, MatrixValue):
        return value.value.shape, list(value.value)
    if isinstance(value, Items) and value.kind == "tuple" and all(isinstance(v, Scalar) for v in value.items):
        return (len(value.items), 1), [v.expr for v in value.items]
    return None


def matrices_equal(g: Parsed, a: Parsed) -> bool:
    mg, ma = _matrix_entries(g), _matrix_entries(a)
    if mg is None or ma is None:
        return False
    (shape_g, eg), (shape_a, ea) = mg, ma
    vectors = 1 in shape_g and 1 in shape_a and len(eg) == len(ea)
    if shape_g != shape_a and not vectors:
        return False
    return all(scalars_equal(Scalar(x), Scalar(y)) for x, y in zip(eg, ea))


# -- dispatch ------------------------------------------------------------------------------------------


def equal(g: Parsed, a: Parsed) -> bool:
    """Whether answer ``a`` is the same object as reference ``g``."""
    if isinstance(g, Scalar) and isinstance(a, Scalar):
        return scalars_equal(g, a)
    if isinstance(g, Scalar) and isinstance(a, Equation):
        value = _assigned_value(a)
        return value is not None and scalars_equal(g, Scalar(value))
    if isinstance(g, Equation) and isinstance(a, Scalar):
        value = _assigned_value(g)
        return value is not None and not (g.parts[0].free_symbols and g.parts[-1].free_symbols) and \
            scalars_equal(Scalar(value), a)
    if isinstance(g, Equation) and isinstance(a, Equation):
        return equations_equal(g, a)
    if isinstance(g, MatrixValue) or isinstance(a, MatrixValue):
        return matrices_equal(g, a)
    if isinstance(g, Items) and isinstance(a, Items):
        return items_equal(g, a)
    if isinstance(g, TextValue) or isinstance(a, TextValue):
        if isinstance(g, TextValue) and isinstance(a, TextValue):
            return g.text == a.text
        other, text = (a, g) if isinstance(g, TextValue) else (g, a)
        return text.text in _EMPTY_WORDS and isinstance(other, SetValue) and other.value == sympy.EmptySet
    if isinstance(g, Inequality) and isinstance(a, Inequality):
        return inequalities_equal(g, a)
    if isinstance(g, (SetValue, Inequality, Items)) and isinstance(a, (SetValue, Inequality, Items)):
        sg, sa = _sets_of(g), _sets_of(a)
        return sg is not None and sa is not None and sets_equal(sg, sa)
    return False


def _is_collection(value: Parsed) -> bool:
    return isinstance(value, Items) and value.kind in ("list", "set")


def _point_written_bare(g: Parsed, a: Items) -> bool:
    """``1, 2`` or ``x=1, y=2`` for the point ``(1, 2)``: as many values as the tuple has."""
    return isinstance(g, Items) and g.kind == "tuple" and a.kind == "list" and len(g.items) == len(a.items) and \
        all(isinstance(x, Scalar) or isinstance(x, Equation) and _assigned_value(x) is not None for x in a.items)


def compare(g: Parsed, a: Parsed) -> str:
    """``"match"``, ``"mismatch"`` or ``"hedged"`` (several answers to a one-object question)."""
    if _is_collection(a) and len(a.items) == 1:
        a = a.items[0]
    if _is_collection(g) and len(g.items) == 1:
        g = g.items[0]
    if _is_collection(a) and not _is_collection(g) and not isinstance(g, SetValue) and not _point_written_bare(g, a):
        return "hedged"
    return "match" if equal(g, a) else "mismatch"


@functools.lru_cache(maxsize=4096)
def parse_gold(text: str) -> Parsed:
    """Reference answers repeat across episodes: parse each once per worker."""
    return parse(text)


_TOO_LARGE = (TooLarge, RecursionError, MemoryError, OverflowError)


def check_request(payload: dict[str, str]) -> dict[str, str]:
    """The worker's handler: parse both sides and compare them. Never raises."""
    try:
        gold = parse_gold(payload["gold"])
    except Exception:  # noqa: BLE001 - any failure on the reference is the task's fault
        return {"reason": "gold_unparsable"}
    if not isinstance(gold, (Items, SetValue)) and len(split_top(payload["answer"], (",", ";"))) > 1:
        return {"reason": "hedged"}  # several answers to a one-object question, parsable or not
    try:
        answer = parse(payload["answer"])
    except _TOO_LARGE:
        return {"reason": "too_large"}
    except Exception:  # noqa: BLE001 - ParseError and whatever the parsers raise
        return {"reason": "unparsable"}
    try:
        return {"reason": compare(gold, answer)}
    except _TOO_LARGE:
        return {"reason": "too_large"}
    except Exception:  # noqa: BLE001 - a comparison SymPy cannot do is not a match
        return {"reason": "mismatch"}


_WARM_UP_PAIRS = [
    ("x^{2} + 2 x + 1", "(x+1)^2"), ("\\frac{\\sqrt{3}}{2}", "\\frac{1}{2}\\sqrt{3}"), ("\\{-3, 2\\}", "x = 2, x = -3"),
    ("(-\\infty, 3] \\cup (5, \\infty)", "x \\le 3"), ("3x - y + 13 = 0", "y = 3x + 13"), ("3 + 4i", "4i + 3"),
    ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", "\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}"),
    ("2\\sqrt{2}", "\\sqrt{8}"), ("\\frac{3 + \\sqrt{5}}{2}", "1.618"), ("\\pi", "3.14159"), ("(1, -2)", "(1, -2)"),
]


def warm_up_worker() -> None:
    """Run a few representative checks once (in the zygote), so the LaTeX parser's caches
    are warm in every worker forked from it."""
    for gold, answer in _WARM_UP_PAIRS:
        check_request({"gold": gold, "answer": answer})
    parse_gold.cache_clear()
