"""What search engines and social networks read: JSON-LD, OpenGraph/Twitter meta and the sitemap.

Dates are the data's own (newest review or revision of the items a page shows), so a rebuild of
unchanged data announces no change.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from markupsafe import Markup

from ..data.catalog import Catalog
from ..pages import history
from ..pages.history import PageDates
from ..pages.render import environment
from ..siteinfo import EXPORT_CSV, EXPORT_JSON, FEED, SOCIAL_CARD, SiteInfo
from . import safexml

CARD_SIZE = (1200, 630)
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass(frozen=True)
class PageInfo:
    """One page as the head and the sitemap describe it."""

    title: str
    description: str
    url: str
    """Site-root-relative URL, e.g. 'facts/' ('' for the home page)."""
    root: str
    """Relative path from the page to the site root, e.g. '../'."""
    is_home: bool
    dates: PageDates | None
    dataset: bool
    """Whether the page offers the downloads (it then carries the Dataset description)."""

    def link(self, site: SiteInfo, path: str) -> str:
        """Address of a site file as this page should name it: absolute when known, else relative."""
        return site.address(path) if site.url else self.root + path


def json_ld(page: PageInfo, site: SiteInfo, catalog: Catalog) -> dict[str, Any]:
    webpage: dict[str, Any] = {
        "@type": "WebPage",
        "name": page.title,
        "headline": page.title,
        "description": page.description,
        "inLanguage": "en",
        "isPartOf": {"@type": "WebSite", "name": site.name, **({"url": site.url} if site.url else {})},
        "image": page.link(site, SOCIAL_CARD),
    }
    if site.url:
        webpage["url"] = webpage["@id"] = site.address(page.url)
    if page.dates:
        webpage["datePublished"], webpage["dateModified"] = page.dates.published, page.dates.modified
    graph = [webpage]
    if page.dataset:
        graph.append(dataset(page, site, catalog))
    return {"@context": "https://schema.org", "@graph": graph}


def dataset(page: PageInfo, site: SiteInfo, catalog: Catalog) -> dict[str, Any]:
    """The exports as a schema.org Dataset with its two downloads."""
    items = list(catalog.items.values())
    entry: dict[str, Any] = {
        "@type": "Dataset",
        "name": f"{site.name}: facts",
        "description": (
            f"{len(items)} facts, quotes and events about: {site.description} Each with who claims it, "
            "its status, its dates and its sources."
        ),
        "isAccessibleForFree": True,
        "creator": {"@type": "Organization", "name": site.name},
        "distribution": [
            {"@type": "DataDownload", "name": EXPORT_JSON, "encodingFormat": "application/json",
             "contentUrl": page.link(site, EXPORT_JSON)},
            {"@type": "DataDownload", "name": EXPORT_CSV, "encodingFormat": "text/csv",
             "contentUrl": page.link(site, EXPORT_CSV)},
        ],
    }
    if site.url:
        entry["url"] = site.address(page.url)
    if items:
        entry["dateModified"] = history.newest(catalog)
        entry["temporalCoverage"] = f"{min(i['date'] for i in items)}/{max(i['date'] for i in items)}"
    return entry


def head(page: PageInfo, site: SiteInfo, catalog: Catalog, template_dir: Path | None = None) -> Markup:
    """The tags the theme puts in <head>: JSON-LD, OpenGraph, Twitter and the feed link."""
    # "</" inside a <script> would end it early: escape "<" the JSON way, so the data still parses.
    data = json.dumps(json_ld(page, site, catalog), ensure_ascii=False, allow_nan=False).replace("<", "\\u003c")
    html = environment(template_dir).get_template("head.html").render(
        page=page, site=site, json_ld=Markup(data), image=page.link(site, SOCIAL_CARD), image_size=CARD_SIZE,
        feed=page.link(site, FEED),
    )
    return Markup(html)


def sitemap(pages: list[PageInfo], site: SiteInfo) -> str:
    """sitemap.xml with each page's data-driven last-modified date (none for pages that show no item)."""
    ET.register_namespace("", SITEMAP)
    urlset = ET.Element(f"{{{SITEMAP}}}urlset")
    for page in pages:
        url = safexml.add(urlset, f"{{{SITEMAP}}}url")
        # Without a configured address there is no absolute URL: MkDocs then writes root-relative ones too.
        safexml.add(url, f"{{{SITEMAP}}}loc", site.address(page.url) if site.url else "/" + page.url)
        if page.dates:
            safexml.add(url, f"{{{SITEMAP}}}lastmod", page.dates.modified)
    return safexml.to_string(urlset)


def gzipped(text: str, newest: str | None) -> bytes:
    """Gzip with a timestamp from the data, not the clock, so rebuilds are byte-identical."""
    mtime = int(dt.datetime.fromisoformat(newest).replace(tzinfo=dt.UTC).timestamp()) if newest else 0
    if not 0 <= mtime < 2**32:  # gzip's field ends in 2106; the schema keeps dates well before that anyway
        mtime = 0
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=mtime) as handle:
        handle.write(text.encode("utf-8"))
    return buffer.getvalue()
