"""Mail + Files: move the files an e-mail lists into a folder.

"Lena Fischer's e-mail 'Files to archive' lists files of the folder Documents.
Move exactly those files into the folder Archive."
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import (
    check_files, check_mail_unsent, file_ids, filler_messages, files_state, mail_state, make_file, make_message, people,
)
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, done, pick, register, sample
from rlvr.envs.computer_use.desktop.views import (
    choose, file_rows, go_to_folder, press_button, read_inbox_message, select_exactly,
)
from rlvr.envs.computer_use.desktop.words import FOLDERS, TOPICS, WORDS
from rlvr.envs.computer_use.observation import Observation

_EXTS = ("pdf", "txt", "csv", "jpg", "docx")


@register
class CrossMailFiles(Family):
    name = "cross_mail_files"
    apps = ("mail", "files")

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        (sender,) = people(rng, 1)
        dest = pick(rng, FOLDERS)
        src = pick(rng, ("Documents", "Downloads"))
        stems = sample(rng, TOPICS + WORDS, 8)
        names = [f"{s}.{pick(rng, _EXTS)}" for s in stems]
        n = int(rng.integers(2, 5))
        listed = names[:n]
        files = [make_file(rng, name, src) for name in names]
        subject = "Files to archive"
        body = ("Hi Alex,\nplease move these files:\n" + "\n".join(f"* {x}" for x in listed)
                + f"\nThanks, {sender[0].split()[0]}")
        msgs = [make_message(rng, sender, subject, body=body)]
        msgs += filler_messages(rng, int(rng.integers(2, 5)), avoid_names=[sender[0]], avoid_subjects=[subject])
        fs = files_state(rng, files, [src, dest])
        targets = file_ids(fs, lambda f: f["name"] in listed)
        instruction = (f"{sender[0]}'s e-mail '{subject}' lists files of the folder {src}. In Files, move exactly "
                       f"those files into the folder {dest}.")
        return DesktopTask(instruction, {"mail": mail_state(rng, msgs), "files": fs},
                           params={"name": sender[0], "subject": subject, "src": src, "dest": dest},
                           hidden={"targets": sorted(targets)})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        ok, why = check_files(task.initial_state["files"], state["files"],
                              {fid: {"folder": task.params["dest"]} for fid in task.hidden["targets"]})
        if not ok:
            return ok, why
        return check_mail_unsent(task.initial_state["mail"], state["mail"], {})

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p, memory = task.params, task.memory
        if "files" not in memory:
            step, shown = read_inbox_message(obs, p["name"], p["subject"])
            if step is not None:
                return step
            memory["files"] = [line[2:] for line in shown["body"].split("\n") if line.startswith("* ")]
        step = go_to_folder(obs, p["src"])
        if step is not None:
            return step
        names = {r.name for r in file_rows(obs)} & set(memory["files"])
        if not names:
            return done()
        return select_exactly(obs, names) or choose(obs, "Move to folder", p["dest"]) or press_button(obs, "Move")
