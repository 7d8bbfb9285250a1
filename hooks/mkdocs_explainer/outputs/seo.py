"""What search engines and social networks read: JSON-LD, OpenGraph/Twitter meta and the sitemap.

Dates are the data's own (newest review or revision of the items a page shows), so a rebuild of
unchanged data announces no change.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from ..data.catalog import Catalog
from ..i18n import _, ngettext
from ..pages import history
from ..pages.history import PageDates
from ..pages.render import environment
from ..problems import Problem, ProblemsFound
from ..siteinfo import EXPORT_CSV, EXPORT_JSON, FEED, SOCIAL_CARD, SiteInfo
from . import safexml
from .citations import ALL_CITATIONS
from .datapackage import DATAPACKAGE
from .datapackage import VERSION as DATA_VERSION

CARD_SIZE = (1200, 630)
DISTRIBUTIONS = (
    (EXPORT_JSON, "application/json"), (EXPORT_CSV, "text/csv"),
    (DATAPACKAGE, "application/vnd.datapackage+json"), (ALL_CITATIONS, "application/vnd.citationstyles.csl+json"),
)
"""The downloads the Dataset lists: one per format."""
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class PageInfo:
    """One page as the head and the sitemap describe it."""

    title: str
    """Plain text (not HTML): every output escapes it once, its own way."""
    description: str
    """Plain text, like the title."""
    url: str
    """Site-root-relative URL, e.g. 'facts/' ('' for the home page)."""
    root: str
    """Relative path from the page to the site root, e.g. '../'."""
    is_home: bool
    dates: PageDates | None
    dataset: bool
    """Whether the page offers the downloads (it then carries the Dataset description)."""
    author: str = ""
    """The page's own author (front matter `author`), plain text; '' for the site's."""
    alternates: tuple[tuple[str, str], ...] = ()
    """(language, address) of this page in each language edition, itself included (sitemap hreflang)."""

    def link(self, site: SiteInfo, path: str) -> str:
        """Address of a site file as this page should name it: absolute when known, else relative."""
        return site.address(path) if site.url else self.root + path


DESCRIPTION_LENGTH = 200
"""Longest description: what search results show, give or take."""


class _FirstParagraph(HTMLParser):
    """The text of a page's first non-empty paragraph, without a fact's bracketed details or status."""

    SKIP_CLASSES = frozenset({"fx-meta", "fx-status", "fx-permalink", "headerlink"})
    VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside: list[bool] | None = None
        """Within a <p>: for each open element, whether its text is left out; None outside paragraphs."""
        self.parts: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.text or tag in self.VOID:
            return
        if self.inside is None:
            if tag == "p":
                self.inside, self.parts = [], []
            return
        classes = set((dict(attrs).get("class") or "").split())
        self.inside.append(tag in ("sup", "script", "style") or bool(classes & self.SKIP_CLASSES))

    def handle_endtag(self, tag: str) -> None:
        if self.text or self.inside is None or tag in self.VOID:
            return
        if self.inside:
            self.inside.pop()
        elif tag == "p":
            self.text = re.sub(r"\s+([.,;:!?])", r"\1", " ".join("".join(self.parts).split()))
            self.inside = None

    def handle_data(self, data: str) -> None:
        if self.inside is not None and not self.text and not any(self.inside):
            self.parts.append(data)


FEED_CHUNK = 16 * 1024


def first_paragraph(html: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """A page's own description when its front matter gives none: its first paragraph, cut at a word."""
    parser = _FirstParagraph()
    # Fed in pieces and stopped at the first paragraph: a 40 MB page of fact cards is not parsed whole.
    for start in range(0, len(html), FEED_CHUNK):
        parser.feed(html[start:start + FEED_CHUNK])
        if parser.text:
            break
    text = parser.text
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


FRONT_MATTER_TEXT = ("title", "description", "author")
"""Front matter keys the head prints: each must be text (a number or date is written as such)."""


def front_matter_text(meta: Mapping[str, Any], key: str, page: str, source: Callable[[], str] = str) -> str | None:
    """A front matter value as plain text, None when unset; a list or mapping is refused with where it is.

    `source` gives the page file's text, to name the line (read only then)."""
    value = meta.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float | dt.date):
        line = next((n for n, text in enumerate(source().splitlines(), 1) if re.match(rf"{key}\s*:", text)), 0)
        kind = {list: "a list", dict: "a mapping", bool: "true/false"}.get(type(value), type(value).__name__)
        raise ProblemsFound([Problem(page, line, f"front matter: {key}",
                                     f"must be text, not {kind}: write it on one line, in quotes if it has a colon")])
    return str(value)


