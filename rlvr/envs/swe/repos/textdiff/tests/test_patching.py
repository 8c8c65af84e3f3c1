import pytest

from textdiff import (
    PatchError,
    apply_patch,
    can_apply,
    make_patch,
    parse_patch,
    reverse_patch,
    unified_diff,
)


PATCH = "--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"


def test_apply_simple_patch():
    """Applying a patch that changes 'b' to 'B' turns 'a b c' into 'a B c'."""
    assert apply_patch("a\nb\nc\n", PATCH) == "a\nB\nc\n"


def test_apply_with_offset():
    """The same patch still applies when two extra lines come first: 'x y a b c' becomes 'x y a B c'."""
    assert apply_patch("x\ny\na\nb\nc\n", PATCH) == "x\ny\na\nB\nc\n"


def test_context_mismatch_fails():
    """The patch changing 'b' to 'B' does not apply to 'a q c' and the error names hunk 1."""
    with pytest.raises(PatchError, match="hunk 1"):
        apply_patch("a\nq\nc\n", PATCH)


def test_offset_beyond_limit_fails():
    """With a maximum offset of 1 line, a hunk displaced by 2 lines does not apply."""
    with pytest.raises(PatchError, match="does not match"):
        apply_patch("x\ny\na\nb\nc\n", PATCH, max_offset=1)


def test_parse_names_and_ranges():
    """Parsing '@@ -3,2 +3 @@' under old.txt/new.txt gives old lines 3-4 and one new line at 3."""
    patch = parse_patch("--- old.txt\n+++ new.txt\n@@ -3,2 +3 @@\n x\n-y\n")[0]
    hunk = patch.hunks[0]
    assert (patch.old_name, patch.new_name, hunk.old_start, hunk.old_len, hunk.new_start, hunk.new_len) == ("old.txt", "new.txt", 3, 2, 3, 1)


def test_parse_two_files():
    """A patch text with two '---'/'+++' headers holds two file patches named f1 and f2."""
    text = "--- f1\n+++ f1\n@@ -1 +1 @@\n-a\n+b\n--- f2\n+++ f2\n@@ -1 +1 @@\n-c\n+d\n"
    assert [p.old_name for p in parse_patch(text)] == ["f1", "f2"]


def test_reverse_patch_restores_old_text():
    """Reversing the 'b' to 'B' patch turns 'a B c' back into 'a b c'."""
    assert apply_patch("a\nB\nc\n", reverse_patch(parse_patch(PATCH)[0])) == "a\nb\nc\n"


def test_can_apply():
    """The 'b' to 'B' patch can be applied to 'a b c' but not to 'a B c'."""
    patch = parse_patch(PATCH)[0]
    assert (can_apply("a\nb\nc\n", patch), can_apply("a\nB\nc\n", patch)) == (True, False)


def test_missing_final_newline_is_kept():
    """Patching 'a b' (no final newline) changing b to c gives 'a c' still without a final newline."""
    assert apply_patch("a\nb", "@@ -1,2 +1,2 @@\n a\n-b\n+c\n") == "a\nc"


def test_made_patch_renders_as_unified_diff():
    """A patch built from 'a b c' to 'a c' renders exactly like their unified diff."""
    assert make_patch("a\nb\nc\n", "a\nc\n").render() == unified_diff("a\nb\nc\n", "a\nc\n")
