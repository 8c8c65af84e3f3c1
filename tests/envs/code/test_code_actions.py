"""Action parsing: the last fenced code block, else the whole text."""

from __future__ import annotations

from rlvr.envs.code.actions import code_blocks, extract_code


def test_last_python_block_wins():
    text = "first\n```python\nprint(1)\n```\nbetter:\n```python\nprint(2)\n```\n"
    assert extract_code(text) == "print(2)\n"


def test_untagged_and_other_fences():
    assert extract_code("```\nx = 1\n```") == "x = 1\n"
    assert extract_code("~~~py\nx = 2\n~~~") == "x = 2\n"
    assert extract_code("````python\n```\ninner\n```\n````") == "```\ninner\n```\n"


def test_a_trailing_example_block_in_another_language_is_skipped():
    text = "```python\nprint(input())\n```\nExample:\n```text\n5\n```"
    assert extract_code(text) == "print(input())\n"
    assert extract_code("```text\n5\n```") == "5\n"  # nothing better: the last block


def test_unclosed_block_runs_to_the_end():
    assert extract_code("Here:\n```python\nprint(3)\nprint(4)") == "print(3)\nprint(4)"


def test_no_fence_means_whole_text():
    assert extract_code("print(5)") == "print(5)"
    assert extract_code("") == ""
    assert code_blocks("inline ```code``` is not a block") == []


def test_cpp_tags():
    text = "```cpp\nint main(){}\n```\n```python\nprint(1)\n```"
    assert extract_code(text, ("cpp", "c++")) == "int main(){}\n"
