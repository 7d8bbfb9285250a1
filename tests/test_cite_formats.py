"""Each item's "Cite this" as reference managers import it: CSL-JSON rendered by citeproc-py, BibTeX read by
bibtexparser (and decoded by pylatexenc), RIS read by rispy. Any text survives each format's one escaping."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import bibtexparser
import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from conftest import FACTS, SOURCES
from hypothesis import example, given, settings
from hypothesis import strategies as st
from mkdocs_explainer.data.catalog import build_catalog, link
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.outputs import citations
from mkdocs_explainer.pages import citation
from mkdocs_explainer.siteinfo import SiteInfo
from outputs_helpers import ROOT, SITE_URL, build, copy_project
from pylatexenc.latex2text import LatexNodes2Text
from test_properties import CHARACTERS, SYNTAX

TEXT = st.lists(st.one_of(SYNTAX, st.sampled_from(["--", "``", "''", "{", "}", "\\", "$", "_", "~", "^", "#", "%"]),
                          st.text(CHARACTERS, max_size=4)), max_size=10).map("".join)


def one_line(text: str) -> str:
    """What a one-line field can hold: line breaks and control characters as one space."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+", " ", text)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("cite") / "project")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def items_of(site: Path) -> list[dict]:
    exported = json.loads((site / "facts.json").read_text(encoding="utf-8"))
    return [item for section in ("facts", "quotes", "events") for item in exported[section]]


def bibliography(entries: list[dict]) -> list[str]:
    """Every entry rendered by citeproc-py in the Harvard (Cite Them Right) style bundled with it; an unknown id fails."""
    source = CiteProcJSON(entries)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bib = CitationStylesBibliography(style, source, formatter.plain)
    cited = [Citation([CitationItem(entry["id"])]) for entry in entries]
    for one in cited:
        bib.register(one)

    def missing(item: CitationItem) -> None:
        raise AssertionError(f"no entry {item.key}")

    for one in cited:
        bib.cite(one, missing)
    return [str(text) for text in bib.bibliography()]


def test_every_item_has_csl_json_that_citeproc_renders_with_its_words_and_permalink(downloads):
    site = downloads
    for item in items_of(site):
        entries = json.loads((site / citations.cite_path(item["id"], "csl.json")).read_text(encoding="utf-8"))
        [entry] = entries
        assert entry["URL"] == item["permalink"] and entry["URL"].startswith(SITE_URL)
        [text] = bibliography(entries)
        assert entry["title"] in text and str(entry["issued"]["date-parts"][0][0]) in text


def test_the_site_wide_file_holds_every_item_and_every_source_and_renders(downloads):
    site = downloads
    entries = json.loads((site / citations.ALL_CITATIONS).read_text(encoding="utf-8"))
    exported = json.loads((site / "facts.json").read_text(encoding="utf-8"))
    ids = [entry["id"] for entry in entries]
    assert len(ids) == len(set(ids))
    assert set(ids) == {i["id"] for i in items_of(site)} | {f"source-{s['id']}" for s in exported["sources"]}
    rendered = bibliography(entries)
    assert len(rendered) == len(entries)
    by_id = {entry["id"]: entry for entry in entries}
    for source in exported["sources"]:
        entry = by_id[f"source-{source['id']}"]
        assert entry["URL"] == source["url"] and entry["title"] == source["title"]
        if source.get("author"):
            assert entry["author"] == [{"literal": source["author"]}]  # a byline is one name, never split


def test_bibtex_and_ris_say_what_the_csl_json_says(downloads):
    site = downloads
    for item in items_of(site):
        [entry] = json.loads((site / citations.cite_path(item["id"], "csl.json")).read_text(encoding="utf-8"))
        library = bibtexparser.parse_string((site / citations.cite_path(item["id"], "bib")).read_text(encoding="utf-8"))
        assert not library.failed_blocks
        [bib] = library.entries
        decode = LatexNodes2Text(math_mode="verbatim").latex_to_text
        assert decode(bib.fields_dict["title"].value) == entry["title"]
        assert bib.fields_dict["url"].value == entry["URL"]
        [ris] = rispy.loads((site / citations.cite_path(item["id"], "ris")).read_text(encoding="utf-8"))
        assert (ris["type_of_reference"], ris["title"], ris["urls"]) == ("ELEC", entry["title"], [entry["URL"]])
        assert ris["date"] == "/".join(f"{p:02d}" for p in entry["issued"]["date-parts"][0])


