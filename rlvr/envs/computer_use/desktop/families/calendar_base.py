"""What the calendar families share: seeded event content, state comparison, oracle steps.

The calendar's state schema is documented at the top of ``web/apps/calendar.js``.
This module registers no family; it is imported by the ``calendar_*`` modules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any, Iterable

import numpy as np

from rlvr.envs.computer_use.desktop.family import (
    ToolCall, click, done, open_app, pick, sample, select, type_into,
)
from rlvr.envs.computer_use.observation import Node, Observation

APP = "Calendar"

PEOPLE = (
    "Sam Lee", "Dana Park", "Ana Souza", "Jonas Berg", "Priya Nair", "Mateo Ruiz", "Lena Fischer",
    "Omar Haddad", "Yuki Sato", "Chloé Martin", "Kofi Mensah", "Ingrid Dahl", "Tomás Silva", "Mei Chen",
)
TITLES = (
    "Standup", "Dentist", "Planning meeting", "Budget review", "Yoga", "Team retro", "Design review",
    "Customer call", "Gym", "Project kickoff", "Haircut", "Book club", "Piano lesson", "Sprint demo",
    "Code review", "Vet appointment", "Parents evening", "Quarterly report", "Lunch with Ana",
    "Interview", "Board meeting", "Car service", "Training session", "Offsite prep", "Coffee chat",
)
DURATIONS = (15, 30, 45, 60, 90, 120)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: One event button's text: "<title> · <date> <time> · <duration> min[ · with <a, b>]".
_EVENT_RE = re.compile(r"^(?P<title>.+?) · (?P<date>\d{4}-\d{2}-\d{2}) (?P<time>\d{2}:\d{2}) · "
                       r"(?P<duration>\d+) min(?: · with (?P<attendees>.+))?$")


# ---- generation ------------------------------------------------------------------------

def random_today(rng: np.random.Generator) -> dt.date:
    """A date in 2025-2026 (the desktop's 'today')."""
    return dt.date(2025, 1, 6) + dt.timedelta(days=int(rng.integers(0, 700)))


def random_time(rng: np.random.Generator) -> str:
    """A start time on the quarter hour between 08:00 and 18:45."""
    return f"{int(rng.integers(8, 19)):02d}:{15 * int(rng.integers(0, 4)):02d}"


def make_event(rng: np.random.Generator, title: str, date: dt.date, **fixed: Any) -> dict[str, Any]:
    """An event dict of the calendar schema (``id`` assigned by :func:`calendar_state`)."""
    event = {
        "title": title, "date": date.isoformat(), "time": random_time(rng),
        "duration": int(pick(rng, DURATIONS)),
        "attendees": sample(rng, PEOPLE, int(rng.integers(0, 3))), "location": "",
    }
    event.update(fixed)
    return event


def filler_events(rng: np.random.Generator, today: dt.date, n: int,
                  avoid_titles: Iterable[str] = ()) -> list[dict[str, Any]]:
    """``n`` events with titles outside ``avoid_titles``, within four weeks of ``today``."""
    avoid = set(avoid_titles)
    titles = [t for t in TITLES if t not in avoid]
    return [make_event(rng, pick(rng, titles), today + dt.timedelta(days=int(rng.integers(-10, 22))))
            for _ in range(n)]


def calendar_state(rng: np.random.Generator, today: dt.date,
                   events: list[dict[str, Any]]) -> dict[str, Any]:
    """The ``calendar`` slice: events shuffled and numbered, week view on ``today``."""
    order = rng.permutation(len(events))
    numbered = [dict(events[int(i)], id=f"e{k + 1}") for k, i in enumerate(order)]
    return {"today": today.isoformat(), "view": "week", "cursor": today.isoformat(), "events": numbered}


def desktop_state(calendar: dict[str, Any]) -> dict[str, Any]:
    """The full desktop state with the calendar slice; no app open."""
    return {"calendar": calendar}


# ---- judging ---------------------------------------------------------------------------

def key(event: dict[str, Any]) -> tuple:
    """What identifies an event's content (not its id): title, date, time, duration, attendees, location."""
    return (event["title"], event["date"], event["time"], int(event["duration"]),
            tuple(sorted(event.get("attendees", []))), event.get("location", ""))


def events_of(state: dict[str, Any]) -> list[dict[str, Any]]:
    """The calendar's saved events from a desktop state."""
    return list(state["calendar"]["events"])


def same_events(a: Iterable[dict[str, Any]], b: Iterable[dict[str, Any]]) -> bool:
    """Whether two event collections hold the same contents (as multisets)."""
    return Counter(map(key, a)) == Counter(map(key, b))


def untouched(initial: list[dict[str, Any]], final: list[dict[str, Any]],
              changed_titles: Iterable[str]) -> tuple[bool, str]:
    """Whether every event whose title is not in ``changed_titles`` is still there, unchanged."""
    skip = set(changed_titles)
    before = [e for e in initial if e["title"] not in skip]
    after = [e for e in final if e["title"] not in skip]
    if same_events(before, after):
        return True, ""
    return False, "other events were added, removed or changed"


def check_one_event(task_initial: dict[str, Any], state: dict[str, Any], title: str,
                    want: dict[str, Any]) -> tuple[bool, str]:
    """Whether exactly one event is titled ``title``, it equals ``want``, and no other event changed."""
    final = events_of(state)
    mine = [e for e in final if e["title"] == title]
    if len(mine) != 1:
        return False, f"{len(mine)} events titled {title!r}, expected exactly 1"
    if key(mine[0]) != key(want):
        return False, f"the event is {key(mine[0])}, expected {key(want)}"
    return untouched(events_of({"calendar": task_initial["calendar"]}), final, [title])


# ---- oracle steps ----------------------------------------------------------------------

def parse_event(text: str) -> dict[str, Any] | None:
    """The fields of an event button's text, or ``None`` if ``text`` is not one."""
    m = _EVENT_RE.match(text)
    if not m:
        return None
    attendees = m.group("attendees")
    return {"title": m.group("title"), "date": m.group("date"), "time": m.group("time"),
            "duration": int(m.group("duration")),
            "attendees": [a.strip() for a in attendees.split(",")] if attendees else []}


def listed_events(obs: Observation) -> list[tuple[Node, dict[str, Any]]]:
    """Every event button in view with its parsed fields."""
    out = []
    for node in obs.find_all("button"):
        fields = parse_event(node.name)
        if fields is not None:
            out.append((node, fields))
    return out


def editor_open(obs: Observation) -> bool:
    """Whether the event editor (new or edit) is showing."""
    return obs.find("textbox", "Title") is not None and obs.find("button", "Save") is not None


def show_agenda(obs: Observation) -> ToolCall | None:
    """Open the calendar and switch to the Agenda view (every event listed), if not already."""
    step = open_app(obs, APP)
    if step is not None:
        return step
    view = obs.find("combobox", "View")
    if view is not None and view.value != "Agenda" and not editor_open(obs):
        return select(view, "Agenda")
    return None


def fill_editor(obs: Observation, fields: dict[str, str]) -> ToolCall | None:
    """The next edit that makes the editor's fields equal ``fields`` (label -> text), else ``None``."""
    for label, text in fields.items():
        if label == "Duration":
            node = obs.find("combobox", label)
            if node is not None and node.value != f"{text} min":
                return select(node, f"{text} min")
            continue
        node = obs.find("textbox", label)
        if node is not None and (node.value or "") != text:
            return type_into(node, text)
    return None


def button(obs: Observation, name: str) -> Node:
    """The button called ``name`` (LookupError if the calendar does not show it)."""
    node = obs.find("button", name)
    if node is None:
        raise LookupError(f"oracle could not find the calendar button {name!r}")
    return node


def create_event(obs: Observation, fields: dict[str, str]) -> ToolCall:
    """The next step to create an event with ``fields`` (editor labels -> text); ``done()`` once it is listed."""
    if editor_open(obs):
        return fill_editor(obs, fields) or click(button(obs, "Save"))
    step = show_agenda(obs)
    if step is not None:
        return step
    if any(e["title"] == fields["Title"] for _, e in listed_events(obs)):
        return done()
    return click(button(obs, "New event"))


def edit_event(obs: Observation, title: str, fields: dict[str, str]) -> ToolCall | None:
    """Steps that open the event titled ``title``, set ``fields`` and save; ``None`` once listed as wanted.

    ``fields`` maps editor labels to text; the event counts as done when the
    agenda lists it with those values (Date, Time, Duration, Attendees).
    """
    if editor_open(obs):
        name = obs.find("textbox", "Title")
        if name is not None and name.value != title and obs.find("button", "Delete") is not None:
            return click(button(obs, "Cancel"))   # some other event is open
        return fill_editor(obs, fields) or click(button(obs, "Save"))
    step = show_agenda(obs)
    if step is not None:
        return step
    for node, event in listed_events(obs):
        if event["title"] == title and not _matches(event, fields):
            return click(node)
    return None


def _matches(event: dict[str, Any], fields: dict[str, str]) -> bool:
    shown = {"Date": event["date"], "Time": event["time"], "Duration": str(event["duration"]),
             "Attendees": ", ".join(event["attendees"]), "Title": event["title"]}
    return all(shown.get(label, text) == text for label, text in fields.items())


def add_days(date: str, days: int) -> str:
    """``date`` (YYYY-MM-DD) shifted by ``days``."""
    return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat()