def description(front_matter: str | None, html: str, site_description: str, is_home: bool) -> str:
    """Front matter first; the home page speaks for the site; any other page by its first paragraph."""
    if front_matter:
        return front_matter
    return (site_description if is_home else first_paragraph(html)) or site_description


def json_ld(page: PageInfo, site: SiteInfo, catalog: Catalog) -> dict[str, Any]:
    webpage: dict[str, Any] = {
        "@type": "WebPage",
        "name": page.title,
        "headline": page.title,
        "description": page.description,
        "inLanguage": site.language,
        "isPartOf": {"@type": "WebSite", "name": site.name, **({"url": site.url} if site.url else {})},
        "image": page.link(site, SOCIAL_CARD),
    }
    if site.license:
        webpage["license"] = site.license.url
    if site.url:
        webpage["url"] = webpage["@id"] = site.address(page.url)
    if page.dates:
        webpage["datePublished"], webpage["dateModified"] = page.dates.published, page.dates.modified
    graph = [webpage]
    if page.dataset:
        graph.append(dataset(page, site, catalog))
    return {"@context": "https://schema.org", "@graph": graph}


def dataset(page: PageInfo, site: SiteInfo, catalog: Catalog) -> dict[str, Any]:
    """The exports as a schema.org Dataset: who made it, its terms, the period and area it covers, and one
    download per format."""
    items = list(catalog.items.values())
    entry: dict[str, Any] = {
        "@type": "Dataset",
        "name": _("%(site)s: facts", site=site.name),
        "description": ngettext(
            "%(num)d fact, quote or event about: %(about)s Each with who claims it, its status, its dates and its sources.",
            "%(num)d facts, quotes and events about: %(about)s Each with who claims it, its status, its dates and its sources.",
            len(items), about=site.description),
        "isAccessibleForFree": True,
        "inLanguage": site.language,
        **({"license": site.license.url} if site.license else {}),
        "creator": {"@type": "Organization", "name": site.publisher, **({"url": site.url} if site.url else {})},
        "version": DATA_VERSION,
        "distribution": [
            {"@type": "DataDownload", "name": name, "encodingFormat": media, "contentUrl": page.link(site, name)}
            for name, media in DISTRIBUTIONS
        ],
    }
    if site.url:
        entry["url"] = site.address(page.url)
    if items:
        entry["dateModified"] = history.newest(catalog)
        entry["temporalCoverage"] = f"{min(i['date'] for i in items)}/{max(i['date'] for i in items)}"
    if places := list(catalog["places"].values()):
        south, north = min(p["lat"] for p in places), max(p["lat"] for p in places)
        west, east = min(p["lon"] for p in places), max(p["lon"] for p in places)
        entry["spatialCoverage"] = {
            "@type": "Place",
            "geo": {"@type": "GeoShape", "box": f"{south} {west} {north} {east}"},
            "containsPlace": [{"@type": "Place", "name": p["name"], "geo": {
                "@type": "GeoCoordinates", "latitude": p["lat"], "longitude": p["lon"]}} for p in places],
        }
    return entry


def head(page: PageInfo, site: SiteInfo, catalog: Catalog, template_dir: Path | None = None) -> Markup:
    """The tags the theme puts in <head>: title, description, JSON-LD, OpenGraph, Twitter, the citation and
    Dublin Core tags reference managers read, and the feed link. Every value is plain text, escaped once here.
    A page showing no item states no date: nothing in the data says when its prose changed."""
    # "</script>" or "<!--" inside a <script> would end it early: <, > and & go in as JSON escapes.
    data = htmlsafe_json_dumps(json_ld(page, site, catalog), ensure_ascii=False, allow_nan=False)
    html = environment(template_dir).get_template("head.html").render(
        page=page, site=site, json_ld=data, image=page.link(site, SOCIAL_CARD), image_size=CARD_SIZE,
        feed=page.link(site, FEED), cited=page.dates,
    )
    return Markup(html)


def sitemap(pages: list[PageInfo], site: SiteInfo) -> str:
    """sitemap.xml with each page's data-driven last-modified date (none for pages that show no item)."""
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    urlset = ET.Element(f"{{{SITEMAP}}}urlset")
    for page in pages:
        url = safexml.add(urlset, f"{{{SITEMAP}}}url")
        # Without a configured address there is no absolute URL: MkDocs then writes root-relative ones too.
        safexml.add(url, f"{{{SITEMAP}}}loc", site.address(page.url) if site.url else "/" + page.url)
        if page.dates:
            safexml.add(url, f"{{{SITEMAP}}}lastmod", page.dates.modified)
        for lang, address in page.alternates:  # the page in each language edition (hreflang, both ways)
            safexml.add(url, f"{{{XHTML}}}link", rel="alternate", hreflang=lang, href=address)
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
