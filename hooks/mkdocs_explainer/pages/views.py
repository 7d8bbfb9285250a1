"""What the generated parts of pages show, computed from the catalog: chart rows, timeline days,
bibliography entries. Templates only lay these out."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby
from urllib.parse import urlsplit

from ..data.catalog import Catalog, Record
from ..i18n import _
from . import chart, formatting

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
    """One date on the timeline and everything dated that day, events first."""

    date: str
    items: list[Record] = field(default_factory=list)


def timeline_days(catalog: Catalog) -> list[Day]:
    """Every fact, quote and event grouped by its date, oldest first."""
    ordered = sorted(
        catalog.items.values(),
        key=lambda r: (r["date"], _KIND_ORDER[r["kind"]], r.get("time") or "", r["id"]),
    )
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
