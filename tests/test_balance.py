"""Balance as data: open questions with every side's position, and the rules the build draws from them."""

from __future__ import annotations

import pytest
from conftest import FACTS, SOURCES
from mkdocs_explainer.data.catalog import link
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.pages import fairness
from mkdocs_explainer.pages.render import PageContext
from mkdocs_explainer.problems import ProblemsFound
from pages_helpers import check, convert

CLAIMANTS = """\
claimants:
  - id: ru-gov
    name: Russian government
    kind: government
  - id: ua-gov
    name: Ukrainian government
    kind: government
"""

ITEMS = """\
facts:
  - id: combat-ua
    label: Troops in combat, Ukraine's account
    value: "in combat"
    date: 2024-11-05
    claimant: ua-gov
    status: claimed
    sources: [{source: ap-report, excerpt: "Ukraine said the troops were in combat."}]
    reviewed: 2026-11-01
quotes:
  - id: denial-ru
    text: nothing of the kind
    occasion: briefing
    date: 2024-11-06
    claimant: ru-gov
    status: reported
    sources: [{source: ap-report, excerpt: "Russia said: nothing of the kind."}]
    reviewed: 2026-11-01
"""

QUESTION = """\
questions:
  - id: did-they-fight
    title: Did the troops fight?
    positions:
      - claimant: ua-gov
        date: 2024-11-05
        stance: yes
        summary: Ukraine said the troops were in combat.
        items: [combat-ua]
      - claimant: ru-gov
        date: 2024-11-06
        stance: no
        summary: Russia denied it.
        items: [denial-ru]
"""


def catalog_of(*extra: str, facts: str = FACTS, sources: str = SOURCES + CLAIMANTS[len("claimants:\n"):]):
    texts = {"data/sources.yml": sources, "data/facts.yml": facts, "data/story.yml": ITEMS}
    texts.update({f"data/extra{i}.yml": text for i, text in enumerate(extra)})
    return link([check_file(name, text.encode()) for name, text in texts.items()])


def warnings_of(catalog) -> list[str]:
    return [str(w) for w in catalog.warnings]


def test_a_question_reads_unquoted_yes_and_no_as_stances():
    catalog = catalog_of(QUESTION)
    stances = [p["stance"] for p in catalog["questions"]["did-they-fight"]["positions"]]
    assert stances == ["yes", "no"]


def test_a_position_needs_a_known_stance_and_existing_items():
    with pytest.raises(ProblemsFound) as caught:
        catalog_of(QUESTION.replace("stance: no", "stance: maybe"))
    assert [str(p) for p in caught.value.problems] == [
        "data/extra0.yml:12: questions[0].positions[1].stance (did-they-fight): 'maybe' is not a stance "
        "(use one of: yes, no, neither, estimate)"]
    with pytest.raises(ProblemsFound) as caught:
        catalog_of(QUESTION.replace("items: [combat-ua]", "items: [combat-uaa]"))
    assert [str(p) for p in caught.value.problems] == [
        "data/extra0.yml:9: questions[0].positions[0].items[0]: no fact, quote or event has the id 'combat-uaa'. "
        "Did you mean 'combat-ua'?"]


def test_the_question_shortcode_shows_every_position_denials_included():
    catalog = catalog_of(QUESTION)
    page = convert("<!-- question:did-they-fight -->\n", PageContext(catalog, fact_index_url="../facts/"))
    assert page.problems == []
    html = page.html
    assert "Did the troops fight?" in html
    assert "Ukrainian government" in html and "Russian government" in html
    assert ">No<" in html and ">Yes<" in html and "Russia denied it." in html
    assert 'href="../facts/#denial-ru"' in html and 'href="../facts/#combat-ua"' in html


def one_sided(catalog, text: str) -> list[str]:
    """The one-sided warnings for `text` as docs/fight.md."""
    _, codes = check(text, catalog, page="docs/fight.md")
    return [str(w) for w in fairness.one_sided("docs/fight.md", codes, catalog)]


def test_a_page_showing_one_side_only_is_warned_naming_the_question_and_what_is_missing():
    catalog = catalog_of(QUESTION)
    text = "# Fighting\n\nUkraine said so: <!-- fact:combat-ua -->.\n"
    [warning] = one_sided(catalog, text)
    assert warning.startswith("docs/fight.md:3: question 'did-they-fight': this page shows only one side")
    assert "Russian government (2024-11-06, no: denial-ru)" in warning
    assert "<!-- question:did-they-fight -->" in warning


