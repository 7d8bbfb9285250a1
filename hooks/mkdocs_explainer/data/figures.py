"""Figures typed by hand: a number in a page or a record's text that a fact already holds.

A figure typed twice goes stale when the fact changes. This module finds numbers in text and names the
facts that hold them, so the build can point at the place and the fact to use instead. It knows no
language: it reads digits, the usual thousands separators and the word right after a number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .records import Record

NUMBER = re.compile(
    r"(?<![\w.,:/#\-\u2010-\u2015])"
    r"(?P<number>\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?!\w|[\-\u2010-\u2015.,:/]\d)"
    r"(?P<after>\W{0,3}[^\W\d_]+(?:\s+[^\W\d_]+)?)?"
)
"""A number standing alone (not part of a date like 2024-11-13, a time, an id, an address or a word like
`Su-27`), with up to two words after it (for its unit)."""
SMALL = 100
"""Below this a number counts only when the fact's unit follows it: `12 km` is a figure, `Article 4` is not."""
YEARS = range(1900, 2101)
"""Plain four-digit numbers in this span read as years (`2000` is a year, `2,000` a figure)."""


@dataclass(frozen=True)
class Figure:
    written: str
    value: float
    after: str
    """The words after the number, lowercase."""
    offset: int


QUOTED = re.compile(r'"[^"\n]*"|“[^”]*”|„[^“”]*[“”]|«[^»]*»|「[^」]*」|『[^』]*』')
"""Words in quotation marks are someone's own words, copied: a figure in them is quoted, not typed."""


def find(text: str) -> Iterator[Figure]:
    """Every number in `text` that may be a figure, with the words after it; quotations are skipped."""
    text = QUOTED.sub(lambda quoted: " " * len(quoted.group()), text)
    for match in NUMBER.finditer(text):
        written = match.group("number")
        digits = re.sub(r"[,\u00a0\u202f\u2009]", "", written)
        value = float(digits)
        if digits.isdigit() and int(digits) in YEARS and written == digits:
            continue
        yield Figure(written, value, (match.group("after") or "").strip(" \t\n").lower(), match.start())


@dataclass(frozen=True)
class Held:
    """A number a fact holds (its value, or one end of its span) with the fact's unit."""

    value: float
    unit: str
    fact_id: str


def held_figures(facts: Iterable[Record]) -> dict[float, list[Held]]:
    """Every number the facts hold, by value."""
    held: dict[float, list[Held]] = {}
    for fact in facts:
        kind, value = fact.get("value_kind"), fact["value"]
        numbers = [value["min"], value["max"]] if kind == "range" else [value] if kind == "number" else []
        for number in numbers:
            held.setdefault(float(number), []).append(Held(float(number), (fact.get("unit") or "").lower(), fact["id"]))
    return held


def holders(figure: Figure, held: dict[float, list[Held]]) -> list[str]:
    """Ids of the facts holding the figure typed: any fact for a number of 100 or more; for a smaller
    one, only facts whose unit follows it (`12 km`)."""
    facts = held.get(figure.value, [])
    with_unit = sorted({h.fact_id for h in facts if h.unit and _unit_follows(h.unit, figure.after)})
    if with_unit or figure.value < SMALL:
        return with_unit
    return sorted({h.fact_id for h in facts})


def _unit_follows(unit: str, after: str) -> bool:
    first = unit.split()[0].strip("()")
    words = re.sub(r"^\W+", "", after)
    return bool(first) and words.startswith(first)


def advice(fact_ids: list[str], in_page: bool) -> str:
    names = " or ".join(f"'{fact_id}'" for fact_id in fact_ids)
    if in_page:
        code = " or ".join(f"<!-- value:{fact_id} -->" for fact_id in fact_ids)
        return f"fact {names} holds this figure: write {code} (or fact:) instead, so the page follows the fact when it changes"
    return (f"fact {names} holds this figure: don't type it again here (it would go stale when the fact changes); "
            "name the fact's claim in words and show the figure on the page from the fact")
