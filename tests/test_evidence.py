"""The evidence checks: a fact's figure and hedge, and a quote's words, against its sources' own words."""

from __future__ import annotations

import re

import pytest
from conftest import FACTS, KURSK_SOURCES
from hypothesis import given
from hypothesis import strategies as st
from mkdocs_explainer.data import evidence
from mkdocs_explainer.data.evidence import check_figure, check_has_evidence, check_quote, numbers_in
from mkdocs_explainer.data.validate import check_file

BLINKEN = ("We now assess that there are some 10,000 North Korean soldiers in total in Russia, and the most recent "
           "information indicates that as many as 8,000 of those North Korean forces have been deployed to the Kursk Region,")
WOOD = "We just received some information, just coming in now, that right now there are some 8,000 DPRK soldiers in Kursk Oblast,"
COMBAT = ("We’ve not yet seen these troops deploy into combat against Ukrainian forces, but we would expect that to "
          "happen in the coming days,")


def values(text: str) -> set[float]:
    return {float(m.value) for m in numbers_in(text)}


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("some 8,000 DPRK soldiers", 8000),
        ("some 8000 DPRK soldiers", 8000),
        ("some 8 000 DPRK soldiers", 8000),
        ("some 8\u202f000 DPRK soldiers", 8000),
        ("as many as eight-thousand", 8000),
        ("500 officers and three generals", 3),
        ("more than half a million casualties", 500_000),
        ("more than a half-million Russian troops", 500_000),
        ("about $60.4 billion in security assistance", 60_400_000_000),
        ("more than $59bn", 59_000_000_000),
        ("apogee 7,687.5 km", 7687.5),
        ("one and a half million shells", 1_500_000),
        ("three hundred and forty two", 342),
        ("could be closer to around 11 to 12,000", 11_000),
        ("3 to 5 million shells", 3_000_000),
        ("fell by -7.5 percent", -7.5),
    ],
)
def test_a_number_is_read_however_the_source_writes_it(text: str, number: float):
    assert number in values(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Hwasong-19", 19_000),  # a name, not 19,000
        ("about $60.4 billion", 1_000_000_000),  # "billion" belongs to 60.4
        ("8,000 of the 10,000", 8_000_000),
        ("at 07:10 on 31 October 2024", 2024_000),
        ("between 2 and 3 km", 2000),
        ("11-12,000", -12_000),  # a span's dash is not a minus
    ],
)
def test_what_is_not_a_number_of_the_source(text: str, number: float):
    assert number not in values(text)


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([",", " ", "\u00a0", ""]))
def test_digits_with_any_thousands_separator_are_read_as_one_number(number: int, separator: str):
    written = f"{number:,}".replace(",", separator)
    assert number in values(f"there were {written} of them")


# --- figures and hedges ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "qualifier", "unit", "excerpt"),
    [
        (8000, "as many as", "troops", BLINKEN),
        (10000, "some", "troops", BLINKEN),
        (8000, "some", "troops", WOOD),
        (500_000, "more than", "casualties", "having already suffered more than half a million casualties."),
        (60.4, "about", "billion", "the U.S. has provided about $60.4 billion in security assistance"),
        (7000, "possible", "km", "Japan said the missile reached a possible altitude of over 7,000 km"),
        (11_000, None, "troops", "the number of North Korean troops now dispatched in Russia has increased to 11,000"),
        ({"min": 11_000, "max": 12_000}, "around", "troops", "could be closer to around 11 to 12,000"),
        ({"min": 3, "max": 5}, "up to", "million shells", "up to 3 to 5 million shells"),
        (3, None, "generals", "including 500 officers and three generals"),
    ],
)
def test_the_figure_and_hedge_the_source_gives_pass(value, qualifier, unit, excerpt):
    assert check_figure(value, qualifier, unit, [excerpt]) == []


