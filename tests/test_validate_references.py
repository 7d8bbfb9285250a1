"""What a checked file hands the checks across files: each id it points at, each old id, each figure typed in its
text, with the field and line an editor is sent to."""

from __future__ import annotations

from mkdocs_explainer.data import figures
from mkdocs_explainer.data.catalog import link
from mkdocs_explainer.data.records import Reference, Typed
from mkdocs_explainer.data.validate import check_file

# Line numbers are written beside the lines the tests below point at.
EVERY_SECTION = """\
facts:
  - id: crowd-size
    date: 2024-05-01
    claimant: city-hall
    status: reported
    sources:
      - source: city-report
        excerpt: "12,000 people came to the rally"
    reviewed: 2024-05-02
    formerly:
      - crowd
      - rally-crowd
    label: People at the rally
    value: 12000
    note: Police counted 9,000 people near the stage.
corrections:
  - id: closing-time
    topic: When the polls closed
    article: The polls closed at nine.
    record: The polls closed at eight.
    sources: [city-report]
    items: [crowd-size]
places:
  - id: najin
    name: Najin
    lat: 42.34
    lon: 130.39
    kind: port
    what: Loading port.
    sources:
      - city-report
      - source: ap-report
        excerpt: "42°20′24″N 130°23′23″E"
    items: [crowd-size]
routes:
  - id: shipments
    title: Shipments
    places: [najin, dunay]
    modes: [ship]
    start: 2023-09-07
    end: 2023-10-01
    claimant: us-gov
    status: reported
    sources: [ap-report, {source: city-report, excerpt: "shipped"}]
    items: [crowd-size]
maps:
  - id: far-east
    title: The Far East
    caption: Ports.
    region: {west: 120, east: 140, south: 35, north: 50}
    places: [najin]
    routes: [shipments]
questions:
  - id: complete-count
    title: Was the count complete?
    positions:
      - claimant: city-hall
        date: 2024-05-03
        stance: "yes"
        summary: City hall said 300 volunteers counted twice.
        items: [crowd-size]
"""


def test_every_id_a_record_points_at_is_named_with_its_field_and_line():
    """A misspelled id anywhere (a place's cited source, a route's claimant, a map's route, a correction's item, a
    position's claimant...) is reported at the field and line it is written on: the checks across files read
    these references, so each section's fields must all be there, in full, with their own paths."""
    result = check_file("data/all.yml", EVERY_SECTION.encode())
    assert result.problems == []
    assert result.refs == [
        Reference("claimants", "city-hall", 4, "facts[0].claimant"),
        Reference("sources", "city-report", 7, "facts[0].sources[0]"),
        Reference("sources", "city-report", 21, "corrections[0].sources[0]"),
        Reference("items", "crowd-size", 22, "corrections[0].items[0]"),
        Reference("sources", "city-report", 31, "places[0].sources[0]"),
        Reference("sources", "ap-report", 32, "places[0].sources[1].source"),
        Reference("items", "crowd-size", 34, "places[0].items[0]"),
        Reference("sources", "ap-report", 44, "routes[0].sources[0]"),
        Reference("sources", "city-report", 44, "routes[0].sources[1].source"),
        Reference("items", "crowd-size", 45, "routes[0].items[0]"),
        Reference("claimants", "us-gov", 42, "routes[0].claimant"),
        Reference("places", "najin", 38, "routes[0].places[0]"),
        Reference("places", "dunay", 38, "routes[0].places[1]"),
        Reference("places", "najin", 51, "maps[0].places[0]"),
        Reference("routes", "shipments", 52, "maps[0].routes[0]"),
        Reference("claimants", "city-hall", 57, "questions[0].positions[0].claimant"),
        Reference("items", "crowd-size", 61, "questions[0].positions[0].items[0]"),
    ]


def test_old_ids_are_kept_each_at_its_own_line():
    """`formerly:` ids are checked once files are joined (an old id still in use elsewhere): each is named by its
    own entry and line, so the editor is sent to the right one."""
    result = check_file("data/all.yml", EVERY_SECTION.encode())
    assert [mark for mark in result.marks if mark.section == "formerly"] == [
        Reference("formerly", "crowd", 11, "facts[0].formerly[0] (crowd-size)"),
        Reference("formerly", "rally-crowd", 12, "facts[0].formerly[1] (crowd-size)"),
    ]


def test_figures_typed_in_text_are_found_in_nested_entries_with_the_words_after_them():
    """A figure typed in a note, and one in a question's position (an entry nested in a list), are both handed to
    the comparison with the facts, with the words that follow them (which tell `9,000 people` from `9,000 km`)."""
    result = check_file("data/all.yml", EVERY_SECTION.encode())
    assert result.typed == [
        Typed("9,000", "people near", 15, "facts[0].note (crowd-size)"),
        Typed("300", "volunteers counted", 60, "questions[0].positions[0].summary (complete-count)"),
    ]


