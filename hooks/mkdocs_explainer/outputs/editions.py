"""The site in several languages: one build per edition, each with its own root (`ko/`), and every page
linking to the same page in the other editions (hreflang) and offering them in the language switcher.

Nothing here assumes two languages: an edition is a language, its root inside the published site, and
the folder of its pages (a page exists in an edition when that folder has it).
"""

from __future__ import annotations

import posixpath
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


def switcher(editions: Sequence[Edition], this: Edition) -> list[dict[str, str]]:
    """Material's language switcher (`extra.alternate`): each edition's home, relative to this edition's root."""
    return [{"name": e.name, "link": _relative(e.root, this.root) or "./", "lang": e.lang} for e in editions]


def alternates(editions: Sequence[Edition], this: Edition, src_path: str, page_url: str, page_root: str,
               site_url: str = "") -> list[tuple[str, str]]:
    """(hreflang, href) of the page in every edition that has it, this one included; relative to the page
    (`page_root` leads to this edition's root) unless the site's address is known."""
    links = []
    for edition in editions:
        if edition != this and not (edition.docs_dir / src_path).is_file():
            continue
        path = _relative(edition.root, this.root) + page_url
        links.append((edition.lang, urljoin(site_url, path) if site_url else (page_root + path) or "./"))
    return links
