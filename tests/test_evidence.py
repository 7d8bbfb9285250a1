"""The evidence checks: a fact's figure and hedge, and a quote's words, against its sources' own words."""

from __future__ import annotations

import re
import textwrap

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
        # two figures of separate clauses are not a span
        ({"min": 10_000, "max": 12_000}, None, "troops", "about 10,000 here; 12,000 said another source", "value",
         "10,000 to 12,000 is not in"),
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
    dropped = words[cut:cut + skipped] if cut + skipped < end else []
    assert (check_quote(quoted, [COMBAT]) == []) == ("not" not in dropped)  # a cut may not drop the "not"


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


def test_the_rule_holds_by_default_and_a_site_may_turn_it_off():
    [finding] = check_has_evidence(record())
    assert finding.message == ("no source's own words are given: write one source as {source: <id>, excerpt: "
                               "\"<the words>\"}; if no source's words can be found, set `status: unverified` and "
                               "`unverified_reason:`")
    assert check_has_evidence(record(), required=False) == []


def test_unverified_is_the_only_way_without_words_and_it_says_why():
    assert check_has_evidence(record(status="unverified", reason="No transcript was found."), required=True) == []
    [finding] = check_has_evidence(record(status="unverified"), required=True)
    assert finding.field == "status" and finding.message == (
        "an unverified item needs `unverified_reason:`: readers see why it could not be checked")


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


# --- issue 20: what the checks used to accept, each class with its own test ----------------------------------

@pytest.mark.parametrize(
    ("excerpt", "qualifier", "hedge"),
    [
        ("officials counted 8,000 or more soldiers", "at least", "8,000 or more"),  # after the figure
        ("officials counted 8,000 soldiers or more", "at least", "8,000 soldiers or more"),  # after its unit
        ("officials counted under 8,000 soldiers", None, "under 8,000"),  # a hedge with no qualifier of its own
        ("officials counted upwards of 8,000 soldiers", "more than", "upwards of 8,000"),
        ("officials counted an estimated 8,000 soldiers", None, "an estimated 8,000"),
    ],
)
def test_a_hedge_after_the_figure_or_outside_the_qualifiers_is_never_dropped(excerpt, qualifier, hedge):
    [finding] = check_figure(8000, None, "soldiers", [excerpt])
    assert finding.field == "qualifier" and f"(“{hedge}”)" in finding.message
    if qualifier:
        assert check_figure(8000, qualifier, "soldiers", [excerpt]) == []
        assert f"add `qualifier: {qualifier}`" in finding.message


def test_a_negated_hedge_is_not_the_hedge():
    for negated in ("not as many as 8,000", "never more than 8,000"):
        [finding] = check_figure(8000, negated.split(" ", 1)[1].rsplit(" ", 1)[0], None, [f"there were {negated} soldiers"])
        assert finding.field == "qualifier" and "negates the hedge" in finding.message
        [finding] = check_figure(8000, None, None, [f"there were {negated} soldiers"])
        assert finding.field == "qualifier"


@pytest.mark.parametrize(
    "excerpt",
    ["as many as 12 units and 8,000 soldiers", "up to five brigades with 8,000 soldiers",
     "up to 300 tanks; 8,000 soldiers", "about 300 tanks, 8,000 soldiers"],
)
def test_a_hedge_that_belongs_to_another_number_is_not_this_ones(excerpt: str):
    qualifier = "about" if excerpt.startswith("about") else excerpt.split(" 1")[0].split(" 3")[0].split(" five")[0]
    [finding] = check_figure(8000, qualifier, None, [excerpt])
    assert finding.field == "qualifier"
    assert check_figure(8000, None, None, [excerpt]) == []  # it is given plainly


def test_a_span_is_two_figures_joined_in_one_passage_not_two_unrelated_ones():
    span = {"min": 10_000, "max": 12_000}
    assert check_figure(span, None, "soldiers", ["between 10,000 and 12,000 soldiers"]) == []
    assert check_figure(span, None, "soldiers", ["10,000–12,000 soldiers"]) == []
    for unrelated in (["10,000 arrived in May; by June there were 12,000"], ["10,000 soldiers", "12,000 soldiers"],
                      ["12,000 to 14,000 soldiers, of whom 10,000 trained"]):
        [finding] = check_figure(span, None, "soldiers", unrelated)
        assert finding.field == "value" and "10,000 to 12,000 is not in" in finding.message


