"""`changes.xml`: an Atom feed (RFC 4287) of changes to the facts, for readers who follow corrections.

Each revision an editor records is one entry, dated by the revision. An item without revisions
appears once, dated by its last review: the record as published. Ids are URNs derived from the
site's name and the item, so they stay the same wherever the site is hosted and however often it
is rebuilt; `updated` is the newest entry's date, never the build time.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..data.catalog import Catalog, Record
from ..i18n import _
from ..pages import formatting, history
from ..pages.formatting import item_title
from ..siteinfo import FEED, SiteInfo
from . import safexml

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 200
"""Newest entries kept: a feed is for following changes, the exports hold everything."""


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    updated: str
    """ISO date."""
    link: str | None
    content: str


def _urn(site: SiteInfo, *parts: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, "/".join(["explainer", site.name, *parts])).urn


def _summary(item: Record, catalog: Catalog) -> str:
    claimant = catalog.claimant_of(item)
    what = _("%(label)s: %(value)s", label=item_title(item), value=formatting.format_value(item)) if item["kind"] == "fact" \
        else formatting.quoted_title(item)
    sources = _("; ").join(_("%(publisher)s, %(title)s <%(url)s>", publisher=s["publisher"], title=formatting.source_title(s),
                             url=s["url"]) for s in catalog.sources_of(item))
    if not what.rstrip("”»」").endswith((".", "?", "!", "。", "？", "！")):  # a quoted question keeps its own mark
        what = _("%(sentence)s.", sentence=what)
    return _("%(what)s According to %(who)s, %(when)s. Status: %(status)s. Reviewed %(reviewed)s. Sources: %(sources)s.",
             what=what, who=claimant["name"], when=formatting.format_moment(item), status=formatting.status_name(item["status"]),
             reviewed=formatting.format_date(item["reviewed"]), sources=sources)


def entries(catalog: Catalog, site: SiteInfo) -> list[Entry]:
    """The newest MAX_ENTRIES entries, newest first (then by id, so the order never depends on dict order)."""
    # Pick the entries by date first: writing an entry's text costs more than all the sorting.
    keys: list[tuple[str, str, int, Record]] = []
    for item in catalog.items.values():
        revisions = item.get("revisions", [])
        keys += [(rev["date"], item["id"], index, item) for index, rev in enumerate(revisions)]
        if not revisions:
            keys.append((item["reviewed"], item["id"], -1, item))
    keys.sort(key=lambda key: key[:3], reverse=True)
    return [_entry(item, index, catalog, site) for _, _, index, item in keys[:MAX_ENTRIES]]


def _entry(item: Record, index: int, catalog: Catalog, site: SiteInfo) -> Entry:
    """Revision `index` of the item, or (index -1) the item as recorded, for one without revisions."""
    link, summary, title = site.permalink(item), _summary(item, catalog), formatting.quoted_title(item)
    if index < 0:
        return Entry(_urn(site, item["id"], "recorded"), _("Recorded: %(title)s", title=title), item["reviewed"], link, summary)
    revision = item["revisions"][index]
    reason = _(" Why: %(reason)s", reason=revision["reason"]) if revision.get("reason") else ""
    return Entry(
        _urn(site, item["id"], "revision", str(index), revision["date"]),
        _("Changed: %(title)s", title=title), revision["date"], link,
        _("%(date)s: %(change)s.%(reason)s\n\nNow: %(summary)s", date=formatting.format_date(revision["date"]),
          change=revision["change"].rstrip("."), reason=reason, summary=summary),
    )


def _timestamp(iso_date: str) -> str:
    # Atom wants a full date-time; the data has days, so midnight UTC stands for the day.
    return f"{iso_date}T00:00:00Z"


def render(catalog: Catalog, site: SiteInfo) -> str:
    ET.register_namespace("", ATOM)

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        return safexml.add(parent, f"{{{ATOM}}}{tag}", text, **attrs)

    all_entries = entries(catalog, site)
    feed = ET.Element(f"{{{ATOM}}}feed")
    add(feed, "id", _urn(site, "changes"))
    add(feed, "title", _("%(site)s: changes to the facts", site=site.name))
    if site.description:
        add(feed, "subtitle", site.description)
    newest = all_entries[0].updated if all_entries else history.newest(catalog) or "1970-01-01"
    add(feed, "updated", _timestamp(newest))
    add(add(feed, "author"), "name", site.name)
    if site.license:
        add(feed, "rights", site.license.statement(site.name))
    add(feed, "link", rel="self", type="application/atom+xml", href=site.address(FEED))
    add(feed, "link", rel="alternate", type="text/html", href=site.url or "./")
    for entry in all_entries:
        element = add(feed, "entry")
        add(element, "id", entry.id)
        add(element, "title", entry.title)
        add(element, "updated", _timestamp(entry.updated))
        if entry.link:
            add(element, "link", rel="alternate", type="text/html", href=entry.link)
        add(element, "content", entry.content, type="text")
    return safexml.to_string(feed)


def write(site_dir: Path, catalog: Catalog, site: SiteInfo) -> Path:
    path = site_dir / FEED
    path.write_text(render(catalog, site), encoding="utf-8")
    return path
