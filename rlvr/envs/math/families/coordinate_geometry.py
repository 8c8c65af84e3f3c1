"""Coordinate geometry: midpoints, slopes, distances, lines, triangles and circles.

Difficulty 1 asks for a midpoint or a slope between two lattice points; then
come distances (integers, then radicals), intercepts, perpendicular slopes,
triangle areas, intersections of lines, circles in general form, the distance
from a point to a line, circumcenters and reflections across a line.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import gcd

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import frac, linear_form, surd, tuple_
from rlvr.envs.math.families.sampling import pick, randint, scale

POOLS = {
    1: ("midpoint", "slope"), 2: ("slope", "distance_triple", "midpoint"), 3: ("distance", "y_intercept", "midpoint"),
    4: ("y_intercept", "perpendicular", "distance"), 5: ("triangle_area", "intersection", "perpendicular"),
    6: ("intersection", "circle", "triangle_area"), 7: ("circle", "point_line", "intersection"),
    8: ("point_line", "circumcenter", "circle"), 9: ("circumcenter", "reflection", "point_line"),
    10: ("circumcenter", "reflection", "point_line"),
}
TRIPLES = ((3, 4, 5), (5, 12, 13), (8, 15, 17), (7, 24, 25), (20, 21, 29), (9, 40, 41))


@dataclass
class CoordinateGeometryConfig(FamilyConfig):
    """Knobs of ``coordinate_geometry``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def _pt(x: Fraction | int, y: Fraction | int) -> str:
    return tuple_((frac(x), frac(y)))


def _line(rng: np.random.Generator, m: int) -> tuple[int, int, int]:
    """A line ``a x + b y = c`` with a primitive, non-degenerate ``(a, b)``."""
    while True:
        a, b, c = randint(rng, -m, m), randint(rng, -m, m), randint(rng, -3 * m, 3 * m)
        if (a or b) and gcd(gcd(a, b), c) == 1:
            return a, b, c


