import pytest

from textdiff import (
    DiffStat,
    PatchError,
    apply_patch,
    diff_texts,
    make_patch,
    opcodes,
    parse_patch,
    render_word_diff,
    reverse_patch,
    stat_from_lines,
    stat_from_patch,
    stat_line,
    unified_diff,
    word_diff,
)
from textdiff.diff import normalise
from textdiff.stats import bar


def numbered(count):
    """Text of lines 'line 1' to 'line <count>'."""
    return "".join(f"line {i}\n" for i in range(1, count + 1))


def test_opcodes_mixed_edits():
    """The edit from 'xaby' to 'aqb' is: delete x, keep a, insert q, keep b, delete y."""
    expected = [("delete", 0, 1, 0, 0), ("equal", 1, 2, 0, 1), ("insert", 2, 2, 1, 2), ("equal", 2, 3, 2, 3), ("delete", 3, 4, 3, 3)]
    assert opcodes("xaby", "aqb") == expected


def test_whitespace_equal_line_keeps_old_text():
    """With whitespace ignored, 'a  b' and 'a b' are equal and the diff shows the old text 'a  b'."""
    assert diff_texts("a  b\n", "a b\n", ignore_whitespace=True)[0].text == "a  b"


def test_unified_diff_ignoring_case_is_empty():
    """The unified diff of 'A' and 'a' ignoring case is empty."""
    assert unified_diff("A\n", "a\n", ignore_case=True) == ""


def test_hunk_at_end_of_file():
    """Changing the last of 10 lines gives the hunk header '@@ -7,4 +7,4 @@'."""
    old = numbered(10)
    assert unified_diff(old, old.replace("line 10\n", "end\n")).splitlines()[2] == "@@ -7,4 +7,4 @@"


def test_context_one_merges_gap_of_two():
    """With 1 line of context, changes to lines 2 and 5 of 8 (2 unchanged lines between) share one hunk '@@ -1,6 +1,6 @@'."""
    diff = unified_diff("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nB\nc\nd\nE\nf\ng\nh\n", context=1)
    assert [line for line in diff.splitlines() if line.startswith("@@")] == ["@@ -1,6 +1,6 @@"]


def test_context_one_splits_gap_of_three():
    """With 1 line of context, changes to lines 2 and 6 of 8 (3 unchanged lines between) give two hunks."""
    diff = unified_diff("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nB\nc\nd\ne\nF\ng\nh\n", context=1)
    assert [line for line in diff.splitlines() if line.startswith("@@")] == ["@@ -1,3 +1,3 @@", "@@ -5,3 +5,3 @@"]


def test_patch_creating_file_content():
    """The patch '@@ -0,0 +1,2 @@' adding x and y turns an empty text into 'x y'."""
    patch = parse_patch("@@ -0,0 +1,2 @@\n+x\n+y\n")[0]
    assert (patch.hunks[0].old_start, patch.hunks[0].old_len, apply_patch("", patch)) == (1, 0, "x\ny\n")


def test_hunk_ending_early():
    """A hunk announcing 3 lines but holding 1 is rejected as ending early."""
    with pytest.raises(PatchError, match="ends early"):
        parse_patch("@@ -1,3 +1,3 @@\n a\n")


def test_unexpected_line_in_hunk():
    """A hunk line starting with '?' is rejected as unexpected."""
    with pytest.raises(PatchError, match="unexpected"):
        parse_patch("@@ -1,2 +1,2 @@\n a\n?b\n")


def test_no_newline_marker_is_skipped():
    """A '\\ No newline at end of file' line inside a hunk is skipped: the patch still turns 'a' into 'b'."""
    assert apply_patch("a", "@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n") == "b"


def test_empty_hunk_line_is_blank_context():
    """An empty line inside a hunk stands for a blank context line: 'a, (blank), c' becomes 'a, (blank), d'."""
    assert apply_patch("a\n\nc\n", "@@ -1,3 +1,3 @@\n a\n\n-c\n+d\n") == "a\n\nd\n"


