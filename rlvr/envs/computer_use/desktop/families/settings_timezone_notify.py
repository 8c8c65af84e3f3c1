"""settings_timezone_notify: "Change the time zone to Europe/Oslo and enable e-mail notifications, then save"."""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.families import settings_base as sb
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, Success, ToolCall, done, pick, register
from rlvr.envs.computer_use.observation import Observation

_SAY = {"email": "e-mail", "sms": "SMS", "push": "push"}


@register
class SettingsTimezoneNotify(Family):
    """A new time zone and one notification channel switched on, saved.

    Success: the saved settings equal the initial ones with exactly these two
    changes (unsaved edits do not count; other settings must stay).
    """

    name = "settings_timezone_notify"
    apps = ("settings",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        settings = sb.random_settings(rng)
        timezone = sb.other_than(rng, sb.TIMEZONES, settings["profile"]["timezone"])
        channel = pick(rng, sorted(sb.CHANNELS))
        settings["notifications"][channel] = False
        instruction = (f"In Settings, change the time zone to {timezone} and enable {_SAY[channel]} "
                       f"notifications, then save.")
        expected = sb.with_changes(settings, {"profile": {"timezone": timezone},
                                              "notifications": {channel: True}})
        return DesktopTask(instruction, sb.desktop_state(settings), {"timezone": timezone, "channel": channel},
                           hidden={"expected": expected})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> Success:
        return sb.saved_equal(state, task.hidden["expected"])

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        return sb.account_steps(obs, [("select", "Time zone", p["timezone"]),
                                      ("check", sb.CHANNELS[p["channel"]], True)]) or done()
