"""Render configs back to text, and compare two configs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from confparse.parser import DEFAULT_SECTION
from confparse.values import format_value, quote

if TYPE_CHECKING:
    from confparse.config import Config

DEFAULT_SEPARATOR = " = "


def format_entry(key: str, raw: str, separator: str = DEFAULT_SEPARATOR) -> list[str]:
    """Render one key; a multi-line raw value continues on indented lines."""
    lines = raw.split("\n")
    first = f"{key}{separator}{lines[0]}".rstrip()
    return [first] + [f"    {line}" for line in lines[1:]]


def format_section(name: str, values: dict[str, str], separator: str = DEFAULT_SEPARATOR) -> list[str]:
    """Render a ``[name]`` header followed by its entries in order."""
    lines = [f"[{name}]"]
    for key, raw in values.items():
        lines.extend(format_entry(key, raw, separator))
    return lines


def dumps(
    config: "Config",
    include_defaults: bool = True,
    separator: str = DEFAULT_SEPARATOR,
    blank_lines: bool = True,
    sort_keys: bool = False,
) -> str:
    """Render a config as text that :meth:`Config.from_text` reads back.

    Args:
        config: the config to render; raw (uninterpolated) values are written.
        include_defaults: write the ``DEFAULT`` section when it has keys.
        separator: text between a key and its value.
        blank_lines: put an empty line between sections.
        sort_keys: write keys in alphabetical order instead of insertion order.
    """
    blocks = []
    for name, values in config.raw_sections().items():
        if name == DEFAULT_SECTION and (not include_defaults or not values):
            continue
        if sort_keys:
            values = dict(sorted(values.items()))
        blocks.append(format_section(name, values, separator))
    lines: list[str] = []
    for index, block in enumerate(blocks):
        if index > 0 and blank_lines:
            lines.append("")
        lines.extend(block)
    return "\n".join(lines) + "\n" if lines else ""


def dumps_dict(data: dict[str, dict], separator: str = DEFAULT_SEPARATOR) -> str:
    """Render typed Python values directly, one section per top-level key."""
    blocks = []
    for name, values in data.items():
        raw = {key.lower(): format_value(value) for key, value in values.items()}
        blocks.append("\n".join(format_section(name, raw, separator)))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def describe_value(raw: str) -> str:
    """Show a raw value in a change report (quoted when empty or padded)."""
    return quote(raw) if raw == "" or raw != raw.strip() else raw


def diff_configs(old: "Config", new: "Config") -> list[str]:
    """List the changes from ``old`` to ``new``, one line each.

    Lines look like ``+ [s] key = v`` (added), ``- [s] key = v`` (removed)
    and ``~ [s] key: a -> b`` (changed), sorted by section then key.
    """
    before = old.raw_sections()
    after = new.raw_sections()
    changes = []
    for section in sorted(set(before) | set(after)):
        old_values = before.get(section, {})
        new_values = after.get(section, {})
        for key in sorted(set(old_values) | set(new_values)):
            if key not in new_values:
                changes.append(f"- [{section}] {key} = {describe_value(old_values[key])}")
            elif key not in old_values:
                changes.append(f"+ [{section}] {key} = {describe_value(new_values[key])}")
            elif old_values[key] != new_values[key]:
                a, b = describe_value(old_values[key]), describe_value(new_values[key])
                changes.append(f"~ [{section}] {key}: {a} -> {b}")
    return changes
