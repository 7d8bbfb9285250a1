"""Values and dates as readers see them."""

from __future__ import annotations

import pytest
from mkdocs_explainer.pages.formatting import format_date, format_moment, format_value


def fact(value, kind: str, **extra) -> dict:
    return {"value": value, "value_kind": kind, **extra}


@pytest.mark.parametrize(
    ("record", "shown"),
    [
        (fact(8000, "number", qualifier="about", unit="troops"), "about 8,000 troops"),
        (fact(7687.5, "number", unit="km"), "7,687.5 km"),
        (fact(59, "number", qualifier="more than", prefix="$", unit="billion"), "more than $59 billion"),
        (fact({"min": 10000, "max": 12000}, "range", unit="troops"), "10,000–12,000 troops"),
        (fact("Hwasong-19", "text"), "Hwasong-19"),
        (fact("2023-12-18", "date"), "18 December 2023"),
    ],
)
def test_values_read_like_prose(record: dict, shown: str):
    assert format_value(record) == shown


def test_dates_have_day_month_in_words_and_year():
    assert format_date("2024-10-31") == "31 October 2024"
    assert format_date("2024-11-01") == "1 November 2024"


def test_moment_adds_the_time_of_day_with_its_zone():
    assert format_moment({"date": "2024-10-31", "time": "07:10", "timezone": "KST"}) == "31 October 2024, 07:10 KST"
    assert format_moment({"date": "2024-10-31", "time": None}) == "31 October 2024"


def test_a_date_no_source_states_is_marked_as_inferred():
    assert format_moment({"date": "2024-12-17", "date_inferred": True}) == "17 December 2024 (date inferred)"
    assert format_moment({"date": "2024-10-31", "time": "07:10", "timezone": "KST", "date_inferred": True}) == (
        "31 October 2024, 07:10 KST (date inferred)")
    assert format_moment({"date": "2024-12-17", "date_inferred": False}) == "17 December 2024"


def test_a_source_s_date_says_when_it_is_missing_or_inferred():
    from mkdocs_explainer.pages.formatting import format_published

    assert format_published({"published": "2024-10-31"}) == "31 October 2024"
    assert format_published({"published": "2024-10-31", "published_inferred": True}) == "31 October 2024 (date inferred)"
    assert format_published({"published": None}) == "undated"


def test_a_quotation_shows_its_translation_and_who_made_it():
    from mkdocs_explainer.pages.formatting import quoted_title

    quote = {"kind": "quote", "text": "Мы готовы"}
    assert quoted_title(quote) == "“Мы готовы”"
    assert quoted_title({**quote, "translation": "We are ready", "translation_by": "Reuters"}) == (
        "“Мы готовы” (translation by Reuters: “We are ready”)")
    assert quoted_title({"kind": "quote", "text": "We are ready", "translation_by": "this site"}) == (
        "“We are ready” (translated by this site)")
    assert quoted_title({"kind": "fact", "label": "Troops in Russia"}) == "Troops in Russia"
    assert quoted_title({"kind": "event", "title": "Troops arrive"}) == "Troops arrive"


def test_a_site_s_own_place_kinds_and_travel_modes_show_as_written():
    from mkdocs_explainer.pages.formatting import place_kind, travel_mode

    assert place_kind("port") == "port" and place_kind("epicentre") == "epicentre"
    assert travel_mode("rail") == "rail" and travel_mode("convoy") == "convoy"


def test_a_span_of_days_or_a_single_day():
    from mkdocs_explainer.pages.formatting import format_dates

    assert format_dates("2023-09-07", "2023-10-01") == "7 September 2023 to 1 October 2023"
    assert format_dates("2024-10-31", "2024-10-31") == "31 October 2024"
