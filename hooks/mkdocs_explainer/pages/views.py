"""What the generated parts of pages show, computed from the catalog: chart rows, timeline days,
bibliography entries. Templates only lay these out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any
from urllib.parse import urlsplit

from ..data.catalog import Catalog, Record
from ..i18n import _
from . import chart, formatting, trend

_KIND_ORDER = {"event": 0, "fact": 1, "quote": 2}


def chart_entries(catalog: Catalog, group_id: str) -> list[chart.Entry]:
    """One chart row per fact of an estimate group, labelled with its owner and date."""
    entries = []
    for fact in catalog.group_members(group_id):
        if fact["value_kind"] not in ("number", "range"):
            raise ValueError(f"group '{group_id}': fact '{fact['id']}' is not a number and cannot be charted")
        value = fact["value"]
        low, high = (value["min"], value["max"]) if fact["value_kind"] == "range" else (value, value)
        claimant, when = catalog.claimant_of(fact), formatting.format_date(fact["date"])
        label = _("%(who)s · %(when)s", who=claimant["name"], when=when)
        if not chart.fits(label, chart.WIDTH - 2 * chart.PADDING) and claimant.get("short"):
            label = _("%(who)s · %(when)s", who=claimant["short"], when=when)  # the table below the chart gives the full name
        value_text = _("%(value)s (%(status)s)", value=formatting.format_value(fact), status=formatting.status_name(fact["status"]))
        entries.append(chart.Entry(label=label, value_text=value_text, low=float(low), high=float(high)))
    return entries


def describe_chart(catalog: Catalog, group_id: str) -> str:
    """The chart's text alternative: every bar as a sentence."""
    parts = [
        _("%(who)s: %(value)s, as of %(date)s (%(status)s)", who=catalog.claimant_of(fact)["name"],
          value=formatting.format_value(fact), date=formatting.format_date(fact["date"]),
          status=formatting.status_name(fact["status"]))
        for fact in catalog.group_members(group_id)
    ]
    return _("%(list)s.", list=_("; ").join(parts))


@dataclass
class Day:
    """One date on the timeline and everything dated that day: untimed items first, then timed ones by time."""

    date: str
    items: list[Record] = field(default_factory=list)


FILTER_KEYS = ("kind", "group", "claimant")
"""What a timeline can be narrowed to: `<!-- timeline:kind=event -->`, `<!-- timeline:claimant=x,group=y -->`."""


def parse_filters(arg: str) -> dict[str, set[str]]:
    """`kind=event,claimant=x,claimant=y` → {kind: {event}, claimant: {x, y}}. Raises ValueError on a part
    that is not key=value. Values of one key are alternatives; different keys must all hold."""
    filters: dict[str, set[str]] = {}
    for part in arg.split(","):
        key, equals, value = part.partition("=")
        if not equals or not key or not value:
            raise ValueError(part)
        filters.setdefault(key, set()).add(value)
    return filters


def matches(item: Record, filters: dict[str, set[str]]) -> bool:
    return all(item.get(key) in values for key, values in filters.items())


def timeline_order(item: Record) -> tuple[str, int, str, int, str]:
    """Within a day, items without a time come first (they stand for the whole day), then timed items by
    their time as written (times in different zones are not converted), then events, facts, quotes, by id."""
    time = item.get("time") or ""
    return item["date"], 1 if time else 0, time, _KIND_ORDER[item["kind"]], item["id"]


def timeline_days(catalog: Catalog, filters: dict[str, set[str]] | None = None) -> list[Day]:
    """Every fact, quote and event (or those the filters select) grouped by its date, oldest first."""
    ordered = sorted((item for item in catalog.items.values() if matches(item, filters or {})), key=timeline_order)
    return [Day(date, list(items)) for date, items in groupby(ordered, key=lambda r: r["date"])]


def bibliography(catalog: Catalog) -> list[Record]:
    """Sources sorted by publisher, then date; each with its host and the items and corrections citing it."""
    entries = []
    for source in sorted(catalog["sources"].values(), key=lambda s: (s["publisher"].lower(), s["published"] or "", s["id"])):
        citing = catalog.citing(source["id"])
        entries.append({
            **source,
            "host": urlsplit(source["url"]).hostname or source["url"],
            "cited_items": [r for r in citing if r["id"] in catalog.items],
            "cited_corrections": [r for r in citing if r["id"] in catalog["corrections"]],
            "cited_places": [r for r in citing if r["id"] in catalog["places"] or r["id"] in catalog["routes"]],
        })
    return entries


def item_summary(item: Record) -> str:
    """A short line naming an item, for lists that link to its card."""
    if item["kind"] == "fact":
        return _("%(label)s: %(value)s", label=item["label"], value=formatting.format_value(item))
    if item["kind"] == "event":
        return str(item["title"])
    return formatting.quoted_title(item)


FILTERS = ("file", "kind", "year", "question")
"""What `<!-- facts:... -->` may select by: `file=<data file name>`, `kind=fact|quote|event`, `year=<YYYY>`,
`question=<question id>`; several joined by commas must all hold (`file=budget,year=2025`)."""


