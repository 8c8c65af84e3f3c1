"""Mail: delete every message from one sender address.

"In Mail, delete every message in the Inbox from deals@shop.example."
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import (
    check_mail_unsent, filler_messages, mail_state, make_message, message_ids, people)
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, done, pick, register, sample
from rlvr.envs.computer_use.desktop.views import open_mail_row, open_message, press_button
from rlvr.envs.computer_use.desktop.words import NEWSLETTERS, TOPICS
from rlvr.envs.computer_use.observation import Observation


@register
class MailDeleteSender(Family):
    name = "mail_delete_sender"
    apps = ("mail",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        n = int(rng.integers(2, 5))
        if rng.random() < 0.5:
            name, addr = pick(rng, NEWSLETTERS)
            issues = rng.permutation(np.arange(10, 99))[:n]
            msgs = [make_message(rng, (name, addr), f"{name}: issue {int(i)}") for i in issues]
        else:   # a person, with a namesake at another address whose mail stays
            (name, addr), = people(rng, 1)
            msgs = [make_message(rng, (name, addr), f"{t.capitalize()} reminder") for t in sample(rng, TOPICS, n)]
            namesake = (name, addr.replace("@", ".home@"))
            msgs.append(make_message(rng, namesake, "Weekend plans"))
        others = [m for m in filler_messages(rng, int(rng.integers(4, 7)), avoid_names=[name])
                  if m["from"] != addr]
        state = mail_state(rng, msgs + others)
        targets = message_ids(state, lambda m: m["from"] == addr)
        instruction = f"In Mail, delete every message in the Inbox sent from {addr}. Keep all other messages."
        return DesktopTask(instruction, {"mail": state}, params={"address": addr},
                           hidden={"targets": sorted(targets)})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        return check_mail_unsent(task.initial_state["mail"], state["mail"], {mid: None for mid in task.hidden["targets"]})

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        addr = task.params["address"]
        step = open_mail_row(obs, "Inbox", lambda r: r.sender == addr)
        if step is not None:
            return step
        shown = open_message(obs)
        if shown is not None and shown["from"].endswith(f"<{addr}>"):
            return press_button(obs, "Delete")
        return done()
