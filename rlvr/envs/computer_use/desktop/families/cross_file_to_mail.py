"""Editor + Mail: e-mail the text of a file.

"Send the text of Documents/budget_summary.txt by e-mail to
kofi.mensah@acme.example with the subject 'Budget summary'; the body must be
exactly the file's text."
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import (
    check_files, check_mail, filler_messages, files_state, mail_state, make_file, normalize_text, people,
    sent_messages, text_lines,
)
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, pick, register, sample
from rlvr.envs.computer_use.desktop.views import compose_and_send, editor_lines, open_in_editor
from rlvr.envs.computer_use.desktop.words import TOPICS
from rlvr.envs.computer_use.observation import Observation


@register
class CrossFileToMail(Family):
    name = "cross_file_to_mail"
    apps = ("editor", "mail", "files")

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        (who,) = people(rng, 1)
        topic, other = sample(rng, TOPICS, 2)
        folder = pick(rng, ("Documents", "Projects"))
        name = f"{topic}_summary.txt"
        text = "\n".join(text_lines(rng, int(rng.integers(2, 5))))
        files = [make_file(rng, name, folder, content=text), make_file(rng, f"{other}_summary.txt", folder)]
        subject = f"{topic.capitalize()} summary"
        path = f"{folder}/{name}"
        instruction = (f"Send the text of the file {path} by e-mail to {who[1]} with the subject '{subject}'. "
                       f"The message body must be exactly the file's text.")
        mail = mail_state(rng, filler_messages(rng, int(rng.integers(2, 5)), avoid_names=[who[0]]))
        return DesktopTask(instruction, {"files": files_state(rng, files, ["Documents", "Projects"]), "mail": mail},
                           params={"path": path, "to": who[1], "subject": subject}, hidden={"text": text})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        p = task.params
        initial = task.initial_state["mail"]
        sent = sent_messages(initial, state["mail"])
        if len(sent) != 1:
            return False, f"{len(sent)} messages were sent, expected exactly one"
        (msg,) = sent
        if msg["to"] != [p["to"]] or msg["subject"].strip() != p["subject"]:
            return False, "the message has the wrong recipient or subject"
        if normalize_text(msg["body"]).strip() != normalize_text(task.hidden["text"]).strip():
            return False, "the body is not the file's text"
        ok, why = check_files(task.initial_state["files"], state["files"], {})
        return (ok, why) if not ok else check_mail(initial, state["mail"], {})

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p, memory = task.params, task.memory
        if "text" not in memory:
            step = open_in_editor(obs, p["path"])
            if step is not None:
                return step
            memory["text"] = "\n".join(editor_lines(obs))
        return compose_and_send(obs, p["to"], p["subject"], memory["text"])