def test_a_figure_inside_a_bigger_number_or_a_name_is_not_the_figure():
    for excerpt, value in (("18,000 soldiers", 8000), ("18.000 people", 8), ("an A320 jet", 320), ("the B52s", 52),
                           ("about 8 000 soldiers", 8)):
        [finding] = check_figure(value, None, None, [excerpt])
        assert finding.field == "value", excerpt
    assert check_figure(8000, None, None, ["(8,000 soldiers)"]) == []


def test_digits_of_other_scripts_count_only_in_their_language():
    for written in ("٨٠٠٠", "８０００", "८०००"):
        assert check_figure(8000, None, None, [f"there were {written} soldiers"]) != []
    assert check_figure(8000, None, None, [evidence.Excerpt("٨٠٠٠", "ar-EG")]) != []  # found, but no hedge table
    assert 8000 in {m.value for m in numbers_in("٨٠٠٠", "ar-EG")}
    assert check_figure(8000, None, None, [evidence.Excerpt("８０００人", "ja")]) == []


def test_a_date_value_is_found_as_the_excerpts_language_writes_dates():
    import datetime as dt

    day = dt.date(2024, 10, 31)
    for excerpt, lang in (("on October 31, 2024, officials said", "en"), ("on 31 October officials said", "en"),
                          ("on Oct. 31 officials said", "en"), ("am 31. Oktober 2024", "de"),
                          ("2024년 10월 31일 발사", "ko"), ("10月31日朝", "ja"), ("31 октября 2024 г.", "ru")):
        assert evidence.check_date(day, [evidence.Excerpt(excerpt, lang)]) == [], excerpt
    for excerpt in ("on October 30, 2024", "on 31 November", "in 2024", "at 10:31"):
        [finding] = evidence.check_date(day, [excerpt])
        assert finding.field == "value" and "2024-10-31 is not in the excerpts" in finding.message


def test_a_text_value_needs_its_words_in_the_excerpt():
    assert evidence.check_text("on a lofted trajectory", ["launched on a lofted trajectory, the military said"]) == []
    assert evidence.check_text("not confirmed", ["The Pentagon has not confirmed that"]) == []
    [finding] = evidence.check_text("confirmed", ["has not confirmed"]) or [None]
    assert finding is None  # a value may leave out words; it may not add or change them:
    [finding] = evidence.check_text("not confirmed", ["The Pentagon has confirmed that"])
    assert finding.field == "value" and "“not”" in finding.message
    [finding] = evidence.check_text("a standard trajectory", ["launched on a lofted trajectory"])
    assert "“standard”" in finding.message


def test_a_places_coordinates_are_compared_where_its_excerpt_gives_them():
    place = {"lat": 51.717, "lon": 36.183, "sources": [{"source": "s", "excerpt": "51°43′N 36°11′E"}, "other"]}
    assert evidence.check_place(place) == []
    assert evidence.check_place({**place, "sources": [{"excerpt": "42°08′57″N 139°28′02″E"}], "lat": 42.149,
                                 "lon": 139.467}) == []
    [finding] = evidence.check_place({**place, "lat": 51.817})
    assert finding.field == "lat" and "51.817 is not where the excerpt puts it" in finding.message
    swapped = evidence.check_place({**place, "lat": 36.183, "lon": 51.717})
    assert [f.field for f in swapped] == ["lat", "lon"]
    assert evidence.check_place({**place, "sources": [{"excerpt": "a town north of the river"}]}) == []


@pytest.mark.parametrize(
    ("quote", "excerpt", "words"),
    [
        ("peace is war", "peace is warranted", "are not in the excerpts"),  # inside a word
        ("eace is warranted", "peace is warranted", "are not in the excerpts"),
        ("we will … use force", "we will never use force", "leaves out “never”"),
        ("we will … use force", "we will not use force", "leaves out “not”"),
        ("we … use force", "we won't use force", "leaves out “n't”"),
        ("… use force", "We will never use force", "leaves out “never”"),
        ("…", "we will never use force", "quotes no words"),
        ("… …", "we will never use force", "quotes no words"),
        ("WE WILL NEVER use force", "we will never use force", "are not in the excerpts"),  # case counts
        ("we will never Use force", "we will never use force", "are not in the excerpts"),
    ],
)
def test_a_quotation_must_stand_in_whole_words_and_cuts_may_not_invert_it(quote: str, excerpt: str, words: str):
    [finding] = check_quote(quote, [excerpt])
    assert finding.field == "text" and words in finding.message


def test_only_the_first_letter_of_a_quote_may_change_case():
    assert check_quote("We will never use force", ["we will never use force"]) == []
    assert check_quote("will never use force…", ["We will never use force."]) == []


