"""sheet_column_total: "Set E4 to the total of column B"."""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.families import sheet_base as sb
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, Success, ToolCall, done, pick, register
from rlvr.envs.computer_use.observation import Observation


@register
class SheetColumnTotal(Family):
    """Put the sum of a number column into an empty cell of another column.

    The oracle reads the column's shown values and adds them. Success: the
    target shows the total (a number or a formula that computes it) and no
    other cell changed.
    """

    name = "sheet_column_total"
    apps = ("spreadsheet",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        cells, _ = sb.random_table(rng)
        col = pick(rng, "BC")
        target = f"{pick(rng, 'EF')}{int(rng.integers(1, sb.ROWS + 1))}"
        total = sum(v for a in cells if a[0] == col and isinstance(v := sb.shown(cells, a), float))
        instruction = f"In the Spreadsheet, set {target} to the total of column {col}."
        return DesktopTask(instruction, sb.desktop_state(cells), {"column": col, "target": target},
                           hidden={"total": total})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> Success:
        target = task.params["target"]
        return sb.all_of(sb.check_numbers(state, {target: task.hidden["total"]}),
                         sb.others_unchanged(task.initial_state["spreadsheet"]["cells"], state, [target]))

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        step = sb.open_sheet(obs)
        if step is not None:
            return step
        total = sum(sb.column_numbers(obs, task.params["column"]))
        return sb.set_cell(obs, task.params["target"], sb.fmt(total)) or done()
