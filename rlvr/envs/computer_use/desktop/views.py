"""What the oracles read of the Files, Editor and Mail apps, and their common steps.

Each reader works on an :class:`~rlvr.envs.computer_use.observation.Observation`
only, through the accessible names each app documents at the top of its
``web/apps/<id>.js``. The readers are shared by every family that touches
these apps so a UI change is fixed in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rlvr.envs.computer_use.desktop.family import ToolCall, click, done, need, open_app, select, type_into
from rlvr.envs.computer_use.observation import Node, Observation

FILES, EDITOR, MAIL = "Files", "Editor", "Mail"


# ---- Files -------------------------------------------------------------------------------

@dataclass(frozen=True)
class FileRow:
    """One file of the listed folder: its selection checkbox and the texts of its row."""

    box: Node
    name: str
    date: str
    size: str


def location(obs: Observation) -> str | None:
    """The folder the file manager shows (``"Home"`` for the root), or ``None`` if it is not open."""
    node = obs.find("text", contains="Location: ")
    return node.name.split("Location: ", 1)[1] if node else None


def file_rows(obs: Observation) -> list[FileRow]:
    """The files listed in the current folder, in order."""
    rows = []
    nodes = obs.nodes
    for i, node in enumerate(nodes):
        if node.role == "checkbox" and node.name.startswith("Select "):
            texts = [n.name for n in nodes[i + 1:i + 4] if n.role == "text"]
            if len(texts) == 3:
                rows.append(FileRow(node, texts[0], texts[1], texts[2]))
    return rows


def folder_path(folder: str) -> str:
    """The label the Files app uses for a folder path ("" is Home)."""
    return folder or "Home"


def go_to_folder(obs: Observation, folder: str) -> ToolCall | None:
    """Open Files and the folder ``folder`` ("" = Home), unless already there."""
    step = open_app(obs, FILES)
    if step is not None:
        return step
    if location(obs) != folder_path(folder):
        nav = [n for n in obs.find_all("button", folder_path(folder))]
        return click(need(nav[0] if nav else None, f"the folder button {folder_path(folder)!r}"))
    return None


def select_exactly(obs: Observation, names: set[str]) -> ToolCall | None:
    """The next checkbox click that makes the selection equal ``names``, or ``None`` once it is."""
    for row in file_rows(obs):
        if bool(row.box.checked) != (row.name in names):
            return click(row.box)
    return None


def set_field(obs: Observation, role: str, name: str, text: str) -> ToolCall | None:
    """Type ``text`` into the field ``name`` unless it already holds it."""
    node = need(obs.find(role, name), f"the {role} {name!r}")
    return None if (node.value or "") in (text, shown_value(text)) else type_into(node, text)


#: Longest field value the page walk shows in full (page_tree.js, MAX_TEXT).
MAX_SHOWN = 120


def shown_value(text: str) -> str:
    """How the page walk shows a field holding ``text`` (long values are cut with an ellipsis)."""
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN - 1] + "…"


def choose(obs: Observation, name: str, option: str) -> ToolCall | None:
    """Select ``option`` in the combobox ``name`` unless it is already chosen."""
    node = need(obs.find("combobox", name), f"the select {name!r}")
    return None if node.value == option else select(node, option)


def press_button(obs: Observation, name: str) -> ToolCall:
    return click(need(obs.find("button", name), f"the button {name!r}"))


# ---- Editor ------------------------------------------------------------------------------

_LINE_RE = re.compile(r"^(\d+) \| ?(.*)$")


def editing(obs: Observation) -> str | None:
    """The path the editor shows ("new file" for an unsaved new one), or ``None``."""
    node = obs.find("text", contains="Editing: ")
    if node is None:
        return None
    return node.name.split("Editing: ", 1)[1].replace(" (unsaved changes)", "")


def editor_dirty(obs: Observation) -> bool:
    node = obs.find("text", contains="Editing: ")
    return node is not None and node.name.endswith("(unsaved changes)")


def editor_lines(obs: Observation) -> list[str]:
    """The buffer's lines as the "Lines" view shows them (after the "Lines" heading)."""
    nodes = list(obs.nodes)
    start = next((i for i, n in enumerate(nodes) if n.role == "heading" and n.name == "Lines"), None)
    if start is None:
        return []
    lines = []
    for node in nodes[start + 1:]:
        m = _LINE_RE.match(node.name) if node.role == "text" else None
        if not m or int(m.group(1)) != len(lines) + 1:
            break
        lines.append(m.group(2))
    return lines


def open_in_editor(obs: Observation, path: str) -> ToolCall | None:
    """Open the Editor with the file ``path`` loaded, unless it already is."""
    step = open_app(obs, EDITOR)
    if step is not None:
        return step
    if editing(obs) == path:
        return None
    return choose(obs, "File", path) or press_button(obs, "Open")


# ---- Mail --------------------------------------------------------------------------------

@dataclass(frozen=True)
class MailRow:
    """One listed message: its open button, its flag checkbox and the parsed row label."""

    button: Node
    flag: Node | None
    sender_name: str
    sender: str
    subject: str
    date: str
    unread: bool


