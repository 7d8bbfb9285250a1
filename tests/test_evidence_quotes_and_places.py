"""The evidence checks' edges, each worked by hand: what counts as a figure, the messages an editor reads, a quote's
cuts and word boundaries, a text value's key words, dates in unusual scripts, and a place's precision."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from mkdocs_explainer.data.evidence import (
    Excerpt,
    Finding,
    check_date,
    check_figure,
    check_has_evidence,
    check_place,
    check_quote,
    check_text,
    magnitude,
)

SOURCE_SAYS = "a quotation copies the source word for word, with … where words are left out"


# --- what a figure is -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [None, "12", "60.4", True, False, float("inf"), float("-inf"), float("nan")])
def test_only_a_finite_number_is_a_figure(value: object) -> None:
    """Text, a yes/no, nothing at all, or an infinite or undefined float is not a quantity to look for."""
    assert magnitude(value, None) is None
    assert magnitude(value, "billion") is None


def test_the_scale_is_the_first_word_of_the_unit() -> None:
    """"billion US dollars" scales by a billion: the words after the scale name what is counted."""
    assert magnitude(60.4, "billion US dollars") == Decimal("60400000000")
    assert magnitude(3, "million people") == Decimal("3000000")


def test_an_integer_too_long_to_print_is_still_its_quantity() -> None:
    """A caller's int is read as the number it is, even one with more digits than Python will print (4300)."""
    assert magnitude(10**5000, None) == Decimal(10) ** 5000


# --- a wrong or missing figure: the message -------------------------------------------------------------------

def test_a_hedge_a_few_words_before_the_figure_is_the_one_offered() -> None:
    """"more than the 8,000" is the source's hedge even with a word between: the editor is told to use it."""
    assert check_figure(8000, "about", None, ["more than the 8,000 soldiers came"]) == [Finding(
        "qualifier", "'about' is not the source's hedge for 8,000: the excerpt says “…more than the 8,000 soldiers "
                     "came”; use `qualifier: more than`")]


def test_a_source_that_gives_the_figure_plainly_asks_for_its_own_hedge_or_none() -> None:
    assert check_figure(8000, "about", None, ["8,000 soldiers came"]) == [Finding(
        "qualifier", "'about' is not the source's hedge for 8,000: the excerpt says “…8,000 soldiers came”; "
                     "use the source's own hedge, or none if it gives none")]


def test_in_another_language_the_message_says_how_to_extend_its_hedge_table() -> None:
    """The German words may mean "about" in a way the table lacks: the message names the table to extend."""
    assert check_figure(8000, "about", None, [Excerpt("mehr als 8.000 Soldaten kamen", "de")]) == [Finding(
        "qualifier", "'about' is not the source's hedge for 8,000: the excerpt says “…mehr als 8.000 Soldaten kamen”; "
                     "use `qualifier: more than` (if the source's words mean 'about', add them to the hedge table "
                     "for 'de': `hedges: {de: {about: [...]}}` in the explainer settings)")]


@pytest.mark.parametrize(("value", "shown", "forms"), [
    (1000, "1,000", "1,000, 1000 or 1 000"),  # from a thousand on, digits are grouped
    (999, "999", "digits or words"),
    (8.5, "8.5", "digits or words"),
])
def test_a_missing_figure_names_the_forms_to_look_for(value: int | float, shown: str, forms: str) -> None:
    assert check_figure(value, None, None, ["no figure here"]) == [Finding(
        "value", f"{shown} is not in the excerpts of its sources; copy the words where the source gives this "
                 f"figure ({forms} all count)")]


def test_the_forms_are_those_of_the_excerpts_own_language_and_region() -> None:
    """Swiss German groups thousands with ’ (5’000), whatever the site's language."""
    [finding] = check_figure(5000, None, None, [Excerpt("keine Zahl", "de-CH")])
    assert finding.message.endswith("(5’000, 5000 or 5 000 all count)")


# --- quotes: the messages ---------------------------------------------------------------------------------------

def test_a_quote_of_nothing_but_cuts_is_named() -> None:
    assert check_quote("…", ["we will never use force"]) == [
        Finding("text", "a quotation of nothing but … quotes no words; give the words the source says")]


def test_an_excerpt_in_a_language_babel_does_not_know_is_named() -> None:
    assert check_quote("peace", [Excerpt("peace", "xx-unknown")]) == [Finding(
        "sources", "'xx-unknown' is not a language tag Babel knows (use BCP 47, such as en, de or ko)")]


def test_an_unknown_language_does_not_stop_the_other_excerpts_being_read() -> None:
    assert check_quote("peace is war", [Excerpt("peace", "qq"), "they say peace is war"]) == []


