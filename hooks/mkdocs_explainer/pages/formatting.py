"""Values and dates as readers read them: "about 8,000 people", "31 October 2024"."""

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


def format_published(source: Record) -> str:
    """A source's date as readers see it; one we inferred says so, never passing for the page's own."""
    if not source.get("published"):
        return "undated"
    shown = format_date(source["published"])
    return f"{shown} (date inferred)" if source.get("published_inferred") else shown


def source_title(source: Record) -> str:
    """A headline in quotation marks, as published; a title we supplied ([in brackets]) without them."""
    title: str = source["title"]
    return title if title.startswith("[") else f"“{title}”"


def format_moment(record: Record) -> str:
    """A record's date, with its time of day where one is given: "31 October 2024, 07:10 UTC"; a date no
    source states is marked: "17 December 2024 (date inferred)"."""
    text = format_date(record["date"])
    if record.get("time"):
        text += f", {record['time']} {record['timezone']}"
    if record.get("date_inferred"):
        text += " (date inferred)"
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


def quoted_title(item: Record) -> str:
    """An item's title as a reader should meet it: a quote's words in quotation marks (they are someone's),
    with its translation and who translated, a fact's label or an event's title without (they are the site's own)."""
    return f"“{item['text']}”{translated(item)}" if item["kind"] == "quote" else item_title(item)


def translated(words: Record) -> str:
    """After a quotation or excerpt: its translation and who made it, or who translated the words themselves."""
    if words.get("translation"):
        return f" (translation by {words.get('translation_by')}: “{words['translation']}”)"
    return f" (translated by {words['translation_by']})" if words.get("translation_by") else ""


def item_title(item: Record) -> str:
    """What an item is about, in its own words: a fact's label, an event's title, a quote's text."""
    title: str = {"fact": lambda: item["label"], "event": lambda: item["title"], "quote": lambda: item["text"]}[item["kind"]]()
    return title