@pytest.mark.parametrize("text", [
    "Ukraine: <!-- fact:combat-ua -->. Russia: <!-- phrase:denial-ru -->.\n",
    "Ukraine: <!-- fact:combat-ua -->.\n\n<!-- question:did-they-fight -->\n",
    "Ukraine: <!-- fact:combat-ua -->.\n\n<!-- questions -->\n",
    "Nothing about the question: <!-- fact:troops-near-kursk -->.\n",
])
def test_a_page_showing_every_side_or_the_question_is_fair(text):
    catalog = catalog_of(QUESTION)
    _, codes = check(text, catalog, page="docs/fight.md")
    assert fairness.one_sided("docs/fight.md", codes, catalog) == []


def test_estimates_from_one_claimant_only_are_one_side():
    question = QUESTION.replace("stance: yes", "stance: estimate").replace("stance: no", "stance: estimate")
    catalog = catalog_of(question)
    _, codes = check("<!-- fact:combat-ua -->\n", catalog)
    [warning] = fairness.one_sided("docs/x.md", codes, catalog)
    assert "Russian government (2024-11-06, estimate: denial-ru)" in str(warning)


def test_an_item_contradicted_by_another_claimant_must_be_marked_disputed():
    catalog = catalog_of(QUESTION)
    assert warnings_of(catalog) == [
        "data/story.yml:7: facts[0].status (combat-ua): 'claimed', but another claimant on the record contradicts it: "
        "Russian government answers 'no' to question 'did-they-fight' (2024-11-06). Mark it `status: disputed`"]
    # The quotation of the denial is contradicted too, but stays as it is: its words are on record as said.


def test_a_later_acknowledgement_ends_the_dispute():
    later = QUESTION + """\
      - claimant: ru-gov
        date: 2025-04-28
        stance: yes
        summary: Russia acknowledged it.
        items: [denial-ru]
"""
    assert warnings_of(catalog_of(later)) == []


def test_a_disputed_item_is_not_warned():
    items = ITEMS.replace("status: claimed", "status: disputed")
    texts = {"data/sources.yml": SOURCES + CLAIMANTS[len("claimants:\n"):], "data/facts.yml": FACTS,
             "data/story.yml": items, "data/q.yml": QUESTION}
    catalog = link([check_file(name, text.encode()) for name, text in texts.items()])
    assert warnings_of(catalog) == []


def test_a_confirmed_item_without_the_sources_words_is_warned():
    events = """\
events:
  - id: meeting
    title: The ministers meet
    date: 2024-11-01
    claimant: us-gov
    status: confirmed
    sources: [ap-report]
    reviewed: 2026-11-01
"""
    assert warnings_of(catalog_of(events)) == [
        "data/extra0.yml:6: events[0].status (meeting): a confirmed item needs the source's own words: give at least "
        "one source as {source: id, excerpt: \"the source's words\"}, or choose another status"]
    assert warnings_of(catalog_of(events.replace("confirmed", "reported"))) == []


def test_two_sources_with_one_address_are_warned():
    twin = """\
sources:
  - id: ap-copy
    publisher: AP
    title: Troops near the border (copy)
    url: https://example.org/ap/
"""
    assert warnings_of(catalog_of(twin)) == [
        "data/extra0.yml:5: sources[0].url (ap-copy): the same address as sources[0].url (ap-report) "
        "(data/sources.yml:5): keep one source record and cite it with its own excerpt and locator wherever it is used"]


def test_an_old_id_keeps_its_anchor_and_points_pages_to_the_new_one():
    facts = FACTS.replace("  - id: troops-total-us\n", "  - id: troops-total-us\n    formerly: [troops-us]\n")
    catalog = catalog_of(facts=facts)
    assert catalog.formerly == {"troops-us": "troops-total-us"}
    page = convert("<!-- facts -->\n", catalog)
    assert '<span id="troops-us"></span>' in page.html
    problems, _ = check("<!-- fact:troops-us -->\n", catalog)
    assert "Did you mean 'troops-total-us'?" in str(problems[0])
    links = convert("<!-- fact-links -->\n", PageContext(catalog, homes={"troops-total-us": "../figures/"}))
    assert '<li id="troops-total-us"><span id="troops-us"></span><a href="../figures/#troops-total-us">' in links.html


def test_an_old_id_may_not_be_a_current_one():
    facts = FACTS.replace("  - id: troops-total-us\n", "  - id: troops-total-us\n    formerly: [troops-near-kursk]\n")
    with pytest.raises(ProblemsFound) as caught:
        catalog_of(facts=facts)
    assert "'troops-near-kursk' is a current id" in str(caught.value.problems[0])


