"""calendar_move_weekday: "Move the dentist appointment to the Friday of the same week"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.families import calendar_base as cal
from rlvr.envs.computer_use.desktop.family import (
    DesktopTask, Family, Success, ToolCall, click, done, pick, register,
)
from rlvr.envs.computer_use.observation import Observation


def weekday_of_week(date: str, weekday: int) -> str:
    """The date with weekday ``weekday`` (0 = Monday) in the Monday-to-Sunday week of ``date``."""
    d = dt.date.fromisoformat(date)
    return (d + dt.timedelta(days=weekday - d.weekday())).isoformat()


@register
class CalendarMoveWeekday(Family):
    """Move one event to another weekday of its own week, keeping its time.

    The oracle reads the event's current date from the agenda and computes the
    target day. Success: the event has the target date and its other fields
    unchanged; every other event unchanged.
    """

    name = "calendar_move_weekday"
    apps = ("calendar",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        today = cal.random_today(rng)
        title = pick(rng, cal.TITLES)
        date = today + dt.timedelta(days=int(rng.integers(-3, 25)))
        weekday = pick(rng, [w for w in range(7) if w != date.weekday()])
        target = cal.make_event(rng, title, date)
        events = [target] + cal.filler_events(rng, today, int(rng.integers(4, 9)), avoid_titles=[title])
        instruction = (f"Move the '{title}' event to the {cal.WEEKDAYS[weekday]} of the same week "
                       f"(weeks run Monday to Sunday); keep its time and everything else.")
        state = cal.desktop_state(cal.calendar_state(rng, today, events))
        moved = dict(target, date=weekday_of_week(target["date"], weekday))
        return DesktopTask(instruction, state, {"title": title, "weekday": weekday}, hidden={"event": moved})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> Success:
        return cal.check_one_event(task.initial_state, state, task.params["title"], task.hidden["event"])

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        title, weekday = task.params["title"], task.params["weekday"]
        if cal.editor_open(obs):
            date = obs.find("textbox", "Date")
            current = date.value if date is not None else ""
            try:
                wanted = weekday_of_week(current, weekday)
            except ValueError:
                wanted = current
            return cal.edit_event(obs, title, {"Date": wanted})
        step = cal.show_agenda(obs)
        if step is not None:
            return step
        for node, event in cal.listed_events(obs):
            if event["title"] == title:
                if dt.date.fromisoformat(event["date"]).weekday() == weekday:
                    return done()
                return click(node)
        raise LookupError(f"oracle could not find the event {title!r} in the agenda")
