"""A ready-to-copy citation for an item: site, what it says, who says so, its sources, its permalink.

The access date is the reader's own day, so the page leaves it to a small script
(theme/assets/explainer-cite.js); without scripts the reader sees a placeholder to fill in.
"""

from __future__ import annotations

from ..data.catalog import Catalog, Record
from ..i18n import N_, _, ngettext
from . import formatting

ACCESSED_PLACEHOLDER = N_("[date you read it]")
"""Translated where it is shown."""


def statement(item: Record) -> str:
    """What the item says. Only a quote's recorded words go in quotation marks: a fact's label and value, or
    an event's title, are the site's own wording, and quotation marks would pass them off as a source's."""
    if item["kind"] == "fact":
        return _("%(label)s: %(value)s", label=formatting.item_title(item), value=formatting.format_value(item))
    return formatting.quoted_title(item)


def citation(item: Record, catalog: Catalog, site_name: str) -> str:
    """The citation up to (not including) the permalink and access date."""
    claimant = catalog.claimant_of(item)
    who = _("%(who)s, %(role)s", who=claimant["name"], role=claimant["role"]) if claimant.get("role") else claimant["name"]
    sources = _("; ").join(
        _("%(publisher)s, %(title)s, %(date)s%(url)s", publisher=s["publisher"], title=formatting.source_title(s),
          date=_dated(s), url=s["url"]) for s in catalog.sources_of(item)
    )
    return ngettext("%(site)s: %(statement)s, according to %(who)s, %(when)s (status: %(status)s). Source: %(sources)s.",
                    "%(site)s: %(statement)s, according to %(who)s, %(when)s (status: %(status)s). Sources: %(sources)s.",
                    len(item["sources"]), site=site_name, statement=statement(item), who=who,
                    when=formatting.format_moment(item), status=formatting.status_name(item["status"]), sources=sources)


def _dated(source: Record) -> str:
    """A source's date before its address (marked when inferred); a reference work without one gives none."""
    return _("%(date)s, ", date=formatting.format_published(source)) if source.get("published") else ""
