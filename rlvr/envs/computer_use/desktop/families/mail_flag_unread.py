"""Mail: flag every unread message from one person.

"In Mail, flag every message from Sam Lee that is unread in the Inbox." Sam's
read messages and other senders' unread messages must keep their flags.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import (
    check_mail_unsent, filler_messages, mail_state, make_message, message_ids, people)
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, click, done, register, sample
from rlvr.envs.computer_use.desktop.views import go_to_mail_folder, mail_rows
from rlvr.envs.computer_use.desktop.words import TOPICS
from rlvr.envs.computer_use.observation import Observation


@register
class MailFlagUnread(Family):
    name = "mail_flag_unread"
    apps = ("mail",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        (who,) = people(rng, 1)
        topics = sample(rng, TOPICS, 5)
        n_unread = int(rng.integers(1, 4))
        msgs = [make_message(rng, who, f"{t.capitalize()} follow-up", read=False) for t in topics[:n_unread]]
        msgs += [make_message(rng, who, f"{t.capitalize()} follow-up", read=True, flagged=bool(rng.random() < 0.3))
                 for t in topics[n_unread:n_unread + int(rng.integers(1, 3))]]
        others = filler_messages(rng, int(rng.integers(4, 7)), avoid_names=[who[0]])
        for m in others[:2]:
            m["read"] = False
        state = mail_state(rng, msgs + others)
        targets = message_ids(state, lambda m: m["from"] == who[1] and not m["read"])
        instruction = (f"In Mail, flag every message from {who[0]} in the Inbox that is unread. "
                       f"Do not change any other message.")
        return DesktopTask(instruction, {"mail": state}, params={"name": who[0]},
                           hidden={"targets": sorted(targets)})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        return check_mail_unsent(task.initial_state["mail"], state["mail"], {mid: {"flagged": True} for mid in task.hidden["targets"]})

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        step = go_to_mail_folder(obs, "Inbox")
        if step is not None:
            return step
        for row in mail_rows(obs):
            if row.sender_name == task.params["name"] and row.unread and row.flag is not None and not row.flag.checked:
                return click(row.flag)
        return done()