def test_a_cut_that_drops_a_negation_names_the_words_after_it_clipped_at_forty_characters() -> None:
    """The words after the cut are 41 characters: shown cut at a word within 40, with an ellipsis."""
    assert check_quote("we will … use force against the protesters tomorrow",
                       ["we will never use force against the protesters tomorrow"]) == [Finding(
        "text", "the cut (…) before “use force against the protesters…” leaves out “never”, which turns the source's "
                "meaning round; quote the words with it")]


def test_a_cut_where_nothing_is_left_out_is_named_clipped_at_forty_characters() -> None:
    assert check_quote("we will … use force against the protesters tomorrow",
                       ["we will use force against the protesters tomorrow"]) == [Finding(
        "text", "a cut (…) is marked before “use force against the protesters…”, but the source leaves nothing out "
                "there; remove the …")]


def test_a_quote_of_only_a_full_stop_is_looked_for_as_written() -> None:
    """With nothing left once the closing full stop is set aside, the full stop itself is the quote."""
    assert check_quote(".", ["No full stop here"]) == [
        Finding("text", f"the words “.” are not in the excerpts of its sources; {SOURCE_SAYS}")]
    assert check_quote(".", ["A full stop."]) == []


# --- quotes: closing punctuation and word boundaries ------------------------------------------------------------

def test_the_closing_punctuation_is_set_aside_with_the_space_french_writes_before_it() -> None:
    assert check_quote("Nous ne céderons pas ;", [Excerpt("Il a dit : nous ne céderons pas.", "fr")]) == []


def test_a_quote_ending_in_a_roman_numeral_keeps_it() -> None:
    """Only punctuation is set aside at the end: "Super Bowl XX" is not "Super Bowl XL"."""
    assert check_quote("the winner of Super Bowl XX", ["the winner of Super Bowl XL"]) == [Finding(
        "text", f"the words “the winner of Super Bowl XX” are not in the excerpts of its sources; {SOURCE_SAYS}")]


def test_only_the_quotes_first_letter_may_change_case_not_the_first_after_a_cut() -> None:
    [finding] = check_quote("peace … War", ["peace is war"])
    assert finding.message.startswith("the words “War” are not in the excerpts")


@pytest.mark.parametrize(("quote", "excerpt", "lang"), [
    ("A team of 50", "the NASA team of 50", None),  # a one-letter first word, not the end of NASA
    ("killed 5", "they killed 50 people", None),  # a one-digit last word, not the start of 50
    ("富含维生素B", "富含维生素B12", "zh"),  # a Latin letter after Chinese: vitamin B is not B12
])
def test_a_quote_starts_and_ends_at_whole_words(quote: str, excerpt: str, lang: str | None) -> None:
    assert check_quote(quote, [Excerpt(excerpt, lang)]) == [
        Finding("text", f"the words “{quote}” are not in the excerpts of its sources; {SOURCE_SAYS}")]


def test_each_cut_is_between_the_nearest_words_in_order() -> None:
    """The words before a cut are the ones nearest before the words after it, never a later repeat of them."""
    assert check_quote("we … win", ["we will win, we say"]) == []
    assert check_quote("yes … yes we can", ["yes, they said: yes we can"]) == []


# --- quotes: a leading cut ("… use force") may not drop a negation --------------------------------------------

def test_a_leading_cut_that_drops_the_first_word_of_the_excerpt_is_named() -> None:
    assert check_quote("… guilty of any crime", ["not guilty of any crime"]) == [Finding(
        "text", "the cut (…) before “guilty of any crime” leaves out “not”, which turns the source's meaning round; "
                "quote the words with it")]


def test_a_leading_cut_before_long_words_still_looks_before_them() -> None:
    [finding] = check_quote("… use force against the protesters tomorrow",
                            ["we will never use force against the protesters tomorrow"])
    assert "leaves out “never”" in finding.message


def test_a_leading_cut_looks_back_forty_characters_only() -> None:
    """“not” begins 41 characters before “his”: it negates an earlier verb ("know"), not the words quoted."""
    excerpt = "He did not know at that time that in due course his own government would use force"
    assert excerpt.index("his") - excerpt.index("not") == 41
    assert check_quote("… his own government would use force", [excerpt]) == []


def test_a_leading_cut_looks_back_only_to_the_start_of_its_clause() -> None:
    """"not" belongs to the clause before the semicolon; "never" to the quote's own clause, whatever follows."""
    assert check_quote("… use force", ["It was not easy; we will use force"]) == []
    for excerpt, quote in [("we will never use force, he said", "… use force"),
                           ("we will never use force, if needed", "… use force, if needed")]:
        [finding] = check_quote(quote, [excerpt])
        assert "leaves out “never”" in finding.message, excerpt


def test_a_negation_the_quote_keeps_is_not_dropped() -> None:
    assert check_quote("… will not use force", ["we will not use force"]) == []


