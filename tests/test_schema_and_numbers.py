"""Field rules of the schema that YAML's guesses could slip past, and the numbers read in a source's words."""

from __future__ import annotations

from mkdocs_explainer.data.validate import check_file

QUOTE = """\
sources:
  - id: nrk-report
    publisher: NRK
    title: The minister's answer
    url: https://example.org/nrk
claimants:
  - id: minister
    name: The minister
    kind: official
quotes:
  - id: minister-answer
    text: Nei.
    occasion: press conference
    date: 2024-10-31
    time: "07:10"
    timezone: UTC
    lang: nb
    claimant: minister
    status: reported
    sources: [{source: nrk-report, excerpt: "The minister said: Nei."}]
    reviewed: 2024-11-01
"""


def problems(text: str) -> list[str]:
    return [str(p) for p in check_file("data/quotes.yml", text.encode()).problems]


def test_the_quote_used_below_is_valid():
    """The starting point of the tests below has nothing to report."""
    assert problems(QUOTE) == []


def test_an_unquoted_yaml_boolean_is_no_time_zone():
    """`timezone: on` is YAML's true, not a zone label: refused with the hint to quote it, never kept as a zone."""
    assert problems(QUOTE.replace("timezone: UTC", "timezone: on")) == [
        "data/quotes.yml:16: quotes[0].timezone (minister-answer): `on` is read by YAML as true (yes/no, on/off and "
        "true/false are YAML's true and false); to mean the text, put it in quotes: \"on\""
    ]


def test_norwegian_written_unquoted_is_read_as_false_and_refused():
    """`lang: no` (Norwegian) is YAML's false: it is refused with the hint to quote it, never kept as a language."""
    assert problems(QUOTE.replace("lang: nb", "lang: no")) == [
        "data/quotes.yml:17: quotes[0].lang (minister-answer): `no` is read by YAML as false (yes/no, on/off and "
        "true/false are YAML's true and false); to mean the text, put it in quotes: \"no\""
    ]
    assert problems(QUOTE.replace("lang: nb", 'lang: "no"')) == []
