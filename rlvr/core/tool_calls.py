"""Parse ``<tool_call>{"name": ..., "arguments": {...}}</tool_call>`` blocks.

This is the format Qwen/Hermes chat templates emit. Text outside the tags is
allowed (reasoning). Parsing never raises: malformed calls come back as
:class:`ToolCallError` entries whose message tells the policy what was wrong.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Sequence

OPEN, CLOSE = "<tool_call>", "</tool_call>"
_BLOCK = re.compile(re.escape(OPEN) + r"(.*?)" + re.escape(CLOSE), re.DOTALL)

_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,), "integer": (int,), "number": (int, float),
    "boolean": (bool,), "object": (dict,), "array": (list,),
}


@dataclass(frozen=True)
class ToolCall:
    name: str
    arguments: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ToolCallError:
    message: str


@dataclass(frozen=True)
class ParsedToolCalls:
    calls: list[ToolCall]
    errors: list[ToolCallError]

    @property
    def ok(self) -> bool:
        return not self.errors


def parse_tool_calls(text: str) -> ParsedToolCalls:
    """Every tool call in ``text``, in order, and what was malformed."""
    calls: list[ToolCall] = []
    errors: list[ToolCallError] = []
    for match in _BLOCK.finditer(text):
        result = _parse_one(match.group(1))
        (calls if isinstance(result, ToolCall) else errors).append(result)
    tail = _BLOCK.sub("", text)
    if OPEN in tail:
        errors.append(ToolCallError(f"a {OPEN} tag is never closed with {CLOSE}"))
    elif CLOSE in tail:
        errors.append(ToolCallError(f"a {CLOSE} tag has no matching {OPEN}"))
    return ParsedToolCalls(calls, errors)


def _parse_one(body: str) -> ToolCall | ToolCallError:
    try:
        obj = json.loads(body)
    except (ValueError, RecursionError) as exc:
        return ToolCallError(f"the tool call is not valid JSON ({_short(exc)}); "
                             'expected {"name": ..., "arguments": {...}}')
    if not isinstance(obj, dict):
        return ToolCallError('the tool call must be a JSON object {"name": ..., "arguments": {...}}')
    name = obj.get("name")
    if not isinstance(name, str) or not name:
        return ToolCallError('the tool call has no "name" string')
    args = obj.get("arguments", {})
    if isinstance(args, str):  # some models emit arguments as a JSON string
        try:
            args = json.loads(args) if args.strip() else {}
        except (ValueError, RecursionError):
            return ToolCallError(f'"arguments" of {name} is a string that is not a JSON object')
    if not isinstance(args, dict):
        return ToolCallError(f'"arguments" of {name} must be a JSON object')
    return ToolCall(name, args)


def validate_call(call: ToolCall, tools: Sequence[dict]) -> str | None:
    """Check a call against the tools' JSON schemas; ``None`` if valid, else why not.

    ``tools`` are OpenAI-style ``{"type": "function", "function": {"name",
    "parameters"}}`` dicts or bare ``{"name", "parameters"}`` dicts.
    """
    by_name = {t.get("function", t)["name"]: t.get("function", t) for t in tools}
    spec = by_name.get(call.name)
    if spec is None:
        return f"unknown tool {call.name!r}; available: {', '.join(sorted(by_name))}"
    params = spec.get("parameters", {})
    props: dict[str, dict] = params.get("properties", {})
    missing = [p for p in params.get("required", []) if p not in call.arguments]
    if missing:
        return f"{call.name} is missing required argument(s): {', '.join(missing)}"
    unknown = [a for a in call.arguments if a not in props]
    if unknown and params.get("additionalProperties", True) is False:
        return f"{call.name} got unknown argument(s): {', '.join(unknown)}"
    for arg, value in call.arguments.items():
        kind = props.get(arg, {}).get("type")
        allowed = _JSON_TYPES.get(kind) if isinstance(kind, str) else None
        if allowed and (not isinstance(value, allowed) or (kind in ("integer", "number") and isinstance(value, bool))):
            return f"{call.name}: argument {arg!r} must be of type {kind}"
        enum = props.get(arg, {}).get("enum")
        if enum is not None and value not in enum:
            return f"{call.name}: argument {arg!r} must be one of {enum}"
    return None


def _short(exc: BaseException) -> str:
    return (str(exc) or type(exc).__name__)[:120]
