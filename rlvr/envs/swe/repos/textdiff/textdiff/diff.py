"""Line-by-line diff of two texts."""

from __future__ import annotations

from dataclasses import dataclass

from textdiff.lcs import opcodes

TAG_SAME, TAG_REMOVED, TAG_ADDED = " ", "-", "+"


@dataclass(frozen=True)
class DiffLine:
    """One line of a diff.

    Attributes:
        tag: ``' '`` (in both texts), ``'-'`` (only in the old text) or
            ``'+'`` (only in the new text).
        text: the line without its newline.
        old_no: 1-based line number in the old text, None for added lines.
        new_no: 1-based line number in the new text, None for removed lines.
    """

    tag: str
    text: str
    old_no: int | None
    new_no: int | None


def split_lines(text: str) -> list[str]:
    """Split text into lines without newlines; a final newline adds no empty line."""
    if not text:
        return []
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return lines


def join_lines(lines: list[str], final_newline: bool = True) -> str:
    """Inverse of :func:`split_lines`."""
    if not lines:
        return ""
    text = "\n".join(lines)
    return text + "\n" if final_newline else text


def normalise(line: str, ignore_case: bool = False, ignore_whitespace: bool = False) -> str:
    """Return the comparison key of a line under the ignore options."""
    if ignore_whitespace:
        line = " ".join(line.split())
    if ignore_case:
        line = line.lower()
    return line


def diff_lines(old: list[str], new: list[str], ignore_case: bool = False, ignore_whitespace: bool = False) -> list[DiffLine]:
    """Diff two lists of lines.

    Inside a replaced block every removed line comes before the added ones.
    Lines equal under the ignore options are shown with the old text.
    """
    keys_old = [normalise(line, ignore_case, ignore_whitespace) for line in old]
    keys_new = [normalise(line, ignore_case, ignore_whitespace) for line in new]
    result: list[DiffLine] = []
    for tag, i1, i2, j1, j2 in opcodes(keys_old, keys_new):
        if tag == "equal":
            for offset in range(i2 - i1):
                result.append(DiffLine(TAG_SAME, old[i1 + offset], i1 + offset + 1, j1 + offset + 1))
            continue
        for i in range(i1, i2):
            result.append(DiffLine(TAG_REMOVED, old[i], i + 1, None))
        for j in range(j1, j2):
            result.append(DiffLine(TAG_ADDED, new[j], None, j + 1))
    return result


def diff_texts(old: str, new: str, **options) -> list[DiffLine]:
    """Diff two texts line by line (options as for :func:`diff_lines`)."""
    return diff_lines(split_lines(old), split_lines(new), **options)


def format_diff(lines: list[DiffLine], with_numbers: bool = False) -> str:
    """Render a diff as ``'- old'``, ``'+ new'`` and ``'  same'`` lines.

    With ``with_numbers`` each line starts with its old and new line numbers
    in columns of width 4 (blank where the line does not exist).
    """
    out = []
    for line in lines:
        prefix = f"{line.tag} "
        if with_numbers:
            old = "" if line.old_no is None else str(line.old_no)
            new = "" if line.new_no is None else str(line.new_no)
            prefix = f"{old:>4} {new:>4} {prefix}"
        rendered = f"{prefix}{line.text}"
        out.append(rendered if line.text else rendered.rstrip())
    return "\n".join(out)


def is_identical(old: str, new: str, **options) -> bool:
    """Tell whether two texts have no line differences."""
    return all(line.tag == TAG_SAME for line in diff_texts(old, new, **options))


def changed_line_numbers(lines: list[DiffLine]) -> tuple[list[int], list[int]]:
    """Return the removed old line numbers and the added new line numbers."""
    removed = [line.old_no for line in lines if line.tag == TAG_REMOVED]
    added = [line.new_no for line in lines if line.tag == TAG_ADDED]
    return removed, added
