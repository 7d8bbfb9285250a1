"""The macros variant's module (copied as `main.py`): what a mkdocs-macros user writes instead of our hooks.

The plugin loads the YAML files listed under `include_yaml` into variables; these macros format a
fact the way our templates do, so all variants show the same text. The benchmark's plain variant
types in the output of the same functions.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def format_number(number: float) -> str:
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    return f"{number:,}"


def format_date(day: dt.date | str) -> str:
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return f"{day.day} {day:%B %Y}"


def format_value(fact: dict[str, Any]) -> str:
    value = fact["value"]
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, str):
        return value
    prefix = fact.get("prefix") or ""
    if isinstance(value, dict):
        number = f"{prefix}{format_number(value['min'])}–{prefix}{format_number(value['max'])}"
    else:
        number = f"{prefix}{format_number(value)}"
    return " ".join(part for part in (fact.get("qualifier"), number, fact.get("unit")) if part)


def fact_markdown(fact: dict[str, Any], claimants: dict[str, Any], sources: dict[str, Any]) -> str:
    """A value with its claimant, date, status and sources, as Markdown."""
    ids = [s if isinstance(s, str) else s["source"] for s in fact["sources"]]  # a bare id, or a citation
    links = ", ".join(f"[{sources[s]['publisher']}]({sources[s]['url']})" for s in ids)
    claimant = claimants[fact["claimant"]]["name"]
    return (f"**{format_value(fact)}** (according to {claimant}, {format_date(fact['date'])}; "
            f"{fact['status']}; source: {links})")


def define_env(env: Any) -> None:
    facts: dict[str, Any] = {}
    claimants: dict[str, Any] = {}
    sources: dict[str, Any] = {}
    for name, content in list(env.variables.items()):
        if not name.startswith("data_") or not content:
            continue
        for record in content.get("facts") or []:
            facts[record["id"]] = record
        for record in content.get("claimants") or []:
            claimants[record["id"]] = record
        for record in content.get("sources") or []:
            sources[record["id"]] = record

    @env.macro
    def fact(fact_id: str) -> str:
        return fact_markdown(facts[fact_id], claimants, sources)

    @env.macro
    def value(fact_id: str) -> str:
        return format_value(facts[fact_id])

    @env.macro
    def date(fact_id: str) -> str:
        return format_date(facts[fact_id]["date"])
