"""What the settings families share: seeded account settings, judging saved values, oracle steps.

The settings app's state schema is documented at the top of
``web/apps/settings.js``. Only saved values are state: the oracle edits the
form and presses "Save changes"; an edit left unsaved never counts. This module
registers no family; the ``settings_*`` modules import it.
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.family import ToolCall, click, open_app, pick, select, type_into
from rlvr.envs.computer_use.observation import Observation

APP = "Settings"

# The app's allowed values (web/apps/settings.js).
TIMEZONES = ("UTC", "Europe/London", "Europe/Oslo", "Europe/Berlin", "Europe/Madrid", "Europe/Athens",
             "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Asia/Tokyo",
             "Asia/Kolkata", "Australia/Sydney")
LANGUAGES = ("English", "Deutsch", "Español", "Français", "Italiano", "Norsk", "Português")
DIGESTS = ("Never", "Daily", "Weekly")
THEMES = ("Light", "Dark", "System")
FONT_SIZES = ("Small", "Medium", "Large")
TICKETS = ("Standard", "Student", "VIP")
WORKSHOPS = ("Data visualisation", "Testing", "Security", "Accessibility")
DIETS = ("None", "Vegetarian", "Vegan", "Gluten-free")

#: Notification channel key -> the checkbox's label.
CHANNELS = {"email": "Email notifications", "sms": "SMS notifications", "push": "Push notifications"}

FIRST = ("Ana", "Ben", "Chloé", "Dana", "Emil", "Fatima", "Gus", "Hana", "Ivan", "Jonas", "Kofi", "Lena",
         "Mateo", "Nora", "Omar", "Priya", "Rui", "Sofia", "Tariq", "Yuki")
LAST = ("Souza", "Berg", "Martin", "Park", "Nair", "Haddad", "Dahl", "Mensah", "Sato", "Ruiz", "Fischer",
        "Chen", "Silva", "Okafor", "Novak", "Larsen")


def random_person(rng: np.random.Generator) -> tuple[str, str]:
    """A full name and a matching e-mail address."""
    first, last = pick(rng, FIRST), pick(rng, LAST)
    domain = pick(rng, ("example.com", "example.org", "mail.test", "corp.example"))
    local = f"{first}.{last}".lower().replace("é", "e")
    return f"{first} {last}", f"{local}@{domain}"


def random_settings(rng: np.random.Generator) -> dict[str, Any]:
    """A saved settings slice with every field drawn at random."""
    name, email = random_person(rng)
    return {
        "profile": {"displayName": name, "email": email, "timezone": pick(rng, TIMEZONES),
                    "language": pick(rng, LANGUAGES)},
        "notifications": {"email": bool(rng.random() < 0.5), "sms": bool(rng.random() < 0.5),
                          "push": bool(rng.random() < 0.5), "digest": pick(rng, DIGESTS)},
        "appearance": {"theme": pick(rng, THEMES), "fontSize": pick(rng, FONT_SIZES),
                       "twoFactor": bool(rng.random() < 0.5), "onlineStatus": bool(rng.random() < 0.5)},
        "submissions": [],
    }


def other_than(rng: np.random.Generator, options: tuple[str, ...], current: str) -> str:
    """A random option different from ``current``."""
    return pick(rng, [o for o in options if o != current])


def desktop_state(settings: dict[str, Any]) -> dict[str, Any]:
    """The full desktop state with the settings slice; no app open."""
    return {"settings": copy.deepcopy(settings)}


def with_changes(settings: dict[str, Any], changes: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """``settings`` with ``{group: {field: value}}`` applied (a new dict)."""
    out = copy.deepcopy(settings)
    for group, fields in changes.items():
        out[group].update(fields)
    return out


# ---- judging ---------------------------------------------------------------------------

def saved_equal(state: dict[str, Any], expected: dict[str, Any]) -> tuple[bool, str]:
    """Whether the saved profile, notifications and appearance equal ``expected``'s."""
    got = state["settings"]
    for group in ("profile", "notifications", "appearance"):
        for field, want in expected[group].items():
            if got[group].get(field) != want:
                return False, f"saved {group}.{field} is {got[group].get(field)!r}, expected {want!r}"
    return True, ""


# ---- oracle steps ----------------------------------------------------------------------

def open_tab(obs: Observation, tab: str) -> ToolCall | None:
    """Open the settings app and its ``tab`` ("Account" or "Registration") if needed."""
    step = open_app(obs, APP)
    if step is not None:
        return step
    node = obs.find("tab", tab)
    if node is None:
        raise LookupError(f"oracle could not find the settings tab {tab!r}")
    return None if node.selected else click(node)


def set_field(obs: Observation, kind: str, label: str, value: Any) -> ToolCall | None:
    """One edit making the field ``label`` hold ``value``, or ``None`` if it does.

    ``kind``: "text" (a textbox), "select" (a combobox), "check" (a checkbox or
    switch, ``value`` a bool) or "radio" (``label`` is the option to pick).
    """
    if kind == "radio":
        node = obs.find("radio", label)
        if node is None:
            raise LookupError(f"oracle could not find the radio button {label!r}")
        return None if node.checked else click(node)
    role = {"text": "textbox", "select": "combobox"}.get(kind)
    node = obs.find(role, label) if role else (obs.find("checkbox", label) or obs.find("switch", label))
    if node is None:
        raise LookupError(f"oracle could not find the {kind} field {label!r}")
    if kind == "text":
        return None if (node.value or "") == value else type_into(node, value)
    if kind == "select":
        return None if node.value == value else select(node, value)
    return None if bool(node.checked) == bool(value) else click(node)


def account_steps(obs: Observation, fields: list[tuple[str, str, Any]]) -> ToolCall | None:
    """Edit the Account form to ``fields`` ``[(kind, label, value)]`` and save; ``None`` once saved."""
    step = open_tab(obs, "Account")
    if step is not None:
        return step
    for kind, label, value in fields:
        step = set_field(obs, kind, label, value)
        if step is not None:
            return step
    if obs.find("text", "Unsaved changes") is not None:
        save = obs.find("button", "Save changes")
        if save is None:
            raise LookupError("oracle could not find the 'Save changes' button")
        return click(save)
    return None
