"""Shortcode HTML is put into pages after Markdown has run: same page, less work, data text kept literal."""

from __future__ import annotations

import re

import markdown
import pytest
from explainer.data.catalog import Catalog
from explainer.pages import shortcodes
from explainer.pages.render import PageContext

EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "toc"]


@pytest.fixture
def context() -> PageContext:
    facts = {
        "kursk": {"id": "kursk", "kind": "fact", "label": "Troops near Kursk", "value": 8000, "value_kind": "number",
                  "qualifier": "about", "prefix": None, "unit": "troops", "group": "total", "date": "2024-10-31",
                  "time": None, "timezone": None, "claimant": "us", "status": "reported", "sources": ["ap"],
                  "note": None},
        "slogan": {"id": "slogan", "kind": "fact", "label": "A slogan", "value": "*not* <b>bold</b> [x](y)",
                   "value_kind": "text", "qualifier": None, "prefix": None, "unit": None, "group": None,
                   "date": "2024-11-01", "time": None, "timezone": None, "claimant": "us", "status": "claimed",
                   "sources": ["ap"], "note": None},
    }
    catalog = Catalog({
        "facts": facts,
        "claimants": {"us": {"id": "us", "name": "United States government", "role": None}},
        "sources": {"ap": {"id": "ap", "publisher": "AP", "title": "Troops", "url": "https://example.org/ap",
                           "published": "2024-10-31"}},
        "groups": {"total": {"id": "total", "title": "Troops in total", "note": None}},
    })
    return PageContext(catalog)


def to_html(text: str, context: PageContext, stashed: bool) -> str:
    if stashed:
        source, html = shortcodes.stash(text, context)
        return shortcodes.unstash(markdown.markdown(source, extensions=EXTENSIONS), html)
    return markdown.markdown(shortcodes.replace(text, context), extensions=EXTENSIONS)


def test_a_page_comes_out_as_when_markdown_parsed_our_html(context: PageContext) -> None:
    page = ("# Deployment\n\nWashington said <!-- fact:kursk --> were there, **<!-- value:kursk -->** "
            "on <!-- date:kursk -->.\n\n<!-- estimates:total -->\n\nAfter the table.\n")
    # Only the blank lines between blocks may differ.
    stashed, parsed = (re.sub(r"\n+", "\n", to_html(page, context, stashed=s)) for s in (True, False))
    assert stashed == parsed
    assert "fxinline" not in to_html(page, context, stashed=True)


def test_data_text_is_never_read_as_markdown(context: PageContext) -> None:
    html = to_html("The slogan: <!-- value:slogan -->\n", context, stashed=True)
    assert "*not* &lt;b&gt;bold&lt;/b&gt; [x](y)" in html
    assert "<em>" not in html


def test_a_block_inside_an_admonition_stays_inside_it(context: PageContext) -> None:
    html = to_html('!!! note "Estimates"\n\n    <!-- estimates:total -->\n\nOutside.\n', context, stashed=True)
    admonition = html.split('<div class="admonition note">', 1)[1].split("<p>Outside.</p>")[0]
    assert "<table>" in admonition and "fxblock" not in html


def test_a_shortcode_in_a_heading_shows_its_text_in_the_table_of_contents(context: PageContext) -> None:
    source, _ = shortcodes.stash("## About <!-- value:kursk -->\n", context)
    md = markdown.Markdown(extensions=["toc"])
    md.convert(source)
    assert md.toc_tokens[0]["name"] == "About about 8,000 troops"
