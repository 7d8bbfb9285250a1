"""The evidence checks at their edges: which hedges stand next to a figure, how the figure and the excerpt's words
are shown to the editor, dates, event titles and positions, and which checks one record gets.

Every expected value is worked out by hand from the excerpt written in the test."""

from __future__ import annotations

import datetime as dt

from mkdocs_explainer.data import evidence
from mkdocs_explainer.data.evidence import Excerpt, Finding, check_figure, check_quote
from mkdocs_explainer.data.evidence_settings import EvidenceSettings

GERMAN = EvidenceSettings(language="de")


# --- hedges before the figure ------------------------------------------------------------------------------------

def test_a_glued_hedge_that_does_not_touch_the_figure_does_not_hide_the_one_that_does() -> None:
    """最大約86人 ("up to about 86 people"): 最大 is kept apart from 86 by 約, which is glued to it, so the
    figure is hedged "about"; "up to" is not its hedge."""
    assert check_figure(86, "about", None, [Excerpt("最大約86人", "ja")]) == []
    [finding] = check_figure(86, "up to", None, [Excerpt("最大約86人", "ja")])
    assert finding.field == "qualifier" and "use `qualifier: about`" in finding.message


def test_a_negation_that_opens_the_excerpt_negates_the_hedge() -> None:
    """"Never more than 8,000": the negation is the excerpt's first word, and still turns the hedge round."""
    [finding] = check_figure(8000, "more than", None, ["Never more than 8,000 soldiers were sent"])
    assert finding.field == "qualifier"
    assert "'Never more than' negates the hedge: the source does not say 'more than'" in finding.message


def test_a_hedge_in_turkish_capitals_is_still_the_hedge() -> None:
    """"İN EXCESS OF 8,000" (capitals as Turkish writes them, İ for i) is "in excess of": "more than", never dropped."""
    assert check_figure(8000, "more than", None, ["İN EXCESS OF 8,000 TROOPS"]) == []
    [finding] = check_figure(8000, None, None, ["İN EXCESS OF 8,000 TROOPS"])
    assert finding == Finding("qualifier", "the source hedges the figure (“İN EXCESS OF 8,000”) but the fact has no "
                                           "qualifier: add `qualifier: more than`")


def test_the_end_of_a_long_word_before_a_hedge_is_not_a_negation() -> None:
    """In "a knot-tying-guide about 8,000" no word negates "about": "not-tying-guide" is the end of a word, not one;
    "the well-not-known about 8,000" has the "not" in it."""
    assert check_figure(8000, "about", None, ["a knot-tying-guide about 8,000 pages long"]) == []
    [finding] = check_figure(8000, "about", None, ["the well-not-known about 8,000"])
    assert "'well-not-known about' negates the hedge" in finding.message


def test_a_negation_is_read_from_a_word_starting_within_sixteen_characters_of_the_hedge() -> None:
    """NEGATION_REACH: "not-quite-fully " (16 characters with its space) negates "about"; a word one longer is not
    read, so the hedge stands as the source's."""
    near, far = "not-quite-fully", "not-quite-really"
    assert len(near) + 1 == 16 and len(far) + 1 == 17
    [finding] = check_figure(8000, "about", None, [f"it was {near} about 8,000"])
    assert f"'{near} about' negates the hedge" in finding.message
    assert check_figure(8000, "about", None, [f"it was {far} about 8,000"]) == []


def test_a_hedge_more_than_window_characters_back_is_not_the_figures() -> None:
    """Six words back, but 82 characters: the window stops WINDOW_CHARACTERS (80) before the figure."""
    excerpt = "about dichlorodiphenyltrichloroethane-contaminated polychlorinated-biphenyl-laden 8,000 tonnes"
    assert excerpt.index("8,000") == 82
    [finding] = check_figure(8000, "about", None, [excerpt])
    assert finding.field == "qualifier" and "'about' is not the source's hedge for 8,000" in finding.message
    assert check_figure(8000, "about", None, ["about contaminated 8,000 tonnes"]) == []


