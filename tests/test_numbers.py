"""Where numbers stand in a text, as each language writes them: worked examples, each figure read by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest
from mkdocs_explainer.data.evidence import numbers_in


def read(text: str, lang: str = "en") -> list[tuple[Decimal, str]]:
    """Each number as (value, the words it stands on)."""
    return [(m.value, text[m.start:m.end]) for m in numbers_in(text, lang)]


def test_a_name_with_digits_is_no_figure_and_the_figures_after_it_still_count():
    assert read("The A320 carries 150 people and the B737 carries 160.") == [(150, "150"), (160, "160")]


@pytest.mark.parametrize("text", ["fell (-5) last year", "fell (−5) last year", "fell −5 last year", "-5 in all"])
def test_a_minus_sign_after_a_space_or_a_bracket_makes_the_figure_negative(text: str):
    [(value, words)] = read(text)
    assert value == -5 and words in ("-5", "−5")


@pytest.mark.parametrize(("text", "expected"), [("1-2", [1, 2]), ("pages 11-12", [11, 12]), ("x-5", [5])])
def test_a_dash_between_two_figures_or_after_a_word_is_no_minus(text: str, expected: list[int]):
    assert [value for value, _ in read(text)] == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("la version 2.5 compte 300", "fr", [2, 300]),     # fr writes 2,5: the 5 after a point is still no figure alone
    ("Version 1,5 und 300", "de-CH", [1, 300]),        # de-CH writes 1.5 and 1’000
    ("18,000 troops", "en", [18000]),
    ("18.000 Soldaten", "de", [18000]),
])
def test_digits_after_a_point_or_a_comma_are_part_of_a_bigger_number(text: str, lang: str, expected: list[int]):
    assert [value for value, _ in read(text, lang)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("5만 783명", [(50783, "5만 783")]),
    ("3천500명", [(3500, "3천500")]),
    ("3천 500명", [(3500, "3천 500")]),
    ("1억 2000만 500원", [(120000500, "1억 2000만 500")]),  # the joined part keeps the smaller scale, so 500 joins too
    ("1만, 2천", [(10000, "1만"), (2000, "2천")]),           # a list, not one number
    ("5천 3천", [(5000, "5천"), (3000, "3천")]),             # no smaller part: two numbers
])
def test_korean_adds_a_smaller_part_after_a_scale_word(text: str, expected: list[tuple[int, str]]):
    assert read(text, "ko") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("eight thousand", 8000), ("one and a half million", Decimal("1500000")), ("a thousand and one", 1001),
    ("three hundred and forty-two", 342), ("twenty-one", 21), ("half a million", 500000),
    ("one million two hundred thousand", 1200000), ("hundred thousand", 100000), ("hundred", 100),
])
def test_english_number_words(text: str, expected: int):
    assert read(f"We saw {text} there.") == [(expected, text)]


def test_a_trailing_and_or_article_is_not_part_of_the_number():
    assert read("eight and then some") == [(8, "eight")]
    assert read("ten an hour") == [(10, "ten")]


def test_number_words_are_read_in_english_only():
    assert read("eight soldiers", "fr") == [] and read("eight soldiers", "de") == []
    assert read("eight soldiers", "en-GB") == [(8, "eight")]


def test_a_span_s_shared_scale_is_read_both_ways():
    assert read("2 to 3 million") == [(2, "2"), (3000000, "3 million"), (2000000, "2")]
    assert read("11 to 12,000") == [(11, "11"), (12000, "12,000"), (11000, "11")]
    assert read("12,000 to 11") == [(12000, "12,000"), (11, "11")]  # falling: no shared scale


@pytest.mark.parametrize(("text", "readings"), [
    ("2 to 3 trillion", [2, 3 * 10**12, 2 * 10**12]),
    ("2 to 3 billion", [2, 3 * 10**9, 2 * 10**9]),
    ("5 to 1,000 billion", [5, 10**12, 5 * 10**9]),   # the largest scale the low end fits under: 5 billion
    ("2 to 3,600", [2, 3600]),                          # 3,600 has no round scale to share
    ("2 to 3,500", [2, 3500]),
    ("1,500 to 2,000", [1500, 2000]),                   # both written in full: nothing to read again
    ("1,000 to 2,000 billion", [1000, 2 * 10**12]),     # a low end of 1,000 or more is written in full
    ("3, 5 million", [3, 5 * 10**6]),                   # a list, not a span
    ("12,000 to 11 and 2 to 3 million", [12000, 11, 2, 3 * 10**6, 2 * 10**6]),  # a falling pair stops nothing
])
def test_a_span_s_low_end_takes_the_scale_of_its_high_end_only_where_it_fits(text: str, readings: list[int]):
    assert [value for value, _ in read(text)] == readings


def test_a_number_word_right_after_digits_is_still_a_number():
    assert read("5eight") == [(5, "5"), (8, "eight")]


def test_scale_words_are_read_whatever_their_case():
    assert read("60.4 Billion dollars") == [(Decimal("60400000000"), "60.4 Billion")]
    assert read("3 MILLION people") == [(3000000, "3 MILLION")]


def test_a_span_whose_ends_are_equal_is_still_one_span():
    from mkdocs_explainer.data.evidence import DEFAULT
    from mkdocs_explainer.data.languages import language
    from mkdocs_explainer.data.numbers import spans_in

    text = "between 10,000 and 10,000 troops"
    pairs = [(low.value, high.value) for low, high in spans_in(text, numbers_in(text, "en"), language("en", DEFAULT))]
    assert pairs == [(10000, 10000)]
