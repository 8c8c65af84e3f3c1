"""calendar_create_event: "Create an event 'Standup' on 2025-03-14 at 09:30 with Sam Lee"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.families import calendar_base as cal
from rlvr.envs.computer_use.desktop.family import (
    DesktopTask, Family, Success, ToolCall, pick, register, sample,
)
from rlvr.envs.computer_use.observation import Observation


@register
class CalendarCreateEvent(Family):
    """Create one event with a given title, date, time, duration and attendees.

    The new title is not used by any existing event, so the initial state never
    passes. Success: exactly one event with that title, with every stated field,
    and all other events unchanged.
    """

    name = "calendar_create_event"
    apps = ("calendar",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        today = cal.random_today(rng)
        title = pick(rng, cal.TITLES)
        date = today + dt.timedelta(days=int(rng.integers(1, 40)))
        time = cal.random_time(rng)
        duration = int(pick(rng, cal.DURATIONS))
        attendees = sample(rng, cal.PEOPLE, int(rng.integers(0, 3)))
        events = cal.filler_events(rng, today, int(rng.integers(4, 9)), avoid_titles=[title])
        with_text = f" with {' and '.join(attendees)}" if attendees else ""
        instruction = (f"In the Calendar, create an event '{title}' on {date.isoformat()} at {time} "
                       f"lasting {duration} minutes{with_text}.")
        params = {"title": title, "date": date.isoformat(), "time": time, "duration": duration,
                  "attendees": attendees}
        state = cal.desktop_state(cal.calendar_state(rng, today, events))
        return DesktopTask(instruction, state, params)

    def success(self, task: DesktopTask, state: dict[str, Any]) -> Success:
        p = task.params
        final = cal.events_of(state)
        made = [e for e in final if e["title"] == p["title"]]
        if len(made) != 1:
            return False, f"{len(made)} events titled {p['title']!r}, expected exactly 1"
        e = made[0]
        want = (p["date"], p["time"], p["duration"], sorted(p["attendees"]))
        got = (e["date"], e["time"], int(e["duration"]), sorted(e["attendees"]))
        if got != want:
            return False, f"the event has (date, time, duration, attendees) {got}, expected {want}"
        return cal.untouched(cal.events_of({"calendar": task.initial_state["calendar"]}), final, [p["title"]])

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        fields = {"Title": p["title"], "Date": p["date"], "Time": p["time"],
                  "Duration": str(p["duration"]), "Attendees": ", ".join(p["attendees"])}
        return cal.create_event(obs, fields)
