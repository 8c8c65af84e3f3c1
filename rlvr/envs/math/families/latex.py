"""Hand-built LaTeX for exact values, in the canonical answer forms ``verify_math`` parses.

``sympy.latex`` costs ~1 ms an expression; these cost a few microseconds.
Forms: ``-12``, ``-\\frac{3}{4}``, ``2\\sqrt{3}``, ``\\frac{\\sqrt{2}}{2}``,
``x^{2} + 2 x + 1``, ``(-\\infty, 3]``, ``(2, -1)``, ``\\{-3, 2\\}``,
``\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}``, ``3 + 4i``.
"""

from __future__ import annotations

from fractions import Fraction
from math import isqrt
from typing import Iterable, Sequence

Number = int | Fraction


def frac(q: Number) -> str:
    """``\\frac{3}{4}`` / ``-\\frac{3}{4}`` in lowest terms, or an integer."""
    q = Fraction(q)
    if q.denominator == 1:
        return str(q.numerator)
    sign = "-" if q < 0 else ""
    return f"{sign}\\frac{{{abs(q.numerator)}}}{{{q.denominator}}}"


def fstr(q: Number) -> str:
    """A rational for ``Problem.params``: ``"3/4"`` or ``"-5"``."""
    return str(Fraction(q))


def paren(q: Number) -> str:
    """A number as an operand: negative numbers and fractions in parentheses."""
    s = frac(q)
    return f"\\left({s}\\right)" if (q < 0 or Fraction(q).denominator != 1) else s


def neg_paren(q: Number) -> str:
    """A number as an operand: only negative numbers in parentheses."""
    s = frac(q)
    return f"\\left({s}\\right)" if q < 0 else s


def join_terms(terms: Iterable[str]) -> str:
    """Join signed terms: ``["x^{2}", "-3 x", "2"]`` -> ``x^{2} - 3 x + 2``; empty -> ``0``."""
    out = ""
    for t in terms:
        if not out:
            out = t
        elif t.startswith("-"):
            out += " - " + t[1:].lstrip()
        else:
            out += " + " + t
    return out or "0"


def coef_times(c: Number, body: str) -> str:
    """``c`` times a non-numeric factor: ``x^{2}``, ``-x``, ``3 x``, ``\\frac{3}{4} x``."""
    c = Fraction(c)
    if c == 1:
        return body
    if c == -1:
        return "-" + body
    return f"{frac(c)} {body}"


def power(var: str, n: Number) -> str:
    """``x``, ``x^{3}``, ``x^{-2}``, ``x^{\\frac{1}{2}}``."""
    return var if n == 1 else f"{var}^{{{frac(n)}}}"


def poly(coeffs: Sequence[Number], var: str = "x") -> str:
    """A polynomial from coefficients indexed by power (``coeffs[i]`` multiplies ``x^i``), highest first."""
    terms = []
    for i in range(len(coeffs) - 1, -1, -1):
        c = coeffs[i]
        if c:
            terms.append(frac(c) if i == 0 else coef_times(c, power(var, i)))
    return join_terms(terms)


def linear_form(coeffs: Sequence[Number], names: Sequence[str], const: Number = 0) -> str:
    """``2 x - y + 3 z - 4`` from coefficients and variable names."""
    terms = [coef_times(c, n) for c, n in zip(coeffs, names) if c]
    if const:
        terms.append(frac(const))
    return join_terms(terms)


def squarefree_split(n: int) -> tuple[int, int]:
    """``n = k^2 * m`` with ``m`` square-free; returns ``(k, m)``."""
    k, m, p = 1, n, 2
    while p * p <= m:
        while m % (p * p) == 0:
            m //= p * p
            k *= p
        p += 1
    return k, m


