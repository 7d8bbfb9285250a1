"""The built site as machines read it: JSON-LD, social meta, sitemap, exports, feed link, citations."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
import yaml
from mkdocs_explainer.outputs import export
from outputs_helpers import ROOT, SITE_URL, TEST_DATA, build, copy_project
from PIL import Image

GENERATED = ("facts.json", "facts.csv", "facts.schema.json", "changes.xml", "sitemap.xml", "sitemap.xml.gz",
             "assets/social-card.png")


class Head(HTMLParser):
    """The bits of a page this test reads."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str]] = []
        self.json_ld: list[str] = []
        self.scripts: list[str] = []
        self.buttons: list[dict[str, str]] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta[a.get("property") or a["name"]] = a.get("content", "")
        elif tag == "link":
            self.links.append(a)
        elif tag == "script":
            self._in_ld = a.get("type") == "application/ld+json"
            if self._in_ld:
                self.json_ld.append("")
            if "src" in a:
                self.scripts.append(a["src"])
        elif tag == "button":
            self.buttons.append(a)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld[-1] += data


def read(page: Path) -> tuple[Head, str]:
    html = page.read_text(encoding="utf-8")
    head = Head()
    head.feed(html)
    return head, html


def pages(site: Path) -> list[Path]:
    """The site's pages (embed/ holds the charts and maps to embed, tests/test_figures_takeaway.py)."""
    return sorted(p for p in site.rglob("index.html") if not {"search", "embed"} & set(p.relative_to(site).parts))


def graph(head: Head) -> dict[str, dict]:
    assert len(head.json_ld) == 1, "one JSON-LD block per page"
    data = json.loads(head.json_ld[0])
    assert data["@context"] == "https://schema.org"
    return {node["@type"]: node for node in data["@graph"]}


def page_url(site: Path, page: Path) -> str:
    return SITE_URL + page.parent.relative_to(site).as_posix().removeprefix(".") + ("/" if page.parent != site else "")