def test_the_qualifier_window_is_exactly_window_words_long():
    words = ["sent", "by", "the", "northern", "command", "with", "its", "staff"]
    for distance in range(1, len(words)):
        excerpt = "possibly " + " ".join(words[:distance - 1]) + " 9,000 people"
        passed = check_figure(9000, "possibly", None, [excerpt.replace("  ", " ")]) == []
        assert passed == (distance <= evidence.WINDOW_WORDS), (distance, excerpt)


def test_a_large_excerpt_is_checked(benchmark_free: None = None):
    """2 MB of numbers and words: the figure at the end is found, the quote at the end too (timing: benchmarks)."""
    filler = "In 2023 some 1,200 of 3,400 people, about eight thousand, were counted; " * 28_000
    excerpt = filler + "finally as many as 8,000 soldiers were there, we would never expect it."
    assert len(excerpt) > 2_000_000
    assert check_figure(8000, "as many as", None, [excerpt]) == []
    assert check_quote("we would never expect it", [excerpt]) == []
    assert check_quote("we would … expect it", [excerpt]) != []


# --- survivors of the mutation audit: quotes and events are checked through the build ----------------------

def test_the_build_checks_quotes_and_events_against_their_excerpts():
    quote = textwrap.dedent("""\
        claimants:
          - {id: envoy, name: Envoy, kind: official}
        sources:
          - {id: wire, publisher: Wire, title: Title, url: "https://example.org/w", published: 2024-10-31}
        quotes:
          - id: q
            text: we will never use force
            occasion: a briefing
            date: 2024-10-31
            claimant: envoy
            status: reported
            sources:
              - {source: wire, excerpt: "we will always use force"}
            reviewed: 2024-11-01
        events:
          - id: e
            title: The envoy says 9,000 people arrived
            date: 2024-10-31
            claimant: envoy
            status: reported
            sources:
              - {source: wire, excerpt: "8,000 people arrived"}
            reviewed: 2024-11-01
        """)
    found = [str(p) for p in check_file("data/x.yml", quote.encode()).problems]
    assert [p.split(": ", 2)[:2] for p in found] == [["data/x.yml:7", "quotes[0].text (q)"],
                                                     ["data/x.yml:17", "events[0].title (e)"]]
    assert "the title gives 9,000" in found[1]


def test_the_message_quotes_the_negation_the_source_wrote():
    [finding] = check_figure(8000, "more than", None, ["there were never more than 8,000 soldiers"])
    assert "'never more than' negates the hedge" in finding.message


# --- places: the position against the degrees an excerpt writes (worked by hand: deg + min/60 + sec/3600) -------

@pytest.mark.parametrize(("text", "expected"), [
    ("42°08′57″N", [("lat", 42 + 8 / 60 + 57 / 3600, 1 / 3600)]),
    ("at 51.717° N", [("lat", 51.717, 0.001)]),
    ("33°52′S, 151°12,5′E", [("lat", -(33 + 52 / 60), 1 / 60), ("lon", 151 + 12.5 / 60, 1 / 600)]),
    ("70°W of here", [("lon", -70.0, 1.0)]),
    ("a 45° angle; 12°Nord", []),
])
def test_coordinates_are_read_with_their_hemisphere_and_precision(text: str, expected: list[tuple[str, float, float]]):
    found = list(evidence.coordinates_in(text))
    assert [kind for kind, _, _ in found] == [kind for kind, _, _ in expected]
    for (_, value, unit), (_, want, want_unit) in zip(found, expected, strict=True):
        assert value == pytest.approx(want) and unit == pytest.approx(want_unit)


def _place(lat: float, lon: float, excerpt: str) -> dict[str, object]:
    return {"id": "kursk", "lat": lat, "lon": lon, "sources": [{"source": "s", "excerpt": excerpt}]}


def test_a_place_agrees_with_its_excerpt_to_the_precision_written():
    assert evidence.check_place(_place(51.73, 36.19, "Kursk (51°44′N 36°11′E)")) == []
    assert evidence.check_place(_place(51.9, 36.19, "51°N 36°E")) == []  # whole degrees: anywhere in that degree
    assert evidence.check_place(_place(51.74, 36.19, "51.7°N")) == []
    assert evidence.check_place(_place(51.73, 36.19, "no degrees given")) == []
    [late] = evidence.check_place(_place(51.85, 36.19, "51.7°N"))  # within one unit of the last digit written
    assert late.field == "lat"


