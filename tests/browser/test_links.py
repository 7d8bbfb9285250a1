"""Every internal link and anchor of the built site resolves; every outbound link is a well-formed http(s) URL.

Read from the built files (no network: source links are checked for form, never fetched).
"""

from __future__ import annotations

import html.parser
import ipaddress
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from mkdocs_explainer.data.catalog import build_catalog
from mkdocs_explainer.pages import views
from mkdocs_explainer.pages.scan import scan_pages

from .browser_support import PROJECT, REPORT

LOCAL = "http://site.invalid"
"""A stand-in origin for resolving links: anything on it is the site itself."""

LINK_ATTRIBUTES = {"a": "href", "area": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}
HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$", re.IGNORECASE)


def well_formed_host(host: str) -> bool:
    """A domain name, or a public IP address (a source copy can live on one); never loopback or private."""
    try:
        return ipaddress.ip_address(host).is_global
    except ValueError:
        return bool(HOST.match(host))


@dataclass
class PageLinks(html.parser.HTMLParser):
    """The ids a page defines and the URLs it points at."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)
    """(tag, URL as written)."""

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"] or "")
        if (attribute := LINK_ATTRIBUTES.get(tag)) and values.get(attribute) is not None:
            self.links.append((tag, values[attribute] or ""))


def read_pages(site: Path) -> dict[str, PageLinks]:
    """Every HTML page by its URL path ("/deployment/", "/404.html")."""
    pages = {}
    for file in sorted(site.rglob("*.html")):
        parser = PageLinks()
        parser.feed(file.read_text(encoding="utf-8"))
        pages["/" + file.relative_to(site).as_posix().removesuffix("index.html")] = parser
    return pages


def check_links(site: Path) -> tuple[list[str], int, int]:
    """Problems found, and how many internal and external links were checked."""
    pages = read_pages(site)
    problems, internal, external = [], 0, 0
    for page_path, page in pages.items():
        for tag, written in page.links:
            url = urljoin(LOCAL + page_path, written.strip())
            parts = urlsplit(url)
            where = f"{page_path}: <{tag}> {written!r}"
            if f"{parts.scheme}://{parts.netloc}" == LOCAL:
                internal += 1
                problems += check_internal(site, pages, parts.path, unquote(parts.fragment), where)
            elif parts.scheme in ("http", "https"):
                external += 1
                if not well_formed_host(parts.hostname or "") or parts.username or any(c.isspace() for c in written.strip()):
                    problems.append(f"{where}: not a well-formed http(s) URL")
            # data: is in-page (an image, or an embed's empty icon that stops a /favicon.ico request)
            elif not (parts.scheme == "data" and tag in ("img", "link")) and parts.scheme != "mailto":
                problems.append(f"{where}: scheme {parts.scheme!r} is not allowed")
    return problems, internal, external


def check_internal(site: Path, pages: dict[str, PageLinks], path: str, fragment: str, where: str) -> list[str]:
    target = site / unquote(path).lstrip("/")
    if target.is_dir():
        if not (target / "index.html").is_file():
            return [f"{where}: folder without index.html"]
        path = path if path.endswith("/") else path + "/"
    elif not target.is_file():
        return [f"{where}: {path} does not exist"]
    if fragment and (page := pages.get(path)) is not None and fragment not in page.ids:
        return [f"{where}: no element with id {fragment!r} on {path}"]
    return []


def test_every_internal_link_and_anchor_resolves_and_outbound_links_are_well_formed(built_site: Path) -> None:
    problems, internal, external = check_links(built_site)
    REPORT.append(f"links: {internal} internal and {external} outbound links checked, {len(problems)} broken")
    assert internal and external, "no links found: the check would prove nothing"
    assert not problems, "broken links:\n" + "\n".join(problems)


def _url_path(page: str) -> str:
    stem = page.removesuffix(".md").removesuffix("index").rstrip("/")
    return "/" + (stem + "/" if stem else "")


def test_every_fact_has_its_card_on_its_home_and_its_old_anchor_on_the_all_facts_page(built_site: Path) -> None:
    catalog = build_catalog(PROJECT / "data", PROJECT)
    scan = scan_pages(PROJECT / "docs", PROJECT, catalog)
    homes = views.card_homes(scan.codes, catalog)
    pages = read_pages(built_site)
    missing = sorted(i for i in catalog.items if i not in homes or i not in pages[_url_path(homes[i])].ids)
    REPORT.append(f"permanent anchors: {len(catalog.items)} items on {len(set(homes.values()))} pages, {len(missing)} without a card")
    assert not missing, f"items without a card on their home page: {missing}"
    # Links made when one page held every card (facts/#id, and ids since renamed) still land on the item.
    old = pages["/facts/"].ids
    lost = sorted(i for i in [*catalog.items, *catalog.formerly] if i not in old)
    assert not lost, f"ids no longer found on /facts/: {lost}"


def test_the_link_check_catches_a_broken_anchor_and_a_bad_url(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<p id="top"><a href="a/#top">ok</a> <a href="https://example.org/x">ok</a></p>')
    (tmp_path / "a" / "index.html").write_text(
        '<h1 id="top">A</h1><a href="../#nowhere">1</a><a href="../b/">2</a>'
        '<a href="javascript:alert(1)">3</a><a href="https://exa mple">4</a>'
    )
    problems, internal, external = check_links(tmp_path)
    assert (internal, external) == (3, 2)
    assert len(problems) == 4
    for written in ("../#nowhere", "../b/", "javascript:alert(1)", "https://exa mple"):
        assert any(f"{written!r}" in problem for problem in problems), written
