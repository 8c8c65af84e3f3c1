"""settings_appearance: "Use the Dark theme with Large text and turn two-factor authentication on, then save"."""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.families import settings_base as sb
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, Success, ToolCall, done, pick, register
from rlvr.envs.computer_use.observation import Observation

#: Switch key -> its label.
_SWITCHES = {"twoFactor": "Two-factor authentication", "onlineStatus": "Show online status"}


@register
class SettingsAppearance(Family):
    """A theme (radio group), a font size (select) and one switch flipped to a stated state, saved.

    Success: the saved settings equal the initial ones with exactly these changes.
    """

    name = "settings_appearance"
    apps = ("settings",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        settings = sb.random_settings(rng)
        look = settings["appearance"]
        theme = sb.other_than(rng, sb.THEMES, look["theme"])
        size = sb.other_than(rng, sb.FONT_SIZES, look["fontSize"])
        switch = pick(rng, sorted(_SWITCHES))
        on = not look[switch]
        instruction = (f"In Settings, choose the {theme} theme and the {size} font size, turn "
                       f"'{_SWITCHES[switch]}' {'on' if on else 'off'}, then save.")
        expected = sb.with_changes(settings, {"appearance": {"theme": theme, "fontSize": size, switch: on}})
        return DesktopTask(instruction, sb.desktop_state(settings),
                           {"theme": theme, "size": size, "switch": switch, "on": on},
                           hidden={"expected": expected})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> Success:
        return sb.saved_equal(state, task.hidden["expected"])

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        return sb.account_steps(obs, [("radio", p["theme"], True), ("select", "Font size", p["size"]),
                                      ("check", _SWITCHES[p["switch"]], p["on"])]) or done()
