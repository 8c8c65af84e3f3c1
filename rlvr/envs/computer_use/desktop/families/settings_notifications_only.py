"""settings_notifications_only: "Keep only SMS notifications on, digest Weekly, then save"."""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.families import settings_base as sb
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, Success, ToolCall, done, pick, register
from rlvr.envs.computer_use.observation import Observation

_SAY = {"email": "e-mail", "sms": "SMS", "push": "push"}


@register
class SettingsNotificationsOnly(Family):
    """Exactly one notification channel on, the others off, and a digest frequency, saved.

    The initial state has the kept channel off or another one on, so it never
    passes. Success: saved settings equal the initial ones with these changes.
    """

    name = "settings_notifications_only"
    apps = ("settings",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        settings = sb.random_settings(rng)
        keep = pick(rng, sorted(sb.CHANNELS))
        others = [c for c in sorted(sb.CHANNELS) if c != keep]
        if settings["notifications"][keep] and not any(settings["notifications"][c] for c in others):
            settings["notifications"][pick(rng, others)] = True
        digest = pick(rng, sb.DIGESTS)
        instruction = (f"In Settings, turn off every notification channel except {_SAY[keep]} notifications, "
                       f"which must be on, set the digest frequency to {digest}, then save.")
        expected = sb.with_changes(settings, {"notifications": {**{c: c == keep for c in sb.CHANNELS},
                                                                "digest": digest}})
        return DesktopTask(instruction, sb.desktop_state(settings), {"keep": keep, "digest": digest},
                           hidden={"expected": expected})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> Success:
        return sb.saved_equal(state, task.hidden["expected"])

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        fields = [("check", label, key == p["keep"]) for key, label in sb.CHANNELS.items()]
        return sb.account_steps(obs, fields + [("select", "Digest frequency", p["digest"])]) or done()
