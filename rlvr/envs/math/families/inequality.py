"""Inequalities in one variable, answered as an interval or a union of intervals.

Difficulty 1 is ``x + a < b``; then come negative leading coefficients (the
sign flips), ``x`` on both sides, compound inequalities, absolute values
(difficulty 5: an interval or a union), quadratics (6-7), rational functions
with a pole (8, 10) and cubics (9). Every polynomial is built from chosen
rational roots, and the solution set is read off an exact sign chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from rlvr.envs.math.families import polynomial as P
from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import fstr, interval, poly, union
from rlvr.envs.math.families.sampling import chance, pick, randint, scale, signed

RELATIONS = {"<": "<", "<=": "\\le", ">": ">", ">=": "\\ge"}
FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}


@dataclass
class InequalityConfig(FamilyConfig):
    """Knobs of ``inequality``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def _holds(v: Fraction, rel: str) -> bool:
    return {"<": v < 0, "<=": v <= 0, ">": v > 0, ">=": v >= 0}[rel]


def solve_sign_chart(num: list, den: list, points: list[Fraction], rel: str) -> str:
    """Solution of ``num(x)/den(x) rel 0`` given every real root of ``num`` and ``den`` in ``points``."""
    pts = sorted(set(points))

    def ok(x: Fraction) -> bool:
        dv = P.evaluate(den, x)
        return dv != 0 and _holds(Fraction(P.evaluate(num, x)) / dv, rel)

    # pieces: (-oo, p0), {p0}, (p0, p1), ..., {pk}, (pk, oo)
    probes = [pts[0] - 1]
    for i, p in enumerate(pts):
        probes += [p] if i == len(pts) - 1 else [p, (p + pts[i + 1]) / 2]
    probes.append(pts[-1] + 1)
    inside = [ok(x) for x in probes]
    parts, start = [], None  # start: index of the first included piece of the current run
    for i, flag in enumerate(inside + [False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            lo = None if start == 0 else probes[start] if start % 2 == 1 else probes[start - 1]
            lo_closed = start % 2 == 1
            end = i - 1
            hi = None if end == len(probes) - 1 else probes[end] if end % 2 == 1 else probes[end + 1]
            hi_closed = end % 2 == 1
            parts.append(interval(lo, hi, lo_closed, hi_closed))
            start = None
    return union(parts)


def _root(rng: np.random.Generator, m: int, rational: bool) -> tuple[Fraction, list[int]]:
    """A root and its primitive linear factor ``p x - q``."""
    p = randint(rng, 2, 4) if rational and chance(rng, 0.7) else 1
    q = randint(rng, -m, m)
    while np.gcd(p, q) != 1:
        q = randint(rng, -m, m)
    return Fraction(q, p), [-q, p]


def generate(rng: np.random.Generator, config: InequalityConfig) -> Problem:
    d = config.difficulty
    m = scale(d, 12, 30)
    rel = pick(rng, list(RELATIONS))
    tex_rel = RELATIONS[rel]
    kind = {1: "linear", 2: "linear", 3: "linear", 4: "compound", 5: "abs", 6: "quadratic", 7: "quadratic",
            8: "rational", 9: "cubic", 10: pick(rng, ("rational", "cubic"))}[d]
    if kind == "linear":
        a = randint(rng, 1, 9) if d == 1 else signed(rng, 1, scale(d, 9, 12))
        b = signed(rng, 1, m)
        c = 0 if d < 3 else signed(rng, 1, 12)
        e = randint(rng, -m, m)
        while a == c:
            c = signed(rng, 1, 12)
        left, right = poly([b, a]), poly([e, c])
        # (a - c) x + (b - e) rel 0
        num, points = [b - e, a - c], [Fraction(e - b, a - c)]
        text = f"{left} {tex_rel} {right}"
        answer = solve_sign_chart(num, [1], points, rel)
        params = {"kind": kind, "left": [b, a], "right": [e, c], "rel": rel}
    elif kind == "compound":
        a, b = signed(rng, 1, 9), randint(rng, -m, m)
        lo, hi = sorted(randint(rng, -3 * m, 3 * m) for _ in range(2))
        if lo == hi:
            hi += randint(rng, 1, m)
        r1, r2 = pick(rng, ("<", "<=")), pick(rng, ("<", "<="))
        text = f"{lo} {RELATIONS[r1]} {poly([b, a])} {RELATIONS[r2]} {hi}"
        xs = sorted([Fraction(lo - b, a), Fraction(hi - b, a)])
        lo_closed, hi_closed = (r1 == "<=", r2 == "<=") if a > 0 else (r2 == "<=", r1 == "<=")
        answer = interval(xs[0], xs[1], lo_closed, hi_closed)
        params = {"kind": kind, "low": lo, "high": hi, "middle": [b, a], "relations": [r1, r2]}
    elif kind == "abs":
        a, b, c = signed(rng, 1, 12), randint(rng, -2 * m, 2 * m), randint(rng, 1, 2 * m)
        # |a x + b| rel c  <=>  (a x + b)^2 - c^2 rel 0
        num = P.sub(P.mul([b, a], [b, a]), [c * c])
        points = [Fraction(c - b, a), Fraction(-c - b, a)]
        text = f"\\left|{poly([b, a])}\\right| {tex_rel} {c}"
        answer = solve_sign_chart(num, [1], points, rel)
        params = {"kind": kind, "inner": [b, a], "bound": c, "rel": rel}
    else:
        rational = d in (7, 10) or (d >= 8 and chance(rng, 0.5))
        n_num = {"quadratic": 2, "cubic": 3, "rational": 1 if d == 8 else 2}[kind]
        while True:
            roots = [_root(rng, scale(d, 9, 15), rational) for _ in range(n_num + (kind == "rational"))]
            if len({r for r, _ in roots}) == len(roots):
                break
        num = P.product([f for _, f in roots[:n_num]])
        den = [1] if kind != "rational" else roots[-1][1]
        lead = signed(rng, 1, 3) if d >= 7 else 1
        num = P.scale(num, lead)
        points = [r for r, _ in roots]
        if kind == "rational":
            text = f"\\frac{{{poly(num)}}}{{{poly(den)}}} {tex_rel} 0"
        elif kind == "cubic" and d == 9 and chance(rng, 0.5):
            text = ("" if lead == 1 else "-" if lead == -1 else str(lead)) + "".join(
                f"\\left({poly(f)}\\right)" for _, f in roots) + f" {tex_rel} 0"
        elif kind == "quadratic" and d == 7 and chance(rng, 0.5):  # move a random linear part across
            s, t = randint(rng, -m, m), randint(rng, -m, m)
            text = f"{poly(P.add(num, [t, s]))} {tex_rel} {poly([t, s])}"
        else:
            text = f"{poly(num)} {tex_rel} 0"
        answer = solve_sign_chart(num, den, points, rel)
        params = {"kind": kind, "numerator": [fstr(v) for v in num], "denominator": [fstr(v) for v in den],
                  "rel": rel}
    question = (f"Solve ${text}$ for real $x$. Give the solution set in interval notation "
                f"(use $\\cup$ for a union of intervals).")
    return Problem(question, answer, params)


register_family("inequality", generate, InequalityConfig,
                "linear, compound, absolute-value, quadratic, rational and cubic inequalities; interval answers")
