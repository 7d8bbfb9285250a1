"""Field rules of the schema that YAML's guesses could slip past, and the numbers read in a source's words."""

from __future__ import annotations

from decimal import Decimal

from mkdocs_explainer.data.evidence_settings import EvidenceSettings
from mkdocs_explainer.data.languages import language
from mkdocs_explainer.data.numbers import numbers_in
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


def read(text: str, tag: str) -> list[tuple[Decimal, str]]:
    """Each number `numbers_in` reads, as (value, the text it stands on)."""
    return [(m.value, text[m.start:m.end]) for m in numbers_in(text, language(tag, EvidenceSettings()))]


def test_a_scale_word_is_read_whatever_its_case():
    """A headline's `60.4 Billion` is 60,400,000,000, one figure, as `60.4 billion` is."""
    assert read("60.4 Billion", "en") == [(Decimal("60400000000"), "60.4 Billion")]
    assert read("$59BN", "en") == [(Decimal("59000000000"), "59BN")]


def test_english_does_not_add_a_small_number_after_a_scale_word():
    """Only languages counting in myriads add the part after a scale word (ko 5만 783 = 50,783): in English,
    `2 million 300 donors` is two figures."""
    assert read("2 million 300 donors", "en") == [(Decimal("2000000"), "2 million"), (Decimal("300"), "300")]


def test_myriads_join_a_smaller_part_written_next_to_them():
    """ko `5만 783` is 50,783 and `5만 0` is 50,000, one figure each; a part not smaller than the myriad (`1만 10000`),
    one with the same scale word (`1만 0.5만`) or one two spaces away (`5만  783`) stands on its own."""
    assert read("5만 783", "ko") == [(Decimal("50783"), "5만 783")]
    assert read("5만 0", "ko") == [(Decimal("50000"), "5만 0")]
    assert read("1만 10000", "ko") == [(Decimal("10000"), "1만"), (Decimal("10000"), "10000")]
    assert read("1만 0.5만", "ko") == [(Decimal("10000"), "1만"), (Decimal("5000"), "0.5만")]
    assert read("5만  783", "ko") == [(Decimal("50000"), "5만"), (Decimal("783"), "783")]


def test_a_span_lends_its_scale_to_its_first_number_only_when_that_makes_sense():
    """`12 to 12,000` may mean 12,000 to 12,000 (the 12 is also read as 12,000), as `11 to 12,000` reads 11 as
    11,000; `0 to 0` has no scale to lend and reads as written."""
    assert read("12 to 12,000", "en") == [(Decimal("12"), "12"), (Decimal("12000"), "12,000"), (Decimal("12000"), "12")]
    assert read("11 to 12,000", "en") == [(Decimal("11"), "11"), (Decimal("12000"), "12,000"), (Decimal("11000"), "11")]
    assert read("0 to 0", "en") == [(Decimal("0"), "0"), (Decimal("0"), "0")]