def test_an_old_id_may_be_the_old_id_of_one_item_only():
    facts = FACTS.replace("  - id: troops-total-us\n", "  - id: troops-total-us\n    formerly: [troops-us]\n").replace(
        "  - id: troops-near-kursk\n", "  - id: troops-near-kursk\n    formerly: [troops-us]\n")
    with pytest.raises(ProblemsFound) as caught:
        catalog_of(facts=facts)
    assert [str(p) for p in caught.value.problems] == [
        "data/facts.yml:17: facts[1].formerly[0] (troops-total-us): 'troops-us' is already the old id of another item (data/facts.yml:6)"]


def test_each_stance_is_a_side_and_each_claimant_s_estimate_its_own():
    from mkdocs_explainer.data.balance import side

    assert side({"stance": "denies", "claimant": "kcna"}) == "denies"
    assert side({"stance": "estimate", "claimant": "nis"}) == "estimate:nis"
    assert side({"stance": "estimate", "claimant": "hur"}) != side({"stance": "estimate", "claimant": "nis"})


def test_the_build_warns_of_every_page_each_for_its_own_side_and_typed_figures():
    """Both page checks over several pages: each warning names its own page, none is lost to a later page."""
    catalog = catalog_of(QUESTION)
    one_side = "# Fighting\n\nUkraine said so: <!-- fact:combat-ua -->.\n"
    typed = "# Troops\n\nAbout 8,000 troops are near Kursk.\n"
    pages = [(name, text, check(text, catalog, page=name)[1])
             for name, text in (("docs/fight.md", one_side), ("docs/troops.md", typed), ("docs/both.md", one_side + typed))]
    warnings = [str(w) for w in fairness.page_warnings(pages, catalog)]
    assert [w.split(": ", 1)[0] for w in warnings] == ["docs/fight.md:3", "docs/troops.md:3", "docs/both.md:3",
                                                        "docs/both.md:6"]
    assert "only one side" in warnings[2] and "typed by hand; fact 'troops-near-kursk'" in warnings[3]


NEAR_QUESTION = QUESTION.replace(
    "did-they-fight", "were-they-near").replace("Did the troops fight?", "Were they near Kursk?").replace(
    "ua-gov\n        date: 2024-11-05", "us-gov\n        date: 2024-10-31").replace(
    "Ukraine said the troops were in combat.", "The US said about 8,000 were near the border.").replace(
    "[combat-ua]", "[troops-near-kursk]")
"""The same two sides, the yes from the US about another item."""


@pytest.mark.parametrize("page", [
    "Ukraine said so: <!-- fact:combat-ua -->.\n",  # the first question: none of its items on the page
    "<!-- question:were-they-near -->\n\nUkraine said so: <!-- fact:combat-ua -->.\n",  # the first shown whole
])
def test_a_question_the_page_treats_fairly_does_not_hide_the_next_one_it_does_not(page):
    catalog = catalog_of(NEAR_QUESTION, QUESTION)
    assert list(catalog["questions"]) == ["were-they-near", "did-they-fight"]
    [warning] = one_sided(catalog, "# Fighting\n\n" + page)
    assert "question 'did-they-fight'" in warning


THREE_SIDES = QUESTION.replace("did-they-fight", "who-was-there").replace("Did the troops fight?", "Who was there?") + """\
      - claimant: us-gov
        date: 2024-10-31
        stance: neither
        summary: The US gave figures near the border.
        items: [troops-near-kursk, troops-total-us]
"""


def test_the_warning_stands_at_the_one_sided_shortcode_and_lists_every_position_left_out():
    catalog = catalog_of(THREE_SIDES)
    text = "# Fighting\n\n<!-- timeline:kind=event -->\n\nUkraine said so: <!-- fact:combat-ua -->.\n"
    [warning] = one_sided(catalog, text)
    assert warning.startswith("docs/fight.md:5: question 'who-was-there'")
    assert warning.endswith("the record also holds: Russian government (2024-11-06, no: denial-ru); United States "
                            "government (2024-10-31, neither: troops-near-kursk, troops-total-us). Show those too, "
                            "or add <!-- question:who-was-there --> to the page")


def test_the_warnings_line_is_found_past_shortcodes_of_other_kinds():
    catalog = catalog_of(QUESTION)
    text = "# Fighting\n\n<!-- chart:troops-total -->\n\nUkraine said so: <!-- fact:combat-ua -->.\n"
    [warning] = one_sided(catalog, text)
    assert warning.startswith("docs/fight.md:5: question 'did-they-fight'")
