"""sheet_sorted_copy: "Copy column B's numbers into column E, sorted ascending"."""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.families import sheet_base as sb
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, Success, ToolCall, done, pick, register
from rlvr.envs.computer_use.observation import Observation


@register
class SheetSortedCopy(Family):
    """The numbers of one column, copied in sorted order into an empty column from row 2.

    Success: the target column's rows 2.. show the sorted numbers, nothing below
    them, nothing else changed.
    """

    name = "sheet_sorted_copy"
    apps = ("spreadsheet",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        cells, last = sb.random_table(rng, rows=(3, 8))
        col, dest = pick(rng, "BC"), pick(rng, "DEF")
        descending = bool(rng.random() < 0.5)
        numbers = sorted((sb.shown(cells, f"{col}{r}") for r in range(2, last + 1)), reverse=descending)
        order = "descending (largest first)" if descending else "ascending (smallest first)"
        instruction = (f"In the Spreadsheet, copy the numbers of column {col} (rows 2 to {last}) into column "
                       f"{dest} starting at {dest}2, sorted in {order} order.")
        expected = {f"{dest}{i + 2}": v for i, v in enumerate(numbers)}
        return DesktopTask(instruction, sb.desktop_state(cells),
                           {"column": col, "dest": dest, "last": last, "descending": descending},
                           hidden={"expected": expected})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> Success:
        expected = task.hidden["expected"]
        return sb.all_of(sb.check_numbers(state, expected),
                         sb.others_unchanged(task.initial_state["spreadsheet"]["cells"], state, expected))

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        step = sb.open_sheet(obs)
        if step is not None:
            return step
        p = task.params
        cells = sb.grid(obs)
        numbers = []
        for r in range(2, p["last"] + 1):
            value = sb.to_number(cells.get(f"{p['column']}{r}"))
            if value is None:
                raise LookupError(f"oracle could not read a number in {p['column']}{r}")
            numbers.append(value)
        for i, value in enumerate(sorted(numbers, reverse=p["descending"])):
            step = sb.set_cell(obs, f"{p['dest']}{i + 2}", sb.fmt(value))
            if step is not None:
                return step
        return done()
