"""Procedural math families: every answer is recomputed independently from ``Problem.params``.

Each family has a checker below that recomputes the answer by a different
method than its generator (brute force, enumeration, floating-point or
mpmath numerics, SymPy solving, numpy.linalg) and compares it with the
generator's answer string, parsed by a small test-local LaTeX reader (the
families emit a fixed set of canonical forms). ``latex2sympy`` - what the
verifier uses - is far too slow (5-20 ms a parse) for thousands of checks,
so one test confirms on a sample that it reads the same values.
"""

from __future__ import annotations

import itertools
import math
import re
from fractions import Fraction
from typing import Callable

import mpmath
import numpy as np
import pytest
import sympy
from sympy.parsing.sympy_parser import implicit_multiplication, parse_expr, rationalize, standard_transformations

from rlvr.core.errors import ConfigError
from rlvr.envs.math.families import FAMILIES, FAMILY_MODULES, Problem

X = sympy.Symbol("x")
ABS = sympy.Function("ABS")  # |...| kept unevaluated (SymPy would rewrite Abs(9 x) as 9 Abs(x))
TRANSFORMS = standard_transformations + (implicit_multiplication, rationalize)
DIFFICULTIES = (1, 5, 10)
SEEDS = 50


# ---------------------------------------------------------------- LaTeX reader
_COMMANDS = {"times": "*", "cdot": "*", "div": "/", "pi": " pi ", "infty": " oo ", "sin": " sin", "cos": " cos",
             "tan": " tan", "ln": " log", "quad": " ", "le": "<=", "ge": ">=", "lt": "<", "gt": ">"}


def tex_to_py(s: str) -> str:
    """Canonical family LaTeX -> a Python/SymPy expression string."""
    s = s.replace("\\left|", " ABS(").replace("\\right|", ")")
    s = s.replace("\\left", "").replace("\\right", "").replace("\\,", " ").replace("\\!", "")
    out, _ = _read(s, 0, "")
    return out


def _group(s: str, i: int) -> tuple[str, int]:
    while s[i] == " ":
        i += 1
    if s[i] == "{":
        inner, i = _read(s, i + 1, "}")
        return f"({inner})", i + 1
    if s[i] == "\\":
        m = re.match(r"\\([a-zA-Z]+)", s[i:])
        return _COMMANDS.get(m.group(1), m.group(1)), i + len(m.group(0))
    return s[i], i + 1


def _read(s: str, i: int, stop: str) -> tuple[str, int]:
    out = []
    while i < len(s) and s[i] != stop:
        c = s[i]
        if c == "\\":
            m = re.match(r"\\([a-zA-Z]+|.)", s[i:])
            name = m.group(1)
            i += len(m.group(0))
            if name == "frac":
                a, i = _group(s, i)
                b, i = _group(s, i)
                out.append(f"(({a})/({b}))")
            elif name == "sqrt":
                if s[i] == "[":
                    n, i = _read(s, i + 1, "]")
                    a, i = _group(s, i + 1)
                    out.append(f"(({a})**(1/({n})))")
                else:
                    a, i = _group(s, i)
                    out.append(f"sqrt({a})")
            elif name in ("{", "}"):
                out.append("(" if name == "{" else ")")
            elif name == "%":
                out.append("/100")
            else:
                out.append(_COMMANDS[name])
        elif c == "^":
            a, i = _group(s, i + 1)
            out.append(f"**({a})")
        elif c == "{":
            inner, i = _read(s, i + 1, "}")
            out.append(f"({inner})")
            i += 1
        elif c in "[]":
            out.append("(" if c == "[" else ")")
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out), i


def tex(s: str, complex_i: bool = False) -> sympy.Expr:
    """Parse a canonical LaTeX scalar or expression in ``x``."""
    local = {"x": X, "e": sympy.E, "pi": sympy.pi, "i": sympy.I if complex_i else sympy.Symbol("i"),
             "oo": sympy.oo, "ABS": ABS, "y": sympy.Symbol("y"), "z": sympy.Symbol("z")}
    return parse_expr(tex_to_py(s), local_dict=local, transformations=TRANSFORMS)


def split_top(s: str, sep: str = ",") -> list[str]:
    """Split at ``sep`` outside any bracket."""
    parts, depth, cur = [], 0, ""
    i = 0
    while i < len(s):
        if s.startswith("\\{", i) or s.startswith("\\}", i):
            depth += 1 if s[i + 1] == "{" else -1
            cur += s[i:i + 2]
            i += 2
            continue
        c = s[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        if c == sep and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += c
        i += 1
    parts.append(cur.strip())
    return parts


def parse_tuple(s: str) -> list[sympy.Expr]:
    assert s[0] == "(" and s[-1] == ")", s
    return [tex(p) for p in split_top(s[1:-1])]


def parse_set(s: str) -> list[sympy.Expr]:
    assert s.startswith("\\{") and s.endswith("\\}"), s
    return [tex(p) for p in split_top(s[2:-2])]


def parse_intervals(s: str) -> list[tuple[sympy.Expr, sympy.Expr, bool, bool]]:
    out = []
    for part in s.split("\\cup"):
        part = part.strip()
        lo, hi = split_top(part[1:-1])
        out.append((tex(lo), tex(hi), part[0] == "[", part[-1] == "]"))
    return out


def _rational_entry(s: str) -> Fraction:
    """An integer or ``\\frac{p}{q}`` (possibly negative) without SymPy: matrices have many entries."""
    s = s.strip()
    m = re.fullmatch(r"(-?)\\frac\{(\d+)\}\{(\d+)\}", s)
    if m:
        return Fraction(int(m.group(2)), int(m.group(3))) * (-1 if m.group(1) else 1)
    return Fraction(int(s))


def parse_matrix(s: str) -> list[list[Fraction]]:
    assert s.startswith("\\begin{pmatrix}") and s.endswith("\\end{pmatrix}"), s
    body = s.replace("\\begin{pmatrix}", "").replace("\\end{pmatrix}", "")
    return [[_rational_entry(c) for c in row.split("&")] for row in body.split("\\\\")]


def question_math(q: str) -> list[str]:
    """The ``$...$`` pieces of a question."""
    return re.findall(r"\$([^$]+)\$", q)


def close(a, b, tol: float = 1e-9) -> bool:
    a, b = complex(a), complex(b)
    return abs(a - b) <= tol * max(1.0, abs(b))


def F(s) -> Fraction:
    return Fraction(str(s))


# ---------------------------------------------------------------- checkers
CHECKERS: dict[str, Callable[[Problem], None]] = {}


def checker(name: str):
    def deco(fn):
        CHECKERS[name] = fn
        return fn
    return deco


@checker("integer_arithmetic")
def _(p: Problem) -> None:
    total = Fraction(0)
    for sign, *items in p.params["groups"]:
        v = Fraction(items[0])
        for op, f in zip(items[1::2], items[2::2]):
            v = v * f if op == "*" else v / f
        total += v if sign == "+" else -v
    assert total == int(p.answer)
    assert tex(question_math(p.question)[0]) == int(p.answer)


def _tree_value(node) -> Fraction:
    if isinstance(node, str):
        return Fraction(node)
    op, a, b = node
    a = _tree_value(a)
    if op == "^":
        return a ** b
    b = _tree_value(b)
    return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else None}[op]


@checker("order_of_operations")
def _(p: Problem) -> None:
    assert _tree_value(p.params["tree"]) == int(p.answer)
    assert tex(question_math(p.question)[0]) == int(p.answer)  # the rendered parentheses mean the tree


@checker("fraction_arithmetic")
def _(p: Problem) -> None:
    value = tex(p.answer)
    assert value == tex(question_math(p.question)[0])
    assert sympy.Rational(_tree_value(p.params["tree"])) == value
    assert sympy.fraction(value)[1] == 1 or "frac" in p.answer