def item_dates() -> dict[str, tuple[str, str]]:
    """First and last recorded date of each test item, computed from the test data itself."""
    data = yaml.safe_load(TEST_DATA)
    dates = {}
    for item in [*data.get("facts", []), *data.get("events", [])]:
        days = [str(item["reviewed"]), *(str(r["date"]) for r in item.get("revisions", []))]
        dates[item["id"]] = (min(days), max(days))
    return dates


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("outputs"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def site(project) -> Path:
    return project / "site"


def test_every_page_has_json_ld_naming_the_page(site):
    for page in pages(site):
        head, html = read(page)
        webpage = graph(head)["WebPage"]
        title = re.search(r"<title>(.*?)</title>", html).group(1)
        assert webpage["name"] in title.replace("&#39;", "'"), page
        assert webpage["url"] == page_url(site, page)
        assert webpage["isPartOf"]["url"] == SITE_URL


def test_json_ld_dates_are_those_of_the_items_the_page_shows(site):
    dates = item_dates()
    webpage = graph(read(site / "zz-test" / "index.html")[0])["WebPage"]
    assert webpage["datePublished"] == min(first for first, _ in dates.values())
    assert webpage["dateModified"] == max(last for _, last in dates.values())
    # The All facts page shows every item: its date is the data's newest, as facts.json says.
    exported = json.loads((site / "facts.json").read_text(encoding="utf-8"))
    index_pages = [p for p in pages(site) if 'class="fx-card"' in p.read_text(encoding="utf-8")]
    assert index_pages
    assert graph(read(index_pages[0])[0])["WebPage"]["dateModified"] == exported["updated"]


def test_a_page_without_facts_claims_no_dates(site):
    head, html = read(site / "zz-plain" / "index.html")
    webpage = graph(head)["WebPage"]
    assert "dateModified" not in webpage and "datePublished" not in webpage
    assert "article:modified_time" not in head.meta and "Last updated" not in html


def test_the_downloads_page_describes_the_exports_as_a_dataset(site):
    offering = {p for p in pages(site) if 'class="fx-downloads"' in p.read_text(encoding="utf-8")}
    assert offering, "no page shows <!-- downloads -->"
    described = {p for p in pages(site) if "Dataset" in graph(read(p)[0])}
    assert described == offering
    dataset = graph(read(sorted(offering)[0])[0])["Dataset"]
    formats = {d["encodingFormat"]: d["contentUrl"] for d in dataset["distribution"]}
    assert set(formats) == {"application/json", "text/csv", "application/vnd.datapackage+json",
                            "application/vnd.citationstyles.csl+json"}
    for url in formats.values():
        assert url.startswith(SITE_URL) and (site / url.removeprefix(SITE_URL)).is_file()
    exported = json.loads((site / "facts.json").read_text(encoding="utf-8"))
    assert dataset["dateModified"] == exported["updated"]
    every = [i["date"] for s in ("facts", "quotes", "events") for i in exported[s]]
    assert dataset["temporalCoverage"] == f"{min(every)}/{max(every)}"
    assert dataset["creator"]["name"] and dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert dataset["version"] == json.loads((site / "datapackage.json").read_text(encoding="utf-8"))["version"]
    places = yaml.safe_load((ROOT / "data" / "places.yml").read_text(encoding="utf-8"))["places"]
    named = {p["name"]: (p["geo"]["latitude"], p["geo"]["longitude"]) for p in dataset["spatialCoverage"]["containsPlace"]}
    assert named == {p["name"]: (p["lat"], p["lon"]) for p in places}
    south, west, north, east = map(float, dataset["spatialCoverage"]["geo"]["box"].split())
    assert all(south <= p["lat"] <= north and west <= p["lon"] <= east for p in places)


def test_every_page_has_social_meta_with_a_local_card_image(site):
    for page in pages(site):
        meta = read(page)[0].meta
        for key in ("og:title", "og:description", "og:image", "og:url", "twitter:card", "twitter:image", "twitter:title"):
            assert meta.get(key), f"{page}: no {key}"
        assert meta["twitter:card"] == "summary_large_image"
        assert meta["og:image"].startswith(SITE_URL)
        image = site / meta["og:image"].removeprefix(SITE_URL)
        with Image.open(image) as picture:
            assert picture.format == "PNG"
            assert picture.size == (int(meta["og:image:width"]), int(meta["og:image:height"])) == (1200, 630)


def test_every_page_links_the_changes_feed(site):
    for page in pages(site):
        feeds = [link for link in read(page)[0].links if link.get("type") == "application/atom+xml"]
        assert len(feeds) == 1 and feeds[0]["rel"] == "alternate"
        assert (site / feeds[0]["href"].removeprefix(SITE_URL)).is_file()


def test_sitemap_lastmod_is_the_pages_modification_date(site):
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == text
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entries = {url.findtext("s:loc", namespaces=ns): url.findtext("s:lastmod", "", namespaces=ns)
               for url in ElementTree.fromstring(text).findall("s:url", ns)}
    for page in pages(site):
        url = page_url(site, page)
        assert url in entries, url
        modified = graph(read(page)[0])["WebPage"].get("dateModified")
        assert entries[url] == (modified or ""), url


def test_exported_json_in_the_site_validates_and_matches_the_cards(site):
    exported = json.loads((site / "facts.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "facts.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    assert not list(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(exported))
    ids = {i["id"] for s in ("facts", "quotes", "events") for i in exported[s]}
    cards = [c for page in card_pages(site) for c in re.findall(r'<article class="fx-card" id="([^"]+)"', read(page)[1])]
    assert sorted(cards) == sorted(ids)  # every item has one card, on one of the pages that hold them
    rows = list(csv.reader(io.StringIO((site / "facts.csv").read_text(encoding="utf-8"), newline="")))
    assert rows[0] == list(export.CSV_COLUMNS)
    assert sorted(row[0] for row in rows[1:]) == sorted(ids)  # one row per item, no more


def card_pages(site):
    """The pages holding cards (<!-- facts --> and <!-- facts:FILTER -->)."""
    return [p for p in pages(site) if 'class="fx-card"' in p.read_text(encoding="utf-8")]


def home_of(site, item_id):
    return next(p for p in card_pages(site) if f'<article class="fx-card" id="{item_id}"' in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("which", [0, -1])
def test_every_card_has_a_citation_with_its_permalink_and_a_copy_button(site, which):
    index = card_pages(site)[which]
    head, html = read(index)
    cards = re.findall(r'<article class="fx-card" id="([^"]+)"', html)
    permalink = page_url(site, index)
    for item_id in cards:
        cite = re.search(rf'<p class="fx-cite__text" id="cite-{item_id}">(.*?)</p>', html, re.S)
        assert cite, item_id
        assert f"{permalink}#{item_id}" in cite.group(1)
        assert "(accessed <span" in cite.group(1)  # the reader's date, filled in by the script
    buttons = [b for b in head.buttons if "data-fx-copy" in b]
    assert len(buttons) == len(cards)
    assert all(b.get("aria-label", "").startswith("Copy citation") and "hidden" in b for b in buttons)
    cite_script = [s for s in head.scripts if "explainer-cite" in s]
    assert cite_script and not cite_script[0].startswith(("http:", "https:", "//"))
    assert (index.parent / cite_script[0]).resolve().is_file()


def test_cards_and_pages_show_when_they_were_last_updated(site):
    html = read(site / "zz-test" / "index.html")[1]
    last = max(last for _, last in item_dates().values())
    assert f'Last updated <time datetime="{last}">' in html
    index = home_of(site, "zz-revised")
    card = re.search(r'<article class="fx-card" id="zz-revised">.*?</article>', index.read_text(encoding="utf-8"), re.S).group(0)
    assert f'Last updated <time class="fx-updated" datetime="{item_dates()["zz-revised"][1]}">' in card
    assert "History of changes" in card and card.count("<li><time") == 2 and "The ministry revised its count." in card


def test_generated_files_are_reproducible(project, site):
    again = build(project, site_dir="site-again")
    assert again.returncode == 0, again.stderr
    for name in GENERATED:
        assert (site / name).read_bytes() == (project / "site-again" / name).read_bytes(), name


def test_without_a_site_address_links_stay_relative_and_resolve(tmp_path):
    project = copy_project(tmp_path)
    result = build(project, site_url=None)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for page in pages(site):
        head = read(page)[0]
        assert "url" not in graph(head)["WebPage"]
        assert (page.parent / head.meta["og:image"]).resolve().is_file()
        feeds = [link["href"] for link in head.links if link.get("type") == "application/atom+xml"]
        assert (page.parent / feeds[0]).resolve().is_file()
    index = home_of(site, "zz-revised")
    assert 'data-fx-anchor="zz-revised"' in index.read_text(encoding="utf-8")  # the script cites the reader's URL


def test_without_a_downloads_block_the_home_page_describes_the_dataset(tmp_path):
    project = copy_project(tmp_path)
    for page in (project / "docs").rglob("*.md"):
        page.write_text(page.read_text(encoding="utf-8").replace("<!-- downloads -->", ""), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    described = [p for p in pages(site) if "Dataset" in graph(read(p)[0])]
    assert described == [site / "index.html"]
    assert (site / "facts.json").is_file()  # the exports are written whether or not a page links them


def test_every_page_has_its_own_description_from_its_first_paragraph(site):
    descriptions = {}
    for page in pages(site):
        head = read(page)[0]
        description = head.meta["description"]
        assert description == head.meta["og:description"] == head.meta["twitter:description"], page
        assert graph(head)["WebPage"]["description"] == description, page
        descriptions[page] = description
    assert len(set(descriptions.values())) == len(descriptions), "two pages share a description"
    assert descriptions[site / "zz-plain" / "index.html"] == "No facts here."
    # a figure's own words stay, its bracketed details (claimant, status, source) do not
    assert descriptions[site / "zz-test" / "index.html"] == "The count: 400–500 tests. It began on 15 January 2001."
    home = json.loads((site / "facts.json").read_text(encoding="utf-8"))["description"]
    assert descriptions[site / "index.html"] == home


def test_the_licence_is_stated_in_the_footer_the_exports_the_dataset_and_the_feed(site):
    license_url = "https://creativecommons.org/licenses/by/4.0/"
    for page in [*pages(site), site / "404.html"]:
        footer = re.search(r'<p class="md-copyright__highlight fx-license">(.*?)</p>', page.read_text(encoding="utf-8"), re.S)
        assert footer, page
        assert f'<a href="{license_url}" rel="license">CC BY 4.0</a>' in footer.group(1)
        assert "source headlines remain their owners" in footer.group(1)
    exported = json.loads((site / "facts.json").read_text(encoding="utf-8"))
    assert exported["license"]["name"] == "CC BY 4.0" and exported["license"]["url"] == license_url
    assert "Quotations" in exported["license"]["reserved"]
    terms = (site / "LICENSE.txt").read_text(encoding="utf-8")
    assert "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)" in terms and "facts.csv" in terms
    offering = next(p for p in pages(site) if 'class="fx-downloads"' in p.read_text(encoding="utf-8"))
    assert graph(read(offering)[0])["Dataset"]["license"] == license_url
    assert 'LICENSE.txt" type="text/plain">LICENSE.txt</a>' in offering.read_text(encoding="utf-8")
    rights = re.search(r"<rights>(.*?)</rights>", (site / "changes.xml").read_text(encoding="utf-8")).group(1)
    assert "CC BY 4.0" in rights and "source headlines remain their owners" in rights