def surd(coef: Number, radicand: int) -> str:
    """``coef * sqrt(radicand)`` simplified: ``2\\sqrt{3}``, ``-\\frac{\\sqrt{2}}{2}``, ``5``."""
    if radicand < 0:
        raise ValueError("surd needs a non-negative radicand")
    r = isqrt(radicand)
    if r * r == radicand:
        return frac(Fraction(coef) * r)
    k, m = squarefree_split(radicand)
    c = Fraction(coef) * k
    sign = "-" if c < 0 else ""
    n, d = abs(c.numerator), c.denominator
    top = f"\\sqrt{{{m}}}" if n == 1 else f"{n} \\sqrt{{{m}}}"
    return f"{sign}{top}" if d == 1 else f"{sign}\\frac{{{top}}}{{{d}}}"


def quadratic_surd(p: Number, q: Number, radicand: int) -> str:
    """``p + q sqrt(radicand)`` with a common denominator: ``\\frac{3 + \\sqrt{5}}{2}``."""
    p, q = Fraction(p), Fraction(q)
    r = isqrt(radicand)
    if r * r == radicand:
        return frac(p + q * r)
    k, m = squarefree_split(radicand)
    q *= k
    if p == 0:
        return surd(q, m)
    den = p.denominator * q.denominator // _gcd(p.denominator, q.denominator)
    a, b = int(p * den), int(q * den)
    body = f"\\sqrt{{{m}}}" if abs(b) == 1 else f"{abs(b)} \\sqrt{{{m}}}"
    top = f"{a} {'-' if b < 0 else '+'} {body}"
    return top if den == 1 else f"\\frac{{{top}}}{{{den}}}"


def _gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return abs(a)


def interval(lo: Number | None, hi: Number | None, lo_closed: bool, hi_closed: bool) -> str:
    """``[a, b)``; ``None`` is an infinite end (always open)."""
    left = "(-\\infty" if lo is None else ("[" if lo_closed else "(") + frac(lo)
    right = "\\infty)" if hi is None else frac(hi) + ("]" if hi_closed else ")")
    return f"{left}, {right}"


def union(parts: Sequence[str]) -> str:
    return " \\cup ".join(parts)


def tuple_(items: Iterable[str]) -> str:
    return "(" + ", ".join(items) + ")"


def set_(items: Iterable[str]) -> str:
    return "\\{" + ", ".join(items) + "\\}"


def pmatrix(rows: Sequence[Sequence[Number]]) -> str:
    body = " \\\\ ".join(" & ".join(frac(v) for v in row) for row in rows)
    return f"\\begin{{pmatrix}} {body} \\end{{pmatrix}}"


def complex_(re: Number, im: Number) -> str:
    """``3 + 4i``, ``-2i``, ``\\frac{1}{2} - \\frac{3}{2}i``, ``5``, ``0``."""
    re, im = Fraction(re), Fraction(im)
    if im == 0:
        return frac(re)
    imag = "i" if abs(im) == 1 else f"{frac(abs(im))}i"
    if re == 0:
        return ("-" if im < 0 else "") + imag
    return f"{frac(re)} {'-' if im < 0 else '+'} {imag}"


def complex_operand(re: Number, im: Number) -> str:
    """A complex number as an operand, in parentheses unless it is a non-negative real."""
    s = complex_(re, im)
    return s if (im == 0 and re >= 0) else f"\\left({s}\\right)"


def decimal(q: Number) -> str:
    """The exact decimal of a rational whose denominator is ``2^a 5^b``: ``0.375``, ``-12.5``, ``7``."""
    q = Fraction(q)
    d, twos, fives = q.denominator, 0, 0
    while d % 2 == 0:
        d, twos = d // 2, twos + 1
    while d % 5 == 0:
        d, fives = d // 5, fives + 1
    if d != 1:
        raise ValueError(f"{q} has no finite decimal expansion")
    k = max(twos, fives)
    n = abs(q.numerator) * 10**k // q.denominator
    sign = "-" if q < 0 else ""
    if k == 0:
        return f"{sign}{n}"
    digits = str(n).rjust(k + 1, "0")
    return f"{sign}{digits[:-k]}.{digits[-k:]}".rstrip("0").rstrip(".")
