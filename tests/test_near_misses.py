"""Shortcodes that would vanish (issue 20 §5): split over lines, commented out inside another comment, or typed
with look-alike characters. Each is reported at its line with the form meant; none is dropped silently."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs_explainer.data.catalog import Catalog
from mkdocs_explainer.pages import shortcodes
from mkdocs_explainer.pages.markers import fold
from pages_helpers import convert
from test_markdown_ext import catalog  # noqa: F401  # the fixture

SPLIT = [
    ("Text <!-- fact:\nf-us --> more.\n", "<!-- fact:f-us -->"),
    ("<!--\nfact:f-us\n-->\n", "<!-- fact:f-us -->"),
    ("Text <!-- fa\nct:f-us --> more.\n", "<!-- fact:f-us -->"),
    ("<!-- legend\n-->\n", "<!-- legend -->"),
]


@pytest.mark.parametrize(("text", "meant"), SPLIT)
def test_a_shortcode_split_over_lines_is_reported_at_its_first_line(catalog: Catalog, text: str, meant: str) -> None:  # noqa: F811
    page = convert("# Page\n\n" + text, catalog)
    assert [(p.line, meant in p.message, "one line" in p.message) for p in page.problems] == [(3, True, True)]


@pytest.mark.parametrize("text", [
    "<!-- draft: <!-- fact:f-us --> -->\n",
    "Text <!-- TODO <!-- value:f-us --> later --> more.\n",
    "<!-- <!-- estimates:troops --> -->\n",
])
def test_a_shortcode_inside_another_comment_is_reported(catalog: Catalog, text: str) -> None:  # noqa: F811
    page = convert("# Page\n\n" + text, catalog)
    assert len(page.problems) == 1 and page.problems[0].line == 3
    assert "inside raw HTML or inside another comment" in page.problems[0].message


LOOK_ALIKES = [
    "<!-- fact\uff1af-us -->",  # full-width colon
    "<!-- fa\u200bct:f-us -->",  # zero-width space
    "<!-- f\u0430ct:f-us -->",  # Cyrillic а
    "<!-- \u0066\u0430\u0441t:f-us -->",  # Cyrillic а and с
    "<!-- \u200efact:f-us -->",  # a left-to-right mark
    "<!-- \uff46\uff41\uff43\uff54:f-us -->",  # full-width letters
    "<!-- fact\u2236f-us -->",  # ratio sign
]


@pytest.mark.parametrize("written", LOOK_ALIKES)
def test_look_alike_characters_are_reported_with_the_form_meant(catalog: Catalog, written: str) -> None:  # noqa: F811
    page = convert(f"# Page\n\nThe figure: {written}.\n", catalog)
    assert len(page.problems) == 1 and page.problems[0].line == 3
    assert "Did you mean '<!-- fact:f-us -->'?" in page.problems[0].message
    assert page.shown == []


def test_folding_leaves_ascii_and_other_scripts_alone() -> None:
    assert fold("<!-- fact:f-us -->") == "<!-- fact:f-us -->"
    assert fold("Сеул") != "Сеул" and fold("서울") == "서울"  # Hangul has no Latin look-alike


INVISIBLE = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u202e", "\u00ad"])
LOOKALIKE = st.sampled_from([*"аеорсхіАЕОРСΑΕΟΡ", "\uff1a", "\u2236", "\ua789"])


@given(kind=st.sampled_from(sorted(k for k, v in shortcodes.KINDS.items() if v.section == "facts" and not v.block)),
       position=st.integers(0, 30), insert=st.one_of(INVISIBLE, st.just("\n"), LOOKALIKE))
def test_no_disturbed_shortcode_vanishes(catalog: Catalog, kind: str, position: int, insert: str) -> None:  # noqa: F811
    """Whatever is slipped into a shortcode, it is shown or reported, never silently dropped."""
    body = f"{kind}:f-us"
    position = min(position, len(body))
    if insert in "аеорсхіАЕОРСΑΕΟΡ" and insert:  # a look-alike replaces the letter it imitates
        ascii_letter = fold(insert)
        spots = [i for i, c in enumerate(body) if c == ascii_letter]
        if not spots:
            return
        body = body[:spots[0]] + insert + body[spots[0] + 1:]
    elif insert in ("\uff1a", "\u2236", "\ua789"):
        body = body.replace(":", insert, 1)
    else:
        body = body[:position] + insert + body[position:]
    page = convert(f"# Page\n\nSaid <!-- {body} --> today.\n", catalog)
    rendered = 'data-fact="f-us"' in page.html
    assert rendered or [p.line for p in page.problems] == [3], (body, page.problems)
    if page.problems:
        assert not rendered


@pytest.mark.parametrize(("written", "meant"), [
    ("<!--FACT:f-us-->", "<!-- fact:f-us -->"),  # nothing between the comment's marks and the words
    ("<!-- FACT: f-us extra -->", "<!-- fact:f-us -->"),  # the id, and nothing after it
    ("<!-- Facts -->", "<!-- facts -->"),
    ("<!-- Facts f-us -->", "<!-- facts -->"),  # no colon: the words after the kind are not an id
    ("<!-- 42 -->", "<!-- 42 -->"),  # no word at all: the comment as it is, in lower case
    ("<!-- ÄBC -->", "<!-- äbc -->"),
])
def test_the_form_suggested_for_a_near_miss(written: str, meant: str) -> None:
    from mkdocs_explainer.pages.markers import suggestion

    assert suggestion(written) == meant


@pytest.mark.parametrize("comment", ["<!--LEGEND-->", "<!--FACT:f-us-->", "<!-- Fact: f-us -->"])
def test_a_near_miss_without_spaces_or_in_capitals_is_taken_for_a_shortcode(comment: str) -> None:
    from mkdocs_explainer.pages.markers import looks_like_shortcode

    assert looks_like_shortcode(comment, shortcodes.KINDS)
    assert not looks_like_shortcode("<!--LEGENDS-->", shortcodes.KINDS)