@checker("decimal_percent")
def _(p: Problem) -> None:
    from decimal import Decimal, getcontext

    getcontext().prec = 60
    k, q, a = p.params["kind"], p.question, p.answer
    D = Decimal
    if k == "percent_of":
        pct = F(p.params["percent"])
        assert D(pct.numerator) / pct.denominator * p.params["number"] / 100 == D(a)
        assert f"${p.params['number']}$" in q
    elif k == "fraction_to_decimal":
        assert D(p.params["numerator"]) / D(p.params["denominator"]) == D(a)
        assert f"\\frac{{{p.params['numerator']}}}{{{p.params['denominator']}}}" in q
    elif k == "decimal_to_fraction":
        assert tex(a) == sympy.Rational(p.params["decimal"]) and p.params["decimal"] in q
    elif k == "what_percent":
        assert a.endswith("\\%") and D(p.params["part"]) / p.params["whole"] * 100 == D(a[:-2])
    elif k == "decimal_arithmetic":
        values, ops = p.params["values"], p.params["ops"]
        expr = f"Decimal('{values[0]}')" + "".join(f" {op} Decimal('{v}')" for op, v in zip(ops, values[1:]))
        assert eval(expr, {"Decimal": D}) == D(a)
        assert tex(question_math(q)[0]) == sympy.Rational(a)
    elif k == "percent_change":
        old, new = D(p.params["old"]), D(p.params["new"])
        change = (new - old) / old * 100
        assert a.endswith("\\%") and abs(change) == D(a[:-2])
        assert (change > 0) == (p.params["direction"] == "increase")
    elif k == "successive_change":
        v = D(p.params["start"])
        for c in p.params["changes"]:
            v = v * (100 + D(F(c).numerator) / F(c).denominator) / 100
        assert v == D(a)
    else:
        digits = p.params["prefix"] + p.params["block"] * 30
        expansion = D(f"{p.params['whole']}.{digits}")
        value = Fraction(int(tex(a).p), int(tex(a).q))
        assert abs(D(value.numerator) / value.denominator - expansion) < D(10) ** -40
        assert f"{p.params['whole']}.{p.params['prefix']}\\overline{{{p.params['block']}}}" in q


def _sides(math_text: str) -> tuple[sympy.Expr, sympy.Expr]:
    left, right = math_text.split("=")
    return tex(left), tex(right)


@checker("linear_equation")
def _(p: Problem) -> None:
    left, right = _sides(question_math(p.question)[1])
    # the equation is linear: solve a x + b = 0 from two evaluations of left - right
    f0 = (left - right).subs(X, 0)
    f1 = (left - right).subs(X, 1)
    assert f1 != f0 and sympy.expand(left - right - ((f1 - f0) * X + f0)) == 0
    sol = -f0 / (f1 - f0)
    assert sol == tex(p.answer)

    def side_value(terms, x):  # from params, at a point
        total = Fraction(0)
        for t in terms:
            if t[0] == "ax":
                total += t[1] * x
            elif t[0] == "c":
                total += t[1]
            elif t[0] == "k()":
                total += t[1] * (t[2] * x + t[3])
            else:
                total += Fraction(t[1] * (t[2] * x + t[3]), t[4])
        return total

    x0 = F(sympy.Rational(sol))
    assert side_value(p.params["left"], x0) == side_value(p.params["right"], x0)


@checker("linear_system")
def _(p: Problem) -> None:
    a, b = np.array(p.params["matrix"], float), np.array(p.params["rhs"], float)
    expected = np.linalg.solve(a, b)
    got = [float(v) for v in parse_tuple(p.answer)]
    assert np.allclose(got, expected, rtol=1e-9, atol=1e-9)
    for row, rhs in zip(p.params["matrix"], p.params["rhs"]):
        assert f"= {rhs}$" in p.question


@checker("quadratic_equation")
def _(p: Problem) -> None:
    left, right = _sides(question_math(p.question)[0])
    coeffs = [float(c) for c in sympy.Poly(sympy.expand(left - right), X).all_coeffs()]
    expected = sorted(r.real for r in np.roots(coeffs))
    assert all(abs(r.imag) < 1e-9 for r in np.roots(coeffs))
    got = sorted(float(v) for v in parse_set(p.answer))
    assert len(got) == 2 and np.allclose(got, expected, rtol=1e-8, atol=1e-8)


@checker("polynomial_expansion")
def _(p: Problem) -> None:
    expr = tex(question_math(p.question)[-1 if "coefficient of" in p.question else 0])
    if "laurent" in p.params:
        a, e1, b, e2, n = p.params["laurent"]
        terms = {}
        for j in range(n + 1):  # brute force over the binomial terms
            k = e1 * (n - j) - e2 * j
            terms[k] = terms.get(k, 0) + math.comb(n, j) * a ** (n - j) * b ** j
        assert terms[p.params["power"]] == int(p.answer)
        assert sympy.expand(expr * X ** (e2 * n)).coeff(X, p.params["power"] + e2 * n) == int(p.answer)
        return
    coeffs = sympy.Poly(sympy.expand(expr), X).all_coeffs()
    if p.params.get("ask") == "tuple":
        assert [tex(v) for v in split_top(p.answer[1:-1])] == coeffs
    else:
        k = p.params["power"]
        assert coeffs[len(coeffs) - 1 - k] == int(p.answer)


@checker("polynomial_factoring")
def _(p: Problem) -> None:
    poly_expr = tex(question_math(p.question)[0].split("=")[1])
    _, factors = sympy.factor_list(poly_expr)
    expected = set()
    for f, mult in factors:
        f = sympy.Poly(f, X)
        if f.LC() < 0:
            f = -f
        expected.add(f.as_expr())
    got = {sympy.expand(v) for v in parse_set(p.answer)}
    assert got == expected and len(parse_set(p.answer)) == len(expected)


def _exact_function(expr: sympy.Expr) -> Callable[[Fraction], Fraction | None]:
    """A rational function of ``x`` (or its absolute value) evaluated with Fractions; ``None`` at a pole."""
    if isinstance(expr, ABS):
        inner = _exact_function(expr.args[0])
        return lambda x: None if inner(x) is None else abs(inner(x))
    num, den = sympy.fraction(sympy.together(expr))
    cn = [Fraction(str(c)) for c in sympy.Poly(num, X).all_coeffs()]
    cd = [Fraction(str(c)) for c in sympy.Poly(den, X).all_coeffs()]

    def horner(cs, x):
        v = Fraction(0)
        for c in cs:
            v = v * x + c
        return v

    return lambda x: None if horner(cd, x) == 0 else horner(cn, x) / horner(cd, x)


def _inequality(question_math_text: str) -> Callable[[Fraction], bool]:
    """A (possibly compound) inequality from the question, as an exact predicate."""
    parts = re.split(r"(\\le(?![a-z])|\\ge(?![a-z])|<|>)", question_math_text)
    sides = [_exact_function(tex(e)) for e in parts[::2]]
    ops = {"\\le": lambda a, b: a <= b, "\\ge": lambda a, b: a >= b, "<": lambda a, b: a < b,
           ">": lambda a, b: a > b}

    def holds(x: Fraction) -> bool:
        values = [f(x) for f in sides]
        return None not in values and all(ops[o](values[i], values[i + 1]) for i, o in enumerate(parts[1::2]))

    return holds


def _in_intervals(intervals, x) -> bool:
    for lo, hi, lo_closed, hi_closed in intervals:
        if (lo < x or (lo_closed and lo == x)) and (x < hi or (hi_closed and hi == x)):
            return True
    return False


@checker("inequality")
def _(p: Problem) -> None:
    text = question_math(p.question)[0]
    intervals = parse_intervals(p.answer)
    ends = [v for lo, hi, _, _ in intervals for v in (lo, hi) if v.is_finite]
    rng = np.random.default_rng(0)
    probes = [Fraction(int(v)) for v in rng.integers(-60, 60, 25)]
    probes += [Fraction(int(v), 7) for v in rng.integers(-300, 300, 10)]
    for v in ends:
        v = Fraction(int(v.p), int(v.q))
        probes += [v, v - Fraction(1, 997), v + Fraction(1, 997)]
    holds = _inequality(text)
    for x in probes:
        assert holds(x) == _in_intervals(intervals, sympy.Rational(x.numerator, x.denominator)), x


def _num(expr: sympy.Expr) -> mpmath.mpf:
    return mpmath.mpmathify(sympy.N(expr, 40))


@checker("exponents")
def _(p: Problem) -> None:
    k, answer = p.params["kind"], tex(p.answer)
    math_text = question_math(p.question)
    if k in ("simplify", "radical_simplify"):
        expr = tex(math_text[1])
        x0 = sympy.Rational(137, 100)
        assert close(mpmath.log(_num(expr.subs(X, x0))) / mpmath.log(_num(x0)), _num(answer))
    elif k in ("equation", "linear_combination_equation"):
        left, right = _sides(math_text[0])
        assert close(_num(left.subs(X, answer)), _num(right.subs(X, answer)))
        # both sides are monotone exponentials with different growth: one crossing, so the sign of
        # left - right changes across the answer
        lo, hi = (_num(left.subs(X, answer + e)) - _num(right.subs(X, answer + e)) for e in (-1, 1))
        assert lo * hi < 0
    else:
        assert close(_num(tex(math_text[0])), _num(answer))


