"""Values and dates as readers read them: "about 8,000 troops", "31 October 2024"."""

from __future__ import annotations

import datetime as dt
from typing import Any

Record = dict[str, Any]


def format_number(number: float | int) -> str:
    """8000 → "8,000"; 7687.5 → "7,687.5"; 59.0 → "59"."""
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    return f"{number:,}"


def format_date(iso: str) -> str:
    """ "2024-10-31" → "31 October 2024" (day first, month in words, always the year)."""
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def format_moment(record: Record) -> str:
    """A record's date, with its time of day where one is given: "31 October 2024, 07:10 KST"."""
    text = format_date(record["date"])
    if record.get("time"):
        text += f", {record['time']} {record['timezone']}"
    return text


def format_value(fact: Record) -> str:
    """The fact's value with its qualifier, prefix and unit: "more than $59 billion"."""
    kind, value = fact["value_kind"], fact["value"]
    if kind == "text":
        return str(value)
    if kind == "date":
        return format_date(value)
    prefix = fact.get("prefix") or ""
    if kind == "range":
        number = f"{prefix}{format_number(value['min'])}–{prefix}{format_number(value['max'])}"
    else:
        number = f"{prefix}{format_number(value)}"
    parts = [fact.get("qualifier"), number, fact.get("unit")]
    return " ".join(part for part in parts if part)


def item_title(item: Record) -> str:
    """What an item is about, in its own words: a fact's label, an event's title, a quote's text."""
    return {"fact": lambda: item["label"], "event": lambda: item["title"], "quote": lambda: item["text"]}[item["kind"]]()
