"""Files: create a folder and move every file of one type into it.

"In Files, create a folder named Reports inside Documents and move every .csv
file of Documents into it."
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import check_files, file_ids, files_state, make_file
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, done, pick, register, sample
from rlvr.envs.computer_use.desktop.views import (
    choose, file_rows, go_to_folder, press_button, select_exactly, set_field,
)
from rlvr.envs.computer_use.desktop.words import FOLDERS, TOPICS, WORDS
from rlvr.envs.computer_use.observation import Observation

_EXTS = ("csv", "pdf", "jpg", "txt", "png", "docx")


@register
class FilesNewFolderMove(Family):
    name = "files_new_folder_move"
    apps = ("files",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        src = pick(rng, ("Documents", "Downloads"))
        new_folder = pick(rng, FOLDERS)
        ext = pick(rng, _EXTS)
        others = [e for e in _EXTS if e != ext]
        stems = sample(rng, TOPICS + WORDS, 9)
        n_target = int(rng.integers(2, 5))
        files = [make_file(rng, f"{s}.{ext}", src) for s in stems[:n_target]]
        files += [make_file(rng, f"{s}.{pick(rng, others)}", src) for s in stems[n_target:7]]
        # Same extension elsewhere: must stay.
        files += [make_file(rng, f"{s}.{ext}", pick(rng, ("Archive", ""))) for s in stems[7:]]
        state = files_state(rng, files, ["Documents", "Downloads", "Archive"], cwd="")
        path = f"{src}/{new_folder}"
        targets = file_ids(state, lambda f: f["folder"] == src and f["name"].endswith("." + ext))
        instruction = (f"In Files, create a folder named {new_folder} inside {src} and move every .{ext} file "
                       f"of {src} into it.")
        return DesktopTask(instruction, {"files": state},
                           params={"src": src, "folder": new_folder, "path": path, "ext": ext},
                           hidden={"targets": sorted(targets)})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        path = task.params["path"]
        return check_files(task.initial_state["files"], state["files"],
                           {fid: {"folder": path} for fid in task.hidden["targets"]}, new_folders=[path])

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        step = go_to_folder(obs, p["src"])
        if step is not None:
            return step
        if obs.find("button", p["path"]) is None:
            return set_field(obs, "textbox", "Name", p["folder"]) or press_button(obs, "New folder")
        names = {r.name for r in file_rows(obs) if r.name.endswith("." + p["ext"])}
        if not names:
            return done()
        return select_exactly(obs, names) or choose(obs, "Move to folder", p["path"]) or press_button(obs, "Move")
