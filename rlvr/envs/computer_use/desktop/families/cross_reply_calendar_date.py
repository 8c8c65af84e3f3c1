"""Mail + Calendar: reply to a question with the date of an event in the calendar.

"Dana Kim asked about the Sales offsite. Reply to her message 'Sales offsite
date?' with the date of the 'Sales offsite' event in your calendar, written as
YYYY-MM-DD." A second offsite on another date is a distractor.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import (
    TODAY, check_mail, filler_messages, mail_state, make_message, message_ids, people, sent_messages,
)
from rlvr.envs.computer_use.desktop.families.calendar_base import (
    calendar_state, filler_events, listed_events, make_event, same_events, show_agenda,
)
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, done, register, sample
from rlvr.envs.computer_use.desktop.views import (
    composing, open_mail_row, open_message, press_button, send_draft, sent_notice,
)
from rlvr.envs.computer_use.observation import Observation

_TEAMS = ("Sales", "Design", "Product", "Research", "Support", "Marketing", "Finance")


@register
class CrossReplyCalendarDate(Family):
    name = "cross_reply_calendar_date"
    apps = ("mail", "calendar")

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        today = dt.date.fromisoformat(TODAY)
        team, other_team = sample(rng, _TEAMS, 2)
        title, other_title = f"{team} offsite", f"{other_team} offsite"
        days = rng.permutation(np.arange(3, 40))[:2]
        date = today + dt.timedelta(days=int(days[0]))
        events = [make_event(rng, title, date),
                  make_event(rng, other_title, today + dt.timedelta(days=int(days[1])))]
        events += filler_events(rng, today, int(rng.integers(3, 7)), avoid_titles=[title, other_title])
        (asker,) = people(rng, 1)
        subject = f"{title} date?"
        body = (f"Hi Alex,\nDo you know when the {title} is?\nI need the date to book travel.\n"
                f"{asker[0].split()[0]}")
        msgs = [make_message(rng, asker, subject, body=body, read=False)]
        msgs += filler_messages(rng, int(rng.integers(3, 6)), avoid_names=[asker[0]], avoid_subjects=[subject])
        mail = mail_state(rng, msgs)
        (target,) = message_ids(mail, lambda m: m["subject"] == subject)
        instruction = (f"{asker[0]} asked about the {title}. In Mail, reply to their message '{subject}' with the "
                       f"date of the '{title}' event in your Calendar, written as YYYY-MM-DD.")
        return DesktopTask(instruction, {"mail": mail, "calendar": calendar_state(rng, today, events)},
                           params={"name": asker[0], "subject": subject, "title": title},
                           hidden={"target": target, "address": asker[1], "date": date.isoformat()})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        initial = task.initial_state["mail"]
        sent = sent_messages(initial, state["mail"])
        if len(sent) != 1:
            return False, f"{len(sent)} messages were sent, expected exactly one reply"
        (msg,) = sent
        if msg["replyTo"] != task.hidden["target"] or msg["to"] != [task.hidden["address"]]:
            return False, "the message sent is not a reply to the question"
        written = msg["body"].split("\nOn ", 1)[0]     # the quoted original never counts
        if task.hidden["date"] not in written:
            return False, "the reply does not state the event's date as YYYY-MM-DD"
        if not same_events(task.initial_state["calendar"]["events"], state["calendar"]["events"]):
            return False, "the calendar was changed"
        return check_mail(initial, state["mail"], {})

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p, memory = task.params, task.memory
        if "date" not in memory:
            step = show_agenda(obs)
            if step is not None:
                return step
            hits = [e for _, e in listed_events(obs) if e["title"] == p["title"]]
            if not hits:
                raise LookupError(f"oracle found no calendar event {p['title']!r}")
            memory["date"] = hits[0]["date"]
        if sent_notice(obs):
            return done()
        if composing(obs) == "Reply":
            to = obs.find("textbox", "To")
            return send_draft(obs, to.value or "" if to else "", None, f"The {p['title']} is on {memory['date']}.")
        step = open_mail_row(obs, "Inbox", lambda r: r.sender_name == p["name"] and r.subject == p["subject"])
        if step is not None:
            return step
        if open_message(obs) is None:
            raise LookupError(f"oracle found no message {p['subject']!r}")
        return press_button(obs, "Reply")