class Cards(HTMLParser):
    """Each citation's id and the site root its "reference managers" line names."""

    def __init__(self) -> None:
        super().__init__()
        self.citations: list[str] = []
        self.roots: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "fx-cite__text" in (a.get("class") or "").split():
            self.citations.append((a.get("id") or "").removeprefix("cite-"))
        if "fx-cite__files" in (a.get("class") or "").split():
            self.roots.append(a.get("data-fx-root") or "")


def test_each_cite_this_has_its_three_files_where_the_script_links_them(site):
    pages = [p for p in site.rglob("index.html") if 'class="fx-cite"' in p.read_text(encoding="utf-8")]
    assert pages
    for page in pages:
        cards = Cards()
        cards.feed(page.read_text(encoding="utf-8"))
        assert cards.citations and len(cards.roots) == len(cards.citations)
        for item_id, root in zip(cards.citations, cards.roots, strict=True):
            assert (page.parent / root).resolve() == site.resolve()
            for extension in ("csl.json", "bib", "ris"):
                assert (site / citations.cite_path(item_id, extension)).is_file(), (item_id, extension)


def test_only_items_with_a_card_get_files_of_their_own_and_every_item_stays_in_the_whole_file(tmp_path):
    """A card's "Cite this" is the only link to an item's own files: a site showing a few of many facts writes the
    few (a rewrite of the cards drops the rest), and citations.csl.json still holds every item."""
    catalog = build_catalog(ROOT / "data", ROOT)
    carded = sorted(catalog.items)[::3]
    for homes in ({item: "facts/" for item in catalog.items}, dict.fromkeys(carded, "facts/")):
        citations.write(tmp_path, catalog, SiteInfo("Site", "", "https://example.org/", "facts/", homes=homes))
    assert sorted(path.name for path in (tmp_path / citations.CITE_DIR).iterdir()) == sorted(
        f"{item}.{extension}" for item in carded for extension in citations.FORMATS)
    whole = json.loads((tmp_path / citations.ALL_CITATIONS).read_text(encoding="utf-8"))
    assert {entry["id"] for entry in whole} >= set(catalog.items)
    [entry] = json.loads((tmp_path / citations.cite_path(carded[0], "csl.json")).read_text(encoding="utf-8"))
    assert entry == next(e for e in whole if e["id"] == carded[0])


@settings(max_examples=300)
@given(TEXT)
@example("a--b ``x'' {unbalanced \\textbf{x} $x^2$ 100% #1 a_b ~")
def test_any_text_reads_back_from_bibtex(text):
    library = bibtexparser.parse_string("@misc{k,\n  title = {" + citations.bibtex_text(text) + "},\n}\n")
    assert not library.failed_blocks
    [entry] = library.entries
    value = entry.fields_dict["title"].value
    # pylatexenc prints \textasciicircum as U+02C6; LaTeX prints ^.
    decoded = LatexNodes2Text(math_mode="verbatim").latex_to_text(value).replace("\u02c6", "^")
    assert decoded == one_line(text).replace("\u02c6", "^")


@settings(max_examples=300)
@given(TEXT)
@example("line one\r\nTI  - forged\nER  - ")
def test_any_text_reads_back_from_ris(text):
    written = f"TY  - ELEC\r\nTI  - {citations.ris_text(text)}\r\nER  - \r\n"
    [entry] = rispy.loads(written)
    assert entry["type_of_reference"] == "ELEC"
    assert entry.get("title", "") == one_line(text).strip()
    assert set(entry) <= {"type_of_reference", "title"}


@given(st.text(CHARACTERS, max_size=20))
def test_any_url_stays_one_bibtex_field(path):
    url = "https://example.org/" + path
    library = bibtexparser.parse_string("@misc{k,\n  url = {" + citations.bibtex_text(url, verbatim=True) + "},\n}\n")
    assert not library.failed_blocks
    [entry] = library.entries
    assert set(entry.fields_dict) == {"url"}


SPOKESPERSON = """\
sources:
  - id: atlas
    publisher: Reference Works
    title: Atlas of the region
    url: https://example.org/atlas
claimants:
  - id: spokesperson
    name: Jane Doe
    role: Spokesperson of the ministry
    kind: official
facts:
  - id: troops-said
    label: Troops, the spokesperson's figure
    value: 9000
    unit: troops
    date: 2024-11-02
    claimant: spokesperson
    status: claimed
    sources: [{source: ap-report, excerpt: "She said 9,000 troops had arrived."}, {source: atlas, excerpt: "9,000 troops"}]
    reviewed: 2026-11-01
"""


