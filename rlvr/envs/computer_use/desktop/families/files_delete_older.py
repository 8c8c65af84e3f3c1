"""Files: delete every file of a folder modified before a date.

"In Files, delete every file in Downloads last modified before 2024-06-01."
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import check_files, file_ids, files_state, make_file, random_date
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, done, pick, register, sample
from rlvr.envs.computer_use.desktop.views import file_rows, go_to_folder, press_button, select_exactly
from rlvr.envs.computer_use.desktop.words import TOPICS, WORDS
from rlvr.envs.computer_use.observation import Observation

_EXTS = ("csv", "pdf", "jpg", "txt", "zip", "log")


@register
class FilesDeleteOlder(Family):
    name = "files_delete_older"
    apps = ("files",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        folder = pick(rng, ("Downloads", "Documents", "Backup"))
        cutoff = f"2024-{int(rng.integers(3, 11)):02d}-01"
        stems = sample(rng, TOPICS + WORDS, 10)
        n_old = int(rng.integers(2, 5))
        n_new = int(rng.integers(2, 5))
        files = [make_file(rng, f"{s}.{pick(rng, _EXTS)}", folder, random_date(rng, "2023-01-01", cutoff))
                 for s in stems[:n_old]]
        files = [dict(f, date=f["date"] if f["date"] < cutoff else "2023-12-31") for f in files]
        files += [make_file(rng, f"{s}.{pick(rng, _EXTS)}", folder, random_date(rng, cutoff, "2025-03-09"))
                  for s in stems[n_old:n_old + n_new]]
        # Old files elsewhere must stay.
        files += [make_file(rng, f"{s}.{pick(rng, _EXTS)}", "Archive", random_date(rng, "2023-01-01", "2023-12-31"))
                  for s in stems[8:]]
        state = files_state(rng, files, ["Documents", "Downloads", "Backup", "Archive"], cwd="")
        targets = file_ids(state, lambda f: f["folder"] == folder and f["date"] < cutoff)
        instruction = (f"In Files, delete every file in the folder {folder} whose modification date is before "
                       f"{cutoff}. Keep the newer ones.")
        return DesktopTask(instruction, {"files": state}, params={"folder": folder, "cutoff": cutoff},
                           hidden={"targets": sorted(targets)})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        return check_files(task.initial_state["files"], state["files"],
                           {fid: None for fid in task.hidden["targets"]})

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        step = go_to_folder(obs, p["folder"])
        if step is not None:
            return step
        names = {r.name for r in file_rows(obs) if r.date < p["cutoff"]}
        if not names:
            return done()
        return select_exactly(obs, names) or press_button(obs, "Delete")
