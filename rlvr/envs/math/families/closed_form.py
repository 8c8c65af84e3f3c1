"""Exact real constants as rational combinations of ``pi^a sqrt(m) e^b ln(p)`` monomials.

Enough for the calculus and geometry families: definite integrals of
polynomials, trig, exponentials and ``1/x`` over nice bounds, limits equal to
``e^k``, circle areas ``25\\pi``. Arithmetic is exact (``Fraction``
coefficients) and rendering is hand-built LaTeX (``\\ln``, never ``\\log``,
which LaTeX parsers read as base 10).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Union

from rlvr.envs.math.families.latex import frac, squarefree_split

# (pi power, square-free radicand, e power, prime inside ln or 1)
Key = tuple[int, int, int, int]
ONE: Key = (0, 1, 0, 1)
Scalar = Union[int, Fraction]


def _prime_factors(n: int) -> dict[int, int]:
    out: dict[int, int] = {}
    p = 2
    while p * p <= n:
        while n % p == 0:
            out[p] = out.get(p, 0) + 1
            n //= p
        p += 1
    if n > 1:
        out[n] = out.get(n, 0) + 1
    return out


class Closed:
    """An exact constant ``sum_k c_k * monomial_k``."""

    __slots__ = ("terms",)

    def __init__(self, terms: dict[Key, Fraction] | None = None) -> None:
        self.terms = {k: v for k, v in (terms or {}).items() if v}

    # constructors ----------------------------------------------------------
    @classmethod
    def rational(cls, q: Scalar) -> "Closed":
        return cls({ONE: Fraction(q)})

    @classmethod
    def sqrt(cls, n: int) -> "Closed":
        k, m = squarefree_split(n)
        return cls({(0, m, 0, 1): Fraction(k)})

    @classmethod
    def pi(cls, power: int = 1) -> "Closed":
        return cls({(power, 1, 0, 1): Fraction(1)})

    @classmethod
    def exp(cls, k: int) -> "Closed":
        return cls({(0, 1, k, 1): Fraction(1)})

    @classmethod
    def ln(cls, q: Scalar) -> "Closed":
        """``ln q`` for a positive rational, split over primes: ``ln 12 = 2 ln 2 + ln 3``."""
        q = Fraction(q)
        if q <= 0:
            raise ValueError("ln needs a positive argument")
        terms: dict[Key, Fraction] = {}
        for p, e in _prime_factors(q.numerator).items():
            terms[(0, 1, 0, p)] = terms.get((0, 1, 0, p), Fraction(0)) + e
        for p, e in _prime_factors(q.denominator).items():
            terms[(0, 1, 0, p)] = terms.get((0, 1, 0, p), Fraction(0)) - e
        return cls(terms)

    @classmethod
    def sin_pi(cls, r: Scalar) -> "Closed":
        """``sin(r * pi)`` exactly, for ``r`` with denominator 1, 2, 3, 4 or 6."""
        r = Fraction(r) % 2
        if r.denominator not in (1, 2, 3, 4, 6):
            raise ValueError(f"no exact table value for sin({r} pi)")
        sign = 1
        if r >= 1:
            r, sign = r - 1, -1
        if r > Fraction(1, 2):
            r = 1 - r
        table = {Fraction(0): cls(), Fraction(1, 6): cls.rational(Fraction(1, 2)),
                 Fraction(1, 4): cls.sqrt(2) * Fraction(1, 2), Fraction(1, 3): cls.sqrt(3) * Fraction(1, 2),
                 Fraction(1, 2): cls.rational(1)}
        return table[r] * sign

    @classmethod
    def cos_pi(cls, r: Scalar) -> "Closed":
        return cls.sin_pi(Fraction(1, 2) - Fraction(r))

    # arithmetic ------------------------------------------------------------
    def __add__(self, other: "Closed | Scalar") -> "Closed":
        other = other if isinstance(other, Closed) else Closed.rational(other)
        terms = dict(self.terms)
        for k, v in other.terms.items():
            terms[k] = terms.get(k, Fraction(0)) + v
        return Closed(terms)

    __radd__ = __add__

    def __neg__(self) -> "Closed":
        return Closed({k: -v for k, v in self.terms.items()})

    def __sub__(self, other: "Closed | Scalar") -> "Closed":
        return self + (-other if isinstance(other, Closed) else -Fraction(other))

    def __rsub__(self, other: Scalar) -> "Closed":
        return Closed.rational(other) - self

    def __mul__(self, other: "Closed | Scalar") -> "Closed":
        if not isinstance(other, Closed):
            return Closed({k: v * other for k, v in self.terms.items()})
        terms: dict[Key, Fraction] = {}
        for (pa, ra, ea, la), va in self.terms.items():
            for (pb, rb, eb, lb), vb in other.terms.items():
                if la != 1 and lb != 1:
                    raise ValueError("a product of two logarithms is not representable")
                k, m = squarefree_split(ra * rb)
                key = (pa + pb, m, ea + eb, la * lb)
                terms[key] = terms.get(key, Fraction(0)) + va * vb * k
        return Closed(terms)

    __rmul__ = __mul__

    def __truediv__(self, q: Scalar) -> "Closed":
        return self * (1 / Fraction(q))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Closed):
            other = Closed.rational(other)  # type: ignore[arg-type]
        return self.terms == other.terms

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.terms.items())))

    # inspection ------------------------------------------------------------
    def is_rational(self) -> bool:
        return all(k == ONE for k in self.terms)

    def as_fraction(self) -> Fraction:
        if not self.is_rational():
            raise ValueError("not a rational number")
        return self.terms.get(ONE, Fraction(0))

    def latex(self) -> str:
        if not self.terms:
            return "0"
        # irrational terms first (highest powers of pi / e first), the rational part last
        keys = sorted(self.terms, key=lambda k: (k == ONE, -k[0], -k[2], k[1], k[3]))
        out = ""
        for key in keys:
            t = _monomial_latex(self.terms[key], key)
            if not out:
                out = t
            elif t.startswith("-"):
                out += " - " + t[1:]
            else:
                out += " + " + t
        return out

    def __repr__(self) -> str:
        return f"Closed({self.latex()})"


def _monomial_latex(c: Fraction, key: Key) -> str:
    pi_pow, rad, e_pow, ln_arg = key
    factors = []
    if rad != 1:
        factors.append(f"\\sqrt{{{rad}}}")
    if pi_pow:
        factors.append("\\pi" if pi_pow == 1 else f"\\pi^{{{pi_pow}}}")
    if e_pow:
        factors.append("e" if e_pow == 1 else f"e^{{{e_pow}}}")
    if ln_arg != 1:
        factors.append(f"\\ln{{\\left({ln_arg} \\right)}}")
    if not factors:
        return frac(c)
    body = " ".join(factors)
    sign = "-" if c < 0 else ""
    n, d = abs(c.numerator), c.denominator
    top = body if n == 1 else f"{n} {body}"
    return f"{sign}{top}" if d == 1 else f"{sign}\\frac{{{top}}}{{{d}}}"
