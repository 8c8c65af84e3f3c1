"""What the spreadsheet families share: seeded tables, judging on computed values, oracle steps.

The spreadsheet's state schema is documented at the top of
``web/apps/spreadsheet.js``: ``cells`` (raw content) and ``values`` (what each
cell shows). This module registers no family; the ``sheet_*`` modules import it.
"""

from __future__ import annotations

import math
import re
from typing import Any, Iterable

import numpy as np

from rlvr.envs.computer_use.desktop.family import ToolCall, open_app, pick, sample, type_into
from rlvr.envs.computer_use.observation import Observation

APP = "Spreadsheet"
COLS = "ABCDEF"
ROWS = 12
ADDRESS = re.compile(r"^([A-F])(1[0-2]|[1-9])$")
#: Absolute tolerance when comparing a cell's number to the expected one.
TOLERANCE = 1e-3

#: Table themes: (label column, first number column, second number column, labels, ranges).
THEMES = (
    ("Item", "Qty", "Price", ("Apples", "Bread", "Cheese", "Dates", "Eggs", "Flour", "Grapes", "Honey",
                              "Jam", "Kale", "Lemons", "Milk"), (1, 40), (1, 25)),
    ("Region", "Q1", "Q2", ("North", "South", "East", "West", "Central", "Coast", "Islands", "Valley",
                            "Highlands", "Metro"), (10, 400), (10, 400)),
    ("Name", "Hours", "Rate", ("Ana", "Ben", "Chloé", "Dana", "Emil", "Fatima", "Gus", "Hana", "Ivan",
                               "Jonas", "Kofi", "Lena"), (2, 60), (12, 90)),
    ("Product", "Units", "Cost", ("Bolts", "Nuts", "Screws", "Washers", "Hinges", "Brackets", "Nails",
                                  "Rivets", "Clamps", "Springs"), (5, 300), (1, 30)),
    ("City", "Visitors", "Staff", ("Oslo", "Lima", "Pune", "Kyoto", "Accra", "Quito", "Porto", "Perth",
                                   "Tartu", "Cork", "Izmir", "Busan"), (50, 900), (2, 40)),
)


def random_table(rng: np.random.Generator, rows: tuple[int, int] = (4, 9)) -> tuple[dict[str, str], int]:
    """A header row and ``n`` data rows in A:C; returns ``(cells, last_row)``.

    Column A holds labels, B and C whole numbers; now and then a B cell is a
    small formula (``=12+5``) so the shown value differs from the raw text.
    """
    label, b_name, c_name, labels, b_range, c_range = pick(rng, THEMES)
    n = int(rng.integers(rows[0], rows[1]))
    cells = {"A1": label, "B1": b_name, "C1": c_name}
    for i, name in enumerate(sample(rng, labels, n)):
        r = i + 2
        b = int(rng.integers(b_range[0], b_range[1] + 1))
        cells[f"A{r}"] = name
        if rng.random() < 0.15 and b > 2:
            split = int(rng.integers(1, b))
            cells[f"B{r}"] = f"={split}+{b - split}"
        else:
            cells[f"B{r}"] = str(b)
        cells[f"C{r}"] = str(int(rng.integers(c_range[0], c_range[1] + 1)))
    return cells, n + 1


def shown(cells: dict[str, str], address: str) -> float | str | None:
    """The value a raw cell of :func:`random_table` shows (numbers and ``=a+b`` only)."""
    raw = cells.get(address)
    if raw is None:
        return None
    if raw.startswith("="):
        return float(sum(int(x) for x in raw[1:].split("+")))
    return to_number(raw) if to_number(raw) is not None else raw


def desktop_state(cells: dict[str, str]) -> dict[str, Any]:
    """The full desktop state with the spreadsheet slice; no app open."""
    return {"spreadsheet": {"cells": dict(cells)}}


def fmt(x: float) -> str:
    """A number as the spreadsheet shows it (integers without a decimal point)."""
    if float(x).is_integer():
        return str(int(x))
    return repr(round(float(x), 6))


def to_number(text: Any) -> float | None:
    """``text`` as a number, or ``None``."""
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return float(text) if math.isfinite(text) else None
    try:
        value = float(str(text).strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


# ---- judging ---------------------------------------------------------------------------

def check_numbers(state: dict[str, Any], expected: dict[str, float]) -> tuple[bool, str]:
    """Whether each cell in ``expected`` shows that number (within :data:`TOLERANCE`)."""
    values = state["spreadsheet"]["values"]
    for address, want in expected.items():
        got = to_number(values.get(address))
        if got is None or abs(got - want) > TOLERANCE:
            return False, f"{address} shows {values.get(address)!r}, expected {fmt(want)}"
    return True, ""


def check_texts(state: dict[str, Any], expected: dict[str, str]) -> tuple[bool, str]:
    """Whether each cell in ``expected`` shows exactly that text (trimmed)."""
    values = state["spreadsheet"]["values"]
    for address, want in expected.items():
        if str(values.get(address, "")).strip() != want:
            return False, f"{address} shows {values.get(address)!r}, expected {want!r}"
    return True, ""


def others_unchanged(task_cells: dict[str, str], state: dict[str, Any],
                     targets: Iterable[str]) -> tuple[bool, str]:
    """Whether every cell outside ``targets`` holds its initial raw content."""
    skip = set(targets)
    final = state["spreadsheet"]["cells"]
    for address in {*task_cells, *final} - skip:
        if str(task_cells.get(address, "")).strip() != str(final.get(address, "")).strip():
            return False, f"{address} changed from {task_cells.get(address)!r} to {final.get(address)!r}"
    return True, ""


def all_of(*results: tuple[bool, str]) -> tuple[bool, str]:
    """The first failing result, else success."""
    for ok, reason in results:
        if not ok:
            return ok, reason
    return True, ""


# ---- oracle steps ----------------------------------------------------------------------

def grid(obs: Observation) -> dict[str, str]:
    """Every cell the observation shows: address -> shown text."""
    return {n.name: n.value or "" for n in obs.find_all("textbox") if ADDRESS.match(n.name)}


def column_numbers(obs: Observation, col: str) -> list[float]:
    """The numbers column ``col`` shows (text and blanks skipped), top to bottom."""
    cells = grid(obs)
    out = []
    for r in range(1, ROWS + 1):
        value = to_number(cells.get(f"{col}{r}", ""))
        if value is not None:
            out.append(value)
    return out


def open_sheet(obs: Observation) -> ToolCall | None:
    """Open the spreadsheet unless it shows."""
    return open_app(obs, APP)


def set_cell(obs: Observation, address: str, text: str, numeric: bool = True) -> ToolCall | None:
    """Type ``text`` into ``address`` unless it already shows it (numerically when ``numeric``)."""
    node = next((n for n in obs.find_all("textbox", address)), None)
    if node is None:
        raise LookupError(f"oracle could not find the cell {address}")
    current = node.value or ""
    if numeric:
        a, b = to_number(current), to_number(text)
        if a is not None and b is not None and abs(a - b) <= TOLERANCE:
            return None
    elif current.strip() == text.strip():
        return None
    return type_into(node, text)
