"""Modular arithmetic: remainders, modular powers and inverses, linear congruences, the CRT.

Difficulty 1 asks for a remainder of a three-digit number; then come
negative and large numbers, expressions mod ``m``, powers with growing
exponents (up to ``10^12`` at difficulty 9 and a power tower at 10), modular
inverses, linear congruences whose coefficient shares a factor with the
modulus, last two digits, and systems of two or three congruences. Every
answer is the least non-negative residue or the least non-negative solution.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import gcd

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.sampling import pick, randint, scale

POOLS = {
    1: ("remainder",), 2: ("remainder", "expression"), 3: ("expression", "power"), 4: ("power", "expression"),
    5: ("power", "last_digit", "inverse"), 6: ("inverse", "congruence", "power"),
    7: ("congruence", "last_two_digits", "inverse"), 8: ("crt2", "last_two_digits", "congruence"),
    9: ("crt2", "power", "crt3"), 10: ("crt3", "tower", "congruence"),
}


@dataclass
class ModularArithmeticConfig(FamilyConfig):
    """Knobs of ``modular_arithmetic``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def _crt(residues: list[int], moduli: list[int]) -> int:
    x, m = 0, 1
    for r, n in zip(residues, moduli):
        # x + m t = r (mod n)  ->  t = (r - x) m^-1 (mod n); moduli are pairwise coprime
        t = (r - x) * pow(m, -1, n) % n
        x, m = x + m * t, m * n
    return x % m


def _coprime_moduli(rng: np.random.Generator, k: int, hi: int) -> list[int]:
    while True:
        ms = [randint(rng, 3, hi) for _ in range(k)]
        if all(gcd(a, b) == 1 for i, a in enumerate(ms) for b in ms[i + 1:]):
            return ms


def generate(rng: np.random.Generator, config: ModularArithmeticConfig) -> Problem:
    d = config.difficulty
    kind = pick(rng, POOLS[d])
    if kind == "remainder":
        m = randint(rng, 2, scale(d, 12, 40))
        a = randint(rng, 100, 999) if d == 1 else randint(rng, -10**5, 10**5)
        word = "the least non-negative remainder" if a < 0 else "the remainder"
        q = f"What is {word} when ${a}$ is divided by ${m}$?"
        return Problem(q, str(a % m), {"kind": kind, "a": a, "m": m})
    if kind == "expression":  # (a b + c) mod m or (a b - c d) mod m
        m = randint(rng, 5, scale(d, 30, 100))
        a, b, c, e = (randint(rng, 10, scale(d, 10**3, 10**5)) for _ in range(4))
        if d >= 3 and pick(rng, (0, 1)):
            text, value = f"{a} \\cdot {b} - {c} \\cdot {e}", a * b - c * e
        else:
            text, value = f"{a} \\cdot {b} + {c}", a * b + c
        q = f"Compute $({text}) \\bmod {m}$, the least non-negative residue."
        return Problem(q, str(value % m), {"kind": kind, "expression": text, "m": m})
    if kind in ("power", "last_digit", "last_two_digits"):
        m = {"last_digit": 10, "last_two_digits": 100}.get(kind) or randint(rng, 5, scale(d, 30, 1000))
        a = randint(rng, 2, scale(d, 20, 10**4))
        e = randint(rng, 10, scale(d, 100, 10**12))
        if kind == "power":
            q = f"What is the remainder when ${a}^{{{e}}}$ is divided by ${m}$?"
        elif kind == "last_digit":
            q = f"What is the last digit of ${a}^{{{e}}}$?"
        else:
            q = (f"What are the last two digits of ${a}^{{{e}}}$? Answer with the number they form "
                 f"(the remainder mod $100$).")
        return Problem(q, str(pow(a, e, m)), {"kind": kind, "a": a, "e": e, "m": m})
    if kind == "tower":  # a^(b^c) mod m
        m = randint(rng, 7, 500)
        a, b, c = randint(rng, 2, 50), randint(rng, 2, 9), randint(rng, 2, 6)
        q = f"What is the remainder when ${a}^{{{b}^{{{c}}}}}$ is divided by ${m}$?"
        return Problem(q, str(pow(a, b**c, m)), {"kind": kind, "a": a, "e": b**c, "tower": [b, c], "m": m})
    if kind == "inverse":
        m = randint(rng, 7, scale(d, 100, 3000))
        while True:
            a = randint(rng, 2, m - 1)
            if gcd(a, m) == 1:
                break
        q = (f"Find the inverse of ${a}$ modulo ${m}$: the integer $x$ with $0 \\le x < {m}$ and "
             f"${a} x \\equiv 1 \\pmod{{{m}}}$.")
        return Problem(q, str(pow(a, -1, m)), {"kind": kind, "a": a, "m": m})
    if kind == "congruence":  # a x = b (mod m) with g = gcd(a, m) dividing b: least non-negative solution
        m = randint(rng, 10, scale(d, 60, 3000))
        while True:
            a, x0 = randint(rng, 2, 10 * m), randint(rng, 0, m - 1)
            g = gcd(a, m)
            if g < m:
                break
        b = a * x0 % m
        least = (b // g) * pow(a // g, -1, m // g) % (m // g)
        q = f"Find the least non-negative integer $x$ with ${a} x \\equiv {b} \\pmod{{{m}}}$."
        return Problem(q, str(least), {"kind": kind, "a": a, "b": b, "m": m})
    k = 2 if kind == "crt2" else 3
    moduli = _coprime_moduli(rng, k, 20 if k == 2 else 12 + 2 * d)
    residues = [randint(rng, 0, n - 1) for n in moduli]
    system = ", ".join(f"$x \\equiv {r} \\pmod{{{n}}}$" for r, n in zip(residues, moduli))
    q = f"Find the least non-negative integer $x$ with {system}."
    return Problem(q, str(_crt(residues, moduli)), {"kind": kind, "residues": residues, "moduli": moduli})


register_family("modular_arithmetic", generate, ModularArithmeticConfig,
                "remainders, modular powers and inverses, linear congruences, Chinese remainder theorem")
