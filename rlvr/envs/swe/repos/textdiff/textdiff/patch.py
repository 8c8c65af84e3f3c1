"""Parse unified diffs and apply them to text, checking context lines.

A hunk applies where its context and removed lines match the text exactly.
It is first tried at the line its header names (shifted by what earlier
hunks added or removed), then at growing distances up to ``max_offset``
lines before or after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from textdiff.diff import TAG_ADDED, TAG_REMOVED, TAG_SAME, diff_texts, join_lines, split_lines
from textdiff.unified import DEFAULT_CONTEXT, Hunk, make_hunks

HUNK_HEADER = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
NO_NEWLINE_MARK = "\\"
DEFAULT_MAX_OFFSET = 5


class PatchError(Exception):
    """A patch is malformed, or one of its hunks does not match the text."""


@dataclass
class FilePatch:
    """The hunks for one file, with the names from the ``---``/``+++`` lines."""

    old_name: str = "a"
    new_name: str = "b"
    hunks: list[Hunk] = field(default_factory=list)

    def render(self) -> str:
        """Return the patch as unified diff text."""
        out = [f"--- {self.old_name}", f"+++ {self.new_name}"]
        for hunk in self.hunks:
            out.extend(hunk.render())
        return "\n".join(out) + "\n"


def parse_range(start: str, length: str | None) -> tuple[int, int]:
    """Read a header range; an omitted length is 1, and an empty range names the line before it."""
    count = 1 if length is None else int(length)
    first = int(start)
    return (first + 1 if count == 0 else first), count


def _read_hunk(lines: list[str], index: int) -> tuple[Hunk, int]:
    match = HUNK_HEADER.match(lines[index])
    if match is None:
        raise PatchError(f"line {index + 1}: bad hunk header {lines[index]!r}")
    old_start, old_len = parse_range(match.group(1), match.group(2))
    new_start, new_len = parse_range(match.group(3), match.group(4))
    hunk = Hunk(old_start, old_len, new_start, new_len)
    old_seen = new_seen = 0
    index += 1
    while old_seen < old_len or new_seen < new_len:
        if index >= len(lines):
            raise PatchError(f"hunk {hunk.header()} ends early: {old_seen}/{old_len} old and {new_seen}/{new_len} new lines")
        line = lines[index]
        tag, text = (line[0], line[1:]) if line else (TAG_SAME, "")
        if tag == NO_NEWLINE_MARK:
            index += 1
            continue
        if tag not in (TAG_SAME, TAG_REMOVED, TAG_ADDED):
            raise PatchError(f"line {index + 1}: unexpected {line!r} inside hunk {hunk.header()}")
        old_seen += tag != TAG_ADDED
        new_seen += tag != TAG_REMOVED
        hunk.lines.append((tag, text))
        index += 1
    if old_seen != old_len or new_seen != new_len:
        raise PatchError(f"hunk {hunk.header()} has {old_seen} old and {new_seen} new lines")
    return hunk, index


def parse_patch(text: str) -> list[FilePatch]:
    """Parse unified diff text (one or more files) into :class:`FilePatch` objects.

    Lines outside hunks that are not ``---``/``+++`` headers (``diff``
    commands, comments) are skipped.
    """
    lines = split_lines(text)
    patches: list[FilePatch] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("--- ") and index + 1 < len(lines) and lines[index + 1].startswith("+++ "):
            patches.append(FilePatch(line[4:].strip(), lines[index + 1][4:].strip()))
            index += 2
        elif line.startswith("@@"):
            if not patches:
                patches.append(FilePatch())
            hunk, index = _read_hunk(lines, index)
            patches[-1].hunks.append(hunk)
        else:
            index += 1
    return patches


def find_position(lines: list[str], expected: list[str], guess: int, max_offset: int = DEFAULT_MAX_OFFSET) -> int | None:
    """Return where ``expected`` occurs in ``lines``, nearest to ``guess`` first."""
    last_start = len(lines) - len(expected)
    for distance in range(max_offset + 1):
        for candidate in (guess - distance, guess + distance):
            if 0 <= candidate <= last_start and lines[candidate : candidate + len(expected)] == expected:
                return candidate
    return None


def apply_hunks(lines: list[str], hunks: list[Hunk], max_offset: int = DEFAULT_MAX_OFFSET) -> list[str]:
    """Apply hunks in order to a list of lines and return the new lines."""
    result = list(lines)
    shift = 0
    for number, hunk in enumerate(hunks, start=1):
        old, new = hunk.old_lines(), hunk.new_lines()
        guess = hunk.old_start - 1 + shift
        at = find_position(result, old, guess, max_offset)
        if at is None:
            first = old[0] if old else ""
            raise PatchError(f"hunk {number} ({hunk.header()}) does not match: expected {first!r} near line {guess + 1}")
        result[at : at + len(old)] = new
        shift += len(new) - len(old) + (at - guess)
    return result


def apply_patch(text: str, patch: FilePatch | str, max_offset: int = DEFAULT_MAX_OFFSET) -> str:
    """Apply a patch (object or unified diff text) to ``text``.

    An empty patch text changes nothing. The result ends with a newline if
    the input did (or was empty).
    """
    if isinstance(patch, str):
        parsed = parse_patch(patch)
        if len(parsed) > 1:
            raise PatchError(f"expected a patch for one file, found {len(parsed)} files")
        if not parsed and patch.strip():
            raise PatchError("the patch text holds no hunks ('@@ -l,s +l,s @@' lines)")
        patch = parsed[0] if parsed else FilePatch()
    final_newline = text.endswith("\n") or not text
    return join_lines(apply_hunks(split_lines(text), patch.hunks, max_offset), final_newline)


def can_apply(text: str, patch: FilePatch, max_offset: int = DEFAULT_MAX_OFFSET) -> bool:
    """Tell whether every hunk of the patch matches ``text``."""
    try:
        apply_hunks(split_lines(text), patch.hunks, max_offset)
    except PatchError:
        return False
    return True


def reverse_hunk(hunk: Hunk) -> Hunk:
    """Return the hunk that undoes ``hunk``.

    Within each block of changes the lines to remove still come first.
    """
    swap = {TAG_REMOVED: TAG_ADDED, TAG_ADDED: TAG_REMOVED, TAG_SAME: TAG_SAME}
    lines: list[tuple[str, str]] = []
    pending_removed: list[tuple[str, str]] = []
    for tag, text in hunk.lines:
        if tag == TAG_SAME:
            lines.extend(pending_removed)
            pending_removed = []
            lines.append((tag, text))
        elif tag == TAG_ADDED:
            lines.append((swap[tag], text))
        else:
            pending_removed.append((swap[tag], text))
    lines.extend(pending_removed)
    return Hunk(hunk.new_start, hunk.new_len, hunk.old_start, hunk.old_len, lines)


def reverse_patch(patch: FilePatch) -> FilePatch:
    """Return the patch that turns the new text back into the old one."""
    return FilePatch(patch.new_name, patch.old_name, [reverse_hunk(hunk) for hunk in patch.hunks])


def make_patch(old: str, new: str, old_name: str = "a", new_name: str = "b", context: int = DEFAULT_CONTEXT) -> FilePatch:
    """Build the patch that turns ``old`` into ``new``."""
    return FilePatch(old_name, new_name, make_hunks(diff_texts(old, new), context))
