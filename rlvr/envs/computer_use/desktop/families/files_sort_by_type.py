"""Files: sort a folder's files into two folders by type.

"In Files, move every .jpg file of Downloads into Photos and every .pdf file of
Downloads into Documents."
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import check_files, file_ids, files_state, make_file
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, done, register, sample
from rlvr.envs.computer_use.desktop.views import choose, file_rows, go_to_folder, press_button, select_exactly
from rlvr.envs.computer_use.desktop.words import TOPICS, WORDS
from rlvr.envs.computer_use.observation import Observation

_KINDS = (("jpg", "Photos"), ("pdf", "Documents"), ("mp3", "Music"), ("csv", "Spreadsheets"), ("zip", "Archive"))


@register
class FilesSortByType(Family):
    name = "files_sort_by_type"
    apps = ("files",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        (ext_a, dest_a), (ext_b, dest_b), (ext_c, _) = sample(rng, _KINDS, 3)
        stems = sample(rng, TOPICS + WORDS, 10)
        na, nb = int(rng.integers(1, 4)), int(rng.integers(1, 4))
        files = [make_file(rng, f"{s}.{ext_a}", "Downloads") for s in stems[:na]]
        files += [make_file(rng, f"{s}.{ext_b}", "Downloads") for s in stems[na:na + nb]]
        files += [make_file(rng, f"{s}.{ext}", "Downloads") for s, ext in zip(stems[7:], (ext_c, "txt", ext_c))]
        state = files_state(rng, files, ["Downloads", dest_a, dest_b, "Documents"], cwd="")
        moves = {fid: {"folder": dest_a} for fid in file_ids(state, lambda f: f["name"].endswith("." + ext_a))}
        moves.update({fid: {"folder": dest_b} for fid in file_ids(state, lambda f: f["name"].endswith("." + ext_b))})
        instruction = (f"In Files, move every .{ext_a} file of Downloads into the folder {dest_a} and every "
                       f".{ext_b} file of Downloads into the folder {dest_b}. Other files stay in Downloads.")
        return DesktopTask(instruction, {"files": state},
                           params={"groups": [[ext_a, dest_a], [ext_b, dest_b]]}, hidden={"moves": moves})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        return check_files(task.initial_state["files"], state["files"], task.hidden["moves"])

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        step = go_to_folder(obs, "Downloads")
        if step is not None:
            return step
        rows = file_rows(obs)
        for ext, dest in task.params["groups"]:
            names = {r.name for r in rows if r.name.endswith("." + ext)}
            if names:
                return select_exactly(obs, names) or choose(obs, "Move to folder", dest) or press_button(obs, "Move")
        return done()