@pytest.mark.parametrize(
    ("value", "qualifier", "unit", "excerpt", "field", "words"),
    [
        # the fact-check's cases: a hedge replaced by another, and a hedge dropped
        (8000, "about", "troops", BLINKEN, "qualifier", "'about' is not the source's hedge for 8,000"),
        (8000, "about", "troops", BLINKEN, "qualifier", "use `qualifier: as many as`"),
        (8000, None, "troops", WOOD, "qualifier", "the source hedges the figure (“some 8,000”) but the fact has no qualifier"),
        (11_000, "at least", "troops", "has increased to 11,000, according to a senior official", "qualifier",
         "'at least' is not the source's hedge"),
        (7000, None, "km", "a possible altitude of close to 7,000 km", "qualifier",
         "'close to' is not among the qualifiers"),
        # the figure itself is not in the words
        (9000, "some", "troops", WOOD, "value", "9,000 is not in the excerpts of its sources"),
        (59, "more than", "billion", "the U.S. has provided about $60.4 billion", "value", "59 billion is not in the excerpts"),
        (500_000, "more than", "casualties", "more than half the troops", "value", "500,000 is not in"),
        ({"min": 10_000, "max": 12_000}, None, "troops", "about 10,000 here; 12,000 said another source", "qualifier",
         "the source hedges"),
        ({"min": 10_000, "max": 13_000}, None, "troops", "10,000 to 12,000 troops", "value", "10,000 to 13,000 is not in"),
    ],
)
def test_a_figure_or_hedge_the_source_does_not_give_is_named(value, qualifier, unit, excerpt, field, words):
    [finding] = check_figure(value, qualifier, unit, [excerpt])
    assert finding.field == field
    assert words in finding.message


def test_one_excerpt_that_gives_the_figure_is_enough():
    assert check_figure(8000, "some", "troops", ["An unrelated sentence.", WOOD]) == []
    # plain in one source, hedged in another: the plain figure stands without a qualifier
    assert check_figure(8000, None, "troops", [WOOD, "Reuters: right now there are 8,000 DPRK soldiers"]) == []


@given(st.sampled_from(evidence.RECORD_HEDGES), st.sampled_from(evidence.RECORD_HEDGES),
       st.integers(min_value=1, max_value=10**9))
def test_a_hedge_is_never_replaced_by_another(written: str, claimed: str, number: int):
    excerpt = f"Officials said {written} {number:,} soldiers had arrived."
    findings = check_figure(number, claimed, "soldiers", [excerpt])
    assert (findings == []) == (written == claimed)


# --- quotes ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "we've not yet seen these troops deploy into combat… but we would expect that to happen in the coming days.",
        "We’ve not yet seen these troops deploy into combat against Ukrainian forces",
        "…we would expect that to happen in the coming days",
        "we would   expect that to happen\nin the coming days",
        "we've not yet seen these troops deploy into combat... but we would expect that",
    ],
)
def test_a_quote_in_the_sources_words_passes(text: str):
    assert check_quote(text, ["An unrelated excerpt.", COMBAT]) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("we have not yet seen these troops deploy into combat", "the words “we have not yet seen these troops"),
        ("we would expect that to happen in the next few days", "are not in the excerpts"),
        ("in the coming days… we would expect that to happen", "are not in the excerpts"),  # cuts keep the order
        ("we've not yet seen these troops… deploy into combat", "a cut (…) is marked before “deploy into combat”"),
        ("we've not yet seen these troops deploy into combat but we would expect", "are not in the excerpts"),  # unmarked cut
    ],
)
def test_a_quote_not_in_the_sources_words_is_named(text: str, words: str):
    [finding] = check_quote(text, [COMBAT])
    assert finding.field == "text"
    assert words in finding.message