def generate(rng: np.random.Generator, config: CoordinateGeometryConfig) -> Problem:
    d = config.difficulty
    kind = pick(rng, POOLS[d])
    m = scale(d, 12, 40)
    pts = lambda k: [(randint(rng, -m, m), randint(rng, -m, m)) for _ in range(k)]  # noqa: E731
    if kind in ("midpoint", "slope", "distance", "y_intercept", "perpendicular"):
        while True:
            (x1, y1), (x2, y2) = pts(2)
            if x1 != x2 and (x1, y1) != (x2, y2):
                break
        both = f"${_pt(x1, y1)}$ and ${_pt(x2, y2)}$"
        slope = Fraction(y2 - y1, x2 - x1)
        if kind == "midpoint":
            q = f"What is the midpoint of the segment joining {both}? Give it as an ordered pair $(x, y)$."
            ans = _pt(Fraction(x1 + x2, 2), Fraction(y1 + y2, 2))
        elif kind == "slope":
            q = f"What is the slope of the line through {both}?"
            ans = frac(slope)
        elif kind == "distance":
            q = f"What is the distance between {both}? Give an exact answer (a simplified radical if needed)."
            ans = surd(1, (x2 - x1) ** 2 + (y2 - y1) ** 2)
        elif kind == "y_intercept":
            q = f"The line through {both} crosses the $y$-axis at $(0, b)$. What is $b$?"
            ans = frac(y1 - slope * x1)
        else:
            if slope == 0:
                y2 += 1
                slope = Fraction(y2 - y1, x2 - x1)
                both = f"${_pt(x1, y1)}$ and ${_pt(x2, y2)}$"
            q = f"What is the slope of a line perpendicular to the line through {both}?"
            ans = frac(-1 / slope)
        return Problem(q, ans, {"kind": kind, "points": [[x1, y1], [x2, y2]]})
    if kind == "distance_triple":
        (x1, y1), = pts(1)
        a, b, c = pick(rng, TRIPLES)
        k = randint(rng, 1, 4)
        x2, y2 = x1 + pick(rng, (1, -1)) * k * a, y1 + pick(rng, (1, -1)) * k * b
        q = f"What is the distance between ${_pt(x1, y1)}$ and ${_pt(x2, y2)}$?"
        return Problem(q, str(k * c), {"kind": "distance", "points": [[x1, y1], [x2, y2]]})
    if kind == "triangle_area":
        while True:
            (x1, y1), (x2, y2), (x3, y3) = pts(3)
            twice = abs((x2 - x1) * (y3 - y1) - (x3 - x1) * (y2 - y1))
            if twice:
                break
        q = f"What is the area of the triangle with vertices ${_pt(x1, y1)}$, ${_pt(x2, y2)}$ and ${_pt(x3, y3)}$?"
        return Problem(q, frac(Fraction(twice, 2)), {"kind": kind, "points": [[x1, y1], [x2, y2], [x3, y3]]})
    if kind == "intersection":
        while True:
            (a1, b1, c1), (a2, b2, c2) = _line(rng, 9), _line(rng, 9)
            det = a1 * b2 - a2 * b1
            if det:
                break
        x, y = Fraction(c1 * b2 - c2 * b1, det), Fraction(a1 * c2 - a2 * c1, det)
        q = (f"Where do the lines ${linear_form([a1, b1], 'xy')} = {c1}$ and ${linear_form([a2, b2], 'xy')} = {c2}$ "
             f"intersect? Give the point as an ordered pair $(x, y)$.")
        return Problem(q, _pt(x, y), {"kind": kind, "lines": [[a1, b1, c1], [a2, b2, c2]]})
    if kind == "circle":  # (x - h)^2 + (y - k)^2 = r2 expanded
        h, k = randint(rng, -m, m), randint(rng, -m, m)
        r2 = randint(rng, 1, 4 * m)
        coefs = [1, 1, -2 * h, -2 * k, h * h + k * k - r2]
        eq = "x^{2} + y^{2}" + "".join(f" {'+' if c > 0 else '-'} {abs(c) if abs(c) != 1 else ''}{v}"
                                        for c, v in ((coefs[2], "x"), (coefs[3], "y")) if c)
        eq += "" if coefs[4] == 0 else f" {'+' if coefs[4] > 0 else '-'} {abs(coefs[4])}"
        if pick(rng, (0, 1)):
            q = f"What is the radius of the circle ${eq} = 0$? Give an exact answer (a simplified radical if needed)."
            return Problem(q, surd(1, r2), {"kind": kind, "asked": "radius", "coefficients": coefs})
        q = f"What is the center of the circle ${eq} = 0$? Give it as an ordered pair $(x, y)$."
        return Problem(q, _pt(h, k), {"kind": kind, "asked": "center", "coefficients": coefs})
    if kind == "point_line":  # |a x0 + b y0 - c| / sqrt(a^2 + b^2)
        a, b, c = _line(rng, 12)
        (x0, y0), = pts(1)
        num = abs(a * x0 + b * y0 - c)
        n2 = a * a + b * b
        q = (f"What is the distance from the point ${_pt(x0, y0)}$ to the line ${linear_form([a, b], 'xy')} = {c}$? "
             f"Give an exact answer (a simplified radical if needed).")
        return Problem(q, surd(Fraction(num, n2), n2), {"kind": kind, "line": [a, b, c], "point": [x0, y0]})
    if kind == "reflection":  # reflect (x0, y0) across a x + b y = c
        a, b, c = _line(rng, 6)
        (x0, y0), = pts(1)
        t = Fraction(a * x0 + b * y0 - c, a * a + b * b)
        x, y = x0 - 2 * a * t, y0 - 2 * b * t
        q = (f"What is the reflection of the point ${_pt(x0, y0)}$ across the line "
             f"${linear_form([a, b], 'xy')} = {c}$? Give it as an ordered pair $(x, y)$.")
        return Problem(q, _pt(x, y), {"kind": kind, "line": [a, b, c], "point": [x0, y0]})
    # circumcenter: equidistant from three non-collinear points (two perpendicular bisectors)
    while True:
        (x1, y1), (x2, y2), (x3, y3) = pts(3)
        a1, b1 = 2 * (x2 - x1), 2 * (y2 - y1)
        a2, b2 = 2 * (x3 - x1), 2 * (y3 - y1)
        det = a1 * b2 - a2 * b1
        if det:
            break
    c1 = x2 * x2 - x1 * x1 + y2 * y2 - y1 * y1
    c2 = x3 * x3 - x1 * x1 + y3 * y3 - y1 * y1
    x, y = Fraction(c1 * b2 - c2 * b1, det), Fraction(a1 * c2 - a2 * c1, det)
    q = (f"What is the center of the circle through ${_pt(x1, y1)}$, ${_pt(x2, y2)}$ and ${_pt(x3, y3)}$? "
         f"Give it as an ordered pair $(x, y)$.")
    return Problem(q, _pt(x, y), {"kind": kind, "points": [[x1, y1], [x2, y2], [x3, y3]]})


register_family("coordinate_geometry", generate, CoordinateGeometryConfig,
                "midpoints, slopes, distances, lines, triangle areas, circles and reflections in the plane")
