"""Balanced brackets of three kinds: one pass with a stack."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A code editor checks whether the brackets in a line are balanced. The line
consists only of the characters ( ) [ ] { }. It is balanced if every opening
bracket is closed later by a closing bracket of the same kind, and the pairs
are properly nested: "([]{})" is balanced, "([)]" and "((" are not. The empty
line cannot occur.

Input
The first line holds n, the length of the line. The second line holds the n
bracket characters.

Output
Print YES if the line is balanced, otherwise NO.

Constraints
1 <= n <= 200000
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    s = data[1].decode()
    match = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif not stack or stack.pop() != match[ch]:
            print("NO")
            return
    print("NO" if stack else "YES")

main()
'''

# Deletes adjacent matching pairs until nothing changes: one round per nesting level, O(n^2).
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
s = data[1].decode()
while True:
    t = s.replace("()", "").replace("[]", "").replace("{}", "")
    if t == s:
        break
    s = t
print("YES" if not s else "NO")
'''

LARGE_TESTS = 2
_OPEN, _CLOSE = "([{", ")]}"


def _balanced(rng: np.random.Generator, n: int, max_depth: int) -> str:
    out, stack = [], []
    while len(out) + len(stack) < n:
        if stack and (len(stack) >= max_depth or rng.random() < 0.5 or len(out) + 2 * len(stack) + 2 > n):
            out.append(_CLOSE[stack.pop()])
        else:
            k = int(rng.integers(0, 3))
            stack.append(k)
            out.append(_OPEN[k])
    out.extend(_CLOSE[k] for k in reversed(stack))
    return "".join(out)


def _fmt(s: str) -> str:
    return f"{len(s)}\n{s}\n"


def _break(rng: np.random.Generator, s: str) -> str:
    i = int(rng.integers(0, len(s)))
    return s[:i] + str(rng.choice(list(_OPEN + _CLOSE))) + s[i + 1:]


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt("("), _fmt(")"), _fmt("()"), _fmt(")("), _fmt("([)]"), _fmt("([]{})"), _fmt("{[()()]}"), _fmt("((")]
    for _ in range(8):
        s = _balanced(rng, int(rng.integers(1, 10)) * 2, 5)
        tests.append(_fmt(s if rng.random() < 0.5 else _break(rng, s)))
    for _ in range(3):
        s = _balanced(rng, 2 * int(rng.integers(100, 400)), 50)
        tests.append(_fmt(s if rng.random() < 0.5 else _break(rng, s)))
    n = 200000
    tests.append(_fmt("(" * 400 + ")" * 400))
    deep = "".join(_OPEN[k] for k in rng.integers(0, 3, size=n // 2).tolist())
    closing = "".join(_CLOSE[_OPEN.index(c)] for c in reversed(deep))
    tests.append(_fmt(deep + closing))  # nesting depth n/2, balanced
    tests.append(_fmt(deep + closing[:-1] + ("]" if closing[-1] != "]" else ")")))  # wrong last bracket
    return tests


PUBLIC_INPUTS = ("6\n([]{})\n", "4\n([)]\n")

register_problem(CodeProblem(
    id="bracket-check", title="Balanced Brackets", category="data_structures", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
