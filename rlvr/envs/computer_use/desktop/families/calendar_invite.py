"""calendar_invite: "Invite Priya Nair to the planning meeting"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.families import calendar_base as cal
from rlvr.envs.computer_use.desktop.family import (
    DesktopTask, Family, Success, ToolCall, click, done, pick, register, sample,
)
from rlvr.envs.computer_use.observation import Observation


@register
class CalendarInvite(Family):
    """Add one person to the attendees of one (uniquely titled) event.

    Success: that event's attendees are its old attendees plus the person, its
    other fields unchanged, every other event unchanged.
    """

    name = "calendar_invite"
    apps = ("calendar",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        today = cal.random_today(rng)
        title = pick(rng, cal.TITLES)
        people = sample(rng, cal.PEOPLE, 3)
        guest, present = people[0], people[1:1 + int(rng.integers(0, 3))]
        target = cal.make_event(rng, title, today + dt.timedelta(days=int(rng.integers(-3, 25))),
                                attendees=present)
        events = [target] + cal.filler_events(rng, today, int(rng.integers(4, 9)), avoid_titles=[title])
        instruction = f"Invite {guest} to the '{title}' event in the Calendar (keep the other attendees)."
        state = cal.desktop_state(cal.calendar_state(rng, today, events))
        return DesktopTask(instruction, state, {"title": title, "guest": guest},
                           hidden={"event": target})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> Success:
        event = task.hidden["event"]
        want = dict(event, attendees=event["attendees"] + [task.params["guest"]])
        return cal.check_one_event(task.initial_state, state, task.params["title"], want)

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        title, guest = task.params["title"], task.params["guest"]
        if cal.editor_open(obs):
            field = obs.find("textbox", "Attendees")
            names = [a.strip() for a in (field.value or "").split(",") if a.strip()] if field else []
            if guest not in names:
                return cal.fill_editor(obs, {"Attendees": ", ".join(names + [guest])})
            return cal.edit_event(obs, title, {})
        step = cal.show_agenda(obs)
        if step is not None:
            return step
        for node, event in cal.listed_events(obs):
            if event["title"] == title:
                return done() if guest in event["attendees"] else click(node)
        raise LookupError(f"oracle could not find the event {title!r} in the agenda")
