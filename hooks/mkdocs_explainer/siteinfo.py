"""What the generated files need to know about the site: its name, its address, where facts live."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

EXPORT_JSON = "facts.json"
EXPORT_CSV = "facts.csv"
EXPORT_SCHEMA = "facts.schema.json"
FEED = "changes.xml"
SOCIAL_CARD = "assets/social-card.png"
LICENSE_FILE = "LICENSE.txt"
"""Paths of the generated files, relative to the site root."""

STATUS_MEANING: dict[str, str] = {
    "confirmed": "Stated on the record by the party concerned or shown by several independent sources.",
    "reported": "Stated by an official or agency and reported by reputable media; not independently verified.",
    "claimed": "Asserted by one interested party; treat with caution.",
    "disputed": "Contested by another party or contradicted by other sources.",
    "unverified": "No source's own words for it could be found; the reason is shown with it.",
    "corrected": "Differs from how an earlier report put it; the record's version is shown.",
}
"""The status legend's default wording (a site may reword it); the keys are the only statuses the schema accepts."""


@dataclass(frozen=True)
class License:
    """The licence of the site's own data and text, e.g. CC BY 4.0."""

    name: str
    url: str

    RESERVED = ("Quotations, excerpts and source headlines remain their owners' and are reproduced only to show "
                "what the sources say.")

    def statement(self, site_name: str) -> str:
        return f"The data and text of {site_name} are licensed under {self.name} ({self.url}). {self.RESERVED}"

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "url": self.url, "covers": "The site's own data and text.", "reserved": self.RESERVED}


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
    """The pages' language (a BCP 47 tag, the theme's `language`), as the head tags and JSON-LD state it."""
    author: str = ""
    """Who writes the site (`site_author`): the publisher that citations and Dublin Core name."""

    @classmethod
    def from_config(cls, config: Any, index_path: str | None, stale_after_days: int | None = None,
                    cite_as: str | None = None, statuses: Mapping[str, str] | None = None,
                    license: License | None = None) -> SiteInfo:
        """From MkDocs' settings (`site_name`, `site_url`...) and the explainer's own."""
        url = config.site_url or ""
        if url and not url.endswith("/"):
            url += "/"
        theme = getattr(config, "theme", None)
        language = (theme.get("language") if theme is not None else None) or "en"
        return cls(config.site_name, config.site_description or "", url, index_path, stale_after_days, cite_as,
                   dict(statuses or STATUS_MEANING), license, str(language), config.site_author or "")

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
        return self.address(f"{self.index_path}#{item['id']}") if self.index_path is not None else None
