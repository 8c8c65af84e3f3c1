"""Mail + Editor: save the body of an e-mail as a text file.

"Save the text of the message from Lena Fischer with the subject 'Workshop
notes' as a new text file named workshop_notes.txt in the folder Documents."
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import (
    check_files, check_mail_unsent, filler_messages, files_state, mail_state, make_file, make_message, people,
    text_lines,
)
from rlvr.envs.computer_use.desktop.family import (
    DesktopTask, Family, ToolCall, done, open_app, pick, register, sample,
)
from rlvr.envs.computer_use.desktop.views import (
    EDITOR, choose, editing, editor_dirty, press_button, read_inbox_message, set_document, set_field,
)
from rlvr.envs.computer_use.desktop.words import TOPICS
from rlvr.envs.computer_use.observation import Observation


@register
class CrossMailToFile(Family):
    name = "cross_mail_to_file"
    apps = ("mail", "editor", "files")

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        (sender,) = people(rng, 1)
        topic, other = sample(rng, TOPICS, 2)
        subject = f"{topic.capitalize()} notes"
        body = "\n".join(text_lines(rng, int(rng.integers(2, 5))))
        msgs = [make_message(rng, sender, subject, body=body),
                make_message(rng, sender, f"{other.capitalize()} notes")]
        msgs += filler_messages(rng, int(rng.integers(2, 5)), avoid_names=[sender[0]],
                                avoid_subjects=[m["subject"] for m in msgs])
        folder = pick(rng, ("Documents", "Projects"))
        name = f"{topic}_notes.txt"
        files = [make_file(rng, f"{t}.txt", pick(rng, ("Documents", "Projects"))) for t in sample(rng, TOPICS, 3)
                 if t != topic]
        instruction = (f"Save the body text of the e-mail from {sender[0]} with the subject '{subject}' as a new "
                       f"text file named {name} in the folder {folder} (use the Editor; the file must hold exactly "
                       f"the message's text).")
        return DesktopTask(instruction, {"mail": mail_state(rng, msgs), "files": files_state(rng, files,
                                                                                           ["Documents", "Projects"])},
                           params={"name": sender[0], "subject": subject, "file": name, "folder": folder},
                           hidden={"body": body})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        p = task.params
        ok, why = check_files(task.initial_state["files"], state["files"], {},
                              new=[{"name": p["file"], "folder": p["folder"], "content": task.hidden["body"]}])
        if not ok:
            return ok, why
        return check_mail_unsent(task.initial_state["mail"], state["mail"], {})

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p, memory = task.params, task.memory
        if "body" not in memory:
            step, shown = read_inbox_message(obs, p["name"], p["subject"])
            if step is not None:
                return step
            memory["body"] = shown["body"]
        step = open_app(obs, EDITOR)
        if step is not None:
            return step
        path = f"{p['folder']}/{p['file']}"
        now = editing(obs)
        if now == path:
            return press_button(obs, "Save") if editor_dirty(obs) else done()
        if now != "new file":
            return press_button(obs, "New file")
        return (set_document(obs, memory["body"]) or set_field(obs, "textbox", "File name", p["file"])
                or choose(obs, "Save in folder", p["folder"]) or press_button(obs, "Save"))
