"""settings_registration: fill the three-step registration form and submit it."""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.families import settings_base as sb
from rlvr.envs.computer_use.desktop.family import (
    DesktopTask, Family, Success, ToolCall, click, done, pick, register, sample,
)
from rlvr.envs.computer_use.observation import Observation


@register
class SettingsRegistration(Family):
    """Contact (name, e-mail, phone) -> Details (ticket radio, workshop checkboxes, diet select) -> Review -> Submit.

    Success: exactly one new submission, equal to the requested one (workshops
    as a set); earlier submissions untouched.
    """

    name = "settings_registration"
    apps = ("settings",)

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        settings = sb.random_settings(rng)
        if rng.random() < 0.5:   # an earlier registration of someone else
            other, mail = sb.random_person(rng)
            settings["submissions"] = [{"name": other, "email": mail, "phone": "", "ticket": pick(rng, sb.TICKETS),
                                        "workshops": [], "diet": "None", "terms": True}]
        name, email = sb.random_person(rng)
        phone = f"+{int(rng.integers(1, 99))} {int(rng.integers(100, 999))} {int(rng.integers(10000, 99999))}"
        ticket = pick(rng, sb.TICKETS)
        workshops = sorted(sample(rng, sb.WORKSHOPS, int(rng.integers(0, 3))), key=sb.WORKSHOPS.index)
        diet = pick(rng, sb.DIETS)
        wanted = {"name": name, "email": email, "phone": phone, "ticket": ticket, "workshops": workshops,
                  "diet": diet, "terms": True}
        which = " and ".join(workshops) + (" workshops" if len(workshops) > 1 else " workshop") \
            if workshops else "no workshops"
        instruction = (f"In Settings > Registration, register {name} (e-mail {email}, phone {phone}) with a "
                       f"{ticket} ticket, {which}, dietary requirement '{diet}'; accept the terms and submit.")
        return DesktopTask(instruction, sb.desktop_state(settings), dict(wanted),
                           hidden={"before": settings["submissions"]})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> Success:
        subs = state["settings"]["submissions"]
        before = task.hidden["before"]
        if subs[:len(before)] != before:
            return False, "earlier submissions changed"
        new = subs[len(before):]
        if len(new) != 1:
            return False, f"{len(new)} new submissions, expected exactly 1"
        got, want = dict(new[0]), dict(task.params)
        got["workshops"], want["workshops"] = sorted(got.get("workshops", [])), sorted(want["workshops"])
        if got != want:
            diff = sorted(k for k in want if got.get(k) != want[k])
            return False, f"the submission differs in {diff}"
        return True, ""

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        step = sb.open_tab(obs, "Registration")
        if step is not None:
            return step
        if obs.find("text", contains="Registration submitted") is not None:
            return done()
        stage = obs.find("text", contains="Step ")
        if stage is None:
            raise LookupError("oracle could not find the registration step indicator")
        if "Step 1" in stage.name:
            fields = [("text", "Full name", p["name"]), ("text", "Email", p["email"]), ("text", "Phone", p["phone"])]
            button = "Next"
        elif "Step 2" in stage.name:
            fields = [("radio", p["ticket"], True)]
            fields += [("check", w, w in p["workshops"]) for w in sb.WORKSHOPS]
            fields += [("select", "Dietary requirements", p["diet"])]
            button = "Next"
        else:
            fields = [("check", "I accept the terms", True)]
            button = "Submit"
        for kind, label, value in fields:
            step = sb.set_field(obs, kind, label, value)
            if step is not None:
                return step
        node = obs.find("button", button)
        if node is None:
            raise LookupError(f"oracle could not find the {button!r} button")
        return click(node)
