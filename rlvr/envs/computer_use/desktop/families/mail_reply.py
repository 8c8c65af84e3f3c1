"""Mail: reply to one message with a given text.

"In Mail, reply to the message from Omar Haddad with the subject 'Launch
question' with the text 'Sounds good, see you then.'"
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import (
    check_mail, filler_messages, mail_state, make_message, message_ids, people, sent_messages,
)
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, done, pick, register, sample
from rlvr.envs.computer_use.desktop.views import (
    composing, open_mail_row, open_message, press_button, send_draft, sent_notice,
)
from rlvr.envs.computer_use.desktop.words import TOPICS
from rlvr.envs.computer_use.observation import Observation

_REPLIES = ("Sounds good, see you then.", "Thanks, I will take a look today.", "Yes, that works for me.",
            "Could we move it to next week?", "Great news, thank you!", "I am in, count me in for Friday.")


def words_of(text: str) -> str:
    return " ".join(text.split())


@register
class MailReply(Family):
    name = "mail_reply"
    apps = ("mail",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        (sender,) = people(rng, 1)
        topics = sample(rng, TOPICS, 2)
        subject = f"{topics[0].capitalize()} question"
        msgs = [make_message(rng, sender, subject, read=False),
                make_message(rng, sender, f"{topics[1].capitalize()} question")]
        others = filler_messages(rng, int(rng.integers(3, 6)), avoid_names=[sender[0]],
                                 avoid_subjects=[m["subject"] for m in msgs])
        state = mail_state(rng, msgs + others)
        (target,) = message_ids(state, lambda m: m["from"] == sender[1] and m["subject"] == subject)
        text = pick(rng, _REPLIES)
        instruction = (f"In Mail, reply to the message from {sender[0]} with the subject '{subject}'. "
                       f"The reply's text must include: {text}")
        return DesktopTask(instruction, {"mail": state},
                           params={"name": sender[0], "subject": subject, "text": text},
                           hidden={"target": target, "address": sender[1]})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        initial = task.initial_state["mail"]
        sent = sent_messages(initial, state["mail"])
        if len(sent) != 1:
            return False, f"{len(sent)} messages were sent, expected exactly one reply"
        (msg,) = sent
        if msg["replyTo"] != task.hidden["target"]:
            return False, "the message sent is not a reply to the named message"
        if msg["to"] != [task.hidden["address"]]:
            return False, f"the reply went to {msg['to']}, not to the sender"
        if words_of(task.params["text"]) not in words_of(msg["body"]):
            return False, "the reply does not contain the requested text"
        return check_mail(initial, state["mail"], {})

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        if sent_notice(obs):
            return done()
        if composing(obs) == "Reply":
            return send_draft(obs, _prefilled_to(obs), None, p["text"])
        step = open_mail_row(obs, "Inbox", lambda r: r.sender_name == p["name"] and r.subject == p["subject"])
        if step is not None:
            return step
        if open_message(obs) is None:
            raise LookupError(f"oracle found no message {p['subject']!r} from {p['name']}")
        return press_button(obs, "Reply")


def _prefilled_to(obs: Observation) -> str:
    """The To field as Reply filled it (the sender's address)."""
    node = obs.find("textbox", "To")
    return node.value or "" if node is not None else ""
