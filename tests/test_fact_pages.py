"""Cards split over several pages (`<!-- facts:FILTER -->`): each item keeps one permanent home."""

from __future__ import annotations

import re

import pytest
from conftest import FACTS, SOURCES
from mkdocs_explainer.data.catalog import link
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.pages import views
from mkdocs_explainer.pages.render import PageContext
from mkdocs_explainer.siteinfo import SiteInfo
from pages_helpers import check, convert

EVENTS = """\
events:
  - id: border-crossing
    title: Troops cross the border
    date: 2025-01-10
    claimant: us-gov
    status: reported
    sources: [ap-report]
    reviewed: 2026-11-01
"""


@pytest.fixture
def catalog():
    texts = {"data/sources.yml": SOURCES, "data/figures.yml": FACTS, "data/events.yml": EVENTS}
    return link([check_file(name, text.encode()) for name, text in texts.items()])


@pytest.mark.parametrize(("arg", "ids"), [
    ("file=figures", ["troops-total-us", "troops-near-kursk"]),
    ("file=events", ["border-crossing"]),
    ("kind=event", ["border-crossing"]),
    ("year=2024", ["troops-total-us", "troops-near-kursk"]),
    ("file=figures,year=2025", []),
])
def test_a_filter_selects_its_items_oldest_first(catalog, arg, ids):
    assert [item["id"] for item in views.filtered_items(catalog, arg)] == ids


@pytest.mark.parametrize(("text", "message"), [
    ("<!-- facts:file=figurs -->", "file=figurs: no such file; there are events, figures"),
    ("<!-- facts:colour=red -->", "'colour=red' is not a filter"),
    ("<!-- facts:year=24 -->", "year=24: give a year as four digits"),
    ("<!-- facts:kind=fact,kind=quote -->", "'kind' is given twice"),
    ("<!-- legend:x -->", "'legend' takes no id"),
])
def test_a_wrong_filter_is_a_problem_naming_the_page_and_line(catalog, text, message):
    problems, _ = check(f"# Facts\n\n{text}\n", catalog)
    assert len(problems) == 1 and problems[0].line == 3 and message in problems[0].message, problems


def test_each_item_has_one_home_and_a_plain_facts_page_lists_the_rest(catalog):
    _, figures_page = check("<!-- facts:file=figures -->\n", catalog)
    _, rest_page = check("<!-- facts -->\n", catalog)
    codes = {"all.md": rest_page, "zz/figures.md": figures_page}
    homes = views.card_homes(codes, catalog)
    assert homes == {"troops-near-kursk": "zz/figures.md", "troops-total-us": "zz/figures.md", "border-crossing": "all.md"}
    listed = views.listed_by_filters(codes, catalog)
    rest = convert("<!-- facts -->\n", PageContext(catalog, listed=listed)).html
    assert re.findall(r'<article class="fx-card" id="([^"]+)"', rest) == ["border-crossing"]


def test_links_and_citations_point_at_an_items_home(catalog):
    context = PageContext(catalog, fact_index_url="../all/", homes={"troops-total-us": "../figures/"},
                          site=SiteInfo("S", "", "https://example.org/", "all/", homes={"troops-total-us": "figures/"}))
    html = convert("<!-- fact:troops-total-us --> and <!-- fact:troops-near-kursk -->\n", context).html
    assert 'href="../figures/#troops-total-us"' in html and 'href="../all/#troops-near-kursk"' in html
    assert context.site is not None
    assert context.site.permalink({"id": "troops-total-us"}) == "https://example.org/figures/#troops-total-us"
    assert context.site.permalink({"id": "troops-near-kursk"}) == "https://example.org/all/#troops-near-kursk"
