"""Files: rename one file.

"In Files, rename report_old.txt in Documents to report_2024.txt." The folder
also holds files with similar names, so only the named one may change.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import check_files, file_ids, files_state, make_file
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, done, pick, register, sample
from rlvr.envs.computer_use.desktop.views import (
    file_rows, go_to_folder, press_button, select_exactly, set_field,
)
from rlvr.envs.computer_use.desktop.words import TOPICS, WORDS
from rlvr.envs.computer_use.observation import Observation

_EXTS = ("txt", "pdf", "csv", "md", "jpg")
_RENAMES = (("{w}_old", "{w}_{y}"), ("{w}_draft", "{w}_final"), ("{w}", "{w}_v2"), ("copy of {w}", "{w}_backup"),
            ("{w}_tmp", "{w}"), ("untitled", "{w}_notes"))


@register
class FilesRename(Family):
    name = "files_rename"
    apps = ("files",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        folder = pick(rng, ("Documents", "Downloads", ""))
        stems = sample(rng, TOPICS + WORDS, 5)
        ext = pick(rng, _EXTS)
        old_t, new_t = pick(rng, _RENAMES)
        year = int(rng.integers(2019, 2026))
        old = old_t.format(w=stems[0], y=year) + "." + ext
        new = new_t.format(w=stems[0], y=year) + "." + ext
        files = [make_file(rng, old, folder)]
        # Look-alikes: the same stem with other suffixes, and other stems with the same pattern.
        files.append(make_file(rng, f"{stems[0]}_{year - 1}.{pick(rng, _EXTS)}", folder))
        for stem in stems[1:]:
            files.append(make_file(rng, old_t.format(w=stem, y=year) + "." + pick(rng, _EXTS), folder))
        files = [f for i, f in enumerate(files) if f["name"] not in {g["name"] for g in files[:i]} and f["name"] != new]
        state = files_state(rng, files, ["Documents", "Downloads", "Archive"], cwd="")
        (target,) = file_ids(state, lambda f: f["name"] == old and f["folder"] == folder)
        where = folder or "Home"
        instruction = f"In Files, rename the file {old} in the folder {where} to {new}."
        return DesktopTask(instruction, {"files": state}, params={"folder": folder, "old": old, "new": new},
                           hidden={"target": target})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        return check_files(task.initial_state["files"], state["files"],
                           {task.hidden["target"]: {"name": task.params["new"]}})

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        step = go_to_folder(obs, p["folder"])
        if step is not None:
            return step
        if any(r.name == p["new"] for r in file_rows(obs)):
            return done()
        return (select_exactly(obs, {p["old"]}) or set_field(obs, "textbox", "Name", p["new"])
                or press_button(obs, "Rename"))
