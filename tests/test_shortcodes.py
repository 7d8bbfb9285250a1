"""Shortcodes in pages: found with their lines, checked loudly, rendered as escaped HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs_explainer.data.catalog import link
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.pages.render import PageContext
from mkdocs_explainer.pages.shortcodes import KINDS, items_shown, replace
from pages_helpers import check


def catalog_of(texts: dict[str, str]):
    return link([check_file(name, text.encode()) for name, text in texts.items()])


def test_check_gives_lines_and_ignores_ordinary_comments(data_texts):
    page = "# Title\n\n<!-- a note for editors -->\nText <!-- fact:troops-near-kursk --> more.\n\n<!-- legend -->\n"
    problems, codes = check(page, catalog_of(data_texts))
    assert problems == []
    assert [(c.kind, c.arg, c.line) for c in codes] == [("fact", "troops-near-kursk", 4), ("legend", "", 6)]


def test_unknown_id_names_page_line_and_suggestion(data_texts):
    catalog = catalog_of(data_texts)
    problems, _ = check("Intro\n\nSee <!-- fact:troops-near-kursc -->.\n", catalog)
    assert [str(p) for p in problems] == [
        "docs/x.md:3: <!-- fact:troops-near-kursc -->: unknown fact 'troops-near-kursc'. Did you mean 'troops-near-kursk'?"
    ]


def test_unknown_kind_lists_the_available_ones(data_texts):
    problems, _ = check("<!-- figure:troops-near-kursk -->\n", catalog_of(data_texts))
    assert problems[0].message == f"unknown shortcode 'figure'. Available: {', '.join(sorted(KINDS))}"
    assert "fact" in KINDS and "estimates" in KINDS


def test_block_shortcode_inside_a_sentence_is_refused(data_texts):
    problems, _ = check("Here: <!-- estimates:troops-total -->\n", catalog_of(data_texts))
    assert problems[0].message == "'estimates' shows a block; put it on a line of its own"


def test_shown_ids_include_group_members(data_texts):
    catalog = catalog_of(data_texts)
    _, codes = check("<!-- estimates:troops-total -->\n", catalog)
    assert items_shown(codes, catalog) == {"troops-total-us"}


def test_fact_renders_value_claimant_status_and_source_link(data_texts):
    html = replace("We hear of <!-- fact:troops-near-kursk -->.", PageContext(catalog_of(data_texts), "../facts/"))
    assert '<a class="fx-value" href="../facts/#troops-near-kursk">about 8,000 troops</a>' in html
    assert "according to United States government, 31 October 2024" in html
    assert ">reported</span>" in html
    assert '<a class="fx-source" href="https://example.org/ap"' in html
    assert "\n" not in html  # stays inside its paragraph


def test_text_from_data_is_escaped_never_markup(data_texts):
    data_texts["data/sources.yml"] = data_texts["data/sources.yml"].replace(
        "name: United States government", 'name: "<script>alert(1)</script>"'
    )
    html = replace("<!-- fact:troops-near-kursk -->", PageContext(catalog_of(data_texts)))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_block_renders_between_blank_lines(data_texts):
    html = replace("Intro\n<!-- estimates:troops-total -->\nAfter", PageContext(catalog_of(data_texts)))
    assert "\n\n<div class=\"fx-estimates" in html
    assert "</table>" in html and "\n\n" not in html.split("\n\n")[1]


def test_a_broken_template_is_a_problem_naming_the_template(data_texts, tmp_path, monkeypatch):
    from mkdocs_explainer.pages import render
    from mkdocs_explainer.problems import ProblemsFound

    (tmp_path / "legend.html").write_text("<dl>\n{% for x in %}\n</dl>\n")
    monkeypatch.setattr(render, "TEMPLATES", tmp_path)
    render.environment.cache_clear()
    try:
        with pytest.raises(ProblemsFound) as caught:
            replace("<!-- legend -->", PageContext(catalog_of(data_texts)))
    finally:
        render.environment.cache_clear()
    [problem] = caught.value.problems
    assert (Path(problem.file).name, problem.line) == ("legend.html", 2)


def test_a_shortcode_naming_no_record_does_not_hide_what_the_next_ones_show(data_texts):
    """The page scan's list of what a page shows (for its dates and the fairness checks) goes on past an unknown id:
    the page's conversion reports that one."""
    from mkdocs_explainer.pages import scan
    from mkdocs_explainer.pages.shortcodes import Shortcode

    catalog = catalog_of(data_texts)
    codes = [Shortcode("estimates", "no-such-group", 1, "<!-- estimates:no-such-group -->"),
             Shortcode("fact", "troops-total-us", 3, "<!-- fact:troops-total-us -->")]
    assert scan.items_shown(codes, catalog) == {"troops-total-us"}
