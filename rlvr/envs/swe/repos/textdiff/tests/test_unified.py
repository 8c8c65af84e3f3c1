import pytest

from textdiff import unified_diff


def numbered(count):
    """Text of lines 'line 1' to 'line <count>'."""
    return "".join(f"line {i}\n" for i in range(1, count + 1))


def headers(diff):
    """The @@ lines of a unified diff."""
    return [line for line in diff.splitlines() if line.startswith("@@")]


def test_simple_unified_diff():
    """The unified diff of 'a b' to 'a c' is one hunk '@@ -1,2 +1,2 @@' with ' a', '-b', '+c'."""
    assert unified_diff("a\nb\n", "a\nc\n") == "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"


def test_identical_texts_give_empty_diff():
    """Two identical texts give an empty unified diff."""
    assert unified_diff("same\n", "same\n") == ""


def test_file_names_in_header():
    """The names old.txt and new.txt appear in the '---' and '+++' header lines."""
    assert unified_diff("x\n", "y\n", "old.txt", "new.txt").splitlines()[:2] == ["--- old.txt", "+++ new.txt"]


def test_deletion_without_context():
    """Deleting line 2 of 'a b c' with no context gives the header '@@ -2 +1,0 @@'."""
    assert headers(unified_diff("a\nb\nc\n", "a\nc\n", context=0)) == ["@@ -2 +1,0 @@"]


def test_insertion_without_context():
    """Inserting 'b' after line 1 of 'a c' with no context gives the header '@@ -1,0 +2 @@'."""
    assert headers(unified_diff("a\nc\n", "a\nb\nc\n", context=0)) == ["@@ -1,0 +2 @@"]


def test_distant_changes_make_two_hunks():
    """In 20 lines, changing line 3 and deleting line 15 gives hunks '@@ -1,6 +1,6 @@' and '@@ -12,7 +12,6 @@'."""
    old = numbered(20)
    new = old.replace("line 3\n", "line three\n").replace("line 15\n", "")
    assert headers(unified_diff(old, new)) == ["@@ -1,6 +1,6 @@", "@@ -12,7 +12,6 @@"]


def test_close_changes_share_a_hunk():
    """In 12 lines, changes to lines 3 and 9 (5 unchanged lines apart) share one hunk '@@ -1,12 +1,12 @@'."""
    old = numbered(12)
    new = old.replace("line 3\n", "x\n").replace("line 9\n", "y\n")
    assert headers(unified_diff(old, new)) == ["@@ -1,12 +1,12 @@"]


def test_negative_context_rejected():
    """A context of -1 lines is rejected."""
    with pytest.raises(ValueError, match="context must be >= 0"):
        unified_diff("a\n", "b\n", context=-1)


def test_diff_from_empty_text():
    """The diff from an empty text to 'x y' is '@@ -0,0 +1,2 @@' adding both lines."""
    assert unified_diff("", "x\ny\n") == "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n"
