"""Unified diffs: apply one to a tree of files (pure Python, strict context matching).

Used to apply SWE-bench ``test_patch`` at grading time (images need neither
git nor patch), and by tests to turn a task's ``gold_patch`` into the clean
tree.
"""

from __future__ import annotations

import re

from rlvr.core.errors import ConfigError

_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def _diff_path(header: str) -> str | None:
    path = header.split("\t", 1)[0].strip()
    if path == "/dev/null":
        return None
    if path.startswith(("a/", "b/")):
        path = path[2:]
    return path


def patched_paths(patch: str) -> list[str]:
    """Every path a unified diff touches (old and new names), in order."""
    out: list[str] = []
    lines = patch.splitlines()
    for i, line in enumerate(lines[:-1]):
        if line.startswith("--- ") and lines[i + 1].startswith("+++ "):
            for header in (line[4:], lines[i + 1][4:]):
                path = _diff_path(header)
                if path is not None and path not in out:
                    out.append(path)
    return out


def apply_patch(files: dict[str, str], patch: str) -> dict[str, str]:
    """``files`` with the unified diff ``patch`` applied (a new dict).

    Raises:
        ConfigError: A hunk's context does not match, or it names a missing file.
    """
    out = dict(files)
    lines = patch.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        if not (lines[i].startswith("--- ") and i + 1 < len(lines) and lines[i + 1].startswith("+++ ")):
            i += 1
            continue
        old, new = _diff_path(lines[i][4:]), _diff_path(lines[i + 1][4:])
        i += 2
        if old is not None and old not in out:
            raise ConfigError(f"the patch changes {old!r}, which is not in the tree")
        src = out[old].splitlines(keepends=True) if old is not None else []
        result: list[str] = []
        pos = 0
        while i < len(lines) and lines[i].startswith("@@"):
            m = _HUNK.match(lines[i])
            if m is None:
                raise ConfigError(f"malformed hunk header {lines[i].strip()!r}")
            old_start, old_len = int(m.group(1)), int(m.group(2) or 1)
            new_len = int(m.group(4) or 1)
            i += 1
            start = old_start - 1 if old_len else old_start
            if start < pos or start > len(src):
                raise ConfigError(f"hunk {m.group(0)!r} of {old or new!r} is out of order or past the end")
            result += src[pos:start]
            pos = start
            seen_old = seen_new = 0
            while i < len(lines) and (seen_old < old_len or seen_new < new_len):
                line = lines[i]
                tag, body = line[:1], line[1:]
                if line.startswith("\\"):
                    i += 1
                    continue
                if tag in (" ", "-"):
                    if pos >= len(src) or src[pos].rstrip("\r\n") != body.rstrip("\r\n"):
                        raise ConfigError(f"the patch does not apply to {old!r} near line {pos + 1}")
                    if tag == " ":
                        result.append(src[pos])
                        seen_new += 1
                    pos += 1
                    seen_old += 1
                elif tag == "+":
                    result.append(body)
                    seen_new += 1
                elif line in ("\n", "\r\n"):  # an empty context line whose space was stripped
                    if pos >= len(src) or src[pos].strip():
                        raise ConfigError(f"the patch does not apply to {old!r} near line {pos + 1}")
                    result.append(src[pos])
                    pos += 1
                    seen_old += 1
                    seen_new += 1
                else:
                    raise ConfigError(f"unexpected line in a hunk of {old or new!r}: {line[:60]!r}")
                i += 1
                if i < len(lines) and lines[i].startswith("\\"):  # "\ No newline at end of file"
                    if result and result[-1].endswith("\n") and tag in (" ", "+"):
                        result[-1] = result[-1][:-1]
                    i += 1
        result += src[pos:]
        if old is not None and old != new:
            del out[old]
        if new is not None:
            out[new] = "".join(result)
    return out