def _log(b, a) -> mpmath.mpf:
    a, b = F(a), F(b)
    return mpmath.log(mpmath.mpf(a.numerator) / a.denominator) / mpmath.log(mpmath.mpf(b.numerator) / b.denominator)


def _real_roots(coeffs) -> list[float]:
    return [r.real for r in np.roots([float(c) for c in coeffs]) if abs(r.imag) < 1e-9]


@checker("logarithms")
def _(p: Problem) -> None:
    k, q, pr = p.params["kind"], p.question, p.params
    if k == "log_quadratic":
        ys = _real_roots(pr["coefficients"])
        assert sorted(float(v) for v in parse_set(p.answer)) == pytest.approx(sorted(pr["base"] ** y for y in ys))
        return
    answer = _num(tex(p.answer))
    if k == "evaluate":
        assert close(sum(sg * _log(b, a) for sg, b, a in pr["terms"]), answer)
    elif k == "common_root":  # log_base(t^e) = e log(t) / log(base)
        assert close(sum(sg * mpmath.mpf(F(e).numerator) / F(e).denominator * _log(b, t)
                         for sg, t, b, e in pr["terms"]), answer)
    elif k == "combine":
        coefs = [pr.get("coefficient", 1)] + [1] * (len(pr["args"]) - 1)
        assert close(sum(c * (1 if a > 0 else -1) * _log(pr["base"], abs(a)) for c, a in zip(coefs, pr["args"])),
                     answer)
        assert all(f" {abs(a)}" in q for a in pr["args"])
    elif k == "change_of_base":
        t, (u, v) = pr["root"], pr["powers"]
        chain = [t ** u] + pr["middle"] + [F(t) ** v]
        assert close(mpmath.fprod(_log(a, b) for a, b in zip(chain, chain[1:])), answer)
    elif k == "solve_linear":
        b, (c0, c1) = pr["base"], pr["inner"]
        assert close(mpmath.log(c1 * answer + c0) / mpmath.log(b), pr["value"])
    else:
        b = pr["base"]
        if k == "solve_sum":
            (p0, p1), (q0, q1) = pr["first"], pr["second"]
            f = lambda x: mpmath.log(p1 * x + p0) + mpmath.log(q1 * x + q0) - pr["value"] * mpmath.log(b)  # noqa
            cands = _real_roots(np.polymul([p1, p0], [q1, q0]) - np.array([0, 0, b ** pr["value"]]))
            domain = lambda x: p1 * x + p0 > 0 and q1 * x + q0 > 0  # noqa: E731
        elif k == "solve_difference":
            p0, q0 = pr["shifts"]
            f = lambda x: mpmath.log(x + p0) - mpmath.log(x + q0) - pr["value"] * mpmath.log(b)  # noqa
            cands, domain = [float(answer)], (lambda x: x + p0 > 0 and x + q0 > 0)
        else:
            c0, c1 = pr["inner"]
            f = lambda x: 2 * mpmath.log(x) - mpmath.log(c1 * x + c0)  # noqa: E731
            cands, domain = _real_roots([1, -c1, -c0]), (lambda x: x > 0 and c1 * x + c0 > 0)
        valid = [x for x in cands if domain(x)]
        assert len(valid) == 1 and close(valid[0], answer, 1e-7) and abs(f(answer)) < 1e-12
        assert f"\\log_{{{b}}}" in q


def _seq_terms(first: str, diff: str, n: int, geometric: bool = False) -> list[Fraction]:
    out, v, step = [], F(first), F(diff)
    for _ in range(n):  # brute force: build the terms one by one
        out.append(v)
        v = v * step if geometric else v + step
    return out


def _listed(p: Problem, terms: list[Fraction]) -> None:
    listing = re.search(r"\$([^$]*\\ldots[^$]*)\$", p.question).group(1)
    shown = [tex(t) for t in split_top(listing.replace(" + ", ", ").replace(" - ", ", -"))[:3]]
    assert shown == [sympy.Rational(t.numerator, t.denominator) for t in terms[:3]]


@checker("arithmetic_sequence")
def _(p: Problem) -> None:
    pr, k, answer = p.params, p.params["kind"], tex(p.answer)
    if k == "sum_range":
        assert answer == sum(v for v in range(pr["low"], pr["high"] + 1) if v % pr["k"] == 0)
        return
    if k in ("two_terms", "sums_given"):
        nums = [tex(v) for v in question_math(p.question)]
        if k == "two_terms":  # term m is A, term k is B -> solve from the question's own numbers
            m, a, kk, b, n = nums[:5]
            diff = (b - a) / (kk - m)
            assert answer == a + (n - m) * diff
        else:  # S_m = A, S_k = B: m a1 + m(m-1)/2 dd = A and k a1 + k(k-1)/2 dd = B, by Cramer's rule
            m, sa, kk, sb, n = nums[:5]
            a11, a12, a21, a22 = m, m * (m - 1) / 2, kk, kk * (kk - 1) / 2
            det = a11 * a22 - a12 * a21
            a1, dd = (sa * a22 - a12 * sb) / det, (a11 * sb - a21 * sa) / det
            assert answer == a1 + (n - 1) * dd
        return
    terms = _seq_terms(pr["first"], pr["difference"], 2000)
    _listed(p, terms)
    if k == "nth_term":
        assert answer == terms[pr["n"] - 1]
    elif k == "sum_n":
        assert answer == sum(terms[:pr["n"]])
    elif k == "count_terms":
        assert answer == terms.index(F(pr["last"])) + 1
    elif k == "sum_between":
        assert answer == sum(terms[pr["from"] - 1:pr["to"]])
    else:
        sums = list(itertools.accumulate(terms))
        assert answer == next(i + 1 for i, v in enumerate(sums) if v > pr["bound"])


@checker("geometric_sequence")
def _(p: Problem) -> None:
    pr, k, answer = p.params, p.params["kind"], tex(p.answer)
    if k.startswith("sigma"):
        c, r, start = F(pr["coefficient"]), F(pr["ratio"]), pr["start"]
        assert f"k={start}" in p.question
        if k == "sigma_finite":
            assert answer == sum(c * r ** j for j in range(start, pr["end"] + 1))
        else:
            assert close(_num(answer), float(sum(c * r ** j for j in range(start, start + 400))))
        return
    if k == "ratio_from_sum":
        a1, total = F(pr["first"]), F(pr["sum"])
        r = Fraction(int(answer.p), int(answer.q))
        assert abs(r) < 1 and close(float(sum(a1 * r ** j for j in range(400))), float(total))
        return
    terms = _seq_terms(pr["first"], pr["ratio"], 40, geometric=True)
    if k == "two_terms":
        nums = [tex(v) for v in question_math(p.question)]
        m, a, kk, b, n = nums[:5]
        cands = [r for r in sympy.solve(sympy.Symbol("r") ** (kk - m) - b / a) if r.is_real]
        if pr["positive"]:
            cands = [r for r in cands if r > 0]
        assert len(cands) == 1 and answer == a * cands[0] ** (n - m)
        return
    _listed(p, terms)
    if k == "nth_term":
        assert answer == terms[pr["n"] - 1]
    elif k == "sum_n":
        assert answer == sum(terms[:pr["n"]])
    elif k == "which_term":
        assert [i + 1 for i, t in enumerate(terms) if t == F(pr["target"])] == [int(answer)]
    else:  # infinite sum: a long partial sum
        assert close(_num(answer), float(sum(_seq_terms(pr["first"], pr["ratio"], 600, True))))


def _gcd_by_factoring(nums: list[int]) -> int:
    fs = [sympy.factorint(n) for n in nums]
    return math.prod(p ** min(f.get(p, 0) for f in fs) for p in fs[0])


def _lcm_by_factoring(nums: list[int]) -> int:
    fs = [sympy.factorint(n) for n in nums]
    primes = set().union(*fs)
    return math.prod(p ** max(f.get(p, 0) for f in fs) for p in primes)


