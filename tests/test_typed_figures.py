"""A figure a fact holds, typed again by hand, goes stale when the fact changes: the build names the place."""

from __future__ import annotations

import pytest
from conftest import FACTS, SOURCES
from hypothesis import given
from hypothesis import strategies as st
from mkdocs_explainer.data.catalog import link
from mkdocs_explainer.data.figures import find
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.pages.fairness import prose, typed_figures

CORRECTION = """\
corrections:
  - id: total
    topic: How many were sent
    article: "The article said 10,000 troops."
    record: The record says more than 10,000 troops.
    items: [troops-total-us]
    sources: [ap-report]
"""


def catalog_of(*extra: str, facts: str = FACTS):
    texts = {"data/sources.yml": SOURCES, "data/facts.yml": facts}
    texts.update({f"data/extra{i}.yml": text for i, text in enumerate(extra)})
    return link([check_file(name, text.encode()) for name, text in texts.items()])


def test_a_correction_typing_a_facts_figure_is_warned_with_the_fact_to_use():
    [warning] = [str(w) for w in catalog_of(CORRECTION).warnings]
    assert warning.startswith("data/extra0.yml:5: corrections[0].record (total): types 10,000 by hand; "
                              "fact 'troops-total-us' holds this figure")


def test_the_articles_own_words_and_revisions_are_not_typed_figures():
    quiet = CORRECTION.replace("The record says more than 10,000 troops.", "The record gives a larger figure.")
    assert catalog_of(quiet).warnings == []


def test_a_figure_in_a_note_follows_the_fact_when_it_is_written_without_separator():
    facts = FACTS.replace("    reviewed: 2026-11-01\n  - id: troops-total-us",
                          "    note: Up from 10000 a week before.\n    reviewed: 2026-11-01\n  - id: troops-total-us")
    [warning] = [str(w) for w in catalog_of(facts=facts).warnings]
    assert warning.startswith("data/facts.yml:14: facts[0].note (troops-near-kursk): types 10000 by hand; "
                              "fact 'troops-total-us'")


def test_prose_typing_a_facts_figure_names_the_line_and_the_shortcode():
    catalog = catalog_of()
    text = "# Troops\n\nAbout 8,000 troops are near Kursk.\n"
    [warning] = [str(w) for w in typed_figures("docs/troops.md", text, catalog)]
    assert warning == ("docs/troops.md:3: 8,000: typed by hand; fact 'troops-near-kursk' holds this figure: write "
                       "<!-- value:troops-near-kursk --> (or fact:) instead, so the page follows the fact when it changes")


@pytest.mark.parametrize("text", [
    "They arrived in 2024 and left in 2025.",                         # years
    "On 2024-10-31 at 10:00, Article 4 applied.",                     # dates, times, article numbers
    'The agency said "about 8,000 troops" were there.',               # quoted words
    "See `8,000` in code and <!-- fact:troops-near-kursk -->.",       # code and shortcodes
    "```\n8,000 troops\n```",                                         # fenced code
    "[the report](https://example.org/8000) and <a href=\"/10000\">x</a>",  # addresses
    "Hwasong-8000 and id troops-8000 and 8,000.5 km",                 # names, ids, other numbers
])
def test_what_is_not_a_typed_figure(text):
    catalog = catalog_of()
    assert typed_figures("docs/x.md", text, catalog) == []


def test_small_numbers_count_only_with_the_facts_unit():
    facts = FACTS.replace("value: 8000\n    qualifier: about\n    unit: troops",
                          "value: 12\n    qualifier: about\n    unit: km").replace(
        "About 8,000 troops are near the border.", "About 12 km from the border.")
    catalog = catalog_of(facts=facts)
    assert typed_figures("docs/x.md", "Chapter 12 of the report.", catalog) == []
    assert len(typed_figures("docs/x.md", "It flew 12 km.", catalog)) == 1


def test_numbers_are_read_with_their_separators():
    assert [(f.written, f.value) for f in find("20,000 and 20\u202f000 and 1.5 million and 2,000")] == [
        ("20,000", 20000), ("20\u202f000", 20000), ("1.5", 1.5), ("2,000", 2000)]
    assert list(find("in 2000, on 2024-11-13, at 07:10, Su-27")) == []


@given(st.text(alphabet=st.sampled_from(list("0123456789,.-:/ \n`<!->\"“”abc")), max_size=80))
def test_any_text_is_read_without_error_and_keeps_its_lines(text):
    assert prose(text).count("\n") == text.count("\n")
    for figure in find(text):
        assert figure.value >= 0 and figure.written in text


def test_a_figure_is_found_where_it_stands_past_quotations_and_years():
    text = 'In 2024 they said "8,000 Troops" and later 9,000 Troops came'
    [figure] = find(text)
    assert (figure.written, figure.value, figure.after, figure.offset) == ("9,000", 9000.0, "troops came", text.index("9,000"))


def test_both_ends_of_a_span_are_figures_a_fact_holds():
    from mkdocs_explainer.data.figures import held_figures, holders
    held = held_figures([{"id": "span", "value_kind": "range", "value": {"min": 400, "max": 500}, "unit": "Tests"},
                         {"id": "count", "value_kind": "number", "value": 100, "unit": "km"},
                         {"id": "named", "value_kind": "text", "value": "a name"}])
    walk = held_figures([{"id": "walk", "value_kind": "number", "value": 12, "unit": "km"}])
    assert [holders(figure, walk) for figure in find("a 12-km walk, 12 people")] == [["walk"], []]  # the unit follows
    # 100 is no longer a small number: it counts without its unit
    assert [holders(figure, held) for figure in find("400 to 500 tests, and 100 people")] == [["span"], ["span"], ["count"]]


def test_the_advice_names_every_fact_holding_the_figure():
    from mkdocs_explainer.data.figures import advice
    assert advice(["a", "b"], in_page=True) == ("fact 'a' or 'b' holds this figure: write <!-- value:a --> or "
                                                "<!-- value:b --> (or fact:) instead, so the page follows the fact when it changes")
    assert advice(["a"], in_page=False) == ("fact 'a' holds this figure: don't type it again here (it would go stale "
                                            "when the fact changes); name the fact's claim in words and show the "
                                            "figure on the page from the fact")


def test_front_matter_code_and_comments_are_blanked_and_every_other_character_kept():
    """Worked by hand: the front matter (up to its closing ---, not a later rule) and a comment become spaces, line
    by line; the text and a horizontal rule stay."""
    text = "---\ntitle: 8,000\n---\nText 9,000 <!-- fact:x -->\n\n---\n\nMore 7,000\n"
    assert prose(text) == "   \n" + " " * 12 + "\n   \nText 9,000 " + " " * 15 + "\n\n---\n\nMore 7,000\n"
    assert prose("---\n\n---\nText\n") == "   \n\n   \nText\n"  # an empty line in the front matter
    assert prose("Text\n---\nmore\n---\n") == "Text\n---\nmore\n---\n"  # no front matter: rules stay