def test_the_citation_text_worked_by_hand():
    """Who says it (with their post, when they have one), when, its status, and each source with its date when it
    has one; "Source" or "Sources" by their number."""
    catalog = link([check_file(name, text.encode()) for name, text in {
        "data/sources.yml": SOURCES, "data/facts.yml": FACTS, "data/extra.yml": SPOKESPERSON}.items()])
    assert citation.citation(catalog.items["troops-said"], catalog, "The Site") == (
        "The Site: Troops, the spokesperson's figure: 9,000 troops, according to Jane Doe, Spokesperson of the "
        "ministry, 2 November 2024 (status: claimed). Sources: Associated Press, “Troops near the border”, "
        "31 October 2024, https://example.org/ap; Reference Works, “Atlas of the region”, https://example.org/atlas.")
    assert citation.citation(catalog.items["troops-near-kursk"], catalog, "The Site") == (
        "The Site: Troops near Kursk: about 8,000 troops, according to United States government, 31 October 2024 "
        "(status: reported). Source: Associated Press, “Troops near the border”, 31 October 2024, https://example.org/ap.")


ENTRY = {"id": "troops-1", "type": "webpage", "title": "Troops: about 10,000 & more", "container-title": "Explainer",
         "publisher": "Desk", "author": [{"literal": "Desk"}, {"literal": "A. Writer"}],
         "issued": {"date-parts": [[2024, 11, 5]]}, "language": "en", "URL": "https://example.org/facts/#troops-1",
         "note": "According to Washington (status: reported)."}


def test_an_entrys_bibtex_worked_by_hand():
    assert citations.render_bibtex(ENTRY) == (
        "@misc{troops-1,\n"
        "  title = {Troops: about 10,000 \\& more},\n"
        "  author = {{Desk and A. Writer}},\n"
        "  organization = {Desk},\n"
        "  howpublished = {Explainer},\n"
        "  year = {2024},\n"
        "  date = {2024-11-05},\n"
        "  url = {https://example.org/facts/#troops-1},\n"
        "  note = {According to Washington (status: reported).},\n"
        "  language = {en},\n"
        "}\n")
    bare = {"id": "x y", "title": "T"}  # no author, date, address or note: those fields are left out
    assert citations.render_bibtex(bare) == "@misc{x-y,\n  title = {T},\n}\n"


def test_an_entrys_ris_worked_by_hand():
    assert citations.render_ris(ENTRY) == (
        "TY  - ELEC\r\nID  - troops-1\r\nTI  - Troops: about 10,000 & more\r\nAU  - Desk\r\nAU  - A. Writer\r\n"
        "T2  - Explainer\r\nPB  - Desk\r\nDA  - 2024/11/05\r\nPY  - 2024\r\nUR  - https://example.org/facts/#troops-1\r\n"
        "LA  - en\r\nN1  - According to Washington (status: reported).\r\nER  - \r\n")
    assert citations.render_ris({"id": "x", "title": "T"}) == "TY  - ELEC\r\nID  - x\r\nTI  - T\r\nER  - \r\n"


def test_a_csl_item_is_a_web_page_by_the_site_noting_who_says_so_with_their_role():
    catalog = build_catalog(ROOT / "data", ROOT)
    site = SiteInfo("Site", "", SITE_URL, "facts/", author="Desk")
    item = next(i for i in catalog.items.values() if catalog.claimant_of(i).get("role"))
    claimant = catalog.claimant_of(item)
    entry = citations.csl_item(item, catalog, site)
    assert (entry["type"], entry["author"], entry["publisher"]) == ("webpage", [{"literal": "Desk"}], "Desk")
    assert entry["note"].startswith(f"According to {claimant['name']}, {claimant['role']} (status: {item['status']}). Sources: ")
    source = next(iter(catalog["sources"].values()))
    assert citations.csl_source(source)["type"] == "webpage"


def test_a_sources_csl_entry_worked_by_hand():
    source = {"id": "s1", "title": "Troops seen", "publisher": "Wire", "url": "https://w.example/a", "author": "Kim Min-jun",
              "published": "2024-10-31", "archived": "https://archive.example/a", "via": "Reuters", "published_inferred": None}
    assert citations.csl_source(source) == {
        "id": "source-s1", "type": "webpage", "title": "Troops seen", "publisher": "Wire", "container-title": "Wire",
        "URL": "https://w.example/a", "author": [{"literal": "Kim Min-jun"}], "issued": {"date-parts": [[2024, 10, 31]]},
        "custom": {"archived": "https://archive.example/a", "via": "Reuters"}}
    assert citations.csl_source({"id": "s2", "title": "T", "publisher": "P", "url": "u", "published": None}) == {
        "id": "source-s2", "type": "webpage", "title": "T", "publisher": "P", "container-title": "P", "URL": "u"}
