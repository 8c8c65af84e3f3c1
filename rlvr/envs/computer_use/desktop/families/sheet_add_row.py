"""sheet_add_row: "Add a row for 'Kiwi' with Qty 12 and Price 3 under the table"."""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.families import sheet_base as sb
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, Success, ToolCall, done, register
from rlvr.envs.computer_use.observation import Observation

_NEW_LABELS = ("Kiwi", "Mango", "Nectar", "Olives", "Pears", "Quince", "Rye", "Salt", "Tea", "Umeboshi",
               "Vanilla", "Walnuts", "Yogurt", "Zest", "Delta", "Harbor", "Summit", "Orbit")


@register
class SheetAddRow(Family):
    """A new row right under the last filled row, with a label and two numbers.

    The oracle finds the first empty row from the observation (or the row it
    already started). Success: that row holds exactly the label and numbers in
    A:C; nothing else changed.
    """

    name = "sheet_add_row"
    apps = ("spreadsheet",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        cells, last = sb.random_table(rng, rows=(3, 9))
        label = str(rng.choice([x for x in _NEW_LABELS if x not in cells.values()]))
        b, c = int(rng.integers(1, 300)), int(rng.integers(1, 60))
        instruction = (f"In the Spreadsheet, add a row right under the last filled row with "
                       f"'{label}' in column A, {b} in column B ({cells['B1']}) and {c} in column C ({cells['C1']}).")
        return DesktopTask(instruction, sb.desktop_state(cells), {"label": label, "b": b, "c": c},
                           hidden={"row": last + 1})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> Success:
        r, p = task.hidden["row"], task.params
        return sb.all_of(sb.check_texts(state, {f"A{r}": p["label"]}),
                         sb.check_numbers(state, {f"B{r}": p["b"], f"C{r}": p["c"]}),
                         sb.others_unchanged(task.initial_state["spreadsheet"]["cells"], state,
                                             [f"A{r}", f"B{r}", f"C{r}"]))

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        step = sb.open_sheet(obs)
        if step is not None:
            return step
        p = task.params
        cells = sb.grid(obs)
        row = next((r for r in range(1, sb.ROWS + 1) if cells.get(f"A{r}", "").strip() == p["label"]), None)
        if row is None:
            row = next((r for r in range(1, sb.ROWS + 1)
                        if not any(cells.get(f"{c}{r}", "").strip() for c in sb.COLS)), None)
            if row is None:
                raise LookupError("oracle found no empty row in the sheet")
        return (sb.set_cell(obs, f"A{row}", p["label"], numeric=False)
                or sb.set_cell(obs, f"B{row}", str(p["b"]))
                or sb.set_cell(obs, f"C{row}", str(p["c"]))
                or done())