def test_a_place_on_the_wrong_side_or_off_by_a_degree_is_named():
    [mirrored] = evidence.check_place(_place(51.73, -36.19, "Kursk (51°44′N 36°11′E)"))
    assert mirrored.field == "lon"
    assert str(mirrored.message) == ("-36.19 is not where the excerpt puts it (36.1833, from “Kursk (51°44′N 36°11′E)”); "
                                     "check the longitude")
    [south] = evidence.check_place(_place(52.73, 36.19, "Kursk (51°44′N 36°11′E)"))
    assert south.field == "lat" and "check the latitude" in south.message
    assert evidence.check_place(_place(-33.87, 151.21, "Sydney, 33°52′S 151°12′E")) == []


# --- dates and words as values: compared with the excerpts like numbers are -------------------------------------

def _fact(value: str, excerpt: str, lang: str = "") -> str:
    lang_line = f", lang: {lang}" if lang else ""
    return (f"facts:\n  - id: f\n    label: L\n    value: {value}\n    date: 2024-10-31\n    claimant: us-gov\n"
            f"    status: reported\n    sources: [{{source: ap-report, excerpt: \"{excerpt}\"{lang_line}}}]\n"
            "    reviewed: 2026-11-01\n")


def test_a_date_value_must_be_one_its_excerpt_gives():
    assert problems(_fact("2024-08-18", "The first units arrived on 18 August 2024.")) == []
    assert problems(_fact("2024-08-18", "The first units arrived on August 18.")) == []
    [message] = problems(_fact("2024-08-18", "The first units arrived on 19 August 2024."))
    assert message.startswith("data/facts.yml:4: facts[0].value (f): 2024-08-18 is not in the excerpts of its sources "
                              "(looked for ")
    assert message.endswith("…); copy the words where the source gives the date")
    # The editor sees four of the forms looked for, the shortest first, each a way of writing 18 August.
    looked_for = message.split("(looked for ")[1].split("…)")[0].split(", ")
    assert len(looked_for) == 4 and looked_for == sorted(looked_for, key=len)
    assert all("18" in form and ("aug" in form or "8" in form.replace("18", "", 1)) for form in looked_for)


def test_a_text_value_must_be_in_its_excerpts_words():
    assert problems(_fact("near the Kursk border", "Troops were seen near the Kursk border on Monday.")) == []
    [message] = problems(_fact("near the Belgorod border", "Troops were seen near the Kursk border on Monday."))
    assert message == ("data/facts.yml:4: facts[0].value (f): the words “belgorod” are not in the excerpts of its "
                       "sources; write the value in the source's words, or quote a passage that has them")


def test_an_event_title_s_figure_must_be_in_its_excerpts():
    event = ("events:\n  - id: e\n    title: 12,000 troops arrive\n    date: 2024-10-31\n    claimant: us-gov\n"
             "    status: reported\n    sources: [{source: ap-report, excerpt: \"%s\"}]\n    reviewed: 2026-11-01\n")
    assert problems(event % "About 12,000 troops arrived.") == []
    [message] = problems(event % "About 10,000 troops arrived.")
    assert message == ("data/facts.yml:3: events[0].title (e): the title gives 12,000, which is not in the excerpts of "
                       "its sources; give the figure the source gives, or none")


def test_an_excerpt_is_read_in_its_own_language():
    value = "8000\n    qualifier: about\n    unit: troops"
    assert problems(_fact(value, "rund 8.000 Soldaten", lang="de")) == []
    [english] = problems(_fact(value, "rund 8.000 Soldaten"))  # read as English, 8.000 is eight
    assert english.startswith("data/facts.yml:4: facts[0].value (f): 8,000 is not in the excerpts of its sources")


def test_a_date_is_not_found_inside_another_date():
    # 8 August is not in "28 August", nor 1 August in "August 18".
    [inside] = problems(_fact("2024-08-08", "The units left on 28 August 2024."))
    assert "2024-08-08 is not in the excerpts of its sources" in inside
    [prefix] = problems(_fact("2024-08-01", "The units left on August 18, 2024."))
    assert "2024-08-01 is not in the excerpts of its sources" in prefix
    assert problems(_fact("2024-08-01", "The units left on August 1, 2024.")) == []


def test_a_wrong_hedge_is_shown_with_the_words_around_the_figure():
    # The editor sees the figure with the excerpt's words just before it (from the 40 characters before) and the
    # 16 characters after: enough to find the place in a long excerpt.
    excerpt = ("According to officials speaking on condition of anonymity in Seoul, more than 8,000 troops had arrived "
               "near the border by Monday.")
    assert check_figure(8000, "about", "troops", [excerpt]) == [evidence.Finding(
        "qualifier", "'about' is not the source's hedge for 8,000: the excerpt says “…anonymity in Seoul, more than "
        "8,000 troops had arri”; use `qualifier: more than`")]
