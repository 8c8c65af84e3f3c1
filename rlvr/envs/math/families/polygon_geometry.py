"""Plane geometry: angles of polygons, areas and perimeters, circles, sectors, Heron's formula.

Difficulty 1 asks for the angle sum of a polygon or the area/perimeter of a
rectangle; then come regular polygons, triangles and trapezoids, missing
angles, circles in terms of ``\\pi``, annuli, diagonals, sectors and arcs,
composite figures (a rectangle with a semicircle), Heron's formula with a
radical answer, and equilateral triangles / regular hexagons.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.closed_form import Closed
from rlvr.envs.math.families.latex import frac, surd
from rlvr.envs.math.families.sampling import pick, randint, scale

POOLS = {
    1: ("interior_sum", "rectangle"), 2: ("regular_angle", "triangle", "rectangle"),
    3: ("missing_angle", "trapezoid", "circle"), 4: ("sides_from_angle", "circle", "trapezoid", "missing_angle"),
    5: ("annulus", "diagonals", "missing_angle", "trapezoid"), 6: ("sector", "annulus", "sides_from_angle"),
    7: ("composite", "sector", "heron"), 8: ("heron", "composite", "sector"), 9: ("heron", "equilateral", "composite"),
    10: ("heron", "equilateral", "sector", "composite"),
}
DIVISORS_OF_360 = tuple(n for n in range(3, 361) if 360 % n == 0)


@dataclass
class PolygonGeometryConfig(FamilyConfig):
    """Knobs of ``polygon_geometry``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def generate(rng: np.random.Generator, config: PolygonGeometryConfig) -> Problem:
    d = config.difficulty
    kind = pick(rng, POOLS[d])
    big = scale(d, 30, 400)
    if kind == "interior_sum":
        n = randint(rng, 3, 40)
        return Problem(f"What is the sum of the interior angles of a convex polygon with ${n}$ sides, in degrees?",
                       str(180 * (n - 2)), {"kind": kind, "n": n})
    if kind == "regular_angle":
        n = randint(rng, 3, 60)
        which = pick(rng, ("interior", "exterior"))
        value = Fraction(180 * (n - 2), n) if which == "interior" else Fraction(360, n)
        q = (f"What is the measure of each {which} angle of a regular polygon with ${n}$ sides, in degrees? "
             f"Give a fraction in lowest terms if it is not an integer.")
        return Problem(q, frac(value), {"kind": kind, "n": n, "which": which})
    if kind == "sides_from_angle":
        n = pick(rng, DIVISORS_OF_360)
        if pick(rng, (0, 1)):
            q = (f"Each interior angle of a regular polygon measures ${180 - 360 // n}$ degrees. "
                 f"How many sides does it have?")
        else:
            q = f"Each exterior angle of a regular polygon measures ${360 // n}$ degrees. How many sides does it have?"
        return Problem(q, str(n), {"kind": kind, "n": n})
    if kind == "missing_angle":
        n = randint(rng, 4, 12)
        total = 180 * (n - 2)
        mean = total // n
        while True:  # n - 1 angles near the mean angle, so the remaining one is usually valid too
            given = [randint(rng, max(30, mean - 30), min(179, mean + 30)) for _ in range(n - 1)]
            last = total - sum(given)
            if 0 < last < 180:
                break
        listed = ", ".join(f"${a}$" for a in given)
        q = (f"A convex polygon with ${n}$ sides has interior angles {listed} degrees and one more angle. "
             f"What is the measure of the remaining angle, in degrees?")
        return Problem(q, str(last), {"kind": kind, "n": n, "angles": given})
    if kind == "rectangle":
        w, h = randint(rng, 2, big), randint(rng, 2, big)
        which = pick(rng, ("area", "perimeter"))
        value = w * h if which == "area" else 2 * (w + h)
        return Problem(f"What is the {which} of a rectangle with sides ${w}$ and ${h}$?", str(value),
                       {"kind": kind, "sides": [w, h], "which": which})
    if kind == "triangle":
        b, h = randint(rng, 2, big), randint(rng, 2, big)
        return Problem(f"A triangle has a base of length ${b}$ and height ${h}$. What is its area?",
                       frac(Fraction(b * h, 2)), {"kind": kind, "base": b, "height": h})
    if kind == "trapezoid":
        a, b, h = randint(rng, 2, big), randint(rng, 2, big), randint(rng, 2, big)
        return Problem(f"A trapezoid has parallel sides of lengths ${a}$ and ${b}$ and height ${h}$. What is its area?",
                       frac(Fraction((a + b) * h, 2)), {"kind": kind, "parallel": [a, b], "height": h})
    if kind == "circle":
        r = Fraction(randint(rng, 1, big), pick(rng, (1, 1, 2)))
        which = pick(rng, ("area", "circumference"))
        value = Closed.pi() * (r * r if which == "area" else 2 * r)
        q = f"What is the {which} of a circle with radius ${frac(r)}$? Give an exact answer in terms of $\\pi$."
        return Problem(q, value.latex(), {"kind": kind, "radius": str(r), "which": which})
    if kind == "annulus":
        r, w = randint(rng, 1, big), randint(rng, 1, big)
        q = (f"Two concentric circles have radii ${r}$ and ${r + w}$. What is the area of the region between them? "
             f"Give an exact answer in terms of $\\pi$.")
        return Problem(q, (Closed.pi() * ((r + w) ** 2 - r * r)).latex(), {"kind": kind, "radii": [r, r + w]})
    if kind == "diagonals":
        n = randint(rng, 4, 20_000)
        return Problem(f"How many diagonals does a convex polygon with ${n}$ sides have?", str(n * (n - 3) // 2),
                       {"kind": kind, "n": n})
    if kind == "sector":
        r, angle = randint(rng, 1, big), randint(rng, 1, 359)
        which = pick(rng, ("area", "arc length"))
        value = Closed.pi() * (Fraction(angle, 360) * (r * r if which == "area" else 2 * r))
        what = "the area of the sector" if which == "area" else "the length of its arc"
        q = (f"A sector of a circle with radius ${r}$ has a central angle of ${angle}$ degrees. What is {what}? "
             f"Give an exact answer in terms of $\\pi$.")
        return Problem(q, value.latex(), {"kind": kind, "radius": r, "angle": angle, "which": which})
    if kind == "composite":  # a w x h rectangle with a semicircle of diameter w on top
        w, h = randint(rng, 2, big), randint(rng, 2, big)
        which = pick(rng, ("area", "perimeter"))
        if which == "area":
            value = Closed.pi() * Fraction(w * w, 8) + w * h
        else:
            value = Closed.pi() * Fraction(w, 2) + (w + 2 * h)
        q = (f"A figure is a ${w}$ by ${h}$ rectangle with a semicircle on top, whose diameter is the top side of "
             f"length ${w}$ (the side is removed). What is the {which} of the figure? Give an exact answer in "
             f"terms of $\\pi$.")
        return Problem(q, value.latex(), {"kind": kind, "width": w, "height": h, "which": which})
    if kind == "equilateral":  # given the side, the perimeter or (triangle) the height
        shape = pick(rng, ("equilateral triangle", "regular hexagon"))
        given = pick(rng, ("side", "perimeter") if shape == "regular hexagon" else ("side", "perimeter", "height"))
        v = randint(rng, 1, 5 * big)
        sides = 3 if shape == "equilateral triangle" else 6
        if given == "height":  # s = 2 h / sqrt(3): area = h^2 / sqrt(3) = h^2 sqrt(3) / 3
            coef, text = Fraction(v * v, 3), f"height ${v}$"
        else:
            s = Fraction(v) if given == "side" else Fraction(v, sides)
            coef = s * s / 4 if sides == 3 else 3 * s * s / 2
            text = f"{given} ${v}$" if given == "side" else f"perimeter ${v}$"
        return Problem(f"What is the area of a {shape} with {text}? Give an exact answer.", surd(coef, 3),
                       {"kind": kind, "shape": shape, "given": given, "value": v})
    # heron: 16 area^2 = (a+b+c)(-a+b+c)(a-b+c)(a+b-c)
    while True:
        a, b, c = sorted(randint(rng, 2, big) for _ in range(3))
        if a + b > c:
            break
    sixteen = (a + b + c) * (-a + b + c) * (a - b + c) * (a + b - c)
    q = f"A triangle has sides of lengths ${a}$, ${b}$ and ${c}$. What is its area? Give an exact answer."
    return Problem(q, surd(Fraction(1, 4), sixteen), {"kind": kind, "sides": [a, b, c]})


register_family("polygon_geometry", generate, PolygonGeometryConfig,
                "polygon angles, areas and perimeters, circles and sectors in terms of pi, Heron's formula")