def test_a_hedge_within_the_last_window_words_counts_however_many_words_come_before() -> None:
    """Eight words before the figure; "possibly" is the third-last, inside the last six."""
    assert check_figure(9000, "possibly", None, ["sent by the northern command possibly with its 9,000 people"]) == []


# --- hedges after the figure ------------------------------------------------------------------------------------

def test_a_hedge_after_the_end_of_the_clause_is_not_the_figures() -> None:
    """"8,000. Or so the ministry claims": "or so" starts another sentence; the figure is given plainly."""
    assert check_figure(8000, None, None, ["The army sent 8,000. Or so the ministry claims."]) == []
    [finding] = check_figure(8000, None, None, ["The army sent 8,000 or so, the ministry claims."])
    assert finding.field == "qualifier" and "(“8,000 or so”)" in finding.message


def test_a_glued_hedge_after_the_figure_must_touch_the_figure_or_its_counter() -> None:
    """Korean …여 ("-odd") is written against the figure: the 여 of 여성 ("women"), a word later, is no hedge."""
    assert check_figure(8000, None, None, [Excerpt("8000명 여성", "ko")]) == []


def test_a_hedge_after_a_word_that_is_no_hedge_is_still_found() -> None:
    """8000 여성 이상 ("8000 women or more"): the 여 of 여성 is passed over, and 이상 after it is the hedge."""
    [finding] = check_figure(8000, None, None, [Excerpt("8000 여성 이상", "ko")])
    assert finding == Finding("qualifier", "the source hedges the figure (“8000 여성 이상”) but the fact has no "
                                           "qualifier: add `qualifier: at least`")


def test_a_hedge_after_another_figure_is_that_figures() -> None:
    """"8,000/9,000 or more": "or more" follows 9,000; 8,000 itself is given plainly."""
    assert check_figure(8000, None, None, ["estimates of 8,000/9,000 or more troops"]) == []


def test_a_hedge_after_the_figure_stands_at_most_after_gap_characters_from_it() -> None:
    """AFTER_GAP is 12: " casualties " (12 characters) may stand between; " evacuations " (13) may not."""
    assert check_figure(8000, "at least", None, ["8,000 casualties or more"]) == []
    [finding] = check_figure(8000, None, None, ["8,000 casualties or more"])
    assert finding.field == "qualifier" and "(“8,000 casualties or more”)" in finding.message
    assert check_figure(8000, None, None, ["8,000 evacuations or more"]) == []


def test_a_sites_long_hedge_after_the_figure_is_found_after_a_unit_too() -> None:
    """A site's "… or possibly even more" (21 characters) after " casualties " (12, the most AFTER_GAP allows) is
    still a hedge: the fact needs `qualifier: at least`, as it does with the hedge right after the figure."""
    site = EvidenceSettings(hedges={"en": {"at least": ["… or possibly even more"]}})
    for excerpt, hedged in (("8,000 or possibly even more", "8,000 or possibly even more"),
                            ("8,000 casualties or possibly even more", "8,000 casualties or possibly even more")):
        assert check_figure(8000, "at least", None, [excerpt], site) == []
        [finding] = check_figure(8000, None, None, [excerpt], site)
        assert finding == Finding("qualifier", f"the source hedges the figure (“{hedged}”) but the fact has no "
                                               "qualifier: add `qualifier: at least`")
    assert check_figure(8000, None, None, ["8,000 casualties or possibly even mores"], site) == []  # not that word


def test_a_hedge_two_words_after_the_figure_is_not_its() -> None:
    """"8,000 in Kursk plus 3,000": "plus" adds another figure, two words on; 8,000 is plain."""
    assert check_figure(8000, None, None, ["8,000 in Kursk plus 3,000 in Belgorod"]) == []


