"""Schema checks of one file: each mistake gives one message naming line, field and id."""

from __future__ import annotations

import pytest
from conftest import FACTS, KURSK_SOURCES, SOURCES
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.pages.formatting import format_moment, format_value


def problems(text: str) -> list[str]:
    return [str(p) for p in check_file("data/facts.yml", text.encode()).problems]


def test_valid_file_gives_plain_records():
    result = check_file("data/facts.yml", FACTS.encode())
    assert result.problems == []
    fact = result.records["facts"][0]
    assert fact["value"] == 8000 and fact["value_kind"] == "number" and fact["kind"] == "fact"
    assert fact["date"] == "2024-10-31"
    assert [(r.section, r.id, r.line) for r in result.refs][:3] == [
        ("claimants", "us-gov", 11), ("sources", "ap-report", 13), ("claimants", "us-gov", 21)
    ]


def test_date_in_another_format():
    text = FACTS.replace("date: 2024-10-28", "date: 28/10/2024")
    assert problems(text) == [
        "data/facts.yml:20: facts[1].date (troops-total-us): '28/10/2024' is not a date (use YYYY-MM-DD)"
    ]


def test_misspelled_field_suggests_the_right_one():
    text = FACTS.replace("    qualifier: about\n", "    qualifer: about\n")
    [message] = problems(text)
    assert message.startswith("data/facts.yml:8: facts[0].qualifer (troops-near-kursk): unknown field; "
                              "did you mean 'qualifier'? allowed: id, date,")


def test_missing_required_field_points_at_the_entry():
    text = FACTS.replace(f"    claimant: us-gov\n    status: reported\n    {KURSK_SOURCES}\n    reviewed: 2026-11-01\n"
                         "  - id: troops-total-us", f"    status: reported\n    {KURSK_SOURCES}\n"
                         "    reviewed: 2026-11-01\n  - id: troops-total-us")
    assert problems(text) == ["data/facts.yml:5: facts[0].claimant (troops-near-kursk): required field is missing"]


def test_javascript_url_is_refused():
    text = SOURCES.replace("https://example.org/ap", "javascript:alert(1)")
    assert [str(p) for p in check_file("data/sources.yml", text.encode()).problems] == [
        "data/sources.yml:5: sources[0].url (ap-report): 'javascript:alert(1)' is not a web address "
        "(only http:// and https:// links are allowed)"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (f"status: reported\n    {KURSK_SOURCES}\n    reviewed: 2026-11-01\n  - id: troops-total-us",
         f"status: rumoured\n    {KURSK_SOURCES}\n    reviewed: 2026-11-01\n  - id: troops-total-us",
         "data/facts.yml:12: facts[0].status (troops-near-kursk): 'rumoured' is not one of 'confirmed', 'reported', "
         "'claimed', 'disputed', 'unverified' or 'corrected'"),
        ("id: troops-near-kursk", "id: Troops Near Kursk",
         "data/facts.yml:5: facts[0].id (Troops Near Kursk): 'Troops Near Kursk' is not an id "
         "(use lowercase letters, digits and hyphens, like turnout-2024)"),
        ("value: 8000", "value: yes",
         "data/facts.yml:7: facts[0].value (troops-near-kursk): `yes` is read by YAML as true (yes/no, on/off "
         "and true/false are YAML's true and false); to mean the text, put it in quotes: \"yes\""),
        ("value: 8000", "value: {min: 12000, max: 10000}",
         "data/facts.yml:7: facts[0].value (troops-near-kursk): min (12000) is larger than max (10000)"),
        (f"{KURSK_SOURCES}\n    reviewed: 2026-11-01\n  - id: troops-total-us",
         "sources: []\n    reviewed: 2026-11-01\n  - id: troops-total-us",
         "data/facts.yml:13: facts[0].sources (troops-near-kursk): List should have at least 1 item after "
         "validation, not 0"),
    ],
)
def test_field_mistakes(old: str, new: str, expected: str):
    assert old in FACTS
    assert problems(FACTS.replace(old, new, 1)) == [expected]


def test_all_problems_of_a_file_at_once():
    text = FACTS.replace("date: 2024-10-28", "date: 28/10/2024").replace("value: 8000", "valeu: 8000")
    assert len(problems(text)) == 3  # the bad date, the unknown key, and the value it leaves missing


