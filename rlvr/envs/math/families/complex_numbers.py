"""Complex numbers: arithmetic in ``a + b i`` form, powers, moduli, a linear equation in ``z``.

Difficulty 1 adds two complex numbers with one-digit parts; then come
products, quotients (fraction parts), moduli (integers, then simplified
radicals), powers of ``i`` and of ``a + b i``, mixed expressions, moduli of
products and quotients, solving ``(a + b i) z + c = d + e i``, and at
difficulties 9-10 products of high powers like ``(1 - i)^{12} (2 + i)^{5}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import complex_, complex_operand, fstr, surd
from rlvr.envs.math.families.sampling import pick, randint, scale, signed

C = tuple[Fraction, Fraction]
POOLS = {
    1: ("sum",), 2: ("sum", "product"), 3: ("product", "power_i"), 4: ("quotient", "product"),
    5: ("modulus", "quotient", "power"), 6: ("power", "modulus", "expression"),
    7: ("expression", "modulus_ratio", "quotient"), 8: ("equation", "modulus_ratio", "expression"),
    9: ("equation", "high_power", "expression"), 10: ("high_power", "equation", "modulus_ratio"),
}
#: Pythagorean pairs (a, b) with a^2 + b^2 a perfect square, for integer moduli
TRIPLES = ((3, 4), (5, 12), (8, 15), (7, 24), (20, 21), (6, 8), (9, 12), (12, 16), (15, 20), (9, 40), (12, 35))


@dataclass
class ComplexNumbersConfig(FamilyConfig):
    """Knobs of ``complex_numbers``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def mul(z: C, w: C) -> C:
    return (z[0] * w[0] - z[1] * w[1], z[0] * w[1] + z[1] * w[0])


def div(z: C, w: C) -> C:
    n = w[0] ** 2 + w[1] ** 2
    return ((z[0] * w[0] + z[1] * w[1]) / n, (z[1] * w[0] - z[0] * w[1]) / n)


def _z(rng: np.random.Generator, m: int) -> C:
    return (Fraction(randint(rng, -m, m)), Fraction(signed(rng, 1, m)))


def _op(z: C) -> str:
    return complex_operand(z[0], z[1])


def _params(*zs: C) -> list[list[str]]:
    return [[fstr(z[0]), fstr(z[1])] for z in zs]


