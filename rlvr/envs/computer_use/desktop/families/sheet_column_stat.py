"""sheet_column_stat: "Set F3 to the largest value in column C" (smallest, average)."""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.families import sheet_base as sb
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, Success, ToolCall, done, pick, register
from rlvr.envs.computer_use.observation import Observation

_STATS = {
    "largest": max,
    "smallest": min,
    "average": lambda xs: sum(xs) / len(xs),
}


@register
class SheetColumnStat(Family):
    """The largest, smallest or average number of a column, into an empty cell.

    Success: the target shows it (within 0.001); nothing else changed.
    """

    name = "sheet_column_stat"
    apps = ("spreadsheet",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        cells, _ = sb.random_table(rng)
        col, stat = pick(rng, "BC"), pick(rng, sorted(_STATS))
        target = f"{pick(rng, 'DEF')}{int(rng.integers(1, sb.ROWS + 1))}"
        numbers = [v for a in cells if a[0] == col and isinstance(v := sb.shown(cells, a), float)]
        what = "average of the numbers" if stat == "average" else f"{stat} number"
        instruction = f"In the Spreadsheet, set {target} to the {what} in column {col}."
        return DesktopTask(instruction, sb.desktop_state(cells), {"column": col, "stat": stat, "target": target},
                           hidden={"value": _STATS[stat](numbers)})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> Success:
        target = task.params["target"]
        return sb.all_of(sb.check_numbers(state, {target: task.hidden["value"]}),
                         sb.others_unchanged(task.initial_state["spreadsheet"]["cells"], state, [target]))

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        step = sb.open_sheet(obs)
        if step is not None:
            return step
        p = task.params
        numbers = sb.column_numbers(obs, p["column"])
        return sb.set_cell(obs, p["target"], sb.fmt(_STATS[p["stat"]](numbers))) or done()
