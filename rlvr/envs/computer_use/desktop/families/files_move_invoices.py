"""Files: move every invoice dated in a given month into a folder.

"In Files, move every invoice dated March 2024 in Documents into the folder Archive."
Invoices are ``invoice_<vendor>_<n>.pdf``; distractors are invoices of other
months and other documents of the same month.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import check_files, file_ids, files_state, make_file
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, done, pick, register, sample
from rlvr.envs.computer_use.desktop.views import choose, file_rows, go_to_folder, press_button, select_exactly
from rlvr.envs.computer_use.desktop.words import FOLDERS, MONTHS, VENDORS
from rlvr.envs.computer_use.observation import Observation


def _day(rng: np.random.Generator, year: int, month: int) -> str:
    return f"{year}-{month:02d}-{int(rng.integers(1, 29)):02d}"


@register
class FilesMoveInvoices(Family):
    name = "files_move_invoices"
    apps = ("files",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        year = 2024
        month = int(rng.integers(2, 12))            # 2..11: both neighbours exist for distractors
        src = pick(rng, ("Documents", "Downloads"))
        dest = pick(rng, FOLDERS)
        vendors = sample(rng, VENDORS, 8)
        n_target = int(rng.integers(2, 5))
        files = []
        for i, vendor in enumerate(vendors[:n_target]):
            files.append(make_file(rng, f"invoice_{vendor}_{int(rng.integers(100, 999))}.pdf", src,
                                   _day(rng, year, month)))
        for vendor in vendors[n_target:n_target + int(rng.integers(2, 4))]:
            other = month + pick(rng, (-1, 1))
            files.append(make_file(rng, f"invoice_{vendor}_{int(rng.integers(100, 999))}.pdf", src,
                                   _day(rng, year, other)))
        for stem in sample(rng, ("receipt", "contract", "notes", "quote", "photo"), int(rng.integers(1, 3))):
            ext = "jpg" if stem == "photo" else "pdf"
            files.append(make_file(rng, f"{stem}_{pick(rng, vendors)}.{ext}", src, _day(rng, year, month)))
        files.append(make_file(rng, f"invoice_{vendors[-1]}_old.pdf", dest, _day(rng, year - 1, month)))
        state = files_state(rng, files, ["Documents", "Downloads", dest], cwd="")
        prefix = f"{year}-{month:02d}-"
        targets = file_ids(state, lambda f: f["folder"] == src and f["name"].startswith("invoice_")
                           and f["date"].startswith(prefix))
        instruction = (f"In Files, move every invoice (files named invoice_...) dated {MONTHS[month - 1]} {year} "
                       f"in the folder {src} into the folder {dest}. Leave every other file where it is.")
        return DesktopTask(instruction, {"files": state},
                           params={"src": src, "dest": dest, "prefix": prefix},
                           hidden={"targets": sorted(targets)})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        dest = task.params["dest"]
        return check_files(task.initial_state["files"], state["files"],
                           {fid: {"folder": dest} for fid in task.hidden["targets"]})

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        step = go_to_folder(obs, p["src"])
        if step is not None:
            return step
        names = {r.name for r in file_rows(obs) if r.name.startswith("invoice_") and r.date.startswith(p["prefix"])}
        if not names:
            return done()
        return select_exactly(obs, names) or choose(obs, "Move to folder", p["dest"]) or press_button(obs, "Move")
