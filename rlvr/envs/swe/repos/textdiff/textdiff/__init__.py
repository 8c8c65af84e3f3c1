"""textdiff: line and word diffs, unified diff output and patch application.

    >>> print(unified_diff("a\\nb\\n", "a\\nc\\n"), end="")
    --- a
    +++ b
    @@ -1,2 +1,2 @@
     a
    -b
    +c
"""

from textdiff.diff import DiffLine, diff_lines, diff_texts, format_diff, is_identical, split_lines
from textdiff.lcs import lcs_length, opcodes
from textdiff.patch import FilePatch, PatchError, apply_patch, can_apply, make_patch, parse_patch, reverse_patch
from textdiff.stats import DiffStat, similarity, stat_from_lines, stat_from_patch, stat_line, summary
from textdiff.unified import Hunk, make_hunks, unified_diff
from textdiff.words import changed_words, render_word_diff, word_diff

__all__ = [
    "DiffLine",
    "DiffStat",
    "FilePatch",
    "Hunk",
    "PatchError",
    "apply_patch",
    "can_apply",
    "changed_words",
    "diff_lines",
    "diff_texts",
    "format_diff",
    "is_identical",
    "lcs_length",
    "make_hunks",
    "make_patch",
    "opcodes",
    "parse_patch",
    "render_word_diff",
    "reverse_patch",
    "similarity",
    "split_lines",
    "stat_from_lines",
    "stat_from_patch",
    "stat_line",
    "summary",
    "unified_diff",
    "word_diff",
]