def test_a_hedge_after_the_figure_outside_the_qualifiers_is_named_in_its_own_words() -> None:
    """"8,000 or so": the editor is told which words are not among the qualifiers."""
    [finding] = check_figure(8000, None, None, ["8,000 or so soldiers"])
    assert finding == Finding("qualifier", "the source hedges the figure (“8,000 or so”) but the fact has no "
                                           "qualifier: 'or so' is not among the qualifiers, so quote a passage that "
                                           "gives the figure plainly")


# --- the figure as the editor sees it ---------------------------------------------------------------------------

def _missing(value: object, unit: str | None = None) -> str:
    [finding] = check_figure(value, None, unit, ["nothing of the kind"])
    assert finding.field == "value"
    return finding.message.split(" is not in the excerpts")[0]


def test_a_figure_is_shown_as_the_fact_gives_it() -> None:
    """Grouped thousands, every decimal the fact gives, no ".0", and the scale word of its unit."""
    assert _missing(8000) == "8,000"
    assert _missing(8000.0) == "8,000"
    assert _missing(12345.67) == "12,345.67"
    assert _missing(60.4, "billion US dollars") == "60.4 billion"
    assert _missing({"min": 3, "max": 5}, "million shells") == "3 million to 5 million"
    assert _missing(5, "soldiers") == "5"


def test_a_range_whose_upper_end_is_not_a_number_is_named_as_written() -> None:
    """A range's max given as words (not checked as a number) is shown as the record writes it, not dropped."""
    assert _missing({"min": 10_000, "max": "twelve thousand"}) == "10,000 to twelve thousand"


def test_a_range_in_the_sites_scale_words_is_found() -> None:
    """A German site's unit "Millionen Menschen": both ends are millions, as "3 Millionen bis 5 Millionen" says."""
    span = {"min": 3, "max": 5}
    assert check_figure(span, None, "Millionen Menschen", ["3 Millionen bis 5 Millionen Menschen"], GERMAN) == []
    [finding] = check_figure(span, None, "Millionen Menschen", ["3 bis 5 Menschen"], GERMAN)
    assert finding.field == "value"


def test_an_excerpt_in_a_language_babel_does_not_know_does_not_hide_the_others() -> None:
    """One excerpt's unknown `lang:` is named only when no other excerpt gives the figure."""
    assert check_figure(8000, None, None, [Excerpt("8,000", "not a tag"), "8,000 soldiers"]) == []
    assert check_figure(8000, None, None, [Excerpt("8,000", "not a tag")]) == [Finding(
        "sources", "'not a tag' is not a language tag Babel knows (use BCP 47, such as en, de or ko)")]


def test_a_figure_in_a_language_without_a_hedge_table_asks_for_one() -> None:
    """Arabic has no hedge table: the check says which table to add, on the qualifier."""
    assert check_figure(8000, None, None, [Excerpt("٨٠٠٠", "ar-EG")]) == [Finding(
        "qualifier", "there is no hedge table for 'ar-EG', so the source's hedge can't be checked: add one in the "
                     "explainer settings, e.g. `hedges: {ar: {about: [...], more than: [...], other: [...]}}`")]


# --- the excerpt's words around the figure ------------------------------------------------------------------------

def test_the_words_before_a_figure_near_the_start_are_shown_whole() -> None:
    """The figure 10 characters in: the words shown start at the excerpt's first letter."""
    assert check_figure(8000, "about", None, ["More than 8,000 troops"]) == [Finding(
        "qualifier", "'about' is not the source's hedge for 8,000: the excerpt says “…More than 8,000 troops”; "
                     "use `qualifier: more than`")]


def test_the_words_before_a_figure_are_the_40_characters_before_it() -> None:
    """59 characters precede 8,000; the 40 before it begin just after "Counterintelligence"."""
    [finding] = check_figure(8000, "about", None,
                             ["Counterintelligence representatives acknowledged more than 8,000 troops in the region"])
    assert "the excerpt says “…representatives acknowledged more than 8,000 troops in the r”" in finding.message


