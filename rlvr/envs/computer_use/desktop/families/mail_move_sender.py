"""Mail: move every message from one person into a folder.

"In Mail, move every message from Priya Nair in the Inbox to the folder Clients."
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import (
    check_mail_unsent, filler_messages, mail_state, make_message, message_ids, people)
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, done, pick, register, sample
from rlvr.envs.computer_use.desktop.views import choose, open_mail_row, open_message, press_button
from rlvr.envs.computer_use.desktop.words import TOPICS
from rlvr.envs.computer_use.observation import Observation

_FOLDERS = ("Clients", "Projects", "Finance", "Travel", "Family", "Receipts")


@register
class MailMoveSender(Family):
    name = "mail_move_sender"
    apps = ("mail",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        who, namesake = people(rng, 2)
        folders = sample(rng, _FOLDERS, 2)
        dest = folders[0]
        topics = sample(rng, TOPICS, 4)
        msgs = [make_message(rng, who, f"{t.capitalize()} {pick(rng, ('notes', 'plan', 'update'))}")
                for t in topics[:int(rng.integers(2, 4))]]
        # A message from the same person already in Archive stays there.
        msgs.append(make_message(rng, who, f"{topics[3].capitalize()} archive copy", folder="Archive"))
        others = filler_messages(rng, int(rng.integers(3, 6)), avoid_names=[who[0]])
        state = mail_state(rng, msgs + others, folders=folders)
        targets = message_ids(state, lambda m: m["from"] == who[1] and m["folder"] == "Inbox")
        instruction = f"In Mail, move every message from {who[0]} in the Inbox to the folder {dest}."
        return DesktopTask(instruction, {"mail": state}, params={"name": who[0], "dest": dest},
                           hidden={"targets": sorted(targets)})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        return check_mail_unsent(task.initial_state["mail"], state["mail"], {mid: {"folder": task.params["dest"]}
                                                   for mid in task.hidden["targets"]})

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        step = open_mail_row(obs, "Inbox", lambda r: r.sender_name == p["name"])
        if step is not None:
            return step
        shown = open_message(obs)
        if shown is not None and shown["from"].startswith(p["name"] + " <"):
            return choose(obs, "Move to folder", p["dest"]) or press_button(obs, "Move")
        return done()