def generate(rng: np.random.Generator, config: ComplexNumbersConfig) -> Problem:
    d = config.difficulty
    kind = pick(rng, POOLS[d])
    m = scale(d, 9, 20)
    form = "Write the answer in the form $a + b i$ with exact (fractional) $a$ and $b$."
    if kind == "sum":
        z, w = _z(rng, m), _z(rng, m)
        sign = pick(rng, (1, -1)) if d >= 2 else 1
        value = (z[0] + sign * w[0], z[1] + sign * w[1])
        q = f"Compute ${_op(z)} {'+' if sign > 0 else '-'} {_op(w)}$. {form}"
        return Problem(q, complex_(*value), {"kind": kind, "numbers": _params(z, w), "sign": sign})
    if kind in ("product", "quotient"):
        z, w = _z(rng, m), _z(rng, m)
        value = mul(z, w) if kind == "product" else div(z, w)
        text = f"{_op(z)} {_op(w)}" if kind == "product" else f"\\frac{{{complex_(*z)}}}{{{complex_(*w)}}}"
        return Problem(f"Compute ${text}$. {form}", complex_(*value), {"kind": kind, "numbers": _params(z, w)})
    if kind == "power_i":  # i^a + i^b - i^c
        exps = [randint(rng, 2, 200) for _ in range(3)]
        signs = [1, pick(rng, (1, -1)), pick(rng, (1, -1))]
        unit = [(1, 0), (0, 1), (-1, 0), (0, -1)]
        re = sum(s * unit[e % 4][0] for s, e in zip(signs, exps))
        im = sum(s * unit[e % 4][1] for s, e in zip(signs, exps))
        text = " ".join(("" if i == 0 else "+ " if s > 0 else "- ") + f"i^{{{e}}}"
                        for i, (s, e) in enumerate(zip(signs, exps)))
        return Problem(f"Compute ${text}$, where $i^{{2}} = -1$. {form}", complex_(re, im),
                       {"kind": kind, "exponents": exps, "signs": signs})
    if kind == "power":  # z^n w
        z, w = _z(rng, scale(d, 6, 9)), _z(rng, 9)
        n = randint(rng, 2, 4)
        value: C = w
        for _ in range(n):
            value = mul(value, z)
        return Problem(f"Compute ${_op(z)}^{{{n}}} {_op(w)}$. {form}", complex_(*value),
                       {"kind": kind, "numbers": _params(z, w), "n": n})
    if kind == "modulus":  # a scaled Pythagorean pair (integer modulus) or any parts (a radical)
        if randint(rng, 0, 3) == 0:
            a, b = pick(rng, TRIPLES)
            k = randint(rng, 1, 10)
            z = (Fraction(k * a * pick(rng, (1, -1))), Fraction(k * b * pick(rng, (1, -1))))
            if pick(rng, (0, 1)):
                z = (z[1], z[0])
        else:
            z = _z(rng, 5 * m)
        norm = int(z[0] ** 2 + z[1] ** 2)
        return Problem(f"What is the modulus $\\left|{complex_(*z)}\\right|$? Give an exact value.", surd(1, norm),
                       {"kind": kind, "numbers": _params(z)})
    if kind == "expression":  # (z w) / u + v
        z, w, u, v = _z(rng, 6), _z(rng, 6), _z(rng, 6), _z(rng, 9)
        value = div(mul(z, w), u)
        value = (value[0] + v[0], value[1] + v[1])
        text = f"\\frac{{{_op(z)} {_op(w)}}}{{{complex_(*u)}}} + {_op(v)}"
        return Problem(f"Compute ${text}$. {form}", complex_(*value), {"kind": kind, "numbers": _params(z, w, u, v)})
    if kind == "modulus_ratio":  # |z w / u| = |z| |w| / |u|, a radical over an integer
        z, w, u = _z(rng, m), _z(rng, m), _z(rng, m)
        nz, nw, nu = (int(t[0] ** 2 + t[1] ** 2) for t in (z, w, u))
        # sqrt(nz nw / nu) = sqrt(nz nw nu) / nu
        text = f"\\left|\\frac{{{_op(z)} {_op(w)}}}{{{complex_(*u)}}}\\right|"
        return Problem(f"Compute ${text}$. Give an exact value (a simplified radical, possibly over an integer).",
                       surd(Fraction(1, nu), nz * nw * nu), {"kind": kind, "numbers": _params(z, w, u)})
    if kind == "equation":  # (a + b i) z + c = d + e i  ->  z = (d + e i - c) / (a + b i)
        a, c, e = _z(rng, m), _z(rng, m), _z(rng, m)
        z = div((e[0] - c[0], e[1] - c[1]), a)
        text = f"{_op(a)} z + {_op(c)} = {complex_(*e)}"
        return Problem(f"Solve ${text}$ for the complex number $z$. {form}", complex_(*z),
                       {"kind": kind, "numbers": _params(a, c, e)})
    # high_power: z1^n1 z2^n2 with small Gaussian integers and exponents up to 16
    bases = [(Fraction(a), Fraction(b)) for a in (-2, -1, 1, 2) for b in (-2, -1, 1, 2) if abs(a) + abs(b) <= 3]
    z, w = pick(rng, bases), pick(rng, bases)
    n, k = randint(rng, 5, 16), randint(rng, 2, 16)
    value = (Fraction(1), Fraction(0))
    for _ in range(n):
        value = mul(value, z)
    for _ in range(k):
        value = mul(value, w)
    text = f"{_op(z)}^{{{n}}} {_op(w)}^{{{k}}}"
    return Problem(f"Compute ${text}$. {form}", complex_(*value),
                   {"kind": kind, "numbers": _params(z, w), "exponents": [n, k]})


register_family("complex_numbers", generate, ComplexNumbersConfig,
                "complex arithmetic, powers, moduli and linear equations in a + b i form")
