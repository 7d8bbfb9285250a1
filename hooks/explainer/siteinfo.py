"""What the generated files need to know about the site: its name, its address, where facts live."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

EXPORT_JSON = "facts.json"
EXPORT_CSV = "facts.csv"
EXPORT_SCHEMA = "facts.schema.json"
FEED = "changes.xml"
SOCIAL_CARD = "assets/social-card.png"
"""Paths of the generated files, relative to the site root."""


@dataclass(frozen=True)
class SiteInfo:
    name: str
    description: str
    url: str = ""
    """`site_url` ending in '/', or '' when the site's address is not configured (links stay relative)."""
    index_path: str | None = None
    """URL of the fact index page relative to the site root (e.g. 'facts/'): every item's permalink."""
    stale_after_days: int | None = None

    @classmethod
    def from_config(cls, config: Any, index_path: str | None) -> SiteInfo:
        url = config.site_url or ""
        if url and not url.endswith("/"):
            url += "/"
        settings = (config.extra or {}).get("explainer") or {}
        return cls(config.site_name, config.site_description or "", url, index_path, settings.get("stale_after_days"))

    def address(self, path: str) -> str:
        """A site-root-relative path as readers should cite it: absolute when the site's address is known."""
        return self.url + path

    def permalink(self, item: Mapping[str, Any]) -> str | None:
        return self.address(f"{self.index_path}#{item['id']}") if self.index_path is not None else None
