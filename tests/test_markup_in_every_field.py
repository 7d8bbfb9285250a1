"""Markup in every text field of the data reaches every built page as text: no element, attribute or link
that the templates did not write, whichever shortcode, list page or head tag shows the field."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path

import pytest
from outputs_helpers import build, copy_project

FIELDS = [
    "claimant-name", "claimant-role", "source-publisher", "source-title",
    "source-author", "source-via", "group-title", "group-note", "fact-label", "fact-prefix", "fact-unit", "fact-note",
    "fact-text-value", "revision-change", "revision-reason", "quote-text", "quote-occasion", "event-title",
    "correction-topic", "correction-article", "correction-record", "citation-excerpt", "citation-locator",
    "citation-translation", "citation-translation-by", "quote-translation", "quote-translation-by",
    "question-title", "question-note", "position-summary",
    "place-name", "place-spelling", "place-what", "place-why-approximate", "place-excerpt", "route-title", "route-note",
    "map-title", "map-caption", "map-not-drawn",
]


def probe(field: str) -> str:
    """A value that becomes an element, two attributes and an entity if any path forgets to escape it."""
    return f"<i class=\"fx-probe\">{field}</i> \" data-fx-probe=\"1 ' data-fx-probe='1 &amp; </script>"


def quoted(field: str) -> str:
    return "'" + probe(field).replace("'", "''") + "'"


DATA = f"""\
claimants:
  - id: zz-claimant
    name: {quoted("claimant-name")}
    short: {quoted("claimant-short")}
    kind: official
    role: {quoted("claimant-role")}
    country: {quoted("claimant-country")}
sources:
  - id: zz-source
    publisher: {quoted("source-publisher")}
    title: {quoted("source-title")}
    author: {quoted("source-author")}
    via: {quoted("source-via")}
    url: https://example.org/a?b=1&c="2"
    published: 2001-02-03
groups:
  - id: zz-group
    title: {quoted("group-title")}
    note: {quoted("group-note")}
facts:
  - id: zz-fact
    label: {quoted("fact-label")}
    value: 1200
    prefix: {quoted("fact-prefix")}
    unit: {quoted("fact-unit")}
    note: {quoted("fact-note")}
    group: zz-group
    date: 2001-02-01
    time: "07:10"
    timezone: KST
    claimant: zz-claimant
    status: reported
    sources: [{{source: zz-source, excerpt: "1,200 of them"}}]
    reviewed: 2001-03-01
    revisions:
      - date: 2001-02-10
        change: {quoted("revision-change")}
        reason: {quoted("revision-reason")}
  - id: zz-text
    label: Text value
    value: {quoted("fact-text-value")}
    date: 2001-02-02
    claimant: zz-claimant
    status: claimed
    sources: [{{source: zz-source, excerpt: {quoted("citation-excerpt")[:-1] + " " + quoted("fact-text-value")[1:]},
               locator: {quoted("citation-locator")}, lang: ko, translation: {quoted("citation-translation")},
               translation_by: {quoted("citation-translation-by")}}}]
    reviewed: 2001-03-01
quotes:
  - id: zz-quote
    text: {quoted("quote-text")}
    occasion: {quoted("quote-occasion")}
    lang: ja
    translation: {quoted("quote-translation")}
    translation_by: {quoted("quote-translation-by")}
    date: 2001-02-01
    claimant: zz-claimant
    status: confirmed
    sources: [{{source: zz-source, excerpt: {quoted("quote-text")}}}]
    reviewed: 2001-03-01
events:
  - id: zz-event
    title: {quoted("event-title")}
    date: 2001-01-15
    claimant: zz-claimant
    status: confirmed
    sources: [{{source: zz-source, excerpt: "It began: 1 day."}}]
    reviewed: 2001-01-20
corrections:
  - id: zz-correction
    topic: {quoted("correction-topic")}
    article: {quoted("correction-article")}
    record: {quoted("correction-record")}
    items: [zz-fact]
    sources: [zz-source]
questions:
  - id: zz-question
    title: {quoted("question-title")}
    note: {quoted("question-note")}
    positions:
      - claimant: zz-claimant
        date: 2001-02-01
        stance: estimate
        summary: {quoted("position-summary")}
        items: [zz-fact]
places:
  - id: zz-port
    name: {quoted("place-name")}
    spellings: [{quoted("place-spelling")}]
    lat: 42.34
    lon: 130.39
    kind: port
    what: {quoted("place-what")}
    sources: [{{source: zz-source, excerpt: {quoted("place-excerpt")}}}]
  - id: zz-area
    name: Probe area
    lat: 42.88
    lon: 132.338
    kind: region
    what: An area.
    approximate: true
    radius_km: 20
    why_approximate: {quoted("place-why-approximate")}
    sources: [{{source: zz-source, excerpt: "somewhere"}}]
routes:
  - id: zz-route
    title: {quoted("route-title")}
    places: [zz-port, zz-area]
    modes: [ship]
    start: 2001-02-01
    end: 2001-02-02
    claimant: zz-claimant
    status: reported
    sources: [zz-source]
    note: {quoted("route-note")}
maps:
  - id: zz-map
    title: {quoted("map-title")}
    caption: {quoted("map-caption")}
    region: {{west: 125, east: 138, south: 38, north: 46}}
    routes: [zz-route]
    not_drawn: {quoted("map-not-drawn")}
"""
PAGE = """\
# Probe page

Fact: <!-- fact:zz-fact -->. Value: <!-- value:zz-fact -->. Text: <!-- fact:zz-text -->. Date: <!-- date:zz-fact -->.
Who: <!-- claimant:zz-claimant -->. Words: <!-- phrase:zz-quote -->. Event: <!-- event:zz-event -->.

<!-- quote:zz-quote -->

<!-- card:zz-fact -->

<!-- chart:zz-group -->

<!-- estimates:zz-group -->

<!-- correction:zz-correction -->

<!-- trend:zz-group -->

<!-- question:zz-question -->

<!-- map:zz-map -->
"""


class Reader(HTMLParser):
    """Everything an escaping mistake would add: probe elements and attributes, and the text readers see."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.injected: list[str] = []
        self.text: list[str] = []
        self.attribute_values: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "data-fx-probe" or (name == "class" and value and "fx-probe" in value.split()):
                self.injected.append(f"<{tag} {name}={value!r}>")
            self.attribute_values.append(value or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("probe") / "project")
    (project / "data" / "zz-test.yml").write_text(DATA, encoding="utf-8")
    (project / "docs" / "zz-test.md").write_text(PAGE, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_no_field_adds_an_element_or_attribute_to_any_page(site: Path):
    injected = {}
    for page in sorted(site.rglob("*.html")):
        reader = Reader()
        reader.feed(page.read_text(encoding="utf-8"))
        if reader.injected:
            injected[page.relative_to(site).as_posix()] = reader.injected
    assert injected == {}


def test_every_field_reaches_readers_as_the_text_written(site: Path):
    shown = ""
    for page in sorted(site.rglob("*.html")):
        reader = Reader()
        reader.feed(page.read_text(encoding="utf-8"))
        shown += "\n".join(reader.text + reader.attribute_values)
    # The role is a tooltip (an attribute); every other field is text somewhere. (A claimant's short name and
    # country are in the exports only, which test_properties covers.)
    missing = [field for field in FIELDS if html.unescape(probe(field)) not in shown and probe(field) not in shown]
    assert missing == []