def test_the_words_around_a_figure_are_cut_at_90_characters() -> None:
    """37 characters before the span, its 38, and 16 after: 91, cut at the last word that fits in 89, then "…"."""
    excerpt = ("Independent estimates ranged between 1,000,000,000,000 to 2,000,000,000,000 dollars in damage, "
               "officials said")
    [finding] = check_figure({"min": 10**12, "max": 2 * 10**12}, "about", None, [excerpt])
    assert "the excerpt says “…Independent estimates ranged between 1,000,000,000,000 to 2,000,000,000,000 " \
           "dollars in…”;" in finding.message


# --- words shown in a quote's message -----------------------------------------------------------------------------

def _quoted(text: str) -> str:
    [finding] = check_quote(text, ["nothing of the kind"])
    return finding.message.split("the words “")[1].split("” are not in")[0]


EIGHTY = "The minister told reporters that the troops would stay behind the river till May"


def test_words_not_in_the_source_are_shown_up_to_80_characters() -> None:
    """80 characters are shown whole; 81 are cut at the last space within the first 79, with "…"."""
    assert len(EIGHTY) == 80
    assert _quoted(EIGHTY) == EIGHTY
    eighty_one = EIGHTY.replace("May", "June")
    assert _quoted(eighty_one) == "The minister told reporters that the troops would stay behind the river till…"


def test_words_not_in_the_source_are_cut_at_a_word() -> None:
    """A space at character 78 and at 80: the 79 kept end with that space, so the cut keeps every word before it."""
    before = "The minister told reporters that the troops would stay behind the river in May"
    assert len(before) == 78
    assert _quoted(before + " a day or two") == before + "…"


# --- words as values ------------------------------------------------------------------------------------------------

def test_a_text_value_in_a_script_without_spaces_is_found_inside_the_excerpts_words() -> None:
    """弾道ミサイル ("ballistic missile") stands in 北朝鮮が弾道ミサイルを発射, with no spaces around it."""
    assert evidence.check_text("弾道ミサイル", [Excerpt("北朝鮮が弾道ミサイルを発射", "ja")]) == []
    [finding] = evidence.check_text("巡航ミサイル", [Excerpt("北朝鮮が弾道ミサイルを発射", "ja")])
    assert finding.field == "value" and "“巡航ミサイル”" in finding.message


# --- dates --------------------------------------------------------------------------------------------------------

def test_a_date_in_a_language_babel_does_not_know_is_named_on_the_sources() -> None:
    assert evidence.check_date(dt.date(2024, 10, 31), [Excerpt("31 October", "not a tag")]) == [Finding(
        "sources", "'not a tag' is not a language tag Babel knows (use BCP 47, such as en, de or ko)")]


def test_a_missing_date_lists_the_shortest_forms_of_every_excerpts_language() -> None:
    """Japanese writes 18 August 2024 as 8月18日 or 2024/8/18, Korean as 8월 18일: the three shortest of both."""
    [finding] = evidence.check_date(dt.date(2024, 8, 18), [Excerpt("翌日", "ja"), Excerpt("다음 날", "ko")])
    assert finding.message.startswith("2024-08-18 is not in the excerpts of its sources (looked for 8月18日, 8월 18일, "
                                      "2024/8/18, ")


# --- event titles -------------------------------------------------------------------------------------------------

def test_a_title_figure_may_stand_in_any_excerpt() -> None:
    """12,000 is in the first excerpt only: that is enough."""
    assert evidence.check_title_numbers("12,000 troops arrive", ["About 12,000 troops arrived.",
                                                                 "Officials confirmed it."]) == []


def test_every_title_figure_missing_is_named() -> None:
    assert evidence.check_title_numbers("12,000 troops and 300 tanks arrive", ["No figures here"]) == [Finding(
        "title", "the title gives 12,000, 300, which is not in the excerpts of its sources; give the figure the "
                 "source gives, or none")]


# --- positions ------------------------------------------------------------------------------------------------------