@checker("gcd_lcm")
def _(p: Problem) -> None:
    pr, k, answer = p.params, p.params["kind"], int(p.answer)
    if k == "power_gcd":
        a, (m, n) = pr["base"], pr["exponents"]
        u, v = a ** m - 1, a ** n - 1
        while v:  # plain Euclid on the numbers themselves (too large to factor)
            u, v = v, u - (u // v) * v
        assert answer == u
    elif k == "missing":
        assert _gcd_by_factoring([pr["known"], answer]) == pr["gcd"]
        assert _lcm_by_factoring([pr["known"], answer]) == pr["lcm"]
        assert answer * pr["known"] == pr["gcd"] * pr["lcm"]  # so the other number is unique
    else:
        for n in pr["numbers"]:
            assert f"${n}$" in p.question
        want_gcd = "greatest" in p.question or "largest" in p.question
        assert answer == (_gcd_by_factoring if want_gcd else _lcm_by_factoring)(pr["numbers"])


def _cycle_pow(a: int, e: int, m: int) -> int:
    """a^e mod m by walking the powers until they cycle (no pow(a, e, m))."""
    seen, seq, v = {}, [], 1 % m
    for i in range(m + 2):
        if v in seen:
            start = seen[v]
            period = i - start
            return seq[e] if e < len(seq) else seq[start + (e - start) % period]
        seen[v] = i
        seq.append(v)
        v = v * a % m
    raise AssertionError("no cycle")


@checker("modular_arithmetic")
def _(p: Problem) -> None:
    pr, k, answer = p.params, p.params["kind"], int(p.answer)
    if k == "remainder":
        a, m = pr["a"], pr["m"]
        assert 0 <= answer < m and Fraction(a - answer, m).denominator == 1
    elif k == "expression":
        value = tex(pr["expression"])
        assert 0 <= answer < pr["m"] and Fraction(int(value) - answer, pr["m"]).denominator == 1
    elif k in ("power", "last_digit", "last_two_digits", "tower"):
        if k == "tower":
            assert pr["e"] == pr["tower"][0] ** pr["tower"][1]
        assert answer == _cycle_pow(pr["a"], pr["e"], pr["m"])
        assert f"{pr['a']}^" in p.question
    elif k == "inverse":
        assert [x for x in range(pr["m"]) if pr["a"] * x % pr["m"] == 1] == [answer]
    elif k == "congruence":
        assert answer == next(x for x in range(pr["m"]) if (pr["a"] * x - pr["b"]) % pr["m"] == 0)
    else:
        mods = pr["moduli"]
        assert answer == next(x for x in range(math.prod(mods))
                              if all(x % n == r for r, n in zip(pr["residues"], mods)))


def _all_divisors(factorization: list[list[int]]) -> list[int]:
    """Every divisor, by enumerating exponent tuples (no divisor-count formulas)."""
    out = [1]
    for p, e in factorization:
        out = [d * p ** i for d in out for i in range(e + 1)]
    return out


@checker("divisors")
def _(p: Problem) -> None:
    pr, k, answer = p.params, p.params["kind"], int(p.answer)
    n = pr["n"]
    assert sympy.factorint(n) == {p_: e for p_, e in pr["factorization"]}
    divs = _all_divisors(pr["factorization"])
    assert all(n % v == 0 for v in divs) and len(set(divs)) == len(divs)
    if "\\cdot" not in p.question:
        assert f"{n}$" in p.question
    if k == "count":
        assert answer == len(divs)
    elif k == "sum":
        assert answer == sum(divs)
    elif k == "proper_sum":
        assert answer == sum(divs) - n
    elif k == "even_odd":
        assert answer == sum(1 for v in divs if v % 2 == (0 if pr["which"] == "even" else 1))
    elif k == "odd_sum":
        assert answer == sum(v for v in divs if v % 2)
    elif k == "square":
        assert answer == sum(1 for v in divs if math.isqrt(v) ** 2 == v)
    elif k == "cube":
        assert answer == sum(1 for v in divs if sympy.integer_nthroot(v, 3)[1])
    elif k == "totient":
        assert answer == (sum(1 for j in range(1, n + 1) if math.gcd(j, n) == 1) if n <= 200_000
                          else sympy.totient(n))
    elif k == "multiples":
        assert answer == sum(1 for v in divs if v % pr["k"] == 0)
    else:
        divs2 = _all_divisors([[p_, 2 * e] for p_, e in pr["factorization"]])
        assert answer == sum(1 for v in divs2 if v < n and n % v)


@checker("prime_factorization")
def _(p: Problem) -> None:
    pr, k = p.params, p.params["kind"]

    def trial(n: int) -> dict[int, int]:
        out, q = {}, 2
        while q * q <= n:
            while n % q == 0:
                out[q] = out.get(q, 0) + 1
                n //= q
            q += 1
        if n > 1:
            out[n] = out.get(n, 0) + 1
        return out

    if k == "exponent_tuple":
        f = trial(pr["n"])
        assert set(f) <= set(pr["primes"])
        assert [int(v) for v in parse_tuple(p.answer)] == [f.get(q, 0) for q in pr["primes"]]
        return
    answer = int(p.answer)
    if k in ("largest_prime", "distinct_count", "sum_distinct", "omega"):
        f = trial(pr["n"])
        assert answer == {"largest_prime": max(f), "distinct_count": len(f), "sum_distinct": sum(f),
                          "omega": sum(f.values())}[k]
    elif k == "prime_count":
        assert answer == sum(1 for v in range(pr["low"], pr["high"] + 1) if sympy.isprime(v))
    elif k in ("square_multiplier", "cube_multiplier"):
        e = 2 if k == "square_multiplier" else 3
        assert answer == next(m for m in range(1, 10 ** 7) if sympy.integer_nthroot(pr["n"] * m, e)[1])
    else:
        def vp(m: int, q: int) -> int:  # brute force: sum of the valuations of 1..m
            total = 0
            for j in range(1, m + 1):
                while j % q == 0:
                    total, j = total + 1, j // q
            return total
        q = pr.get("p", 5)
        if k == "binomial_exponent":
            assert answer == vp(pr["n"], q) - vp(pr["k"], q) - vp(pr["n"] - pr["k"], q)
        else:
            assert answer == vp(pr["n"], q)


def _matrix_float(s: str) -> np.ndarray:
    return np.array([[float(v) for v in row] for row in parse_matrix(s)])


def _defined_matrices(q: str) -> dict[str, np.ndarray]:
    """``X = \\begin{pmatrix}...\\end{pmatrix}`` definitions in a question."""
    return {m.group(1): _matrix_float(m.group(2))
            for m in re.finditer(r"([A-Za-z]|\\mathbf\{b\}) = (\\begin\{pmatrix\}.*?\\end\{pmatrix\})", q)}


@checker("determinant")
def _(p: Problem) -> None:
    pr, k = p.params, p.params["kind"]
    answer = float(tex(p.answer))
    if k == "plain":
        a = np.array(pr["matrix"], float)
        assert np.allclose(_defined_matrices(p.question)["A"], a)
        assert close(np.linalg.det(a), answer, 1e-7)
    elif k == "parameter":
        def det_at(v: float) -> float:
            return np.linalg.det(np.array([[v if e == "k" else e for e in row] for row in pr["matrix"]], float))
        assert close(det_at(answer), float(F(pr["target"])), 1e-7)
        assert abs(det_at(answer + 1) - det_at(answer)) > 1e-6  # det is not constant in k: unique answer
    else:
        a, b = np.array(pr["A"], float), np.array(pr["B"], float)
        assert close(np.linalg.det(pr["c"] * np.linalg.inv(a) @ b.T), answer, 1e-7)


@checker("matrix_product")
def _(p: Problem) -> None:
    pr = p.params
    mats = _defined_matrices(p.question)
    for name in "ABC":
        if name in pr:
            assert np.allclose(mats[name], np.array(pr[name], float))
    A, B, C = mats.get("A"), mats.get("B"), mats.get("C")
    expr = pr["expression"]
    if expr == "A B":
        want = A @ B
    elif expr == "A^{2}":
        want = A @ A
    elif expr == "A^{3}":
        want = A @ A @ A
    elif expr == "A^{T} B + B^{T} A":
        want = A.T @ B + B.T @ A
    elif expr == "A B C":
        want = A @ B @ C
    elif expr.startswith("A B"):
        want = A @ B - pr["k"] * C
    else:
        S = A - pr["k"] * np.eye(len(A))
        want = S @ S @ B
    assert np.array_equal(_matrix_float(p.answer), want)


@checker("matrix_equation")
def _(p: Problem) -> None:
    pr, k = p.params, p.params["kind"]
    mats = _defined_matrices(p.question)
    A = np.array(pr["A"], float)
    assert np.allclose(mats["A"], A)
    got = _matrix_float(p.answer)
    if k in ("solve", "solve_rational"):
        want = np.linalg.solve(A, np.array(pr["b"], float))
    elif k == "inverse":
        want = np.linalg.inv(A)
    elif k == "left":
        want = np.linalg.solve(A, np.array(pr["B"], float))
    else:  # X A = B  <=>  A^T X^T = B^T
        want = np.linalg.solve(A.T, np.array(pr["B"], float).T).T
    assert got.shape == want.shape and np.allclose(got, want, rtol=1e-9, atol=1e-9)


@checker("complex_numbers")
def _(p: Problem) -> None:
    pr, k = p.params, p.params["kind"]
    zs = [complex(float(F(a)), float(F(b))) for a, b in pr.get("numbers", [])]
    if k in ("modulus", "modulus_ratio"):
        want = abs(zs[0]) if k == "modulus" else abs(zs[0] * zs[1] / zs[2])
        assert close(float(tex(p.answer)), want)
        return
    got = complex(tex(p.answer, complex_i=True))
    if k == "equation":
        left, right = (tex(s, complex_i=True) for s in question_math(p.question)[0].split("="))
        (sol,) = sympy.solve(sympy.Eq(left, right), sympy.Symbol("z"))
        assert close(got, complex(sol)) and close(got, (zs[2] - zs[1]) / zs[0])
        return
    assert close(got, complex(tex(question_math(p.question)[0], complex_i=True)), 1e-10)
    if k == "sum":
        assert close(got, zs[0] + pr["sign"] * zs[1])
    elif k == "product":
        assert close(got, zs[0] * zs[1])
    elif k == "quotient":
        assert close(got, zs[0] / zs[1])
    elif k == "power_i":
        assert close(got, sum(s * 1j ** e for s, e in zip(pr["signs"], pr["exponents"])))


def _count_compositions(n: int, lower: list[int]) -> int:
    """Integer solutions of x_1 + ... + x_k = n with x_i >= lower_i, by dynamic programming."""
    ways = {0: 1}
    for b in lower:
        nxt: dict[int, int] = {}
        for s, w in ways.items():
            for v in range(b, n - s + 1):
                nxt[s + v] = nxt.get(s + v, 0) + w
        ways = nxt
    return ways.get(n, 0)


def _grid_paths(a: int, b: int, blocked: tuple[int, int] | None = None, via: tuple[int, int] | None = None) -> int:
    """Monotone lattice paths by dynamic programming (optionally avoiding or forced through a point)."""
    def count(x0, y0, x1, y1, block):
        ways = [[0] * (y1 - y0 + 1) for _ in range(x1 - x0 + 1)]
        for i in range(x1 - x0 + 1):
            for j in range(y1 - y0 + 1):
                if (x0 + i, y0 + j) == block:
                    continue
                ways[i][j] = 1 if i == j == 0 else (ways[i - 1][j] if i else 0) + (ways[i][j - 1] if j else 0)
        return ways[-1][-1]
    if via:
        return count(0, 0, via[0], via[1], None) * count(via[0], via[1], a, b, None)
    return count(0, 0, a, b, blocked)


@checker("combinatorics")
def _(p: Problem) -> None:
    pr, k, answer = p.params, p.params["kind"], int(p.answer)
    if k == "choose":
        assert answer == sum(1 for _ in itertools.combinations(range(pr["n"]), pr["k"]))
    elif k == "permute":
        assert answer == math.prod(range(pr["n"] - pr["k"] + 1, pr["n"] + 1))
    elif k == "strings":
        assert answer == (sum(1 for _ in itertools.product(range(pr["n"]), repeat=pr["k"]))
                          if pr["n"] ** pr["k"] <= 200_000 else pr["n"] ** pr["k"])
    elif k == "no_adjacent":  # dynamic programming over the last letter
        last = [1] * pr["n"]
        for _ in range(pr["k"] - 1):
            total = sum(last)
            last = [total - v for v in last]
        assert answer == sum(last)
    elif k == "words":
        word = pr["word"]
        assert f"\\text{{{word}}}" in p.question
        if len(word) <= 8:
            assert answer == len(set(itertools.permutations(word)))
        else:  # multinomial by sequential binomials
            left, total = len(word), 1
            for c in set(word):
                total *= math.comb(left, word.count(c))
                left -= word.count(c)
            assert answer == total
    elif k == "circular":
        n = pr["n"]
        if n <= 7:
            assert answer == len({min(perm[i:] + perm[:i] for i in range(n))
                                  for perm in itertools.permutations(range(n))})
        else:
            assert answer == math.factorial(n) // n
    elif k in ("stars_bars", "stars_bars_bounded"):
        assert answer == _count_compositions(pr["n"], pr["lower_bounds"])
    elif k == "committee":
        people = ["w"] * pr["women"] + ["m"] * pr["men"]
        j, i = pr["at_least"]
        if math.comb(len(people), pr["size"]) <= 300_000:
            want = sum(1 for c in itertools.combinations(people, pr["size"])
                       if c.count("w") >= j and c.count("m") >= i)
        else:  # generating functions: coefficient extraction by polynomial products
            w_poly = [math.comb(pr["women"], t) for t in range(pr["women"] + 1)]
            m_poly = [math.comb(pr["men"], t) for t in range(pr["men"] + 1)]
            want = sum(w_poly[t] * m_poly[pr["size"] - t] for t in range(len(w_poly))
                       if t >= j and 0 <= pr["size"] - t < len(m_poly) and pr["size"] - t >= i)
        assert answer == want
    elif k == "mixed_selection":
        assert answer == math.prod(len(list(itertools.combinations(range(n), c)))
                                   for n, c in zip(pr["sizes"], pr["picks"]))
    elif k.startswith("grid"):
        a, b = pr["target"]
        if k == "grid_paths":
            assert answer == _grid_paths(a, b)
        elif k == "grid_through":
            assert answer == _grid_paths(a, b, via=tuple(pr["point"]))
        else:
            assert answer == _grid_paths(a, b, blocked=tuple(pr["point"]))
    elif k in ("together", "apart"):
        n = pr["n"]
        adjacent = sum(1 for perm in itertools.permutations(range(n)) if abs(perm.index(0) - perm.index(1)) == 1)
        assert answer == (adjacent if k == "together" else math.factorial(n) - adjacent)
    elif k == "derangements":
        n = pr["n"]
        if n <= 8:
            assert answer == sum(1 for perm in itertools.permutations(range(n))
                                 if all(v != i for i, v in enumerate(perm)))
        else:
            dn = [1, 0]
            for m in range(2, n + 1):
                dn.append((m - 1) * (dn[-1] + dn[-2]))
            assert answer == dn[n]
    else:
        assert answer == sum(1 for v in range(1, pr["N"] + 1) if any(v % q == 0 for q in pr["divisors"]))


DECK = [(rank, suit) for suit in ("hearts", "diamonds", "clubs", "spades")
        for rank in ("ace", "2", "3", "4", "5", "6", "7", "8", "9", "10", "jack", "queen", "king")]


@checker("probability")
def _(p: Problem) -> None:
    pr, k = p.params, p.params["kind"]
    answer = Fraction(int(tex(p.answer).p), int(tex(p.answer).q))
    assert "\\frac" in p.answer or answer.denominator == 1
    if k == "one_die":
        t = pr["t"]
        pred = {"greater": lambda v: v > t, "at_most": lambda v: v <= t, "even": lambda v: v % 2 == 0,
                "prime": sympy.isprime, "multiple": lambda v: v % t == 0,
                "square": lambda v: math.isqrt(v) ** 2 == v}[pr["event"]]
        want = Fraction(sum(1 for v in range(1, pr["sides"] + 1) if pred(v)), pr["sides"])
    elif k == "coins":
        flips = list(itertools.product((0, 1), repeat=pr["n"]))
        good = [f for f in flips if (sum(f) >= pr["k"] if pr["at_least"] else sum(f) == pr["k"])]
        want = Fraction(len(good), len(flips))
    elif k in ("two_dice", "dice_k"):
        sides = pr.get("sides", [6, 6])
        grids = np.meshgrid(*[np.arange(1, s + 1) for s in sides], indexing="ij")
        total, top = sum(grids), np.maximum.reduce(grids)
        t = pr["t"]
        mask = {"sum_eq": lambda: total == t, "sum_ge": lambda: total >= t, "sum_le": lambda: total <= t,
                "sum_between": lambda: (total >= t[0]) & (total <= t[1]) if isinstance(t, list) else None,
                "max_le": lambda: top <= t}[pr["event"]]()
        want = Fraction(int(mask.sum()), int(total.size))
    elif k == "card_one":
        suit, rank = pr["suit"], pr["rank"]
        pred = {"suit_or_rank": lambda c: c[1] == suit or c[0] == rank,
                "face": lambda c: c[0] in ("jack", "queen", "king"),
                "red_or_rank": lambda c: c[1] in ("hearts", "diamonds") or c[0] == rank,
                "not_suit": lambda c: c[1] != suit}[pr["event"]]
        want = Fraction(sum(1 for c in DECK if pred(c)), 52)
    elif k in ("urn", "replacement"):
        balls = ["r"] * pr["colors"][0] + ["b"] * pr["colors"][1] + ["g"] * pr["colors"][2]
        if k == "urn":
            draws = list(itertools.combinations(range(len(balls)), pr["draws"]))
            want = Fraction(sum(1 for c in draws if sum(balls[i] == "r" for i in c) == pr["red"]), len(draws))
        else:  # ordered colour sequences weighted by how many balls have each colour
            weights = {"r": pr["colors"][0], "b": pr["colors"][1], "g": pr["colors"][2]}
            n = len(balls)
            want = sum((Fraction(math.prod(weights[c] for c in seq), n ** pr["draws"])
                        for seq in itertools.product("rbg", repeat=pr["draws"]) if seq.count("r") == pr["red"]),
                       Fraction(0))
        assert f"${pr['colors'][0]}$ red" in p.question
    elif k == "numbered_cards":
        t = pr["t"]
        pred = {"sum_even": lambda a, b: (a + b) % 2 == 0, "sum_eq": lambda a, b: a + b == t,
                "sum_ge": lambda a, b: a + b >= t, "product_even": lambda a, b: a * b % 2 == 0,
                "diff_eq": lambda a, b: abs(a - b) == t, "both_le": lambda a, b: a <= t and b <= t}[pr["event"]]
        pairs = list(itertools.combinations(range(pr["low"], pr["high"] + 1), 2))
        want = Fraction(sum(1 for a, b in pairs if pred(a, b)), len(pairs))
    elif k in ("two_cards", "three_cards"):
        faces = ("jack", "queen", "king")
        pred = {"both_aces": lambda h: all(c[0] == "ace" for c in h),
                "same_suit": lambda h: len({c[1] for c in h}) == 1,
                "heart_and_spade": lambda h: sorted(c[1] for c in h) == ["hearts", "spades"],
                "both_face": lambda h: all(c[0] in faces for c in h),
                "all_face": lambda h: all(c[0] in faces for c in h),
                "at_least_one_ace": lambda h: any(c[0] == "ace" for c in h),
                "same_rank": lambda h: len({c[0] for c in h}) == 1,
                "different_suits": lambda h: len({c[1] for c in h}) == 3,
                "different_ranks": lambda h: len({c[0] for c in h}) == 3}[pr["event"]]
        hands = list(itertools.combinations(DECK, 2 if k == "two_cards" else 3))
        want = Fraction(sum(1 for h in hands if pred(h)), len(hands))
    elif k == "conditional_dice":
        s1, s2 = pr["sides"]
        c, t = pr["c"], pr["t"]
        cond = (lambda a, b: a >= c) if pr["condition"] == "first_ge" else (lambda a, b: a + b >= c)
        ev = {"sum_ge": lambda a, b: a + b >= t, "second_exceeds": lambda a, b: b - a >= t,
              "product_ge": lambda a, b: a * b >= t, "sum_eq": lambda a, b: a + b == t}[pr["event"]]
        outcomes = list(itertools.product(range(1, s1 + 1), range(1, s2 + 1)))
        both = sum(1 for o in outcomes if cond(*o) and ev(*o))
        want = Fraction(both, sum(1 for o in outcomes if cond(*o)))
    else:  # bayes, by enumerating (urn, ball) outcomes with their probabilities
        pa = F(pr["p_a"])
        outcomes = []
        for urn, prob, (red, blue) in (("A", pa, pr["urn_a"]), ("B", 1 - pa, pr["urn_b"])):
            for ball in ["r"] * red + ["b"] * blue:
                outcomes.append((urn, ball, prob / (red + blue)))
        red_total = sum(w for _, b, w in outcomes if b == "r")
        want = sum(w for u, b, w in outcomes if b == "r" and u == "A") / red_total
    assert answer == want


def _polygon_area(pts: list[tuple[float, float]]) -> float:
    """Shoelace formula."""
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]))) / 2


