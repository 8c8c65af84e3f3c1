"""sheet_fill_products: "Fill column D with B times C for every row, heading 'Total'"."""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.families import sheet_base as sb
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, Success, ToolCall, done, pick, register
from rlvr.envs.computer_use.observation import Observation

_HEADINGS = ("Total", "Amount", "Product", "Subtotal", "Value")


@register
class SheetFillProducts(Family):
    """A heading in D1 and, for every data row, D = B times C.

    Success: D1 shows the heading, every data row's D shows its product, nothing
    else changed (no D below the last row either).
    """

    name = "sheet_fill_products"
    apps = ("spreadsheet",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        cells, last = sb.random_table(rng, rows=(3, 7))
        heading = pick(rng, _HEADINGS)
        products = {f"D{r}": sb.shown(cells, f"B{r}") * sb.shown(cells, f"C{r}") for r in range(2, last + 1)}
        instruction = (f"In the Spreadsheet, write the heading '{heading}' in D1 and, in column D of every "
                       f"row from 2 to {last}, that row's B times C.")
        return DesktopTask(instruction, sb.desktop_state(cells), {"heading": heading, "last": last},
                           hidden={"products": products})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> Success:
        products = task.hidden["products"]
        return sb.all_of(sb.check_texts(state, {"D1": task.params["heading"]}),
                         sb.check_numbers(state, products),
                         sb.others_unchanged(task.initial_state["spreadsheet"]["cells"], state,
                                             ["D1", *products]))

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        step = sb.open_sheet(obs)
        if step is not None:
            return step
        step = sb.set_cell(obs, "D1", task.params["heading"], numeric=False)
        if step is not None:
            return step
        cells = sb.grid(obs)
        for r in range(2, task.params["last"] + 1):
            a, b = sb.to_number(cells.get(f"B{r}")), sb.to_number(cells.get(f"C{r}"))
            if a is None or b is None:
                raise LookupError(f"oracle could not read numbers in B{r} and C{r}")
            step = sb.set_cell(obs, f"D{r}", sb.fmt(a * b))
            if step is not None:
                return step
        return done()
