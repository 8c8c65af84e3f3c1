from textdiff import diff_texts, format_diff, is_identical, lcs_length, opcodes, split_lines
from textdiff.diff import changed_line_numbers


def tagged(old, new, **options):
    """The (tag, text) pairs of a line diff."""
    return [(line.tag, line.text) for line in diff_texts(old, new, **options)]


def test_opcodes_single_replacement():
    """The edit from 'abcde' to 'abxde' is: keep 'ab', replace 'c' by 'x', keep 'de'."""
    assert opcodes("abcde", "abxde") == [("equal", 0, 2, 0, 2), ("replace", 2, 3, 2, 3), ("equal", 3, 5, 3, 5)]


def test_opcodes_from_empty():
    """Turning '' into 'ab' is a single insertion of both items."""
    assert opcodes("", "ab") == [("insert", 0, 0, 0, 2)]


def test_lcs_length_classic():
    """The longest common subsequence of 'ABCBDAB' and 'BDCABA' has length 4."""
    assert lcs_length("ABCBDAB", "BDCABA") == 4


def test_split_lines_final_newline():
    """'a\\nb\\n' and 'a\\nb' both split into ['a', 'b'], and '' into []."""
    assert (split_lines("a\nb\n"), split_lines("a\nb"), split_lines("")) == (["a", "b"], ["a", "b"], [])


def test_changed_middle_line():
    """The line diff of 'a b c' to 'a x c' (one per line) is: keep a, remove b, add x, keep c."""
    assert tagged("a\nb\nc\n", "a\nx\nc\n") == [(" ", "a"), ("-", "b"), ("+", "x"), (" ", "c")]


def test_line_numbers():
    """In the diff of 'a b c' to 'a x c', the old/new line numbers are (1,1), (2,-), (-,2), (3,3)."""
    numbers = [(line.old_no, line.new_no) for line in diff_texts("a\nb\nc\n", "a\nx\nc\n")]
    assert numbers == [(1, 1), (2, None), (None, 2), (3, 3)]


def test_ignore_case():
    """'Hello' and 'hello' are identical when case is ignored, and different otherwise."""
    assert (is_identical("Hello\n", "hello\n", ignore_case=True), is_identical("Hello\n", "hello\n")) == (True, False)


def test_ignore_whitespace():
    """'a  b' and 'a b ' are identical when whitespace is ignored."""
    assert is_identical("a  b\n", "a b \n", ignore_whitespace=True) is True


def test_format_plain_diff():
    """The diff of 'a b' to 'a c' is shown as '  a', '- b', '+ c'."""
    assert format_diff(diff_texts("a\nb\n", "a\nc\n")) == "  a\n- b\n+ c"


def test_format_with_line_numbers():
    """With line numbers, the diff of 'a, (empty), b' to 'a, c' shows each line's old and new numbers in 4-wide columns."""
    expected = "   1    1   a\n   2      -\n   3      - b\n        2 + c"
    assert format_diff(diff_texts("a\n\nb\n", "a\nc\n"), with_numbers=True) == expected


def test_changed_line_numbers():
    """Diffing 'a, (empty), b' to 'a, c' removes old lines 2 and 3 and adds new line 2."""
    assert changed_line_numbers(diff_texts("a\n\nb\n", "a\nc\n")) == ([2, 3], [2])