def test_a_position_of_zero_degrees_and_some_seconds() -> None:
    """0°00′36″N is 36/3600 = 0.01 degrees north, written to the second."""
    [(axis, value, unit)] = evidence.coordinates_in("0°00′36″N")
    assert axis == "lat" and abs(value - 0.01) < 1e-12 and abs(unit - 1 / 3600) < 1e-15


# --- one record, every check that applies ------------------------------------------------------------------------

def _record(kind: str, value_kind: str | None = None, excerpt: str | None = "nothing of the kind",
            lang: str | None = None, **fields: object) -> dict[str, object]:
    citation = {"source": "s", "excerpt": excerpt, "lang": lang}
    return {"id": "x", "kind": kind, "status": "reported", "value_kind": value_kind, "citations": [citation], **fields}


UNVERIFIED = {"status": "unverified", "unverified_reason": None}
NO_REASON = Finding("status", "an unverified item needs `unverified_reason:`: readers see why it could not be checked")


def test_a_record_without_excerpts_follows_the_required_switch() -> None:
    bare = _record("fact", "number", excerpt=None, value=8000)
    assert evidence.check_item(bare, required=False) == []
    [finding] = evidence.check_item(bare, required=True)
    assert finding.field == "sources"


def test_a_record_with_no_citations_at_all_is_checked_without_error() -> None:
    assert evidence.check_item({"id": "e", "kind": "event", "title": "12,000 troops arrive"}) == []
    fact = {"id": "f", "kind": "fact", "value_kind": "number", "value": 8000, "status": "reported"}
    [finding] = evidence.check_item(fact)
    assert finding.field == "sources"


def test_a_range_fact_is_checked_against_its_excerpt() -> None:
    [finding] = evidence.check_item(_record("fact", "range", value={"min": 10_000, "max": 12_000}))
    assert finding.field == "value" and finding.message.startswith("10,000 to 12,000 is not in the excerpts")


def test_a_date_fact_as_loaded_from_yaml_is_checked() -> None:
    """YAML loads 2024-10-31 as a date: it is compared like the ISO text."""
    assert evidence.check_item(_record("fact", "date", "on 31 October 2024", value=dt.date(2024, 10, 31))) == []
    [finding] = evidence.check_item(_record("fact", "date", "on 30 October 2024", value=dt.date(2024, 10, 31)))
    assert finding.field == "value"


def test_every_finding_of_a_record_is_kept() -> None:
    """An unverified record with no reason, whose excerpt does not say it either: both are named, status first."""
    cases = [
        _record("fact", "number", value=8000, **UNVERIFIED),
        _record("fact", "date", value="2024-10-31", **UNVERIFIED),
        _record("fact", "text", value="ballistic", **UNVERIFIED),
        _record("quote", text="we will never use force", **UNVERIFIED),
    ]
    for record in cases:
        findings = evidence.check_item(record)
        assert [f.field for f in findings] == ["status", "text" if record["kind"] == "quote" else "value"], record
        assert findings[0] == NO_REASON


def test_every_check_of_a_record_reads_in_the_sites_language() -> None:
    """A German site: excerpts without `lang:` are German, and so are its negations and figures."""
    day = _record("fact", "date", "am 31. Oktober 2024", value="2024-10-31")
    assert evidence.check_item(day, settings=GERMAN) == []
    words = _record("fact", "text", "Ein Angriff wurde gemeldet", value="kein Angriff")
    [finding] = evidence.check_item(words, settings=GERMAN)
    assert "“kein”" in finding.message
    quote = _record("quote", None, "wir werden nie Gewalt anwenden", text="wir werden … Gewalt anwenden")
    [finding] = evidence.check_item(quote, settings=GERMAN)
    assert "leaves out “nie”" in finding.message
    title = _record("event", excerpt="1,500 soldiers arrived", lang="en", title="1.500 Soldaten kommen an")
    assert evidence.check_item(title, settings=GERMAN) == []
