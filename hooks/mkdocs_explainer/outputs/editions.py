"""The site in several languages: one build per edition, each with its own root (`ko/`), and every page
linking to the same page in the other editions (hreflang) and offering them in the language switcher.

Nothing here assumes two languages: an edition is a language, its root inside the published site, and
the folder of its pages (a page exists in an edition when that folder has it).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from babel import Locale


@dataclass(frozen=True)
class Edition:
    lang: str
    """BCP 47, as in hreflang."""
    root: str
    """Its folder inside the published site: '' for the site root, 'ko/' for /ko/."""
    docs_dir: Path
    """The folder of its pages."""

    @property
    def name(self) -> str:
        """Its language in its own words: "English", "한국어"."""
        locale = Locale.parse(self.lang, sep="-" if "-" in self.lang else "_")
        return str(locale.get_display_name(locale) or self.lang)


def parse(entries: Sequence[Mapping[str, str]], base: Path) -> list[Edition]:
    editions = []
    for entry in entries:
        root = entry.get("root", "").strip("/")
        editions.append(Edition(entry["lang"], f"{root}/" if root else "", base / entry.get("docs_dir", "docs")))
    return editions


def _relative(target_root: str, this_root: str) -> str:
    """From this edition's root to another's: 'ko/' from '', '../' from 'ko/'."""
    path = posixpath.relpath(target_root or ".", this_root or ".")
    return "" if path == "." else f"{path}/"


def switcher(editions: Sequence[Edition], this: Edition, src_path: str | None = None, page_url: str = "",
             page_root: str = "", site_url: str = "") -> list[dict[str, str]]:
    """Material's language switcher (`extra.alternate`): the page in every edition, this one included, or that
    edition's home where it lacks the page. `link` is relative to this edition's root, as Material reads it;
    `href` relative to the page (`page_root` leads to this edition's root), as the theme's
    partials/alternate.html writes it; both absolute when the site's address is known. (MkDocs' `url` filter
    cannot express a link above the edition's root, such as /ko/ to /.)"""
    links = []
    for edition in editions:
        has_page = src_path is not None and (edition == this or (edition.docs_dir / src_path).is_file())
        path = _relative(edition.root, this.root) + (page_url if has_page else "")
        href = urljoin(site_url, path) if site_url else posixpath.normpath(page_root + path).rstrip("/") + "/"
        links.append({"name": edition.name, "link": urljoin(site_url, path) if site_url else path or "./",
                      "href": href, "lang": edition.lang})
    return links


def sitemap_alternates(editions: Sequence[Edition], this: Edition, src_path: str, page_url: str,
                       site_url: str = "") -> tuple[tuple[str, str], ...]:
    """(hreflang, address) of the page in every edition that has it, itself included, for the sitemap:
    absolute when the site's address is known, else from the published site's root (/ko/facts/)."""
    pages = [e for e in editions if e == this or (e.docs_dir / src_path).is_file()]
    if site_url:
        return tuple((e.lang, urljoin(site_url, _relative(e.root, this.root) + page_url)) for e in pages)
    return tuple((e.lang, "/" + e.root + page_url) for e in pages)


_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]+">')


def without_head_alternates(html: str) -> str:
    """The page without Material's `<link rel="alternate" hreflang>` tags. They can only name each edition's
    home, and Material's script fetches `sitemap.xml` beside every such link's address: links to this very
    page in each edition would each cost a failed request. The page's own alternates go in the sitemap
    (`sitemap_alternates`), which search engines read for hreflang."""
    return _HEAD_ALTERNATE.sub("", html)
