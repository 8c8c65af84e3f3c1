"""settings_profile: "Change your display name to 'Nora Okafor' and the language to Norsk, then save"."""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.families import settings_base as sb
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, Success, ToolCall, done, register
from rlvr.envs.computer_use.observation import Observation


@register
class SettingsProfile(Family):
    """A new display name, e-mail address and language, saved.

    Success: the saved settings equal the initial ones with exactly these changes.
    """

    name = "settings_profile"
    apps = ("settings",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        settings = sb.random_settings(rng)
        name, email = sb.random_person(rng)
        while name == settings["profile"]["displayName"]:
            name, email = sb.random_person(rng)
        language = sb.other_than(rng, sb.LANGUAGES, settings["profile"]["language"])
        instruction = (f"In Settings, change the display name to '{name}', the e-mail address to {email} "
                       f"and the language to {language}, then save.")
        expected = sb.with_changes(settings, {"profile": {"displayName": name, "email": email,
                                                          "language": language}})
        return DesktopTask(instruction, sb.desktop_state(settings),
                           {"name": name, "email": email, "language": language}, hidden={"expected": expected})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> Success:
        return sb.saved_equal(state, task.hidden["expected"])

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        return sb.account_steps(obs, [("text", "Display name", p["name"]),
                                      ("text", "Email address", p["email"]),
                                      ("select", "Language", p["language"])]) or done()
