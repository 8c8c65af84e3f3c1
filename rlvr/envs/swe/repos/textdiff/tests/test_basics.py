import pytest

from textdiff import (
    DiffStat,
    PatchError,
    diff_texts,
    lcs_length,
    opcodes,
    parse_patch,
    similarity,
    stat_line,
    summary,
)
from textdiff.words import split_words


def test_opcodes_delete_at_end():
    """The edit from 'abc' to 'a' is: keep 'a', delete 'bc'."""
    assert opcodes("abc", "a") == [("equal", 0, 1, 0, 1), ("delete", 1, 3, 1, 1)]


def test_lcs_with_empty_and_identical():
    """The common subsequence of '' and 'abc' has length 0; of 'abc' and 'abc' length 3."""
    assert (lcs_length("", "abc"), lcs_length("abc", "abc")) == (0, 3)


def test_block_replacement_removes_first():
    """Replacing lines 'a b' by 'c d' lists both removals before both additions."""
    assert [line.tag for line in diff_texts("a\nb\n", "c\nd\n")] == ["-", "-", "+", "+"]


def test_bad_hunk_header():
    """The hunk header '@@ -a +b @@' is rejected as a bad hunk header."""
    with pytest.raises(PatchError, match="bad hunk header"):
        parse_patch("@@ -a +b @@\n x\n")


def test_split_words():
    """'a, b' splits into 'a', ',', ' ' and 'b'."""
    assert split_words("a, b") == ["a", ",", " ", "b"]


def test_summary_singular():
    """One file with one insertion is summarised as '1 file changed, 1 insertion(+)'."""
    assert summary([DiffStat(1, 0, 1)]) == "1 file changed, 1 insertion(+)"


def test_stat_line_short_bar():
    """2 insertions and 1 deletion in a show as ' a | 3 ++-'."""
    assert stat_line("a", DiffStat(2, 1)) == " a | 3 ++-"


def test_similarity_extremes():
    """Two empty texts have similarity 1.0; 'a' and 'b' have similarity 0.0."""
    assert (similarity("", ""), similarity("a\n", "b\n")) == (1.0, 0.0)


def test_common_ending_is_matched_last():
    """The edit from 'xa' to 'aya' replaces 'x' by 'ay' and keeps the shared final 'a'."""
    assert opcodes("xa", "aya") == [("replace", 0, 1, 0, 2), ("equal", 1, 2, 2, 3)]
