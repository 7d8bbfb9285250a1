"""What the generated files need to know about the site: its name, its address, where facts live."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .i18n import N_, _

EXPORT_JSON = "facts.json"
EXPORT_CSV = "facts.csv"
EXPORT_SCHEMA = "facts.schema.json"
FEED = "changes.xml"
SOCIAL_CARD = "assets/social-card.png"
LICENSE_FILE = "LICENSE.txt"
"""Paths of the generated files, relative to the site root."""

STATUS_MEANING: dict[str, str] = {
    "confirmed": N_("Stated on the record by the party concerned or shown by several independent sources."),
    "reported": N_("Stated by an official or agency and reported by reputable media; not independently verified."),
    "claimed": N_("Asserted by one interested party; treat with caution."),
    "disputed": N_("Contested by another party or contradicted by other sources."),
    "unverified": N_("No source's own words for it could be found; the reason is shown with it."),
    "corrected": N_("Differs from how an earlier report put it; the record's version is shown."),
}
"""The status legend's default wording (a site may reword it); the keys are the only statuses the schema accepts.
In English: `status_meanings()` gives them in the active language."""


def status_meanings(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """The legend in the active language, with the site's own wording (already in its language) over it."""
    return {**{status: _(meaning) for status, meaning in STATUS_MEANING.items()}, **(overrides or {})}


@dataclass(frozen=True)
class License:
    """The licence of the site's own data and text, e.g. CC BY 4.0."""

    name: str
    url: str

    RESERVED = N_("Quotations, excerpts and source headlines remain their owners' and are reproduced only to show "
                  "what the sources say.")

    def statement(self, site_name: str) -> str:
        return _("The data and text of %(site)s are licensed under %(licence)s (%(url)s). %(reserved)s",
                 site=site_name, licence=self.name, url=self.url, reserved=_(self.RESERVED))

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "url": self.url, "covers": _("The site's own data and text."), "reserved": _(self.RESERVED)}


@dataclass(frozen=True)
class SiteInfo:
    name: str
    description: str
    url: str = ""
    """`site_url` ending in '/', or '' when the site's address is not configured (links stay relative)."""
    index_path: str | None = None
    """URL of the fact index page relative to the site root (e.g. 'facts/'): every item's permalink."""
    stale_after_days: int | None = None
    cite_as: str | None = None
    """The site's name in citations, when it is not `name`."""
    statuses: Mapping[str, str] = field(default_factory=lambda: dict(STATUS_MEANING))
    """The status legend: what each status means, in the site's words."""
    license: License | None = None
    """Under which terms others may reuse the site's own data and text; None: no licence is stated."""
    language: str = "en"
    """The language of this edition (BCP 47): <html lang>, JSON-LD's inLanguage, the messages' catalogue."""
    homes: Mapping[str, str] = field(default_factory=dict)
    """Item id → URL (relative to the site root) of the page holding its card, where cards are split over
    several pages; items not in it have theirs on `index_path`."""
    author: str = ""
    """Who writes the site (`site_author`): the publisher that citations and Dublin Core name."""

    @classmethod
    def from_config(cls, config: Any, index_path: str | None, stale_after_days: int | None = None,
                    cite_as: str | None = None, statuses: Mapping[str, str] | None = None,
                    license: License | None = None, language: str = "en") -> SiteInfo:
        """From MkDocs' settings (`site_name`, `site_url`...) and the explainer's own."""
        url = config.site_url or ""
        if url and not url.endswith("/"):
            url += "/"
        return cls(config.site_name, config.site_description or "", url, index_path, stale_after_days, cite_as,
                   dict(statuses or STATUS_MEANING), license, language, author=getattr(config, "site_author", None) or "")

    @property
    def citation_name(self) -> str:
        return self.cite_as or self.name

    @property
    def publisher(self) -> str:
        """Who publishes the site, as citations name it: `site_author`, else the name it is cited by."""
        return self.author or self.citation_name

    def address(self, path: str) -> str:
        """A site-root-relative path as readers should cite it: absolute when the site's address is known."""
        return self.url + path

    def permalink(self, item: Mapping[str, Any]) -> str | None:
        page = self.homes.get(item["id"], self.index_path)
        return self.address(f"{page}#{item['id']}") if page is not None else None
