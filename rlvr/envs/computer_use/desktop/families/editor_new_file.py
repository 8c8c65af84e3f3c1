"""Editor: create a new text file with given lines in a given folder.

"Create a text file named shopping.txt in the folder Documents with these 3
lines, in order: 'Buy milk', 'Pay rent', 'Call the bank'."
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import check_files, files_state, make_file
from rlvr.envs.computer_use.desktop.family import (
    DesktopTask, Family, ToolCall, done, open_app, pick, register, sample,
)
from rlvr.envs.computer_use.desktop.views import (
    EDITOR, choose, editing, editor_dirty, press_button, set_document, set_field,
)
from rlvr.envs.computer_use.desktop.words import TASKS, TOPICS
from rlvr.envs.computer_use.observation import Observation


@register
class EditorNewFile(Family):
    name = "editor_new_file"
    apps = ("editor", "files")

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        folder = pick(rng, ("Documents", "Projects", "Home"))
        name = f"{pick(rng, TOPICS)}_{pick(rng, ('todo', 'plan', 'list', 'notes'))}.txt"
        lines = sample(rng, TASKS, int(rng.integers(2, 5)))
        existing = [make_file(rng, f"{t}.txt", pick(rng, ("Documents", "Projects"))) for t in sample(rng, TOPICS, 3)]
        existing = [f for f in existing if f["name"] != name]
        state = files_state(rng, existing, ["Documents", "Projects", "Archive"])
        quoted = ", ".join(f"'{line}'" for line in lines)
        instruction = (f"Using the Editor, create a new text file named {name} in the folder {folder} whose lines "
                       f"are exactly, in order: {quoted} (one per line). Save it.")
        return DesktopTask(instruction, {"files": state},
                           params={"folder": folder, "name": name, "lines": lines})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        p = task.params
        folder = "" if p["folder"] == "Home" else p["folder"]
        return check_files(task.initial_state["files"], state["files"], {},
                           new=[{"name": p["name"], "folder": folder, "content": "\n".join(p["lines"])}])

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        step = open_app(obs, EDITOR)
        if step is not None:
            return step
        path = p["name"] if p["folder"] == "Home" else f"{p['folder']}/{p['name']}"
        now = editing(obs)
        if now == path:
            return press_button(obs, "Save") if editor_dirty(obs) else done()
        if now != "new file":
            return press_button(obs, "New file")
        return (set_document(obs, "\n".join(p["lines"])) or set_field(obs, "textbox", "File name", p["name"])
                or choose(obs, "Save in folder", p["folder"]) or press_button(obs, "Save"))
