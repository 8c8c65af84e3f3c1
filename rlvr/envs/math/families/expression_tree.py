"""Random arithmetic expression trees with exact values and minimal-parenthesis LaTeX.

A node is a leaf number (``int`` or ``Fraction``) or a tuple ``(op, left, right)``
with ``op`` in ``+ - * / ^`` (``^`` only with a small integer exponent leaf).
Values are computed bottom-up while building, so a subtree that would divide
by zero, leave the integers (integer mode) or exceed ``cap`` is redrawn.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Callable, Sequence

import numpy as np

from rlvr.envs.math.families.latex import frac, fstr
from rlvr.envs.math.families.sampling import pick, randint

Node = Any  # int | Fraction | tuple[str, Node, Node]
PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 3}
LATEX_OP = {"+": "+", "-": "-", "*": "\\times", "/": "\\div"}


class Redraw(Exception):
    """A subtree broke a constraint; the caller draws again."""


def build(rng: np.random.Generator, n_leaves: int, leaf: Callable[[], int | Fraction], ops: Sequence[str], *,
          cap: int, integer: bool, exponents: Sequence[int] = (2, 3), base_cap: int = 12) -> tuple[Node, Fraction]:
    """A random tree with ``n_leaves`` leaves; returns ``(tree, exact value)``."""
    for _ in range(200):
        try:
            return _build(rng, n_leaves, leaf, ops, cap, integer, exponents, base_cap)
        except Redraw:
            continue
    raise RuntimeError("could not build an expression within the constraints")  # pragma: no cover


def _build(rng, n, leaf, ops, cap, integer, exponents, base_cap) -> tuple[Node, Fraction]:
    if n == 1:
        v = leaf()
        return v, Fraction(v)
    op = pick(rng, ops)
    if op == "^":
        base, bv = _build(rng, n - 1, leaf, [o for o in ops if o != "^"] or ["+"], cap, integer, exponents,
                          base_cap) if n > 2 else (lambda v: (v, Fraction(v)))(leaf())
        if abs(bv) > base_cap or (bv == 0):
            raise Redraw
        e = pick(rng, exponents)
        value = bv ** e
        node: Node = ("^", base, e)
    else:
        k = randint(rng, 1, n - 1)
        left, lv = _build(rng, k, leaf, ops, cap, integer, exponents, base_cap)
        if op == "/" and n - k == 1 and integer:
            divisors = [q for q in range(2, 13) if lv.numerator % q == 0]
            if not divisors:
                raise Redraw
            q = pick(rng, divisors)
            right, rv = q, Fraction(q)
        else:
            right, rv = _build(rng, n - k, leaf, ops, cap, integer, exponents, base_cap)
        if op == "+":
            value = lv + rv
        elif op == "-":
            value = lv - rv
        elif op == "*":
            value = lv * rv
        else:
            if rv == 0 or (integer and (lv / rv).denominator != 1):
                raise Redraw
            value = lv / rv
        node = (op, left, right)
    if abs(value.numerator) > cap or value.denominator > cap:
        raise Redraw
    return node, value


def _prec(node: Node) -> int:
    return PRECEDENCE[node[0]] if isinstance(node, tuple) else 4


def _leaf_latex(v: int | Fraction, operand: bool) -> str:
    s = frac(v)
    return f"\\left({s}\\right)" if operand and v < 0 else s


def latex(node: Node, _operand: bool = False) -> str:
    """LaTeX with only the parentheses the precedence rules need (negative leaves always parenthesized)."""
    if not isinstance(node, tuple):
        return _leaf_latex(node, _operand)
    op, left, right = node
    if op == "^":
        if isinstance(left, tuple) or (left > 0 and Fraction(left).denominator != 1):
            base = f"\\left({latex(left)}\\right)"
        else:
            base = latex(left, True)  # an integer leaf; a negative one comes parenthesized
        return f"{base}^{{{right}}}"
    p = PRECEDENCE[op]
    if _prec(left) < p:
        ls = f"\\left({latex(left)}\\right)"
    else:
        ls = latex(left, _operand)
    if _prec(right) < p or (_prec(right) == p and op in "-/"):
        rs = f"\\left({latex(right)}\\right)"
    else:
        rs = latex(right, True)
    return f"{ls} {LATEX_OP[op]} {rs}"


def to_params(node: Node) -> Any:
    """JSON form: a leaf is ``"3/4"``-style string, an inner node ``[op, left, right]``."""
    if not isinstance(node, tuple):
        return fstr(node)
    op, left, right = node
    return [op, to_params(left), right if op == "^" else to_params(right)]


def leaf_count(node: Node) -> int:
    if not isinstance(node, tuple):
        return 1
    return leaf_count(node[1]) + (1 if node[0] == "^" else leaf_count(node[2]))
