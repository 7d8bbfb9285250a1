"""A ready-to-copy citation for an item: site, what it says, who says so, its sources, its permalink.

The access date is the reader's own day, so the page leaves it to a small script
(theme/assets/explainer-cite.js); without scripts the reader sees a placeholder to fill in.
"""

from __future__ import annotations

from ..data.catalog import Catalog, Record
from . import formatting

ACCESSED_PLACEHOLDER = "[date you read it]"


def statement(item: Record) -> str:
    """What the item says. Only a quote's recorded words go in quotation marks: a fact's label and value, or
    an event's title, are the site's own wording, and quotation marks would pass them off as a source's."""
    if item["kind"] == "fact":
        return f"{formatting.item_title(item)}: {formatting.format_value(item)}"
    return formatting.quoted_title(item)


def citation(item: Record, catalog: Catalog, site_name: str) -> str:
    """The citation up to (not including) the permalink and access date."""
    claimant = catalog.claimant_of(item)
    who = f"{claimant['name']}, {claimant['role']}" if claimant.get("role") else claimant["name"]
    sources = "; ".join(
        f"{s['publisher']}, {formatting.source_title(s)}, {_dated(s)}{s['url']}" for s in catalog.sources_of(item)
    )
    return (f"{site_name}: {statement(item)}, according to {who}, {formatting.format_moment(item)} "
            f"(status: {item['status']}). Source{'s' if len(item['sources']) > 1 else ''}: {sources}.")


def _dated(source: Record) -> str:
    """A source's date before its address (marked when inferred); a reference work without one gives none."""
    return f"{formatting.format_published(source)}, " if source.get("published") else ""
