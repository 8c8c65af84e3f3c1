"""SWE-v0's tools: ``bash``, ``view``, ``str_replace``, ``create``, ``search``, ``submit``.

Each tool acts on a sandbox :class:`~rlvr.verifiers.sandbox.base.Session`
(the workspace) and returns the text the policy sees. Nothing here raises for
anything the policy can send: a bad path, a missing file, an ambiguous
``old_str`` or a failing command comes back as an observation that says what
went wrong. File reads and writes go through the session's symlink-safe file
API on the trusted side; commands (``bash``, ``search``) run in the sandbox.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shlex
import tempfile
from typing import Any, Sequence

from rlvr.core.errors import ConfigError, RlvrError
from rlvr.verifiers.sandbox.base import SANDBOX_WORKDIR, Limits, RunResult, Session
from rlvr.verifiers.sandbox.files import check_relpath

#: Characters of one tool result shown to the policy; the rest is cut with a note.
MAX_OUTPUT_CHARS = 10_000
MAX_VIEW_ENTRIES = 400
DEFAULT_BASH_TIMEOUT_S = 60
MAX_BASH_TIMEOUT_S = 300
#: Longest bash command line (the kernel refuses single arguments over 128 KiB).
MAX_COMMAND_BYTES = 100_000


def _tool(name: str, description: str, properties: dict[str, Any], required: Sequence[str]) -> dict:
    return {"type": "function", "function": {
        "name": name, "description": description,
        "parameters": {"type": "object", "properties": properties, "required": list(required),
                       "additionalProperties": False}}}


#: JSON schemas of the tools (OpenAI/Hermes function format), listed in the system prompt.
TOOLS: list[dict] = [
    _tool("bash", "Run a bash command in the repository (the working directory). Use it to run the "
          "tests (e.g. `pytest tests -q`), inspect files, or run scripts. Processes do not survive "
          "between calls; there is no network.",
          {"command": {"type": "string", "description": "The command line to run with bash -c."},
           "timeout": {"type": "integer", "description": f"Seconds before the command is killed "
                       f"(default {DEFAULT_BASH_TIMEOUT_S}, at most {MAX_BASH_TIMEOUT_S})."}},
          ["command"]),
    _tool("view", "Show a file with line numbers, or list a directory two levels deep.",
          {"path": {"type": "string", "description": "File or directory, relative to the repository "
                    "root (or absolute under it)."},
           "view_range": {"type": "array", "items": {"type": "integer"},
                          "description": "Optional [first_line, last_line] (1-based; -1 = end of file)."}},
          ["path"]),
    _tool("str_replace", "Replace the one occurrence of old_str in a file with new_str. old_str must "
          "match exactly (whitespace included) and occur exactly once.",
          {"path": {"type": "string", "description": "The file to edit."},
           "old_str": {"type": "string", "description": "Exact text to replace (must be unique)."},
           "new_str": {"type": "string", "description": "Replacement text (empty to delete)."}},
          ["path", "old_str"]),
    _tool("create", "Create a file (or overwrite it) with the given content.",
          {"path": {"type": "string", "description": "The file to write."},
           "file_text": {"type": "string", "description": "The complete content of the file."}},
          ["path", "file_text"]),
    _tool("search", "Search file contents with an extended regular expression (grep -rnE).",
          {"pattern": {"type": "string", "description": "Extended regular expression."},
           "path": {"type": "string", "description": "File or directory to search (default: the whole "
                    "repository)."},
           "include": {"type": "string", "description": "Optional file-name glob, e.g. '*.py'."}},
          ["pattern"]),
    _tool("submit", "Submit the repository as it is now for grading. This ends the episode.", {}, []),
]
TOOL_NAMES = tuple(t["function"]["name"] for t in TOOLS)


def truncate(text: str, limit: int = MAX_OUTPUT_CHARS) -> str:
    """``text`` cut to about ``limit`` characters (head and tail kept) with a note saying so."""
    if len(text) <= limit:
        return text
    head, tail = text[: limit * 2 // 3], text[-(limit // 3):]
    return (f"{head}\n\n[... output truncated: {len(text) - len(head) - len(tail)} of {len(text)} "
            f"characters omitted ...]\n\n{tail}")


def _decode(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def shim_dir(python: str) -> str:
    """A host directory with ``python``, ``python3`` and ``pytest`` launchers for ``python``.

    The bwrap sandbox binds it read-only at the same path and puts it first on
    ``PATH``, so ``python3``/``pytest`` in the ``bash`` tool reach the
    interpreter that sees pytest. It lives outside ``/tmp`` and ``/dev/shm``
    (the sandbox mounts its own there) and is content-addressed.
    """
    scripts = {
        "python": f'#!/bin/sh\nexec {shlex.quote(python)} "$@"\n',
        "python3": f'#!/bin/sh\nexec {shlex.quote(python)} "$@"\n',
        "pytest": f'#!/bin/sh\nexec {shlex.quote(python)} -m pytest -p no:cacheprovider "$@"\n',
    }
    digest = hashlib.sha256(repr(sorted(scripts.items())).encode()).hexdigest()[:16]
    base = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "rlvr")
    target = os.path.join(base, f"swe-bin-{digest}")
    if os.path.isdir(target):
        return target
    try:
        os.makedirs(base, exist_ok=True)
        staging = tempfile.mkdtemp(prefix=".swe-bin-", dir=base)
    except OSError:
        base = "/var/tmp"
        target = os.path.join(base, f"rlvr-swe-bin-{os.getuid()}-{digest}")
        if os.path.isdir(target):
            return target
        staging = tempfile.mkdtemp(prefix=".rlvr-swe-bin-", dir=base)
    for name, body in scripts.items():
        path = os.path.join(staging, name)
        with open(path, "w") as fh:
            fh.write(body)
        os.chmod(path, 0o755)
    os.chmod(staging, 0o755)
    try:
        os.rename(staging, target)
    except OSError:  # another process made it first
        for name in scripts:
            os.unlink(os.path.join(staging, name))
        os.rmdir(staging)
    return target


class Workspace:
    """The tools over one sandbox session.

    Args:
        session: The workspace session (files persist between runs).
        env: Extra environment for commands (e.g. ``PATH`` with the shims).
        limits: Limits of one command (``wall_s`` is replaced by the call's timeout).
        workdir: Where the session's files are inside the sandbox.
    """

    def __init__(self, session: Session, *, env: dict[str, str] | None = None,
                 limits: Limits | None = None, workdir: str = SANDBOX_WORKDIR) -> None:
        self.session = session
        self.env = dict(env or {})
        self.limits = limits or session.limits
        self.workdir = workdir.rstrip("/")

    # ----------------------------------------------------------------- paths
    def relpath(self, path: Any, allow_root: bool = False) -> str:
        """A validated path relative to the workspace (``""`` = the root when allowed)."""
        if not isinstance(path, str):
            raise ConfigError(f"path must be a string, got {type(path).__name__}")
        raw = path.strip()
        if raw in ("", ".", "./", self.workdir, self.workdir + "/"):
            if allow_root:
                return ""
            raise ConfigError("path names the repository root, not a file")
        if raw.startswith(self.workdir + "/"):
            raw = raw[len(self.workdir) + 1:]
        elif raw.startswith("/"):
            raise ConfigError(f"path {path!r} is outside the repository; use a path relative to "
                              f"{self.workdir} or under it")
        return check_relpath(raw)

    # ------------------------------------------------------------------ tools
    def run(self, argv: list[str], timeout_s: float) -> RunResult:
        limits = dataclasses.replace(self.limits, wall_s=float(timeout_s), cpu_s=float(timeout_s))
        return self.session.run(argv, limits=limits, env=self.env)

    def bash(self, command: str, timeout: int | None = None) -> str:
        timeout_s = DEFAULT_BASH_TIMEOUT_S if timeout is None else max(1, min(int(timeout), MAX_BASH_TIMEOUT_S))
        if not command.strip():
            return "Error: the command is empty."
        if len(command.encode("utf-8", "surrogateescape")) > MAX_COMMAND_BYTES:
            return (f"Error: the command is {len(command)} characters long; at most {MAX_COMMAND_BYTES} bytes "
                    "are accepted. Write long content to a file with the create tool first.")
        result = self.run(["bash", "-c", command], timeout_s)
        return format_result(result, timeout_s)

    def view(self, path: str, view_range: list[int] | None = None) -> str:
        rel = self.relpath(path, allow_root=True)
        if rel:
            found = self.session.read_files([rel])
            if rel in found:
                return self._view_file(rel, found[rel], view_range)
        listing = [p for p in self.session.list_files() if not rel or p.startswith(rel + "/")]
        if not listing:
            return f"Error: {path!r} does not exist (or is not a regular file)."
        if view_range is not None:
            return f"Error: view_range applies to files; {path!r} is a directory."
        return self._view_dir(rel, listing)

    def _view_file(self, rel: str, data: bytes, view_range: list[int] | None) -> str:
        if b"\0" in data[:8192]:
            return f"Error: {rel} looks like a binary file ({len(data)} bytes)."
        lines = _decode(data).splitlines()
        first, last = 1, len(lines)
        if view_range is not None:
            if (not isinstance(view_range, list) or len(view_range) != 2
                    or not all(isinstance(v, int) and not isinstance(v, bool) for v in view_range)):
                return "Error: view_range must be two integers [first_line, last_line]."
            first, last = view_range
            last = len(lines) if last == -1 else last
            if not 1 <= first <= max(len(lines), 1) or last < first:
                return (f"Error: view_range {view_range} is invalid; the file has {len(lines)} lines "
                        f"(use 1-based [first, last], last = -1 for the end).")
            last = min(last, len(lines))
        width = len(str(max(last, 1)))
        body = "\n".join(f"{i:>{width}}\t{lines[i - 1]}" for i in range(first, last + 1))
        header = f"{rel} (lines {first}-{last} of {len(lines)}):" if view_range else f"{rel}:"
        return truncate(f"{header}\n{body}" if body else f"{rel} is empty.")

    def _view_dir(self, rel: str, listing: list[str]) -> str:
        prefix = rel + "/" if rel else ""
        entries: set[str] = set()
        for path in listing:
            parts = path[len(prefix):].split("/")
            if parts[0] in (".git", "__pycache__") or "__pycache__" in parts:
                continue
            entries.add(parts[0] + ("/" if len(parts) > 1 else ""))
            if len(parts) > 1:
                entries.add(parts[0] + "/" + parts[1] + ("/" if len(parts) > 2 else ""))
        shown = sorted(entries)
        more = len(shown) - MAX_VIEW_ENTRIES
        lines = [f"{self.workdir}/{prefix}{e}" for e in shown[:MAX_VIEW_ENTRIES]]
        if more > 0:
            lines.append(f"[... {more} more entries not shown ...]")
        where = f"{self.workdir}/{rel}" if rel else self.workdir
        return f"Files and directories in {where} (two levels deep):\n" + "\n".join(lines)

    def str_replace(self, path: str, old_str: str, new_str: str = "") -> str:
        rel = self.relpath(path)
        found = self.session.read_files([rel])
        if rel not in found:
            return f"Error: {path!r} does not exist (or is not a regular file). Use create to make a new file."
        text = _decode(found[rel])
        if not old_str:
            return "Error: old_str is empty; give the exact text to replace."
        count = text.count(old_str)
        if count == 0:
            return f"Error: old_str was not found in {rel}. It must match exactly, whitespace included."
        if count > 1:
            lines = [str(text[:i].count("\n") + 1) for i in _find_all(text, old_str)][:10]
            return (f"Error: old_str occurs {count} times in {rel} (lines {', '.join(lines)}); "
                    f"include more surrounding lines so that it is unique.")
        start = text.index(old_str)
        new_text = text[:start] + new_str + text[start + len(old_str):]
        self.session.write_files({rel: new_text})
        line = text[:start].count("\n") + 1
        lines = new_text.splitlines()
        lo, hi = max(1, line - 4), min(len(lines), line + new_str.count("\n") + 4)
        snippet = "\n".join(f"{i:>6}\t{lines[i - 1]}" for i in range(lo, hi + 1))
        return truncate(f"Edited {rel}. Lines {lo}-{hi} now read:\n{snippet}")

    def create(self, path: str, file_text: str) -> str:
        rel = self.relpath(path)
        existed = rel in self.session.read_files([rel])
        try:
            self.session.write_files({rel: file_text})
        except ConfigError as exc:
            return f"Error: cannot write {rel}: {exc}"
        verb = "Overwrote" if existed else "Created"
        return f"{verb} {rel} ({file_text.count(chr(10)) + (1 if file_text and not file_text.endswith(chr(10)) else 0)} lines)."

    def search(self, pattern: str, path: str = ".", include: str | None = None) -> str:
        rel = self.relpath(path, allow_root=True) or "."
        if not pattern:
            return "Error: pattern is empty."
        argv = ["grep", "-rnIE", "--color=never", "--exclude-dir=.git", "--exclude-dir=__pycache__"]
        if include:
            argv.append(f"--include={include}")
        argv += ["-e", pattern, "--", rel]
        result = self.run(argv, 30)
        if result.status == "ok" and result.exit_code == 1:
            return f"No matches for {pattern!r} in {rel}."
        if result.status != "ok" or result.exit_code != 0:
            return "Error: " + format_result(result, 30)
        lines = _decode(result.stdout).splitlines()
        note = f"\n[... {len(lines) - 200} more matching lines not shown ...]" if len(lines) > 200 else ""
        return truncate(f"{len(lines)} matching line{'s' if len(lines) != 1 else ''}:\n"
                        + "\n".join(lines[:200]) + note)

    def call(self, name: str, arguments: dict[str, Any]) -> str:
        """Run one validated tool call (not ``submit``); errors become observations."""
        try:
            if name == "bash":
                return self.bash(arguments["command"], arguments.get("timeout"))
            if name == "view":
                return self.view(arguments["path"], arguments.get("view_range"))
            if name == "str_replace":
                return self.str_replace(arguments["path"], arguments["old_str"], arguments.get("new_str", ""))
            if name == "create":
                return self.create(arguments["path"], arguments["file_text"])
            if name == "search":
                return self.search(arguments["pattern"], arguments.get("path", "."), arguments.get("include"))
        except (ConfigError, RlvrError, UnicodeError) as exc:
            return f"Error: {exc}"
        except Exception as exc:  # the sandbox itself failed (a dead container); the episode goes on
            return f"Error: the workspace sandbox failed ({type(exc).__name__}); try again or submit."
        return f"Error: unknown tool {name!r}; available: {', '.join(TOOL_NAMES)}"


def _find_all(text: str, sub: str):
    start = text.find(sub)
    while start != -1:
        yield start
        start = text.find(sub, start + 1)


def format_result(result: RunResult, timeout_s: float) -> str:
    """A command's output as the policy sees it: stdout, stderr, and how it ended."""
    parts = []
    out, err = _decode(result.stdout), _decode(result.stderr)
    if out:
        parts.append(out.rstrip("\n"))
    if err:
        parts.append("[stderr]\n" + err.rstrip("\n"))
    if result.status == "ok":
        parts.append(f"[exit code: {result.exit_code}]")
    elif result.status == "timeout":
        parts.append(f"[the command was killed: it ran longer than {timeout_s:g} s]")
    elif result.status == "output_limit":
        parts.append("[the command was killed: it printed more output than allowed]")
    elif result.status == "memory":
        parts.append("[the command ran out of memory]")
    elif result.status == "signal":
        parts.append(f"[the command was killed by signal {result.signal}]")
    else:
        parts.append("[the command could not be run: the sandbox failed]")
    return truncate("\n".join(parts))
