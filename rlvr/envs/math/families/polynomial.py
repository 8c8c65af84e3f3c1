"""Exact polynomial arithmetic on coefficient lists (``p[i]`` multiplies ``x^i``).

Families build polynomials from chosen roots and factors with these, so the
answer is known exactly without a CAS.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Sequence

Number = int | Fraction
Poly = list


def trim(p: Sequence[Number]) -> Poly:
    p = list(p)
    while len(p) > 1 and p[-1] == 0:
        p.pop()
    return p or [0]


def add(p: Sequence[Number], q: Sequence[Number]) -> Poly:
    n = max(len(p), len(q))
    return trim([(p[i] if i < len(p) else 0) + (q[i] if i < len(q) else 0) for i in range(n)])


def scale(p: Sequence[Number], c: Number) -> Poly:
    return trim([c * a for a in p])


def sub(p: Sequence[Number], q: Sequence[Number]) -> Poly:
    return add(p, scale(q, -1))


def mul(p: Sequence[Number], q: Sequence[Number]) -> Poly:
    out = [0] * (len(p) + len(q) - 1)
    for i, a in enumerate(p):
        if a:
            for j, b in enumerate(q):
                out[i + j] += a * b
    return trim(out)


def pow_(p: Sequence[Number], n: int) -> Poly:
    out: Poly = [1]
    for _ in range(n):
        out = mul(out, p)
    return out


def product(polys: Sequence[Sequence[Number]]) -> Poly:
    out: Poly = [1]
    for p in polys:
        out = mul(out, p)
    return out


def evaluate(p: Sequence[Number], x: Number) -> Number:
    v: Number = 0
    for a in reversed(p):
        v = v * x + a
    return v


def derivative(p: Sequence[Number]) -> Poly:
    return trim([i * p[i] for i in range(1, len(p))]) if len(p) > 1 else [0]


def antiderivative(p: Sequence[Number]) -> Poly:
    return [0] + [Fraction(a, i + 1) for i, a in enumerate(p)]


def degree(p: Sequence[Number]) -> int:
    return len(trim(p)) - 1


def content_sign_normalized(p: Sequence[int]) -> Poly:
    """Divide an integer polynomial by the gcd of its coefficients; make the leading coefficient positive."""
    from math import gcd

    g = 0
    for a in p:
        g = gcd(g, a)
    g = g or 1
    if p[-1] < 0:
        g = -g
    return [a // g for a in p]
