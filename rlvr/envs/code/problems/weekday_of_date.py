"""Day of the week for dates in the proleptic Gregorian calendar: count days arithmetically."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A historian wants to know on which day of the week many dates fell. Use the
Gregorian calendar extended backwards to year 1 (the proleptic Gregorian
calendar): a year is a leap year if it is divisible by 4, except years
divisible by 100, which are leap years only if they are also divisible by 400.
February has 29 days in leap years and 28 otherwise. The date 0001-01-01 was a
Monday.

Input
The first line holds q. Each of the next q lines holds a date YYYY-MM-DD (a
valid date, with a four-digit year).

Output
Print q lines, the weekday of each date: one of Monday, Tuesday, Wednesday,
Thursday, Friday, Saturday, Sunday.

Constraints
1 <= q <= 20000
0001-01-01 <= date <= 9999-12-31
"""

REFERENCE = r'''
import sys

def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    out = []
    for tok in data[1:1 + q]:
        y, m, d = int(tok[:4]), int(tok[5:7]), int(tok[8:10])
        py = y - 1
        days = 365 * py + py // 4 - py // 100 + py // 400  # days in the years before y
        days += before[m - 1] + d - 1
        if m > 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0):
            days += 1
        out.append(names[days % 7])
    sys.stdout.write("\n".join(out) + "\n")

main()
'''

# Walks the calendar day by day from 0001-01-01.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
q = int(data[0])
names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
out = []
for tok in data[1:1 + q]:
    y, m, d = int(tok[:4]), int(tok[5:7]), int(tok[8:10])
    cy, cm, cd, w = 1, 1, 1, 0
    while (cy, cm, cd) != (y, m, d):
        leap = cy % 4 == 0 and (cy % 100 != 0 or cy % 400 == 0)
        length = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][cm - 1]
        cd += 1
        if cd > length:
            cd = 1
            cm += 1
            if cm > 12:
                cm = 1
                cy += 1
        w = (w + 1) % 7
    out.append(names[w])
print("\n".join(out))
'''

LARGE_TESTS = 2
_LEN = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def _date(rng: np.random.Generator, ylo: int, yhi: int) -> str:
    y = int(rng.integers(ylo, yhi + 1))
    m = int(rng.integers(1, 13))
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    d = int(rng.integers(1, _LEN[m - 1] + (1 if m == 2 and leap else 0) + 1))
    return f"{y:04d}-{m:02d}-{d:02d}"


def _fmt(dates) -> str:
    return f"{len(dates)}\n" + "".join(f"{x}\n" for x in dates)


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(["0001-01-01"]), _fmt(["0001-01-07", "0001-01-08"]), _fmt(["0004-02-29", "0004-03-01"]),
             _fmt(["0100-02-28", "0100-03-01"]), _fmt(["0400-02-29"]), _fmt(["0001-12-31", "0002-01-01"])]
    for _ in range(10):
        tests.append(_fmt([_date(rng, 1, 40) for _ in range(int(rng.integers(1, 15)))]))
    for _ in range(3):
        tests.append(_fmt([_date(rng, 1, 500) for _ in range(int(rng.integers(2, 6)))]))
    tests.append(_fmt([_date(rng, 1, 9999) for _ in range(20000)]))
    tests.append(_fmt(["9999-12-31", "2000-02-29", "1900-03-01", "2024-07-14"]))
    return tests


PUBLIC_INPUTS = ("3\n0001-01-01\n0004-02-29\n0001-01-09\n",)

register_problem(CodeProblem(
    id="weekday-of-date", title="The Historian's Calendar", category="implementation", difficulty="easy",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
