"""When items were checked and changed: per item, per page, and which items are overdue for review.

Every date here comes from the data (`reviewed`, `revisions[].date`), never from the clock, so two
builds of the same data produce the same pages, feed and exports.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from ..data.catalog import Catalog, Record


def updated(item: Record) -> str:
    """The last day an editor touched the item: its newest review or revision (ISO date)."""
    dates: list[str] = [item["reviewed"], *(rev["date"] for rev in item.get("revisions", []))]
    return max(dates)


def first_recorded(item: Record) -> str:
    """The oldest date the item's record names: its first revision, else its review (ISO date)."""
    dates: list[str] = [item["reviewed"], *(rev["date"] for rev in item.get("revisions", []))]
    return min(dates)


def last_revision(item: Record) -> Record | None:
    """The newest revision (by date; the later-listed one on a tie), if any."""
    revisions = item.get("revisions", [])
    return max(reversed(revisions), key=lambda rev: rev["date"]) if revisions else None


@functools.lru_cache(maxsize=2)  # asked for by several outputs of one build; keyed by the catalog object
def newest(catalog: Catalog) -> str | None:
    """The newest review or revision date in the whole catalog: the data's own 'last modified'."""
    return max((updated(item) for item in catalog.items.values()), default=None)


@dataclass(frozen=True)
class PageDates:
    """Dates of the items a page shows (ISO strings)."""

    published: str
    """Oldest date any of its items was recorded."""
    modified: str
    """Newest review or revision of any of its items."""


def page_dates(items: list[Record]) -> PageDates | None:
    """The page's publication and modification dates, or None for a page that shows no item."""
    if not items:
        return None
    return PageDates(min(first_recorded(i) for i in items), max(updated(i) for i in items))


def stale_items(catalog: Catalog, today: dt.date, days: int) -> list[Record]:
    """Items whose last review is more than `days` days before `today`, oldest review first."""
    limit = (today - dt.timedelta(days=days)).isoformat()
    return sorted((i for i in catalog.items.values() if i["reviewed"] < limit), key=lambda i: (i["reviewed"], i["id"]))