_ROW_RE = re.compile(r"^(?P<name>.*?) <(?P<addr>[^<>]+)> · (?P<subject>.*) · (?P<date>\d{4}-\d{2}-\d{2} \d{2}:\d{2})"
                     r"(?P<unread> · unread)?$")


def mail_rows(obs: Observation) -> list[MailRow]:
    """Messages listed in the open mail folder (not Sent, whose rows name the recipients)."""
    rows = []
    nodes = obs.nodes
    for i, node in enumerate(nodes):
        m = _ROW_RE.match(node.name) if node.role == "button" else None
        if not m:
            continue
        flag = nodes[i - 1] if i and nodes[i - 1].role == "checkbox" else None
        rows.append(MailRow(node, flag, m.group("name"), m.group("addr"), m.group("subject"), m.group("date"),
                            bool(m.group("unread"))))
    return rows


def mail_folder(obs: Observation) -> str | None:
    """The folder the mail list shows (the first heading after the folder buttons), or ``None``."""
    compose = obs.find("button", "Compose")
    if compose is None:
        return None
    seen = False
    for node in obs.nodes:
        if node is compose:
            seen = True
        elif seen and node.role == "heading":
            return node.name
    return None


def go_to_mail_folder(obs: Observation, folder: str) -> ToolCall | None:
    """Open Mail and the folder ``folder`` unless already there."""
    step = open_app(obs, MAIL)
    if step is not None:
        return step
    if mail_folder(obs) != folder:
        return press_button(obs, folder)
    return None


def composing(obs: Observation) -> str | None:
    """"Reply", "Forward" or "New message" while the composer shows, else ``None``."""
    if obs.find("button", "Send") is None:
        return None
    for kind in ("Reply", "Forward", "New message"):
        if obs.find("heading", kind) is not None:
            return kind
    return None


def open_message(obs: Observation) -> dict[str, str] | None:
    """The message in the reading pane: subject, from, to, date, body lines; ``None`` if none is open."""
    nodes = list(obs.nodes)
    i = next((k for k, n in enumerate(nodes) if n.role == "text" and n.name.startswith("From: ")), None)
    if i is None or i == 0 or nodes[i - 1].role != "heading":
        return None
    out = {"subject": nodes[i - 1].name, "from": nodes[i].name[6:]}
    rest = nodes[i + 1:]
    for node in rest[:2]:
        if node.name.startswith("To: "):
            out["to"] = node.name[4:]
        elif node.name.startswith("Date: "):
            out["date"] = node.name[6:]
    move = next((k for k, n in enumerate(rest) if n.role == "button" and n.name == "Move"), None)
    body = []
    if move is not None:
        for node in rest[move + 1:]:
            if node.role != "text":
                break
            body.append(node.name)
    out["body"] = "\n".join(body)
    return out


def send_draft(obs: Observation, to: str, subject: str | None, body: str | None) -> ToolCall:
    """Fill the composer (fields given as ``None`` stay as prefilled) and send."""
    return (set_field(obs, "textbox", "To", to)
            or (set_field(obs, "textbox", "Subject", subject) if subject is not None else None)
            or (set_field(obs, "textbox", "Message body", body) if body is not None else None)
            or press_button(obs, "Send"))


def compose_and_send(obs: Observation, to: str, subject: str, body: str) -> ToolCall:
    """Open Mail, start a new message, fill and send it; ``done()`` once Mail confirms the send."""
    if sent_notice(obs):
        return done()
    step = open_app(obs, MAIL)
    if step is not None:
        return step
    if composing(obs) != "New message":
        return press_button(obs, "Compose")
    return send_draft(obs, to, subject, body)


def set_document(obs: Observation, text: str) -> ToolCall | None:
    """Type ``text`` into the editor unless the buffer's lines already equal it."""
    if editor_lines(obs) == text.split("\n"):
        return None
    return type_into(need(obs.find("textbox", "Document text"), "the 'Document text' box"), text)


def sent_notice(obs: Observation) -> bool:
    """Whether Mail shows the notice of a message just sent."""
    return obs.find("text", contains="Message sent to ") is not None


def read_inbox_message(obs: Observation, name: str, subject: str) -> tuple[ToolCall | None, dict[str, str]]:
    """The next step towards reading ``name``'s message ``subject`` in the Inbox, or the message once open.

    Returns ``(step, {})`` while a click is still needed, then ``(None, message)``
    with the fields of :func:`open_message`.
    """
    step = open_mail_row(obs, "Inbox", lambda r: r.sender_name == name and r.subject == subject)
    if step is not None:
        return step, {}
    shown = open_message(obs)
    if shown is None:
        raise LookupError(f"oracle found no message {subject!r} from {name}")
    return None, shown


def open_mail_row(obs: Observation, folder: str, match) -> ToolCall | None:
    """Open Mail's ``folder`` and click the first row for which ``match(row)`` holds.

    Returns ``None`` when the message open in the reading pane already matches
    (its subject and sender), or when no row matches.
    """
    step = go_to_mail_folder(obs, folder)
    if step is not None:
        return step
    shown = open_message(obs)
    rows = [r for r in mail_rows(obs) if match(r)]
    if shown is not None and any(shown["subject"] == r.subject and shown["from"] == f"{r.sender_name} <{r.sender}>"
                                 for r in rows):
        return None
    return click(rows[0].button) if rows else None
