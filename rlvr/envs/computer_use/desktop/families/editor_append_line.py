"""Editor: add a line at the end of a to-do list and save.

"Open Documents/todo.txt in the Editor, add the line 'Buy milk' at the end and save."
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import check_files, file_ids, files_state, make_file
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, done, pick, register, sample
from rlvr.envs.computer_use.desktop.views import (
    editor_dirty, editor_lines, open_in_editor, press_button, set_document,
)
from rlvr.envs.computer_use.desktop.words import TASKS
from rlvr.envs.computer_use.observation import Observation


@register
class EditorAppendLine(Family):
    name = "editor_append_line"
    apps = ("editor", "files")

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        items = sample(rng, TASKS, 7)
        new_item, kept = items[0], items[1:int(rng.integers(3, 6))]
        folder = pick(rng, ("Documents", ""))
        name = pick(rng, ("todo.txt", "tasks.txt", "chores.md", "list.txt"))
        files = [make_file(rng, name, folder, content="\n".join(f"- {t}" for t in kept)),
                 make_file(rng, "ideas.txt", folder, content="\n".join(f"- {t}" for t in items[5:]))]
        state = files_state(rng, files, ["Documents", "Archive"])
        (target,) = file_ids(state, lambda f: f["name"] == name)
        path = f"{folder}/{name}" if folder else name
        line = f"- {new_item}"
        expected = "\n".join(f"- {t}" for t in kept) + "\n" + line
        instruction = (f"Open {path} in the Editor, add the line '{line}' as the last line of the file "
                       f"(keep the other lines) and save.")
        return DesktopTask(instruction, {"files": state}, params={"path": path, "line": line},
                           hidden={"target": target, "expected": expected})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        return check_files(task.initial_state["files"], state["files"],
                           {task.hidden["target"]: {"content": task.hidden["expected"]}})

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        step = open_in_editor(obs, p["path"])
        if step is not None:
            return step
        lines = editor_lines(obs)
        while lines and not lines[-1]:
            lines.pop()
        if not lines or lines[-1] != p["line"]:
            return set_document(obs, "\n".join(lines + [p["line"]]))
        return press_button(obs, "Save") if editor_dirty(obs) else done()