def test_two_file_patch_text_refused():
    """Applying patch text that covers two files to one text is refused."""
    text = "--- f1\n+++ f1\n@@ -1 +1 @@\n-a\n+b\n--- f2\n+++ f2\n@@ -1 +1 @@\n-c\n+d\n"
    with pytest.raises(PatchError, match="2 files"):
        apply_patch("a\n", text)


def test_patch_text_without_hunks():
    """Patch text with no hunks is refused, while an empty patch text leaves 'a' unchanged."""
    with pytest.raises(PatchError, match="no hunks"):
        apply_patch("a\n", "hello\n")
    assert apply_patch("a\n", "") == "a\n"


def test_later_hunk_follows_earlier_growth():
    """A patch that adds 2 lines at the top and changes line 15 of 20 applies cleanly with no offset allowed."""
    old = numbered(20)
    new = "new 1\nnew 2\n" + old.replace("line 15\n", "fifteen\n")
    assert apply_patch(old, make_patch(old, new), max_offset=0) == new


def test_hunk_found_before_expected_line():
    """A patch made for 'x a b c' (changing b to B) applies to 'a b c', one line earlier, giving 'a B c'."""
    patch = make_patch("x\na\nb\nc\n", "x\na\nB\nc\n", context=1)
    assert apply_patch("a\nb\nc\n", patch) == "a\nB\nc\n"


def test_reversed_block_keeps_removals_first():
    """Reversing a hunk that removes x and y and adds z gives: remove z, add x, add y."""
    patch = parse_patch("@@ -1,2 +1 @@\n-x\n-y\n+z\n")[0]
    assert reverse_patch(patch).hunks[0].lines == [("-", "z"), ("+", "x"), ("+", "y")]


def test_word_diff_ignoring_case():
    """Ignoring case, 'Hello World' and 'hello world' are one equal run 'hello world'."""
    assert word_diff("Hello World", "hello world", ignore_case=True) == [("=", "hello world")]


def test_word_diff_custom_markers():
    """With <del>/<ins> markers, 'a b' to 'a c' renders as 'a <del>b</del><ins>c</ins>'."""
    assert render_word_diff("a b", "a c", markers=("<del>", "</del>", "<ins>", "</ins>")) == "a <del>b</del><ins>c</ins>"


def test_stats_of_patch_and_lines():
    """A 20-line change of line 3 and deletion of line 15 counts 1 insertion, 2 deletions and 2 hunks."""
    old = numbered(20)
    new = old.replace("line 3\n", "three\n").replace("line 15\n", "")
    assert (stat_from_patch(make_patch(old, new)), stat_from_lines(diff_texts(old, new))) == (DiffStat(1, 2, 2), DiffStat(1, 2, 0))


def test_stat_line_scaled_bar():
    """30 insertions and 10 deletions in x.py show as ' x.py   | 40 ' and a 20-wide bar of 15 '+' and 5 '-'."""
    assert stat_line("x.py", DiffStat(30, 10, 2), 6) == " x.py   | 40 " + "+" * 15 + "-" * 5


def test_bar_keeps_one_minus_for_a_single_deletion():
    """In a 10-wide bar, 100 insertions and 1 deletion show nine '+' and one '-'."""
    assert bar(DiffStat(100, 1), 10) == "+" * 9 + "-"


def test_bar_keeps_one_plus_for_a_single_insertion():
    """In a 10-wide bar, 1 insertion and 100 deletions show one '+' and nine '-'."""
    assert bar(DiffStat(1, 100), 10) == "+" + "-" * 9


def test_hunk_with_more_lines_than_announced():
    """A hunk announcing 1 old and 1 new line that holds '-a' and ' b' is rejected: it has 2 old and 1 new lines."""
    with pytest.raises(PatchError, match="has 2 old and 1 new lines"):
        parse_patch("@@ -1 +1 @@\n-a\n b\n")


def test_word_diff_ignoring_case_still_finds_changes():
    """Ignoring case, 'Hello World' to 'hello there' keeps 'hello ', removes 'World' and adds 'there'."""
    assert word_diff("Hello World", "hello there", ignore_case=True) == [("=", "hello "), ("-", "World"), ("+", "there")]


def test_line_key_without_options_is_the_line():
    """Without ignore options, the comparison key of the line 'A  B' is 'A  B' itself."""
    assert normalise("A  B") == "A  B"
