"""calendar_reschedule: "Change 'Team retro' to start at 15:30 and last 90 minutes"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.families import calendar_base as cal
from rlvr.envs.computer_use.desktop.family import (
    DesktopTask, Family, Success, ToolCall, done, pick, register,
)
from rlvr.envs.computer_use.observation import Observation


@register
class CalendarReschedule(Family):
    """Give one event a new start time and duration on the same day.

    Success: that event has the new time and duration and is otherwise
    unchanged; every other event unchanged.
    """

    name = "calendar_reschedule"
    apps = ("calendar",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        today = cal.random_today(rng)
        title = pick(rng, cal.TITLES)
        target = cal.make_event(rng, title, today + dt.timedelta(days=int(rng.integers(-3, 25))))
        time = pick(rng, [t for t in (cal.random_time(rng) for _ in range(3)) if t != target["time"]]
                    or ["07:45"])
        duration = int(pick(rng, cal.DURATIONS))
        events = [target] + cal.filler_events(rng, today, int(rng.integers(4, 9)), avoid_titles=[title])
        instruction = (f"Reschedule '{title}' in the Calendar to start at {time} on the same day "
                       f"and last {duration} minutes.")
        state = cal.desktop_state(cal.calendar_state(rng, today, events))
        return DesktopTask(instruction, state, {"title": title, "time": time, "duration": duration},
                           hidden={"event": dict(target, time=time, duration=duration)})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> Success:
        return cal.check_one_event(task.initial_state, state, task.params["title"], task.hidden["event"])

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        fields = {"Time": p["time"], "Duration": str(p["duration"])}
        step = cal.edit_event(obs, p["title"], fields)
        return step if step is not None else done()
