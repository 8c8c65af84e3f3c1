"""calendar_clear_day: "I'm away on 2025-03-12: move all of that day's events to 2025-03-14"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.families import calendar_base as cal
from rlvr.envs.computer_use.desktop.family import (
    DesktopTask, Family, Success, ToolCall, click, done, register, sample,
)
from rlvr.envs.computer_use.observation import Observation


@register
class CalendarClearDay(Family):
    """Move every event of one day to another day, keeping times.

    Success: no event remains on the first day; the moved events are on the
    second day with everything else unchanged; all other events unchanged.
    """

    name = "calendar_clear_day"
    apps = ("calendar",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        today = cal.random_today(rng)
        day = today + dt.timedelta(days=int(rng.integers(0, 20)))
        new_day = day + dt.timedelta(days=int(rng.integers(1, 8)))
        titles = sample(rng, cal.TITLES, 3 + 6)
        moving = [cal.make_event(rng, t, day) for t in titles[:int(rng.integers(2, 4))]]
        others = [cal.make_event(rng, t, day + dt.timedelta(days=int(rng.choice([-2, -1, 1, 2, 3]))))
                  for t in titles[3:3 + int(rng.integers(3, 7))]]
        instruction = (f"I am away on {day.isoformat()}: move every event of that day to "
                       f"{new_day.isoformat()}, keeping their times.")
        state = cal.desktop_state(cal.calendar_state(rng, today, moving + others))
        moved = [dict(e, date=new_day.isoformat()) for e in moving]
        return DesktopTask(instruction, state, {"day": day.isoformat(), "new_day": new_day.isoformat()},
                           hidden={"moved": moved, "others": others})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> Success:
        final = cal.events_of(state)
        if any(e["date"] == task.params["day"] for e in final):
            return False, f"events remain on {task.params['day']}"
        if not cal.same_events(final, task.hidden["moved"] + task.hidden["others"]):
            return False, "the events differ from the originals moved to the new day"
        return True, ""

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        day, new_day = task.params["day"], task.params["new_day"]
        if cal.editor_open(obs):
            date = obs.find("textbox", "Date")
            title = obs.find("textbox", "Title")
            if date is not None and date.value in (day, new_day) and title is not None:
                return cal.edit_event(obs, title.value or "", {"Date": new_day})
            return click(cal.button(obs, "Cancel"))
        step = cal.show_agenda(obs)
        if step is not None:
            return step
        for node, event in cal.listed_events(obs):
            if event["date"] == day:
                return click(node)
        return done()
