"""Summaries of diffs: counts, ``git --stat``-style lines and similarity."""

from __future__ import annotations

from dataclasses import dataclass

from textdiff.diff import TAG_ADDED, TAG_REMOVED, DiffLine, split_lines
from textdiff.lcs import lcs_length
from textdiff.patch import FilePatch

DEFAULT_BAR_WIDTH = 20


@dataclass(frozen=True)
class DiffStat:
    """Numbers of added and removed lines, and of hunks."""

    insertions: int = 0
    deletions: int = 0
    hunks: int = 0

    @property
    def changes(self) -> int:
        """Added plus removed lines."""
        return self.insertions + self.deletions

    def __add__(self, other: "DiffStat") -> "DiffStat":
        return DiffStat(self.insertions + other.insertions, self.deletions + other.deletions, self.hunks + other.hunks)


def plural(count: int, word: str) -> str:
    """Return ``'1 file'`` or ``'3 files'``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def stat_from_lines(lines: list[DiffLine], hunks: int = 0) -> DiffStat:
    """Count the added and removed lines of a line diff."""
    insertions = sum(1 for line in lines if line.tag == TAG_ADDED)
    deletions = sum(1 for line in lines if line.tag == TAG_REMOVED)
    return DiffStat(insertions, deletions, hunks)


def stat_from_patch(patch: FilePatch) -> DiffStat:
    """Count the added and removed lines and the hunks of a parsed patch."""
    insertions = deletions = 0
    for hunk in patch.hunks:
        for tag, _ in hunk.lines:
            if tag == TAG_ADDED:
                insertions += 1
            elif tag == TAG_REMOVED:
                deletions += 1
    return DiffStat(insertions, deletions, len(patch.hunks))


def summary(stats: list[DiffStat]) -> str:
    """Return ``'2 files changed, 3 insertions(+), 1 deletion(-)'``; zero counts are left out."""
    total = sum(stats, DiffStat())
    parts = [plural(len(stats), "file") + " changed"]
    if total.insertions:
        parts.append(plural(total.insertions, "insertion") + "(+)")
    if total.deletions:
        parts.append(plural(total.deletions, "deletion") + "(-)")
    return ", ".join(parts)


def bar(stat: DiffStat, width: int = DEFAULT_BAR_WIDTH) -> str:
    """Return a ``+++--`` bar, scaled down to ``width`` characters when longer."""
    if stat.changes <= width:
        return "+" * stat.insertions + "-" * stat.deletions
    plus = round(stat.insertions * width / stat.changes)
    if stat.insertions and plus == 0:
        plus = 1
    minus = width - plus
    if stat.deletions and minus == 0:
        plus, minus = plus - 1, 1
    return "+" * plus + "-" * minus


def stat_line(name: str, stat: DiffStat, name_width: int = 0, width: int = DEFAULT_BAR_WIDTH) -> str:
    """Return ``' name | 4 ++--'`` with the name padded to ``name_width``."""
    return f" {name:<{name_width}} | {stat.changes} {bar(stat, width)}".rstrip()


def similarity(old: str, new: str) -> float:
    """Return ``2 * common lines / total lines`` (1.0 for two empty texts)."""
    old_lines, new_lines = split_lines(old), split_lines(new)
    total = len(old_lines) + len(new_lines)
    if total == 0:
        return 1.0
    return 2 * lcs_length(old_lines, new_lines) / total