def _regular_interior_angle(n: int) -> float:
    """Measure one interior angle of a regular n-gon built from coordinates."""
    pts = [(math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)) for i in range(3)]
    (ax, ay), (bx, by), (cx, cy) = pts
    ang = abs(math.atan2(ay - by, ax - bx) - math.atan2(cy - by, cx - bx))
    return math.degrees(min(ang, 2 * math.pi - ang))


def _disc_area(r: float, degrees: float = 360.0, pieces: int = 200_000) -> float:
    """Area of a sector as a fan of thin triangles (not pi r^2)."""
    step = math.radians(degrees) / pieces
    return pieces * 0.5 * r * r * math.sin(step)


def _arc_length(r: float, degrees: float = 360.0, pieces: int = 200_000) -> float:
    step = math.radians(degrees) / pieces
    return pieces * 2 * r * math.sin(step / 2)


@checker("polygon_geometry")
def _(p: Problem) -> None:
    pr, k = p.params, p.params["kind"]
    got = float(tex(p.answer))
    if k == "interior_sum":
        assert close(got, pr["n"] * _regular_interior_angle(pr["n"]), 1e-9)
    elif k == "regular_angle":
        angle = _regular_interior_angle(pr["n"])
        assert close(got, angle if pr["which"] == "interior" else 180 - angle, 1e-9)
    elif k == "sides_from_angle":
        value = int(re.search(r"measures \$(\d+)\$", p.question).group(1))
        interior = "interior" in p.question
        matches = [n for n in range(3, 400) if abs((_regular_interior_angle(n) if interior
                                                    else 180 - _regular_interior_angle(n)) - value) < 1e-7]
        assert matches == [int(got)]
    elif k == "missing_angle":  # angle sum of a random convex n-gon measured from coordinates
        n = pr["n"]
        ts = sorted(np.random.default_rng(n).uniform(0, 2 * math.pi, n))
        pts = [(math.cos(t), math.sin(t)) for t in ts]
        total = 0.0
        for i in range(n):
            (ax, ay), (bx, by), (cx, cy) = pts[i - 1], pts[i], pts[(i + 1) % n]
            ang = abs(math.atan2(ay - by, ax - bx) - math.atan2(cy - by, cx - bx))
            total += math.degrees(min(ang, 2 * math.pi - ang))
        assert close(got + sum(pr["angles"]), total, 1e-9) and 0 < got < 180
    elif k == "rectangle":
        w, h = pr["sides"]
        pts = [(0, 0), (w, 0), (w, h), (0, h)]
        assert close(got, _polygon_area(pts) if pr["which"] == "area" else 2 * w + 2 * h)
    elif k == "triangle":
        assert close(got, _polygon_area([(0, 0), (pr["base"], 0), (0.3 * pr["base"], pr["height"])]))
    elif k == "trapezoid":
        a, b = pr["parallel"]
        assert close(got, _polygon_area([(0, 0), (a, 0), (1.5 + b, pr["height"]), (1.5, pr["height"])]))
    elif k == "circle":
        r = float(F(pr["radius"]))
        assert close(got, _disc_area(r) if pr["which"] == "area" else _arc_length(r), 1e-8)
    elif k == "annulus":
        r1, r2 = pr["radii"]
        assert close(got, _disc_area(r2) - _disc_area(r1), 1e-8)
    elif k == "diagonals":
        n = pr["n"]
        assert int(got) == (sum(1 for i, j in itertools.combinations(range(n), 2) if (j - i) % n not in (1, n - 1))
                            if n <= 300 else n * (n - 1) // 2 - n)
    elif k == "sector":
        r, angle = pr["radius"], pr["angle"]
        assert close(got, _disc_area(r, angle) if pr["which"] == "area" else _arc_length(r, angle), 1e-8)
    elif k == "composite":
        w, h = pr["width"], pr["height"]
        if pr["which"] == "area":
            assert close(got, w * h + _disc_area(w / 2, 180), 1e-8)
        else:
            assert close(got, w + 2 * h + _arc_length(w / 2, 180), 1e-8)
    elif k == "equilateral":
        v, sides = pr["value"], 3 if pr["shape"] == "equilateral triangle" else 6
        side = v if pr["given"] == "side" else v / sides if pr["given"] == "perimeter" else 2 * v / math.sqrt(3)
        pts = [(side / (2 * math.sin(math.pi / sides)) * math.cos(2 * math.pi * i / sides),
                side / (2 * math.sin(math.pi / sides)) * math.sin(2 * math.pi * i / sides)) for i in range(sides)]
        assert close(got, _polygon_area(pts), 1e-9)
    else:  # heron: place the triangle by the law of cosines, then the shoelace formula
        a, b, c = pr["sides"]
        x = (a * a + c * c - b * b) / (2 * c)
        assert close(got, _polygon_area([(0, 0), (c, 0), (x, math.sqrt(a * a - x * x))]), 1e-9)


@checker("pythagoras")
def _(p: Problem) -> None:
    pr, k = p.params, p.params["kind"]
    got = float(tex(p.answer))
    if k in ("hypotenuse", "hypotenuse_radical", "diagonal"):
        assert close(got, math.hypot(*pr["legs"]))
    elif k in ("leg", "ladder", "leg_radical"):
        assert close(math.hypot(got, pr["leg"]), pr["hypotenuse"])
    elif k in ("box", "two_step"):
        assert close(got, math.dist((0, 0, 0), pr["edges"]))
    elif k == "isosceles":  # apex from coordinates: base on the x-axis, apex above its midpoint
        base, leg = pr["base"], pr["leg"]
        assert close(math.dist((0, 0), (base / 2, got)), leg)
    elif k == "special":
        s = pr["given"]
        want = {"hypotenuse_45": math.hypot(s, s), "leg_45": s * math.cos(math.pi / 4),
                "long_leg_from_hypotenuse": s * math.sin(math.pi / 3), "long_leg_from_short": s * math.tan(math.pi / 3)}
        assert close(got, want[pr["asked"]])
    else:  # altitude: twice the area over the hypotenuse, area from coordinates
        a, b = pr["legs"]
        assert close(got, 2 * _polygon_area([(0, 0), (a, 0), (0, b)]) / math.hypot(a, b))


@checker("coordinate_geometry")
def _(p: Problem) -> None:
    pr, k = p.params, p.params["kind"]
    if k in ("midpoint", "reflection", "intersection", "circumcenter") or (k == "circle" and pr["asked"] == "center"):
        got = np.array([float(v) for v in parse_tuple(p.answer)])
    else:
        got = float(tex(p.answer))
    if "points" in pr:
        P = np.array(pr["points"], float)
        for x, y in pr["points"]:
            assert f"({x}, {y})" in p.question
    if k == "midpoint":
        assert np.allclose(got, P.mean(axis=0))
    elif k == "slope":
        assert close(got, np.polyfit(P[:, 0], P[:, 1], 1)[0], 1e-7)
    elif k == "distance":
        assert close(got, np.linalg.norm(P[1] - P[0]))
    elif k == "y_intercept":
        assert close(got, np.polyfit(P[:, 0], P[:, 1], 1)[1], 1e-7)
    elif k == "perpendicular":  # rotate the direction by 90 degrees
        dx, dy = P[1] - P[0]
        assert close(got, dx / -dy)
    elif k == "triangle_area":  # Heron with float side lengths
        a, b, c = (np.linalg.norm(P[i] - P[j]) for i, j in ((0, 1), (1, 2), (0, 2)))
        s = (a + b + c) / 2
        assert close(got, math.sqrt(max(s * (s - a) * (s - b) * (s - c), 0)), 1e-7)
    elif k == "intersection":
        (a1, b1, c1), (a2, b2, c2) = pr["lines"]
        assert np.allclose(got, np.linalg.solve([[a1, b1], [a2, b2]], [c1, c2]))
    elif k == "circle":  # read the circle off the question's equation, then test points on it
        eq = tex(question_math(p.question)[0].split("=")[0])
        y = sympy.Symbol("y")
        h, kk = -eq.coeff(X, 1).subs(y, 0) / 2, -eq.coeff(y, 1).subs(X, 0) / 2
        if pr["asked"] == "center":
            assert np.allclose(got, [float(h), float(kk)])
        else:
            for t in (0.3, 1.7, 4.0):
                px, py = float(h) + got * math.cos(t), float(kk) + got * math.sin(t)
                assert abs(float(eq.subs({X: px, y: py}))) < 1e-6 * max(1.0, got * got)
    elif k == "point_line":  # project onto the line through two of its points
        a, b, c = pr["line"]
        p0 = np.array([c / a, 0.0]) if a else np.array([0.0, c / b])
        direction = np.array([b, -a], float)
        v = np.array(pr["point"], float) - p0
        foot = p0 + direction * (v @ direction) / (direction @ direction)
        assert close(got, np.linalg.norm(np.array(pr["point"], float) - foot), 1e-7)
    elif k == "reflection":
        a, b, c = pr["line"]
        q0 = np.array(pr["point"], float)
        mid = (q0 + got) / 2
        dx, dy = got - q0
        assert abs(a * mid[0] + b * mid[1] - c) < 1e-9 and abs(a * dy - b * dx) < 1e-9  # on the normal
    else:
        dists = [np.linalg.norm(got - q) for q in P]
        assert np.allclose(dists, dists[0])


def _mp(expr: sympy.Expr):
    return sympy.lambdify(X, expr, modules="mpmath")


@checker("derivative")
def _(p: Problem) -> None:
    f = _mp(tex(question_math(p.question)[0].split("=", 1)[1]))
    df = _mp(tex(p.answer))
    mpmath.mp.dps = 30
    try:
        for x0 in (mpmath.mpf("0.37"), mpmath.mpf("1.9")):
            assert close(complex(mpmath.diff(f, x0)), complex(df(x0)), 1e-12)
    finally:
        mpmath.mp.dps = 15


def _braced(s: str, i: int) -> tuple[str, int]:
    """The ``{...}`` group starting at ``s[i]``, and the index after it."""
    assert s[i] == "{"
    depth, j = 0, i
    while True:
        depth += {"{": 1, "}": -1}.get(s[j], 0)
        if depth == 0:
            return s[i + 1:j], j + 1
        j += 1


@checker("definite_integral")
def _(p: Problem) -> None:
    text = question_math(p.question)[0]
    i = text.index("\\int_") + len("\\int_")
    lo, i = _braced(text, i)
    hi, i = _braced(text, i + 1)
    integrand = text[i:].split("\\, dx")[0]
    f = _mp(tex(integrand))
    a, b = (mpmath.mpmathify(sympy.N(tex(v), 30)) for v in (lo, hi))
    mpmath.mp.dps = 30
    try:
        assert close(complex(mpmath.quad(f, [a, (a + b) / 2, b])), complex(_num(tex(p.answer))), 1e-12)
    finally:
        mpmath.mp.dps = 15


@checker("limit")
def _(p: Problem) -> None:
    text = question_math(p.question)[0]
    at = re.match(r"\\lim_\{x \\to ([^}]+)\}", text).group(1)
    f = _mp(tex(text[text.index("}") + 1:]))
    want = complex(_num(tex(p.answer)))
    mpmath.mp.dps = 80
    try:
        if at == "\\infty":
            got = [f(mpmath.mpf(10) ** 15)]
        else:
            a = mpmath.mpf(int(at))
            got = [f(a + mpmath.mpf(10) ** -20), f(a - mpmath.mpf(10) ** -20)]
        for g in got:  # the function near the point, from both sides
            assert close(complex(g), want, 1e-9)
    finally:
        mpmath.mp.dps = 15


# ---------------------------------------------------------------- generic tests
# Distinct questions over seeds 0..999 at difficulty 1 when the family's space is
# genuinely small there (for N equally likely items and n = 1000 draws about
# N/n * (1 - exp(-n/N)) are distinct; the bounds sit a few points below that).
DISTINCT_AT_1: dict[str, float] = {
    "integer_arithmetic": 0.93,  # a ± b with a, b <= 99: ~19.6k items -> ~97.5% expected
    "order_of_operations": 0.93,  # three numbers <= 12, two of + - * /, two shapes: ~25k items -> ~97%
    "fraction_arithmetic": 0.6,  # a/b ± c/d, proper, b, d <= 12: ~4k items, non-uniform -> ~68%
    "decimal_percent": 0.45,  # round % of a multiple of 20 <= 1000, or a/b (b = 2^i 5^j <= 100): ~1.2k items
    "linear_equation": 0.93,  # a x + b = c: 18 a x 40 b x 19 solutions: ~13.7k items -> ~96%
    "inequality": 0.95,  # a x + b rel e: 9 a x 24 b x 25 e x 4 relations: ~21.6k items -> ~97.7%
    "polynomial_expansion": 0.42,  # (x + a)(x + b), a, b in +-1..12: 576 items -> ~47%
    "polynomial_factoring": 0.17,  # x^2 + b x + c from distinct roots in +-1..10: 190 items
    "quadratic_equation": 0.24,  # monic, distinct non-zero integer roots in [-12, 12]: 265 items
    "exponents": 0.78,  # a^n +- b^k, bases <= 15, exponents 2-4: ~4k items, non-uniform -> ~81%
    "logarithms": 0.93,  # log_b b^k +- log_c c^j, b, c <= 20: ~75^2 x 2 = 11k items -> ~95%
    "arithmetic_sequence": 0.95,  # term n <= 40 of a1 in [-20, 20], d in +-1..9: ~26k items -> ~98%
    "geometric_sequence": 0.62,  # term n of a1 in +-1..50, r in {2, 3}, n in 5..10: 1.2k items -> ~68%
    "gcd_lcm": 0.75,  # gcd(g m, g n) <= 100: ~3k items -> ~80%
    "modular_arithmetic": 0.92,  # a mod m, a in 100..999, m in 2..12: 9.9k items -> ~95%
    "divisors": 0.38,  # divisor counts of n <= 500: ~500 items -> ~43%
    "prime_factorization": 0.38,  # largest prime factor of n in 30..500: 471 items -> ~41%
    "complex_numbers": 0.99,
    "combinatorics": 0.18,  # choose k of n <= 14 (5 contexts) or P(n, k): ~260 items
    "probability": 0.11,  # one event on one die (6 dice, ~25 events each) or coins: ~150 items
    "polygon_geometry": 0.42,  # angle sum of an n-gon (38) or rectangle area/perimeter (29^2 x 2): ~1.7k items
    "pythagoras": 0.08,  # legs of 5 scaled (k <= 10) triples in two orders: 100 items
    "derivative": 0.72,  # a quadratic or cubic with coefficients 1..9, terms present at random: ~3k items
    "definite_integral": 0.93,  # integral of c1 x + c0 (c in 0..9) over integer bounds in [-6, 6]: ~13k items
    "determinant": 0.93,  # 2x2 with entries 0..9: 10^4 matrices, ~4.5k determinants shown as matrices -> ~95%
}

TOPICS = {  # topic -> registered family names that must exist
    "integer and rational arithmetic": ["integer_arithmetic", "fraction_arithmetic"],
    "order of operations": ["order_of_operations"],
    "fractions, decimals, percent": ["decimal_percent"],
    "linear equations": ["linear_equation"],
    "systems of equations": ["linear_system"],
    "quadratics": ["quadratic_equation"],
    "polynomial expansion and factoring": ["polynomial_expansion", "polynomial_factoring"],
    "inequalities": ["inequality"],
    "exponents and logarithms": ["exponents", "logarithms"],
    "sequences and series": ["arithmetic_sequence", "geometric_sequence"],
    "number theory": ["gcd_lcm", "modular_arithmetic", "divisors", "prime_factorization"],
    "linear algebra": ["determinant", "matrix_product", "matrix_equation"],
    "complex numbers": ["complex_numbers"],
    "combinatorics and probability": ["combinatorics", "probability"],
    "geometry": ["polygon_geometry", "pythagoras", "coordinate_geometry"],
    "calculus": ["derivative", "definite_integral", "limit"],
}


def make(name: str, seed: int, difficulty: int, stream: int = 0) -> Problem:
    return FAMILIES[name].make(np.random.default_rng([seed, stream]), difficulty)


def test_families_registered_and_cover_topics():
    assert len(FAMILIES) >= 20
    assert len(FAMILY_MODULES) == len(set(FAMILY_MODULES)) == len(FAMILIES)
    for topic, names in TOPICS.items():
        for name in names:
            assert name in FAMILIES, (topic, name)
    for fam in FAMILIES.values():
        assert fam.description and fam.name in CHECKERS, fam.name


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_answer_matches_independent_recomputation(name: str, difficulty: int):
    for seed in range(SEEDS):
        p = make(name, seed, difficulty, stream=7)
        assert isinstance(p.question, str) and isinstance(p.answer, str) and p.answer
        try:
            CHECKERS[name](p)
        except Exception as exc:  # name the failing item
            raise AssertionError(f"{name} d={difficulty} seed={seed}: {p}") from exc


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_questions_are_distinct(name: str, difficulty: int):
    questions = {make(name, s, difficulty).question for s in range(1000)}
    bound = DISTINCT_AT_1.get(name, 0.99) if difficulty == 1 else 0.99
    assert len(questions) / 1000 >= bound, (name, difficulty, len(questions))


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_config_validation(name: str):
    cls = FAMILIES[name].config_cls
    for bad in (0, 11, "3", 2.5):
        with pytest.raises(ConfigError, match="1 to 10"):
            cls(difficulty=bad)
    assert cls(difficulty=10).difficulty == 10


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_deterministic(name: str):
    for d in (1, 6, 10):
        assert make(name, 123, d) == make(name, 123, d)
        assert make(name, 123, d, 1) == make(name, 123, d, 1)


def _canonical(value, family: str):
    """A comparable form of a parsed answer: numbers as complex, structures as lists of numbers."""
    i_sym = sympy.Symbol("i")

    def num(v):
        if isinstance(v, Fraction):
            return complex(v)
        v = sympy.sympify(v).doit().subs(i_sym, sympy.I)  # doit: latex2sympy keeps 1/100 of "%" unevaluated
        if v.free_symbols:
            v = v.subs({s: sympy.Rational(13, 10) for s in v.free_symbols})  # expressions: compare at x = 1.3
        return complex(sympy.N(v, 30))

    if isinstance(value, (sympy.Interval, sympy.Union)):
        parts = value.args if isinstance(value, sympy.Union) else [value]
        return [(num(q.start), num(q.end), bool(q.left_open), bool(q.right_open)) for q in parts]
    if isinstance(value, sympy.MatrixBase):
        return [num(v) for v in value]
    if isinstance(value, (sympy.FiniteSet, set, frozenset)) or type(value).__name__ == "FiniteSet":
        return sorted((num(v) for v in value), key=lambda c: (round(c.real, 9), round(c.imag, 9)))
    if isinstance(value, (tuple, list, sympy.Tuple)):
        return [num(v) for v in value]
    return num(value)


def _local(p: Problem, family: str):
    a = p.answer
    if a.startswith("\\begin{pmatrix}"):
        return [complex(v) for row in parse_matrix(a) for v in row]
    if a.startswith("\\{"):
        return _canonical(set(parse_set(a)), family)
    if family == "inequality":
        return [(complex(lo), complex(hi), not lc, not hc) for lo, hi, lc, hc in parse_intervals(a)]
    if a.startswith("(") and a.endswith(")") and "," in a and "\\cup" not in a:
        return _canonical(parse_tuple(a), family)
    if a.endswith("\\%"):
        return _canonical(tex(a[:-2]) / 100, family)
    return _canonical(tex(a, complex_i=family == "complex_numbers"), family)


def _close_structures(a, b) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close_structures(x, y) for x, y in zip(a, b))
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_close_structures(x, y) for x, y in zip(a, b))
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, complex) and isinstance(b, complex) and (math.isinf(a.real) or math.isinf(b.real)):
        return a == b
    return close(a, b, 1e-9)


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_answers_read_the_same_with_latex2sympy(name: str):
    """What the verifier's parser reads from each answer is what the test-local reader reads."""
    from latex2sympy2_extended import latex2sympy

    for d in DIFFICULTIES:
        for seed in range(2):
            p = make(name, seed, d, stream=3)
            ours = _local(p, name)
            theirs = latex2sympy(p.answer)
            if isinstance(ours, list) and isinstance(theirs, sympy.Interval) and name != "inequality":
                theirs = sympy.Tuple(theirs.start, theirs.end)  # latex2sympy reads "(a, b)" with a < b as an interval
            assert _close_structures(_canonical(theirs, name), ours), (name, d, seed, p.answer, theirs)
