"""Read and write rules as ``FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;COUNT=5`` strings."""

from __future__ import annotations

from datetime import date

from recur.dates import format_date, parse_date
from recur.rule import Rule, RuleError
from recur.weekdays import parse_ordinal_weekday, weekday_code

KEY_ORDER = ("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL")


def _parse_int(key: str, value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise RuleError(f"{key} must be an integer, got {value!r}") from None


def split_fields(text: str) -> dict[str, str]:
    """Split ``'A=1;B=2'`` into ``{'A': '1', 'B': '2'}`` (keys upper-cased)."""
    fields: dict[str, str] = {}
    for part in text.strip().strip(";").split(";"):
        key, sep, value = part.partition("=")
        key = key.strip().upper()
        if not sep or not key:
            raise RuleError(f"rule part {part!r} is not KEY=VALUE")
        if key in fields:
            raise RuleError(f"rule key {key} appears twice")
        if key not in KEY_ORDER:
            raise RuleError(f"unknown rule key {key}; known keys: {', '.join(KEY_ORDER)}")
        fields[key] = value.strip()
    return fields


def parse_byday(value: str) -> tuple[tuple[int, ...], int | None]:
    """Parse ``'MO,FR'`` or ``'-1FR'``: return the weekdays and the shared ordinal."""
    weekdays = []
    ordinals = set()
    for item in value.split(","):
        weekday, n = parse_ordinal_weekday(item)
        weekdays.append(weekday)
        ordinals.add(n)
    if len(ordinals) > 1:
        raise RuleError(f"BYDAY={value}: all weekdays must share one ordinal (or none)")
    return tuple(weekdays), ordinals.pop()


def parse_rule(text: str, start: date) -> Rule:
    """Build a :class:`Rule` starting on ``start`` from its text form."""
    fields = split_fields(text)
    if "FREQ" not in fields:
        raise RuleError(f"rule {text!r} has no FREQ")
    options: dict = {}
    if "INTERVAL" in fields:
        options["interval"] = _parse_int("INTERVAL", fields["INTERVAL"])
    if "BYDAY" in fields:
        try:
            options["byweekday"], options["nth"] = parse_byday(fields["BYDAY"])
        except ValueError as exc:
            raise RuleError(str(exc)) from None
    if "BYMONTHDAY" in fields:
        options["bymonthday"] = tuple(_parse_int("BYMONTHDAY", v) for v in fields["BYMONTHDAY"].split(","))
    if "COUNT" in fields:
        options["count"] = _parse_int("COUNT", fields["COUNT"])
    if "UNTIL" in fields:
        try:
            options["until"] = parse_date(fields["UNTIL"])
        except ValueError as exc:
            raise RuleError(f"UNTIL: {exc}") from None
    return Rule(fields["FREQ"], start, **options)


def format_rule(rule: Rule) -> str:
    """Write a rule in text form; ``INTERVAL=1`` and empty fields are left out."""
    parts = [f"FREQ={rule.freq.upper()}"]
    if rule.interval != 1:
        parts.append(f"INTERVAL={rule.interval}")
    if rule.byweekday:
        parts.append("BYDAY=" + ",".join(weekday_code(day, rule.nth) for day in rule.byweekday))
    if rule.bymonthday:
        parts.append("BYMONTHDAY=" + ",".join(str(day) for day in rule.bymonthday))
    if rule.count is not None:
        parts.append(f"COUNT={rule.count}")
    if rule.until is not None:
        parts.append(f"UNTIL={format_date(rule.until, compact=True)}")
    return ";".join(parts)
