"""Scripted solvers for simple MiniWoB tasks, reading only the public observation.

Each solver maps the current :class:`~rlvr.envs.computer_use.observation.Observation`
to the next tool call, like a policy would: it parses the instruction, finds
elements by role and name, and compares field values with the goal. They
back ``env.unwrapped.oracle_action()`` on these tasks, the tests (each solves
its task on many seeds) and the benchmark (the same action sequence in both
envs). The task page ends its episode by itself after the final click; a
solver that has nothing left to do calls ``done``.
"""

from __future__ import annotations

import re
from typing import Callable

from rlvr.envs.computer_use.observation import Node, Observation

Call = dict


def click(node: Node) -> Call:
    return {"name": "click", "arguments": {"id": node.id}}


def type_into(node: Node, text: str) -> Call:
    return {"name": "type", "arguments": {"id": node.id, "text": text}}


DONE: Call = {"name": "done", "arguments": {}}


def _quoted(instruction: str) -> list[str]:
    return [q.strip() for q in re.findall(r'"([^"]*)"', instruction)]


def _interactive(obs: Observation, role: str | None = None) -> list[Node]:
    return obs.find_all(role=role, interactive=True)


def _click_named(obs: Observation, name: str, role: str | None = None) -> Call:
    node = next((n for n in _interactive(obs, role) if n.name == name), None)
    return click(node) if node else DONE


def _fill_then_click(obs: Observation, texts: list[str], button: str) -> Call:
    """Type ``texts`` into the page's text fields in order, then click ``button`` (case-insensitive)."""
    fields = _interactive(obs, "textbox")
    for node, text in zip(fields, texts):
        shown = node.value or ""
        if shown != text and not (shown and set(shown) == {"•"} and len(shown) == len(text)):
            return type_into(node, text)
    target = next((n for n in _interactive(obs, "button") if n.name.lower() == button.lower()), None)
    return click(target) if target else DONE


def click_button(obs: Observation) -> Call:
    (name,) = _quoted(obs.instruction)[:1] or [""]
    return _click_named(obs, name, "button")


def click_link(obs: Observation) -> Call:
    (name,) = _quoted(obs.instruction)[:1] or [""]
    return _click_named(obs, name)


def enter_text(obs: Observation) -> Call:
    return _fill_then_click(obs, _quoted(obs.instruction)[:1], "Submit")


def focus_text(obs: Observation) -> Call:
    fields = _interactive(obs, "textbox")
    return click(fields[0]) if fields and not fields[0].focused else DONE


def click_checkboxes(obs: Observation) -> Call:
    match = re.match(r"Select (.*) and click Submit\.?$", obs.instruction)
    wanted: set[str] = set()
    if match and match.group(1) != "nothing":
        wanted = {w.strip() for w in re.split(r",\s*", match.group(1)) if w.strip()}
    for box in _interactive(obs, "checkbox"):
        if bool(box.checked) != (box.name in wanted):
            return click(box)
    return _click_named(obs, "Submit", "button")


def choose_list(obs: Observation) -> Call:
    match = re.match(r"Select (.*) from the list and click Submit\.?$", obs.instruction)
    lists = _interactive(obs, "combobox")
    if match and lists and lists[0].value != match.group(1):
        return {"name": "select", "arguments": {"id": lists[0].id, "option": match.group(1)}}
    return _click_named(obs, "Submit", "button")


def click_dialog(obs: Observation) -> Call:
    return _click_named(obs, "Close", "button")


def login_user(obs: Observation) -> Call:
    return _fill_then_click(obs, _quoted(obs.instruction)[:2], "Login")


def click_tab(obs: Observation) -> Call:
    match = re.search(r"Tab #(\d+)", obs.instruction)
    return _click_named(obs, f"Tab #{match.group(1)}", "tab") if match else DONE


def enter_password(obs: Observation) -> Call:
    (password,) = _quoted(obs.instruction)[:1] or [""]
    return _fill_then_click(obs, [password, password], "Submit")


ORACLES: dict[str, Callable[[Observation], Call]] = {
    "click-button": click_button, "click-link": click_link, "enter-text": enter_text,
    "focus-text": focus_text, "click-checkboxes": click_checkboxes, "choose-list": choose_list,
    "click-dialog": click_dialog, "login-user": login_user, "click-tab": click_tab,
    "enter-password": enter_password,
}
