"""Mail + Calendar: put the meeting an e-mail proposes into the calendar.

"Priya Nair's e-mail 'Meeting request' proposes a meeting. Add it to your
Calendar as an event titled 'Roadmap sync' on the day, at the time and for the
duration the e-mail gives." Another e-mail proposes a different slot.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import (
    TODAY, check_mail_unsent, filler_messages, mail_state, make_message, people)
from rlvr.envs.computer_use.desktop.families import calendar_base as cal
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, pick, register
from rlvr.envs.computer_use.desktop.views import read_inbox_message
from rlvr.envs.computer_use.desktop.words import TOPICS
from rlvr.envs.computer_use.observation import Observation

_SLOT_RE = re.compile(r"on (\d{4}-\d{2}-\d{2}) at (\d{2}:\d{2}) for (\d+) minutes")


def _proposal(rng: np.random.Generator, today: dt.date) -> tuple[str, str, int]:
    date = today + dt.timedelta(days=int(rng.integers(1, 30)))
    return date.isoformat(), cal.random_time(rng), int(pick(rng, (30, 45, 60, 90)))


@register
class CrossMailToCalendar(Family):
    name = "cross_mail_to_calendar"
    apps = ("mail", "calendar")

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        today = dt.date.fromisoformat(TODAY)
        sender, other = people(rng, 2)
        topic = pick(rng, TOPICS)
        title = f"{topic.capitalize()} sync"
        date, time, duration = _proposal(rng, today)
        other_slot = _proposal(rng, today)
        while other_slot[:2] == (date, time):
            other_slot = _proposal(rng, today)
        def body(who: tuple[str, str], slot: tuple[str, str, int]) -> str:
            return (f"Hi Alex,\ncould we meet on {slot[0]} at {slot[1]} for {slot[2]} minutes?\n"
                    f"Let me know if that does not work.\n{who[0].split()[0]}")
        subject = "Meeting request"
        msgs = [make_message(rng, sender, subject, body=body(sender, (date, time, duration)), read=False),
                make_message(rng, other, subject, body=body(other, other_slot), read=False)]
        msgs += filler_messages(rng, int(rng.integers(2, 5)), avoid_names=[sender[0], other[0]],
                                avoid_subjects=[subject])
        events = cal.filler_events(rng, today, int(rng.integers(3, 7)), avoid_titles=[title])
        instruction = (f"{sender[0]}'s e-mail '{subject}' proposes a meeting. Add it to your Calendar as an event "
                       f"titled '{title}' on the day, at the time and for the duration that e-mail gives "
                       f"(no attendees needed).")
        state = {"mail": mail_state(rng, msgs), "calendar": cal.calendar_state(rng, today, events)}
        return DesktopTask(instruction, state,
                           params={"name": sender[0], "subject": subject, "title": title},
                           hidden={"slot": [date, time, duration]})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        title = task.params["title"]
        final = cal.events_of(state)
        made = [e for e in final if e["title"] == title]
        if len(made) != 1:
            return False, f"{len(made)} events titled {title!r}, expected exactly 1"
        got = [made[0]["date"], made[0]["time"], int(made[0]["duration"])]
        if got != task.hidden["slot"]:
            return False, f"the event is at {got}, not at the slot the e-mail proposes"
        ok, why = cal.untouched(task.initial_state["calendar"]["events"], final, [title])
        if not ok:
            return ok, why
        return check_mail_unsent(task.initial_state["mail"], state["mail"], {})

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p, memory = task.params, task.memory
        if "slot" not in memory:
            step, shown = read_inbox_message(obs, p["name"], p["subject"])
            if step is not None:
                return step
            m = _SLOT_RE.search(shown["body"])
            if m is None:
                raise LookupError("oracle found no proposed slot in the e-mail")
            memory["slot"] = m.groups()
        date, time, duration = memory["slot"]
        fields = {"Title": p["title"], "Date": date, "Time": time, "Duration": duration}
        return cal.create_event(obs, fields)
