"""Editor: delete every line containing a marker word and save.

"Open Projects/launch_plan.txt in the Editor, delete every line that contains
the word DRAFT and save."
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import check_files, file_ids, files_state, make_file, text_lines
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, done, pick, register
from rlvr.envs.computer_use.desktop.views import (
    editor_dirty, editor_lines, open_in_editor, press_button, set_document,
)
from rlvr.envs.computer_use.desktop.words import TOPICS
from rlvr.envs.computer_use.observation import Observation

_MARKERS = ("DRAFT", "TODO", "OBSOLETE", "REMOVE")


@register
class EditorDeleteLines(Family):
    name = "editor_delete_lines"
    apps = ("editor", "files")

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        marker = pick(rng, _MARKERS)
        other = pick(rng, [m for m in _MARKERS if m != marker])
        lines = text_lines(rng, 6)
        n_marked = int(rng.integers(1, 4))
        marked_idx = set(int(i) for i in rng.permutation(len(lines))[:n_marked])
        out, keep = [], []
        for i, line in enumerate(lines):
            if i in marked_idx:
                out.append(f"{marker}: {line}" if rng.random() < 0.5 else f"{line} ({marker})")
            else:
                text = f"{other}: {line}" if rng.random() < 0.2 else line
                out.append(text)
                keep.append(text)
        folder = pick(rng, ("Documents", "Projects"))
        name = f"{pick(rng, TOPICS)}_plan.txt"
        files = [make_file(rng, name, folder, content="\n".join(out)),
                 make_file(rng, "backup_" + name, "Archive", content="\n".join(out))]
        state = files_state(rng, files, ["Documents", "Projects", "Archive"])
        (target,) = file_ids(state, lambda f: f["name"] == name)
        path = f"{folder}/{name}"
        instruction = (f"Open {path} in the Editor, delete every line that contains the word {marker} "
                       f"(keep all other lines in their order) and save.")
        return DesktopTask(instruction, {"files": state}, params={"path": path, "marker": marker},
                           hidden={"target": target, "expected": "\n".join(keep)})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        return check_files(task.initial_state["files"], state["files"],
                           {task.hidden["target"]: {"content": task.hidden["expected"]}})

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        step = open_in_editor(obs, p["path"])
        if step is not None:
            return step
        lines = editor_lines(obs)
        if any(p["marker"] in line for line in lines):
            return set_document(obs, "\n".join(line for line in lines if p["marker"] not in line))
        return press_button(obs, "Save") if editor_dirty(obs) else done()
