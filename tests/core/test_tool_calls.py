from __future__ import annotations

import pytest

from rlvr.core.tool_calls import ToolCall, parse_tool_calls, validate_call

TOOLS = [{"type": "function", "function": {"name": "bash", "parameters": {
    "type": "object", "properties": {"command": {"type": "string"}, "timeout": {"type": "integer"}},
    "required": ["command"], "additionalProperties": False}}},
    {"name": "submit", "parameters": {"type": "object", "properties": {}}}]


def test_parses_calls_with_reasoning_around_them():
    text = ('I will run the tests.\n<tool_call>\n{"name": "bash", "arguments": {"command": "pytest -q"}}\n'
            '</tool_call>\nthen <tool_call>{"name": "submit", "arguments": "{}"}</tool_call>')
    parsed = parse_tool_calls(text)
    assert parsed.ok
    assert parsed.calls == [ToolCall("bash", {"command": "pytest -q"}), ToolCall("submit", {})]


def test_no_calls_is_not_an_error():
    parsed = parse_tool_calls("just thinking")
    assert parsed.calls == [] and parsed.ok


@pytest.mark.parametrize("text, fragment", [
    ("<tool_call>{not json}</tool_call>", "not valid JSON"),
    ("<tool_call>[1, 2]</tool_call>", "JSON object"),
    ('<tool_call>{"arguments": {}}</tool_call>', '"name"'),
    ('<tool_call>{"name": "bash", "arguments": [1]}</tool_call>', "must be a JSON object"),
    ('<tool_call>{"name": "bash", "arguments": "{oops"}</tool_call>', "not a JSON object"),
    ('<tool_call>{"name": "bash"', "never closed"),
    ('{"name": "bash"}</tool_call>', "no matching"),
    ("<tool_call>" + "[" * 100000 + "</tool_call>", "not valid JSON"),
])
def test_malformed_calls_are_reported_not_raised(text, fragment):
    parsed = parse_tool_calls(text)
    assert not parsed.ok and fragment in parsed.errors[0].message


@pytest.mark.parametrize("call, fragment", [
    (ToolCall("rm", {}), "unknown tool"),
    (ToolCall("bash", {}), "missing required"),
    (ToolCall("bash", {"command": 3}), "type string"),
    (ToolCall("bash", {"command": "ls", "timeout": True}), "type integer"),
    (ToolCall("bash", {"command": "ls", "x": 1}), "unknown argument"),
])
def test_validation_against_schemas(call, fragment):
    assert fragment in validate_call(call, TOOLS)


def test_valid_call_passes_validation():
    assert validate_call(ToolCall("bash", {"command": "ls", "timeout": 5}), TOOLS) is None
