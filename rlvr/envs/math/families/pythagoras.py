"""The Pythagorean theorem: sides of right triangles, diagonals, heights, special triangles.

Difficulty 1 finds the hypotenuse of a scaled Pythagorean triple; then come
missing legs, rectangle diagonals, ladders against walls, answers that are
simplified radicals, space diagonals of boxes, heights of isosceles triangles,
30-60-90 and 45-45-90 triangles, and at difficulties 8-10 the altitude to the
hypotenuse and two-step problems with fractional answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import surd
from rlvr.envs.math.families.sampling import pick, randint, scale

TRIPLES = ((3, 4, 5), (5, 12, 13), (8, 15, 17), (7, 24, 25), (20, 21, 29), (9, 40, 41), (12, 35, 37),
           (11, 60, 61), (28, 45, 53), (33, 56, 65), (16, 63, 65), (48, 55, 73), (13, 84, 85), (36, 77, 85))
POOLS = {
    1: ("hypotenuse",), 2: ("hypotenuse", "leg"), 3: ("leg", "diagonal", "ladder"),
    4: ("hypotenuse_radical", "ladder", "leg"), 5: ("hypotenuse_radical", "leg_radical", "box"),
    6: ("box", "isosceles", "special"), 7: ("isosceles", "special", "leg_radical"), 8: ("altitude", "special", "box"),
    9: ("altitude", "isosceles", "special"), 10: ("altitude", "box", "two_step"),
}


@dataclass
class PythagorasConfig(FamilyConfig):
    """Knobs of ``pythagoras``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def _triple(rng: np.random.Generator, d: int) -> tuple[int, int, int]:
    a, b, c = pick(rng, TRIPLES[: 4 + d])
    k = randint(rng, 1, scale(d, 10, 30))
    return (a * k, b * k, c * k) if pick(rng, (0, 1)) else (b * k, a * k, c * k)


def generate(rng: np.random.Generator, config: PythagorasConfig) -> Problem:
    d = config.difficulty
    kind = pick(rng, POOLS[d])
    m = scale(d, 60, 400)
    exact = "Give an exact answer (a simplified radical if needed)."
    if kind == "hypotenuse":
        a, b, c = _triple(rng, d)
        return Problem(f"A right triangle has legs of lengths ${a}$ and ${b}$. How long is the hypotenuse?", str(c),
                       {"kind": kind, "legs": [a, b]})
    if kind == "leg":
        a, b, c = _triple(rng, d)
        return Problem(f"A right triangle has hypotenuse ${c}$ and one leg ${a}$. How long is the other leg?", str(b),
                       {"kind": kind, "hypotenuse": c, "leg": a})
    if kind == "diagonal":
        a, b, c = _triple(rng, d)
        return Problem(f"How long is the diagonal of a ${a}$ by ${b}$ rectangle?", str(c),
                       {"kind": kind, "legs": [a, b]})
    if kind == "ladder":
        a, b, c = _triple(rng, d)
        q = (f"A ${c}$ m ladder leans against a vertical wall with its foot ${a}$ m from the wall on level ground. "
             f"How high up the wall does it reach, in metres?")
        return Problem(q, str(b), {"kind": kind, "hypotenuse": c, "leg": a})
    if kind == "hypotenuse_radical":
        a, b = randint(rng, 1, m), randint(rng, 1, m)
        return Problem(f"A right triangle has legs ${a}$ and ${b}$. How long is the hypotenuse? {exact}",
                       surd(1, a * a + b * b), {"kind": kind, "legs": [a, b]})
    if kind == "leg_radical":
        a = randint(rng, 1, m)
        c = randint(rng, a + 1, a + m)
        return Problem(f"A right triangle has hypotenuse ${c}$ and one leg ${a}$. How long is the other leg? {exact}",
                       surd(1, c * c - a * a), {"kind": kind, "hypotenuse": c, "leg": a})
    if kind == "box":
        a, b, c = (randint(rng, 1, m) for _ in range(3))
        return Problem(f"How long is the space diagonal of a box with edges ${a}$, ${b}$ and ${c}$? {exact}",
                       surd(1, a * a + b * b + c * c), {"kind": kind, "edges": [a, b, c]})
    if kind == "isosceles":  # height = sqrt(leg^2 - (base/2)^2) = sqrt(4 leg^2 - base^2) / 2
        base = randint(rng, 2, m)
        leg = randint(rng, base // 2 + 1, base + m)
        return Problem(f"An isosceles triangle has two sides of length ${leg}$ and base ${base}$. How long is "
                       f"the height to the base? {exact}", surd(Fraction(1, 2), 4 * leg * leg - base * base),
                       {"kind": kind, "leg": leg, "base": base})
    if kind == "special":
        s = randint(rng, 1, m)
        asked = pick(rng, ("hypotenuse_45", "leg_45", "long_leg_from_hypotenuse", "long_leg_from_short"))
        if asked == "hypotenuse_45":
            q = f"An isosceles right triangle has legs of length ${s}$. How long is its hypotenuse? {exact}"
            value = surd(s, 2)
        elif asked == "leg_45":
            q = f"An isosceles right triangle has hypotenuse ${s}$. How long is each leg? {exact}"
            value = surd(Fraction(s, 2), 2)
        elif asked == "long_leg_from_hypotenuse":
            q = (f"In a right triangle with angles of $30$, $60$ and $90$ degrees the hypotenuse is ${s}$. How long is "
                 f"the leg opposite the $60$ degree angle? {exact}")
            value = surd(Fraction(s, 2), 3)
        else:
            q = (f"In a right triangle with angles of $30$, $60$ and $90$ degrees the shorter leg is ${s}$. "
                 f"How long is the longer leg? {exact}")
            value = surd(s, 3)
        return Problem(q, value, {"kind": kind, "asked": asked, "given": s})
    if kind == "altitude":  # altitude to the hypotenuse = a b / c
        a, b = randint(rng, 1, m), randint(rng, 1, m)
        c2 = a * a + b * b
        # a b / sqrt(c2) = a b sqrt(c2) / c2
        return Problem(f"A right triangle has legs ${a}$ and ${b}$. How long is the altitude to the hypotenuse? "
                       f"{exact}",
                       surd(Fraction(a * b, c2), c2), {"kind": kind, "legs": [a, b]})
    # two_step: a point is a east, b north of O; another is c up a pole at that point: distance from O to the top
    a, b, h = (randint(rng, 1, m) for _ in range(3))
    q = (f"A pole of height ${h}$ stands at a point ${a}$ m east and ${b}$ m north of point $O$ on flat ground. "
         f"How far is the top of the pole from $O$, in metres? {exact}")
    return Problem(q, surd(1, a * a + b * b + h * h), {"kind": kind, "edges": [a, b, h]})


register_family("pythagoras", generate, PythagorasConfig,
                "right triangles, diagonals, special triangles and altitudes via the Pythagorean theorem")
