"""calendar_delete_events: "Delete every event titled 'Yoga'"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.families import calendar_base as cal
from rlvr.envs.computer_use.desktop.family import (
    DesktopTask, Family, Success, ToolCall, click, done, pick, register,
)
from rlvr.envs.computer_use.observation import Observation

#: Decoy suffixes: events whose title merely contains the target's must stay.
_DECOYS = ("prep", "(moved)", "notes", "follow-up")


@register
class CalendarDeleteEvents(Family):
    """Delete all (2-4) events with an exact title; look-alike titles stay.

    Success: no event has the title; every other event, decoys included, is unchanged.
    """

    name = "calendar_delete_events"
    apps = ("calendar",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        today = cal.random_today(rng)
        title = pick(rng, cal.TITLES)
        doomed = [cal.make_event(rng, title, today + dt.timedelta(days=int(rng.integers(-7, 21))))
                  for _ in range(int(rng.integers(2, 5)))]
        decoy = cal.make_event(rng, f"{title} {pick(rng, _DECOYS)}",
                               today + dt.timedelta(days=int(rng.integers(-7, 21))))
        events = doomed + [decoy] + cal.filler_events(rng, today, int(rng.integers(3, 7)), avoid_titles=[title])
        instruction = f"Delete every event titled exactly '{title}' from the Calendar; leave all other events."
        state = cal.desktop_state(cal.calendar_state(rng, today, events))
        return DesktopTask(instruction, state, {"title": title})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> Success:
        title = task.params["title"]
        final = cal.events_of(state)
        left = sum(e["title"] == title for e in final)
        if left:
            return False, f"{left} events titled {title!r} remain"
        return cal.untouched(cal.events_of({"calendar": task.initial_state["calendar"]}), final, [title])

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        title = task.params["title"]
        if cal.editor_open(obs):
            name = obs.find("textbox", "Title")
            delete = obs.find("button", "Delete")
            if name is not None and name.value == title and delete is not None:
                return click(delete)
            return click(cal.button(obs, "Cancel"))
        step = cal.show_agenda(obs)
        if step is not None:
            return step
        for node, event in cal.listed_events(obs):
            if event["title"] == title:
                return click(node)
        return done()
