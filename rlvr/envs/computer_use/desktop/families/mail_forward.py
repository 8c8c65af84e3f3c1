"""Mail: forward one message to an address.

"In Mail, forward the message from Dana Kim with the subject 'Budget plan' to
jonas.berg@acme.example."
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import (
    check_mail, filler_messages, mail_state, make_message, message_ids, people, sent_messages,
)
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, done, register, sample
from rlvr.envs.computer_use.desktop.views import (
    composing, open_mail_row, open_message, press_button, send_draft, sent_notice,
)
from rlvr.envs.computer_use.desktop.words import TOPICS
from rlvr.envs.computer_use.observation import Observation


@register
class MailForward(Family):
    name = "mail_forward"
    apps = ("mail",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        sender, recipient = people(rng, 2)
        topics = sample(rng, TOPICS, 3)
        subject = f"{topics[0].capitalize()} plan"
        msgs = [make_message(rng, sender, subject),
                make_message(rng, sender, f"{topics[1].capitalize()} plan"),      # same sender, other subject
                make_message(rng, recipient, f"{topics[2].capitalize()} question")]
        others = filler_messages(rng, int(rng.integers(3, 6)), avoid_names=[sender[0], recipient[0]],
                                 avoid_subjects=[m["subject"] for m in msgs])
        state = mail_state(rng, msgs + others)
        (target,) = message_ids(state, lambda m: m["from"] == sender[1] and m["subject"] == subject)
        instruction = (f"In Mail, forward the message from {sender[0]} with the subject '{subject}' "
                       f"to {recipient[1]}.")
        return DesktopTask(instruction, {"mail": state},
                           params={"name": sender[0], "subject": subject, "to": recipient[1]},
                           hidden={"target": target})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        initial = task.initial_state["mail"]
        sent = sent_messages(initial, state["mail"])
        if len(sent) != 1:
            return False, f"{len(sent)} messages were sent, expected exactly one forward"
        (msg,) = sent
        if msg["forwardOf"] != task.hidden["target"]:
            return False, "the message sent is not a forward of the named message"
        if msg["to"] != [task.params["to"]]:
            return False, f"the forward went to {msg['to']}, expected [{task.params['to']!r}]"
        return check_mail(initial, state["mail"], {})

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        if sent_notice(obs):
            return done()
        if composing(obs) == "Forward":
            return send_draft(obs, p["to"], None, None)
        step = open_mail_row(obs, "Inbox", lambda r: r.sender_name == p["name"] and r.subject == p["subject"])
        if step is not None:
            return step
        if open_message(obs) is None:
            raise LookupError(f"oracle found no message {p['subject']!r} from {p['name']}")
        return press_button(obs, "Forward")