def test_a_mistake_in_a_cited_source_of_a_place_or_route_is_named_once_at_its_field():
    """A place's or route's cited source is checked like an item's: an unknown field gets the usual hint (it used
    to stop the build with a KeyError), and a misspelled id or a bad language tag is one message at the field
    editors write, without pydantic's names for the two ways of writing an entry."""
    cases = [
        ('{source: city-report, excerpt: "shipped"}', '{source: city-report, excerpt: "shipped", foo: 2}',
         "data/all.yml:44: routes[0].sources[1].foo (shipments): unknown field; "
         "allowed: source, excerpt, locator, lang, translation, translation_by"),
        ('        excerpt: "42°20′24″N 130°23′23″E"\n', '        excerpt: "42°20′24″N 130°23′23″E"\n        lang: x\n',
         "data/all.yml:34: places[0].sources[1].lang (najin): 'x' is not a language tag "
         "(use BCP 47, like en, de, ko or pt-BR)"),
        ("      - city-report\n", "      - City Report\n",
         "data/all.yml:31: places[0].sources[0] (najin): 'City Report' is not an id "
         "(use lowercase letters, digits and hyphens, like turnout-2024)"),
    ]
    for old, new, expected in cases:
        assert old in EVERY_SECTION
        text = EVERY_SECTION.replace(old, new, 1)
        assert [str(p) for p in check_file("data/all.yml", text.encode()).problems] == [expected]


def test_a_figure_at_the_end_of_a_text_has_no_words_after_it():
    """`... 12000` at the end of a note: nothing follows, so no unit can be read after it."""
    [figure] = figures.find("The count was 12000")
    assert (figure.written, figure.value, figure.after, figure.offset) == ("12000", 12000.0, "", 14)


def test_the_words_after_a_figure_are_kept_whole_and_lowercased():
    """Only spaces are trimmed from the words after a figure: `5 Xhosa speakers` keeps its X."""
    [figure] = figures.find("5 Xhosa speakers")
    assert figure.after == "xhosa speakers"


def test_a_small_figure_is_matched_with_its_unit_written_with_a_hyphen_or_in_brackets():
    """`a 12-km road` types the 12 km a fact holds, and so does `12 km` when the fact's unit is written `(km)`;
    a small number without the fact's unit (`12 people`) is no match."""
    held = figures.held_figures([
        {"id": "road-length", "value": 12, "value_kind": "number", "unit": "km"},
        {"id": "trench-length", "value": 7, "value_kind": "number", "unit": "(km)"},
    ])
    [road] = figures.find("a 12-km road")
    [trench] = figures.find("a trench 7 km long")
    [people] = figures.find("12 people")
    assert figures.holders(road, held) == ["road-length"]
    assert figures.holders(trench, held) == ["trench-length"]
    assert figures.holders(people, held) == []


DISPUTE = {
    "data/sources.yml": """\
sources:
  - id: ap-report
    publisher: Associated Press
    title: Troops near the border
    url: https://example.org/ap
claimants:
  - id: ua-gov
    name: Ukrainian government
    kind: government
  - id: ru-gov
    name: Russian government
    kind: government
  - id: kp-gov
    name: North Korean government
    kind: government
""",
    "data/story.yml": """\
facts:
  - id: arrival-ua
    label: Troops in Kursk, Ukraine's account
    value: "in Kursk"
    date: 2024-11-04
    claimant: ua-gov
    status: confirmed
    sources: [{source: ap-report, excerpt: "Ukraine said the troops were in Kursk."}]
    reviewed: 2026-11-01
  - id: combat-ua
    label: Troops in combat, Ukraine's account
    value: "in combat"
    date: 2024-11-05
    claimant: ua-gov
    status: claimed
    sources: [{source: ap-report, excerpt: "Ukraine said the troops were in combat."}]
    reviewed: 2026-11-01
quotes:
  - id: denial-ru
    text: nothing of the kind
    occasion: briefing
    date: 2024-11-06
    claimant: ru-gov
    status: reported
    sources: [{source: ap-report, excerpt: "Russia said: nothing of the kind."}]
    reviewed: 2026-11-01
  - id: denial-kp
    text: a lie
    occasion: statement
    date: 2024-11-07
    claimant: kp-gov
    status: reported
    sources: [{source: ap-report, excerpt: "North Korea called it a lie."}]
    reviewed: 2026-11-01
questions:
  - id: did-they-fight
    title: Did the troops fight?
    positions:
      - claimant: ua-gov
        date: 2024-11-05
        stance: "yes"
        summary: Ukraine said the troops were in Kursk and in combat.
        items: [arrival-ua, combat-ua]
      - claimant: ru-gov
        date: 2024-11-06
        stance: "no"
        summary: Russia denied it.
        items: [denial-ru]
      - claimant: kp-gov
        date: 2024-11-07
        stance: "no"
        summary: North Korea denied it.
        items: [denial-kp]
""",
}


def test_an_item_contradicted_by_two_claimants_names_both_after_an_item_that_needs_no_dispute():
    """`arrival-ua` (confirmed: it rests on the record) and the two quoted denials need no `disputed`; `combat-ua`,
    claimed by one side and denied by two others, is warned once, naming both denials, even though an item
    listed before it was passed over."""
    catalog = link([check_file(name, text.encode()) for name, text in DISPUTE.items()])
    assert [str(w) for w in catalog.warnings] == [
        "data/story.yml:15: facts[1].status (combat-ua): 'claimed', but another claimant on the record contradicts it: "
        "Russian government answers 'no' to question 'did-they-fight' (2024-11-06); "
        "North Korean government answers 'no' to question 'did-they-fight' (2024-11-07). Mark it `status: disputed`"
    ]
