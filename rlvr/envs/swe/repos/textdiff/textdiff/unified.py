"""Unified diff output: hunks with context lines and ``@@`` headers."""

from __future__ import annotations

from dataclasses import dataclass, field

from textdiff.diff import TAG_ADDED, TAG_REMOVED, TAG_SAME, DiffLine, diff_texts

DEFAULT_CONTEXT = 3


@dataclass
class Hunk:
    """A block of changes with surrounding context.

    ``old_start``/``new_start`` are the 1-based numbers of the first line of
    each range; for an empty range they are the number of the line that
    would follow it. ``lines`` holds ``(tag, text)`` pairs.
    """

    old_start: int
    old_len: int
    new_start: int
    new_len: int
    lines: list[tuple[str, str]] = field(default_factory=list)

    def old_lines(self) -> list[str]:
        """The lines the hunk expects in the old text (context and removals)."""
        return [text for tag, text in self.lines if tag in (TAG_SAME, TAG_REMOVED)]

    def new_lines(self) -> list[str]:
        """The lines the hunk leaves in the new text (context and additions)."""
        return [text for tag, text in self.lines if tag in (TAG_SAME, TAG_ADDED)]

    def header(self) -> str:
        """Return ``@@ -old +new @@``."""
        return f"@@ -{format_range(self.old_start, self.old_len)} +{format_range(self.new_start, self.new_len)} @@"

    def render(self) -> list[str]:
        """Return the header followed by the tagged lines."""
        return [self.header()] + [f"{tag}{text}" for tag, text in self.lines]


def format_range(start: int, length: int) -> str:
    """Write a hunk range: ``'5'`` for one line, ``'4,0'`` for none after line 4, else ``'5,3'``."""
    if length == 1:
        return str(start)
    if length == 0:
        return f"{start - 1},0"
    return f"{start},{length}"


def group_changes(lines: list[DiffLine], context: int = DEFAULT_CONTEXT) -> list[tuple[int, int]]:
    """Return ``(start, end)`` slices of ``lines`` that form hunks.

    Changes separated by at most ``2 * context`` unchanged lines share a hunk.
    """
    changes = [index for index, line in enumerate(lines) if line.tag != TAG_SAME]
    if not changes:
        return []
    groups = []
    start = max(0, changes[0] - context)
    end = min(len(lines), changes[0] + context + 1)
    for index in changes[1:]:
        if index - context <= end:
            end = min(len(lines), index + context + 1)
        else:
            groups.append((start, end))
            start = index - context
            end = min(len(lines), index + context + 1)
    groups.append((start, end))
    return groups


def make_hunks(lines: list[DiffLine], context: int = DEFAULT_CONTEXT) -> list[Hunk]:
    """Cut a line diff into hunks with ``context`` unchanged lines around changes."""
    if context < 0:
        raise ValueError(f"context must be >= 0, got {context}")
    hunks = []
    for start, end in group_changes(lines, context):
        before = lines[:start]
        part = lines[start:end]
        old_before = sum(1 for line in before if line.tag != TAG_ADDED)
        new_before = sum(1 for line in before if line.tag != TAG_REMOVED)
        hunks.append(
            Hunk(
                old_start=old_before + 1,
                old_len=sum(1 for line in part if line.tag != TAG_ADDED),
                new_start=new_before + 1,
                new_len=sum(1 for line in part if line.tag != TAG_REMOVED),
                lines=[(line.tag, line.text) for line in part],
            )
        )
    return hunks


def unified_diff(old: str, new: str, from_name: str = "a", to_name: str = "b", context: int = DEFAULT_CONTEXT, **options) -> str:
    """Return a unified diff of two texts ('' when they have no differences).

    ``options`` are passed to :func:`textdiff.diff.diff_lines`
    (``ignore_case``, ``ignore_whitespace``). A missing newline at the end of
    either text is not reported: lines are compared without their newlines.
    """
    hunks = make_hunks(diff_texts(old, new, **options), context)
    if not hunks:
        return ""
    out = [f"--- {from_name}", f"+++ {to_name}"]
    for hunk in hunks:
        out.extend(hunk.render())
    return "\n".join(out) + "\n"
