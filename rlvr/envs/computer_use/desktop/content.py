"""Seeded content for the Files, Editor and Mail apps, and the state checks their families share.

The app state schemas are documented at the top of ``web/apps/files.js``,
``editor.js`` and ``mail.js``. Builders here return slices of the desktop
state; checkers compare a state read back from the page with what a task
allows to change, so every family also fails a policy that breaks something
it was not asked to touch.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

import numpy as np

from rlvr.envs.computer_use.desktop.family import pick, sample
from rlvr.envs.computer_use.desktop.words import (
    DOMAINS, FIRST_NAMES, LAST_NAMES, NEWSLETTERS, SENTENCES, TOPICS, person,
)

TODAY = "2025-03-10"
ME = {"name": "Alex Morgan", "address": "alex.morgan@home.example"}


# ---- Files -------------------------------------------------------------------------------

def random_date(rng: np.random.Generator, start: str = "2024-01-01", end: str = "2025-03-09") -> str:
    """A day between ``start`` and ``end`` (inclusive), ISO formatted."""
    a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return (a + dt.timedelta(days=int(rng.integers(0, (b - a).days + 1)))).isoformat()


def text_lines(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` distinct sentences."""
    return sample(rng, SENTENCES, n)


def make_file(rng: np.random.Generator, name: str, folder: str, date: str | None = None,
              content: str | None = None) -> dict[str, Any]:
    """A file dict; text files get ``content`` (random sentences if not given)."""
    f: dict[str, Any] = {"name": name, "folder": folder, "date": date or random_date(rng),
                         "size": int(rng.integers(2_000, 900_000))}
    if name.rsplit(".", 1)[-1] in ("txt", "md", "csv", "log"):
        f["content"] = content if content is not None else "\n".join(text_lines(rng, int(rng.integers(2, 5))))
    return f


def files_state(rng: np.random.Generator, files: list[dict[str, Any]], folders: Iterable[str],
                cwd: str = "") -> dict[str, Any]:
    """The ``files`` slice: files shuffled and numbered ``f1...``."""
    order = rng.permutation(len(files))
    numbered = [dict(files[int(i)], id=f"f{k + 1}") for k, i in enumerate(order)]
    return {"cwd": cwd, "folders": sorted(set(folders)), "files": numbered}


def file_ids(files_slice: dict[str, Any], predicate) -> set[str]:
    """Ids of the files of a ``files`` slice for which ``predicate(file)`` holds."""
    return {f["id"] for f in files_slice["files"] if predicate(f)}


def check_files(initial: dict[str, Any], final: dict[str, Any], changes: dict[str, dict[str, Any] | None],
                new: Iterable[dict[str, Any]] = (), new_folders: Iterable[str] = ()) -> tuple[bool, str]:
    """Whether the file system changed exactly as allowed.

    Args:
        initial: The ``files`` slice injected at setup.
        final: The ``files`` slice read back.
        changes: File id -> the fields it must now have (``{"folder": "Archive"}``),
            or ``None`` if it must be gone. Every other file must be unchanged
            (name, folder, content).
        new: Files that must have been created (``name``, ``folder`` and, if
            given, ``content`` compared after stripping trailing whitespace per line).
        new_folders: Folders that must now exist; no other folder may appear or vanish.
    """
    before = {f["id"]: f for f in initial["files"]}
    after = {f["id"]: f for f in final["files"]}
    for fid, f in before.items():
        want = changes.get(fid, {}) if fid in changes else {}
        if fid in changes and changes[fid] is None:
            if fid in after:
                return False, f"{f['folder'] or 'Home'}/{f['name']} should have been deleted"
            continue
        got = after.get(fid)
        if got is None:
            return False, f"{f['folder'] or 'Home'}/{f['name']} was deleted"
        for key in ("name", "folder", "content"):
            expected = want.get(key, f.get(key))
            if key == "content" and expected is not None:
                if normalize_text(got.get(key) or "") != normalize_text(expected):
                    return False, f"{f['name']} does not hold the expected text"
            elif got.get(key) != expected:
                return False, f"{f['name']}: {key} is {got.get(key)!r}, expected {expected!r}"
    created = [f for fid, f in after.items() if fid not in before]
    wanted = list(new)
    if len(created) != len(wanted):
        return False, f"{len(created)} files were created, expected {len(wanted)}"
    for spec in wanted:
        hit = [f for f in created if f["name"] == spec["name"] and f["folder"] == spec["folder"]]
        if not hit:
            return False, f"no file {spec['name']} in {spec['folder'] or 'Home'}"
        if "content" in spec and normalize_text(hit[0].get("content") or "") != normalize_text(spec["content"]):
            return False, f"{spec['name']} does not hold the expected text"
    expected_folders = set(initial["folders"]) | set(new_folders)
    if set(final["folders"]) != expected_folders:
        extra = sorted(set(final["folders"]) - expected_folders)
        missing = sorted(expected_folders - set(final["folders"]))
        return False, f"folders differ (unexpected: {extra}, missing: {missing})"
    return True, "files as expected"


def normalize_text(text: str) -> str:
    """Text compared line by line without trailing spaces or trailing blank lines."""
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).rstrip("\n")


# ---- Mail --------------------------------------------------------------------------------

def people(rng: np.random.Generator, k: int, exclude_first: Iterable[str] = ()) -> list[tuple[str, str]]:
    """``k`` people ``(name, address)`` with distinct first names."""
    firsts = sample(rng, [f for f in FIRST_NAMES if f not in set(exclude_first)], k)
    return [person(f, pick(rng, LAST_NAMES), pick(rng, DOMAINS)) for f in firsts]