# --- text values ----------------------------------------------------------------------------------------------

def test_a_five_letter_word_is_a_key_word() -> None:
    [finding] = check_text("a truce", ["a ceasefire was agreed"])
    assert finding.message.startswith("the words “truce” are not in the excerpts")


def test_an_excerpt_in_an_unknown_language_does_not_end_the_search() -> None:
    """The second excerpt is still read: it lacks "truce", which is named."""
    [finding] = check_text("a truce", [Excerpt("x", "qq"), "a ceasefire was agreed"])
    assert finding.message.startswith("the words “truce” are not in the excerpts")


def test_the_closest_excerpt_and_at_most_four_of_its_words_are_named() -> None:
    """Of the excerpts, the one lacking fewest key words is named, the first on a tie; at most four words shown."""
    value = "heavy shelling overnight"
    [closest] = check_text(value, ["it rained", "heavy shelling was reported", "it rained again"])
    assert closest.message.startswith("the words “overnight” are not in the excerpts")
    [tie] = check_text(value, ["heavy shelling was reported", "heavy rain overnight"])
    assert tie.message.startswith("the words “overnight” are not in the excerpts")
    [many] = check_text("heavy shelling overnight between Kursk and Belgorod", ["nothing of it"])
    assert many == Finding("value", "the words “heavy”, “shelling”, “overnight”, “between” are not in the excerpts "
                                    "of its sources; write the value in the source's words, or quote a passage that "
                                    "has them")


# --- dates in a script whose form begins with a mark ----------------------------------------------------------

def test_a_date_form_that_begins_with_a_mark_is_found_wherever_it_stands() -> None:
    """Shavian writes 9 May as "·𐑥𐑱 9", the namer dot first: found after a space or glued to the word before."""
    day = dt.date(2024, 5, 9)
    assert check_date(day, [Excerpt("𐑪𐑯 ·𐑥𐑱 9", "en-Shaw")]) == []
    assert check_date(day, [Excerpt("𐑪𐑯·𐑥𐑱 9", "en-Shaw")]) == []


# --- evidence and places --------------------------------------------------------------------------------------

def test_a_fact_with_no_citations_at_all_is_named() -> None:
    [finding] = check_has_evidence({"kind": "fact", "status": "reported"})
    assert finding.field == "sources" and finding.message.startswith("no source's own words are given")


def test_a_place_with_no_sources_agrees() -> None:
    assert check_place({"id": "kursk", "lat": 51.73, "lon": 36.19}) == []


def _place(lat: float, lon: float, excerpt: str) -> dict[str, object]:
    return {"id": "p", "lat": lat, "lon": lon, "sources": [{"source": "s", "excerpt": excerpt}]}


def test_a_wrong_place_names_the_excerpt_clipped_at_forty_characters() -> None:
    """51°43′ is 51.7167; the excerpt is 41 characters, shown cut at a word within 40."""
    assert check_place(_place(51.817, 36.183, "Kursk lies at 51°43′N 36°11′E on the Seym")) == [Finding(
        "lat", "51.817 is not where the excerpt puts it (51.7167, from “Kursk lies at 51°43′N 36°11′E on the…”); "
               "check the latitude")]


def test_the_records_own_precision_is_half_its_last_digit() -> None:
    """51.8 stands for 51.75..51.85; 51.6° for 51.5..51.7: apart by 0.2, more than 0.1 + 0.05. 51°39′04″ is
    51.6511, within 1″ + 0.05 of 51.7. On the edge: 0.1 and 0.04° are 0.06 apart, exactly 0.01 + 0.05."""
    [finding] = check_place(_place(51.8, 36.19, "51.6°N"))
    assert finding.field == "lat"
    assert check_place(_place(51.7, 36.19, "51°39′04″N")) == []
    assert check_place(_place(0.1, 36.19, "0.04°N")) == []


def test_a_tiny_coordinate_has_the_precision_it_is_written_with() -> None:
    """0.00005 (printed 5e-05) is given to five decimals, not to half a degree: 0°30′W is 55 km away."""
    [finding] = check_place(_place(51.7, 0.00005, "51.7°N 0°30′W"))
    assert finding == Finding("lon", "5e-05 is not where the excerpt puts it (-0.5000, from “51.7°N 0°30′W”); "
                                     "check the longitude")
    assert check_place(_place(51.7, 0.00005, "51.7°N 0°0′E")) == []


def test_an_infinite_position_is_named_not_a_crash() -> None:
    """A caller's float('inf') has no digits to read a precision from: it is simply not where the excerpt puts it."""
    assert check_place(_place(float("inf"), 36.19, "51.7°N")) == [Finding(
        "lat", "inf is not where the excerpt puts it (51.7000, from “51.7°N”); check the latitude")]
