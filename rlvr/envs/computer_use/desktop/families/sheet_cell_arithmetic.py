"""sheet_cell_arithmetic: "Set D2 to B2 times C2" (or plus, minus)."""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.families import sheet_base as sb
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, Success, ToolCall, done, pick, register
from rlvr.envs.computer_use.observation import Observation

_OPS = {"times": lambda a, b: a * b, "plus": lambda a, b: a + b, "minus": lambda a, b: a - b}


@register
class SheetCellArithmetic(Family):
    """One cell set to an operation of two cells of the same row.

    Success: the target shows the result; no other cell changed.
    """

    name = "sheet_cell_arithmetic"
    apps = ("spreadsheet",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        cells, last = sb.random_table(rng)
        row = int(rng.integers(2, last + 1))
        op = pick(rng, sorted(_OPS))
        target = f"{pick(rng, 'DEF')}{row}"
        result = _OPS[op](sb.shown(cells, f"B{row}"), sb.shown(cells, f"C{row}"))
        instruction = f"In the Spreadsheet, set {target} to B{row} {op} C{row}."
        return DesktopTask(instruction, sb.desktop_state(cells), {"target": target, "row": row, "op": op},
                           hidden={"result": result})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> Success:
        target = task.params["target"]
        return sb.all_of(sb.check_numbers(state, {target: task.hidden["result"]}),
                         sb.others_unchanged(task.initial_state["spreadsheet"]["cells"], state, [target]))

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        step = sb.open_sheet(obs)
        if step is not None:
            return step
        p = task.params
        cells = sb.grid(obs)
        a, b = sb.to_number(cells.get(f"B{p['row']}")), sb.to_number(cells.get(f"C{p['row']}"))
        if a is None or b is None:
            raise LookupError(f"oracle could not read numbers in B{p['row']} and C{p['row']}")
        return sb.set_cell(obs, p["target"], sb.fmt(_OPS[p["op"]](a, b))) or done()
