"""Details of the generated text a reader or an editor sees, each by a worked example: the feed's wording, place
kinds and travel modes in another language, a text's width in a chart, the items the pages show, the stale
report's data folder, the fact index's address, and the projection's refusal."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from mkdocs_explainer import i18n
from mkdocs_explainer.data.catalog import Catalog, link
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.outputs import feed, stale
from mkdocs_explainer.pages import chart, formatting, shortcodes, standalone
from mkdocs_explainer.pages.affected import pages_to_rebuild
from mkdocs_explainer.pages.projection import LambertConic
from mkdocs_explainer.pages.scan import PageScan, scan_pages
from mkdocs_explainer.pages.shortcodes import Shortcode
from mkdocs_explainer.siteinfo import SiteInfo

A = "{http://www.w3.org/2005/Atom}"
SITE = SiteInfo("Test site", "", "https://example.org/x/", "facts/")

TWO_SOURCES = """\
claimants:
  - {id: zz-c, name: A ministry, kind: government}
sources:
  - {id: zz-s1, publisher: Gazette, title: First report, url: "https://example.org/1", published: 2001-02-03}
  - {id: zz-s2, publisher: Herald, title: Second report, url: "https://example.org/2", published: 2001-02-04}
facts:
  - id: zz-f
    label: Troops sent
    value: 100
    unit: troops
    date: 2001-02-01
    claimant: zz-c
    status: confirmed
    sources:
      - {source: zz-s1, excerpt: "100 troops were sent."}
      - {source: zz-s2, excerpt: "100 troops were sent."}
    reviewed: 2001-03-01
    revisions:
      - date: 2001-02-20
        change: Unit renamed to Corps X.
"""


def test_a_feed_entry_lists_every_source_and_keeps_a_change_ending_in_x():
    """Two sources, joined by a semicolon; a change that ends in "X." keeps its X, with one full stop."""
    catalog = link([check_file("data/zz-two.yml", TWO_SOURCES.encode())])
    root = ET.fromstring(feed.render(catalog, SITE).encode("utf-8"))
    [entry] = root.findall(f"{A}entry")
    assert entry.findtext(f"{A}content") == (
        "20 February 2001: Unit renamed to Corps X.\n\nNow: Troops sent: 100 troops. According to A ministry, "
        "1 February 2001. Status: confirmed. Reviewed 1 March 2001. Sources: Gazette, “First report” "
        "<https://example.org/1>; Herald, “Second report” <https://example.org/2>.")


def test_place_kinds_and_travel_modes_are_translated_in_their_own_context():
    """In Korean, from the package's catalogue: a city is 도시 and rail is 철도; a site's own kind stays as written."""
    with i18n.use("ko"):
        assert formatting.place_kind("city") == "도시"
        assert formatting.place_kind("splashdown area") == "낙하 해역"
        assert formatting.travel_mode("rail") == "철도"
        assert formatting.travel_mode("ship") == "선박"
        assert formatting.place_kind("airfield") == "airfield"


def test_a_texts_width_counts_wide_and_thin_characters():
    """A Latin letter is 1, a Hangul syllable 2, a thin or narrow no-break space 0.5 (X is a letter like any)."""
    assert chart.ems("X") == 1.0
    assert chart.ems("AXB") == 3.0
    assert chart.ems("5\u202f000") == 4.5
    assert chart.ems("한국 X") == 6.0


def test_the_items_shown_are_those_of_every_page(tmp_path: Path):
    """Two pages each show one fact: the scan's items shown are both, not the last page's."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# A\n\n<!-- fact:first -->\n", encoding="utf-8")
    (docs / "b.md").write_text("# B\n\n<!-- fact:second -->\n", encoding="utf-8")
    catalog = Catalog({"facts": {"first": {"id": "first"}, "second": {"id": "second"}}})
    assert scan_pages(docs, tmp_path, catalog).shown == {"first", "second"}


STALE_DATA = """\
claimants:
  - {id: zz-c, name: A ministry, kind: government}
sources:
  - {id: zz-s, publisher: Gazette, title: A report, url: "https://example.org/1", published: 2001-02-03}
events:
  - id: zz-event
    title: The tests began
    date: 2001-01-15
    claimant: zz-c
    status: confirmed
    sources: [{source: zz-s, excerpt: "The tests began in January."}]
    reviewed: 2001-01-20
"""


def test_the_stale_report_reads_the_configured_data_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """mkdocs.yml's `data_dir: facts`: the report reads facts/, and finds its event overdue (71 days, limit 30)."""
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nplugins:\n  - explainer:\n      data_dir: facts\n",
                                         encoding="utf-8")
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "events.yml").write_text(STALE_DATA, encoding="utf-8")
    assert stale.main(["--root", str(tmp_path), "--today", "2001-04-01", "--days", "30"]) == 1
    out, err = capsys.readouterr()
    assert "zz-event (event): last reviewed 20 January 2001, 71 days ago" in out
    assert err.startswith("1 of 1 items not reviewed in the last 30 days")


@pytest.mark.parametrize(("directory_urls", "address"), [(True, "list/facts/"), (False, "list/facts.html")])
def test_the_fact_index_address_follows_the_sites_url_style(directory_urls: bool, address: str):
    """The page holding <!-- facts --> is the fact index; its address as MkDocs gives it, in either URL style."""
    pages = PageScan(codes={"list/facts.md": [Shortcode("facts", "", 3, "<!-- facts -->")]})
    settings = standalone.Settings.read(None)
    site = standalone.site_info("Test site", "", "", settings, Catalog({}), pages, directory_urls)
    assert site.index_path == address


def test_a_cone_with_one_standard_parallel_twice_is_refused_saying_why():
    with pytest.raises(ValueError, match=r"^give two different standard parallels$"):
        LambertConic(30, 30, 25, 10)


def test_a_sites_shortcode_naming_two_records_is_rebuilt_when_either_changes(monkeypatch: pytest.MonkeyPatch):
    """The preview's fast rebuild: `<!-- pair:a,b -->` (a site's own template) reads both records, so an edit to
    fact b rebuilds its page, as it does the page with `<!-- pair:b -->`, and an edit to claimant us (a's) too."""
    monkeypatch.setitem(shortcodes.KINDS, "pair", shortcodes._site_kind("shortcodes/pair.html", block=True))
    scan = PageScan(codes={"both.md": [Shortcode("pair", "a,b", 1, "<!-- pair:a,b -->")],
                           "one.md": [Shortcode("pair", "b", 1, "<!-- pair:b -->")]})
    facts = {"a": {"id": "a", "value": 1, "claimant": "us"}, "b": {"id": "b", "value": 2, "claimant": "kr"}}
    claimants = {"us": {"id": "us", "name": "US"}, "kr": {"id": "kr", "name": "South Korea"}}
    old = Catalog({"facts": facts, "claimants": claimants})
    new_b = Catalog({"facts": {**facts, "b": {**facts["b"], "value": 20}}, "claimants": claimants})
    assert pages_to_rebuild(scan, scan, old, new_b) == {"both.md", "one.md"}
    new_us = Catalog({"facts": facts, "claimants": {**claimants, "us": {"id": "us", "name": "United States"}}})
    assert pages_to_rebuild(scan, scan, old, new_us) == {"both.md"}