def test_time_needs_a_zone_and_unquoted_times_read_right():
    text = FACTS.replace("    date: 2024-10-31\n", "    date: 2024-10-31\n    time: 07:10\n    timezone: KST\n")
    result = check_file("data/facts.yml", text.encode())
    assert result.problems == []
    assert result.records["facts"][0]["time"] == "07:10"
    text = FACTS.replace("    date: 2024-10-31\n", "    date: 2024-10-31\n    time: 07:10\n")
    assert problems(text) == ["data/facts.yml:5: facts[0] (troops-near-kursk): give both `time` and `timezone`, or neither"]


def test_html_in_text_is_kept_as_text():
    text = FACTS.replace("label: Troops near Kursk", "label: \"<script>alert(1)</script> near Kursk\"")
    result = check_file("data/facts.yml", text.encode())
    assert result.problems == []
    assert result.records["facts"][0]["label"] == "<script>alert(1)</script> near Kursk"


def test_emptied_section_is_named():
    assert problems("facts:\n") == ["data/facts.yml:1: facts: is empty; give a value or remove the key"]


def test_a_time_of_day_and_its_zone_are_checked_with_a_hint():
    kursk = "    date: 2024-10-31\n    claimant: us-gov"
    assert problems(FACTS.replace(kursk, "    date: 2024-10-31\n    time: '7 pm'\n    timezone: UTC\n    claimant: us-gov")) == [
        "data/facts.yml:11: facts[0].time (troops-near-kursk): '7 pm' is not a time of day (use HH:MM, 24-hour)"]
    assert problems(FACTS.replace(kursk, "    date: 2024-10-31\n    time: '19:00'\n    timezone: Korea time\n"
                                  "    claimant: us-gov")) == [
        "data/facts.yml:12: facts[0].timezone (troops-near-kursk): 'Korea time' is not a time zone (use a label like "
        "EST, UTC+9 or Europe/Paris: letters, digits and + - : / _ .)"]
    record = check_file("data/facts.yml", FACTS.replace(kursk, "    date: 2024-10-31\n    time: '19:00'\n"
                                                      "    timezone: Asia/Seoul\n    claimant: us-gov").encode())
    assert record.problems == []
    assert format_moment(record.records["facts"][0]) == "31 October 2024, 19:00 Asia/Seoul"


@pytest.mark.parametrize(("value", "excerpt", "shown"), [
    ("{min: 8000, max: 10000}\n    unit: troops", "between 8,000 and 10,000 troops", "8,000–10,000 troops"),
    ("2024-10-31", "on 31 October 2024", "31 October 2024"),
    ("near the border", "troops near the border", "near the border"),
])
def test_each_kind_of_value_reads_back_as_readers_see_it(value: str, excerpt: str, shown: str):
    """A span, a date and words each keep their kind: shown as a span, a date in words, the words themselves."""
    fact = (f"facts:\n  - id: f\n    label: L\n    value: {value}\n    date: 2024-10-31\n"
            f"    claimant: us-gov\n    status: reported\n    sources: [{{source: ap-report, excerpt: \"{excerpt}\"}}]\n"
            "    reviewed: 2026-11-01\n")
    result = check_file("data/facts.yml", fact.encode())
    assert result.problems == []
    assert format_value(result.records["facts"][0]) == shown


def test_a_quoted_coordinate_and_a_made_up_language_are_named():
    place = ("places:\n  - id: najin\n    name: Najin\n    lat: '42.34'\n    lon: 130.39\n    kind: port\n"
             "    what: Loading port.\n    sources: [{source: ap-report, excerpt: \"42°20′24″N 130°23′23″E\"}]\n")
    assert [str(p) for p in check_file("data/places.yml", place.encode()).problems] == [
        "data/places.yml:4: places[0].lat (najin): '42.34' is text here; a coordinate is a number in decimal degrees, "
        "written without quotes, like 51.717"]
    text = FACTS.replace(KURSK_SOURCES, 'sources: [{source: ap-report, excerpt: "About 8,000 troops are near the '
                                        'border.", lang: "english please"}]', 1)
    [message] = problems(text)
    assert message.endswith("'english please' is not a language tag (use BCP 47, like en, de, ko or pt-BR)")