@given(st.data())
def test_any_run_of_an_excerpts_words_with_marked_cuts_is_a_fair_quote(data: st.DataObject):
    words = COMBAT.split()
    start = data.draw(st.integers(0, len(words) - 3))
    end = data.draw(st.integers(start + 3, len(words)))
    cut = data.draw(st.integers(start + 1, end - 1))
    skipped = data.draw(st.integers(1, max(1, end - cut - 1)))
    quoted = " ".join(words[start:cut]) + "… " + " ".join(words[cut + skipped:end]) if cut + skipped < end \
        else " ".join(words[start:end])
    assert check_quote(quoted, [COMBAT]) == []


@given(st.data())
def test_a_changed_word_is_never_a_fair_quote(data: st.DataObject):
    words = COMBAT.split()
    index = data.draw(st.integers(1, len(words) - 2))
    changed = [*words[:index], words[index] + "x", *words[index + 1:]]
    assert check_quote(" ".join(changed[max(0, index - 3):index + 3]), [COMBAT]) != []


# --- every fact and quote needs words, or says why not ---------------------------------------------------

def record(kind: str = "fact", status: str = "reported", excerpt: str | None = None, reason: str | None = None) -> dict:
    return {"id": "x", "kind": kind, "status": status, "unverified_reason": reason,
            "citations": [{"source": "s", "excerpt": excerpt, "locator": None}]}


def test_a_fact_or_quote_without_the_sources_words_is_named():
    for kind in ("fact", "quote"):
        [finding] = check_has_evidence(record(kind), required=True)
        assert finding.field == "sources" and "no source's own words" in finding.message
    assert check_has_evidence(record(excerpt="some 8,000"), required=True) == []
    assert check_has_evidence(record("event"), required=True) == []


def test_unverified_is_the_only_way_without_words_and_it_says_why():
    assert check_has_evidence(record(status="unverified", reason="No transcript was found."), required=True) == []
    [finding] = check_has_evidence(record(status="unverified"), required=True)
    assert finding.field == "status" and "unverified_reason" in finding.message


# --- the build names file, line and field ----------------------------------------------------------------

def with_excerpt(excerpt: str) -> str:
    return FACTS.replace(
        f"    {KURSK_SOURCES}\n    reviewed: 2026-11-01\n  - id: troops-total-us",
        f"    sources:\n      - source: ap-report\n        excerpt: \"{excerpt}\"\n"
        "    reviewed: 2026-11-01\n  - id: troops-total-us", 1)


def problems(text: str) -> list[str]:
    return [str(p) for p in check_file("data/facts.yml", text.encode()).problems]


def test_the_build_names_the_field_that_disagrees_with_the_source():
    assert problems(with_excerpt("About 8,000 North Korean troops are near the border")) == []
    [message] = problems(with_excerpt(BLINKEN))
    assert message.startswith("data/facts.yml:8: facts[0].qualifier (troops-near-kursk): 'about' is not the source's hedge")
    [message] = problems(with_excerpt("About 9,000 North Korean troops"))
    assert message.startswith("data/facts.yml:7: facts[0].value (troops-near-kursk): 8,000 is not in the excerpts")


def test_a_fact_without_its_sources_words_is_named(monkeypatch: pytest.MonkeyPatch):
    assert evidence.EXCERPTS_REQUIRED
    assert problems(FACTS) == []
    bare = re.sub(r'sources: \[\{source: ap-report, excerpt: "[^"]*"\}\]', "sources: [ap-report]", FACTS)
    assert [p.split(": no source's own words")[0] for p in problems(bare)] == [
        "data/facts.yml:13: facts[0].sources (troops-near-kursk)", "data/facts.yml:23: facts[1].sources (troops-total-us)"]
    monkeypatch.setattr(evidence, "EXCERPTS_REQUIRED", False)  # the switch a site with older data may turn off
    assert problems(bare) == []


def test_a_missing_figure_is_named_in_the_forms_the_editor_may_copy() -> None:
    [finding] = check_figure(9000, None, "troops", ["as many as 8,000 troops"])
    assert finding.field == "value"
    assert finding.message.startswith("9,000 is not in the excerpts of its sources")
    assert "(9,000, 9000 or 9 000 all count)" in finding.message
