"""Mail: write and send a new message.

"In Mail, send a new message to mei.chen@uni.example with the subject 'Audit
notes' and the text 'Please check the attached numbers.'"
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import (
    check_mail, filler_messages, mail_state, people, sent_messages, text_lines,
)
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, pick, register
from rlvr.envs.computer_use.desktop.views import compose_and_send
from rlvr.envs.computer_use.desktop.words import TOPICS
from rlvr.envs.computer_use.observation import Observation


def words_of(text: str) -> str:
    return " ".join(text.split())


@register
class MailCompose(Family):
    name = "mail_compose"
    apps = ("mail",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        (who,) = people(rng, 1)
        subject = f"{pick(rng, TOPICS).capitalize()} {pick(rng, ('notes', 'summary', 'next steps', 'agenda'))}"
        body = " ".join(text_lines(rng, int(rng.integers(1, 3))))
        state = mail_state(rng, filler_messages(rng, int(rng.integers(3, 6)), avoid_names=[who[0]]))
        instruction = (f"In Mail, send a new message to {who[1]} with the subject '{subject}' and exactly this "
                       f"text as its body: {body}")
        return DesktopTask(instruction, {"mail": state}, params={"to": who[1], "subject": subject, "body": body})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        p = task.params
        initial = task.initial_state["mail"]
        sent = sent_messages(initial, state["mail"])
        if len(sent) != 1:
            return False, f"{len(sent)} messages were sent, expected exactly one"
        (msg,) = sent
        if msg["to"] != [p["to"]]:
            return False, f"the message went to {msg['to']}, expected [{p['to']!r}]"
        if msg["subject"].strip() != p["subject"]:
            return False, f"the subject is {msg['subject']!r}, expected {p['subject']!r}"
        if words_of(msg["body"]) != words_of(p["body"]):
            return False, "the body is not the requested text"
        return check_mail(initial, state["mail"], {})

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        return compose_and_send(obs, p["to"], p["subject"], p["body"])