def parse_filter(arg: str) -> dict[str, str]:
    """`file=budget,year=2025` → {"file": "budget", "year": "2025"}; raises ValueError with the reason."""
    chosen: dict[str, str] = {}
    for part in arg.split(","):
        key, equals, value = part.partition("=")
        if key not in FILTERS or not equals or not value:
            raise ValueError(f"'{part}' is not a filter; write key=value with a key among {', '.join(FILTERS)} "
                             "(several joined by commas, e.g. file=budget,year=2025)")
        if key in chosen:
            raise ValueError(f"'{key}' is given twice")
        chosen[key] = value
    return chosen


def filter_problem(catalog: Catalog, arg: str) -> str | None:
    """Why `arg` selects nothing sensible, or None when it is a valid filter."""
    try:
        chosen = parse_filter(arg)
    except ValueError as error:
        return str(error)
    known = {"file": set(catalog.origin[i] for i in catalog.items), "kind": {"fact", "quote", "event"},
             "question": set(catalog["questions"])}
    for key, value in chosen.items():
        if key == "year" and not (value.isdigit() and len(value) == 4):
            return f"year={value}: give a year as four digits, like year=2025"
        if key in known and value not in known[key]:
            return f"{key}={value}: no such {key}; there are {', '.join(sorted(known[key])) or 'none'}"
    return None


def filtered_items(catalog: Catalog, arg: str) -> list[Record]:
    """The items a fact index shows, oldest first: all of them, or those `arg` selects."""
    chosen = parse_filter(arg) if arg else {}
    question = catalog["questions"].get(chosen.get("question", ""))
    in_question = {i for p in question["positions"] for i in p["items"]} if question else set()
    items = [
        item for item in catalog.items.values()
        if chosen.get("file", catalog.origin.get(item["id"])) == catalog.origin.get(item["id"])
        and chosen.get("kind", item["kind"]) == item["kind"]
        and chosen.get("year", item["date"][:4]) == item["date"][:4]
        and (question is None or item["id"] in in_question)
    ]
    return sorted(items, key=lambda i: (i["date"], i["id"]))


def card_homes(codes_by_page: dict[str, list[Any]], catalog: Catalog) -> dict[str, str]:
    """Item id → the page holding its card: the first page, in path order, whose `<!-- facts:FILTER -->` lists
    it; items no filter selects are on the first page with a plain `<!-- facts -->` (it lists the rest).
    `codes_by_page` holds each page's shortcodes (anything with `kind` and `arg`)."""
    homes: dict[str, str] = {}
    for filtered in (True, False):
        for page in sorted(codes_by_page):
            for code in codes_by_page[page]:
                if code.kind == "facts" and bool(code.arg) == filtered:
                    for item in filtered_items(catalog, code.arg):
                        homes.setdefault(item["id"], page)
    return homes


def listed_by_filters(codes_by_page: dict[str, list[Any]], catalog: Catalog) -> frozenset[str]:
    """Items a `<!-- facts:FILTER -->` somewhere lists: a plain `<!-- facts -->` leaves them out."""
    return frozenset(item["id"] for codes in codes_by_page.values() for code in codes
                     if code.kind == "facts" and code.arg for item in filtered_items(catalog, code.arg))


def trend_members(catalog: Catalog, group_id: str) -> list[Record]:
    """An estimate group's facts, oldest first (all of them: a newer figure never replaces an older one)."""
    return sorted(catalog.group_members(group_id), key=lambda f: (f["date"], f["id"]))


def trend_chart(catalog: Catalog, group_id: str) -> trend.TrendChart:
    """The trend chart's geometry: one series per claimant, labelled with its name (short where long)."""
    readings = []
    for fact in trend_members(catalog, group_id):
        if fact["value_kind"] not in ("number", "range"):
            raise ValueError(f"group '{group_id}': fact '{fact['id']}' is not a number and cannot be charted")
        value = fact["value"]
        low, high = (value["min"], value["max"]) if fact["value_kind"] == "range" else (value, value)
        claimant = catalog.claimant_of(fact)
        label = trend.legend_label(claimant["name"], claimant.get("short"))
        readings.append(trend.Reading(fact["claimant"], dt.date.fromisoformat(fact["date"]), float(low), float(high), label))
    return trend.layout(readings, formatting.format_number, lambda day: formatting.format_date(day.isoformat()))


def describe_trend(catalog: Catalog, group_id: str) -> str:
    """The trend chart's text alternative: each claimant's figures in date order, as sentences."""
    by_claimant: dict[str, list[Record]] = {}
    for fact in trend_members(catalog, group_id):
        by_claimant.setdefault(fact["claimant"], []).append(fact)
    sentences = []
    for claimant, facts in by_claimant.items():
        figures = _("; ").join(_("%(value)s as of %(date)s (%(status)s)", value=formatting.format_value(f),
                                 date=formatting.format_date(f["date"]), status=formatting.status_name(f["status"]))
                               for f in facts)
        sentences.append(_("%(who)s: %(figures)s.", who=catalog["claimants"][claimant]["name"], figures=figures))
    return " ".join(sentences)