def mail_date(rng: np.random.Generator, today: str = TODAY, days_back: int = 20) -> str:
    """A timestamp in the ``days_back`` days before ``today``: ``"2025-03-04 09:12"``."""
    day = dt.date.fromisoformat(today) - dt.timedelta(days=int(rng.integers(1, days_back + 1)))
    return f"{day.isoformat()} {int(rng.integers(7, 20)):02d}:{int(rng.integers(0, 60)):02d}"


def make_message(rng: np.random.Generator, sender: tuple[str, str], subject: str, *, folder: str = "Inbox",
                 body: str | None = None, read: bool | None = None, flagged: bool = False,
                 date: str | None = None, today: str = TODAY) -> dict[str, Any]:
    """A received message dict of the mail schema (``id`` assigned by :func:`mail_state`)."""
    if body is None:
        body = "Hi Alex,\n" + "\n".join(text_lines(rng, 2)) + f"\n{sender[0].split()[0]}"
    return {"folder": folder, "fromName": sender[0], "from": sender[1], "to": [ME["address"]],
            "subject": subject, "date": date or mail_date(rng, today),
            "body": body,
            "read": bool(rng.random() < 0.5) if read is None else read, "flagged": flagged,
            "replyTo": None, "forwardOf": None}


def filler_messages(rng: np.random.Generator, n: int, avoid_names: Iterable[str] = (),
                    avoid_subjects: Iterable[str] = (), today: str = TODAY) -> list[dict[str, Any]]:
    """``n`` ordinary messages (colleagues and newsletters) from senders not in ``avoid_names``."""
    avoid = {a.split()[0] for a in avoid_names}
    senders = people(rng, n, exclude_first=avoid)
    used = set(avoid_subjects)
    out = []
    for i in range(n):
        if rng.random() < 0.25:
            name, addr = pick(rng, NEWSLETTERS)
            sender, subject = (name, addr), f"{name}: issue {int(rng.integers(10, 99))}"
        else:
            kind = pick(rng, ("update", "notes", "question", "plan", "draft"))
            sender, subject = senders[i], f"{pick(rng, TOPICS).capitalize()} {kind}"
        if subject in used:
            continue
        used.add(subject)
        out.append(make_message(rng, sender, subject, today=today, flagged=bool(rng.random() < 0.15)))
    return out


def mail_state(rng: np.random.Generator, messages: list[dict[str, Any]], folders: Iterable[str] = (),
               today: str = TODAY) -> dict[str, Any]:
    """The ``mail`` slice: messages shuffled and numbered ``m1...``, Inbox shown."""
    order = rng.permutation(len(messages))
    numbered = [dict(messages[int(i)], id=f"m{k + 1}") for k, i in enumerate(order)]
    return {"me": dict(ME), "today": today, "folders": ["Inbox", "Archive", "Sent", "Trash", *folders],
            "folder": "Inbox", "messages": numbered}


def message_ids(mail_slice: dict[str, Any], predicate) -> set[str]:
    """Ids of the messages of a ``mail`` slice for which ``predicate(message)`` holds."""
    return {m["id"] for m in mail_slice["messages"] if predicate(m)}


def check_mail(initial: dict[str, Any], final: dict[str, Any], changes: dict[str, dict[str, Any] | None],
               ignore_read: bool = True) -> tuple[bool, str]:
    """Whether received messages changed exactly as allowed (sent mail is checked by the family).

    Args:
        changes: Message id -> the fields it must now have (``{"folder": "Trash"}``,
            ``{"flagged": True}``), or ``None`` if it must be out of the mailbox
            (in Trash or deleted for good). Every other message keeps its
            folder and flag.
        ignore_read: Reading a message marks it read; that is never a mistake.
    """
    after = {m["id"]: m for m in final["messages"]}
    keys = ("folder", "flagged") if ignore_read else ("folder", "flagged", "read")
    for m in initial["messages"]:
        got = after.get(m["id"])
        if m["id"] in changes and changes[m["id"]] is None:
            if got is not None and got["folder"] != "Trash":
                return False, f"{m['subject']!r} from {m['fromName']} should have been deleted"
            continue
        want = changes.get(m["id"], {})
        if got is None or (got["folder"] == "Trash" and want.get("folder") != "Trash" and m["folder"] != "Trash"):
            return False, f"{m['subject']!r} from {m['fromName']} was deleted"
        for key in keys:
            expected = want.get(key, m[key])
            if got[key] != expected:
                return False, f"{m['subject']!r} from {m['fromName']}: {key} is {got[key]!r}, expected {expected!r}"
    return True, "mailbox as expected"


def sent_messages(initial: dict[str, Any], final: dict[str, Any]) -> list[dict[str, Any]]:
    """Messages sent during the episode (in Sent and not there at the start)."""
    before = {m["id"] for m in initial["messages"]}
    return [m for m in final["messages"] if m["id"] not in before and m["folder"] == "Sent"]


def check_mail_unsent(initial: dict[str, Any], final: dict[str, Any],
                      changes: dict[str, dict[str, Any] | None]) -> tuple[bool, str]:
    """:func:`check_mail` for tasks that send nothing: a sent message fails them too."""
    if sent_messages(initial, final):
        return False, "a message was sent"
    return check_mail(initial, final, changes)
