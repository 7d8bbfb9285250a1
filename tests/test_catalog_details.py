"""Joining checked files into the catalog, case by case: repeated ids, guesses for a wrong id, old ids, shared
addresses, typed figures, units in a group, places outside their map, and the catalog's lookups."""

from __future__ import annotations

import pytest
from conftest import FACTS, SOURCES
from mkdocs_explainer.data.catalog import Catalog, link
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.problems import ProblemsFound


def build(files: dict[str, str]) -> Catalog:
    return link([check_file(name, text.encode()) for name, text in files.items()])


def problems_of(files: dict[str, str]) -> list[str]:
    with pytest.raises(ProblemsFound) as found:
        build(files)
    return [str(problem) for problem in found.value.problems]


def test_a_catalog_not_built_from_files_has_no_fingerprint_origins_or_warnings() -> None:
    """Nothing is known of the files such a catalog came from: an empty fingerprint (files generated from it are
    not reused), no record's file, no warning (the plugin logs catalog.warnings, views read catalog.origin)."""
    catalog = Catalog({"facts": {"a": {"id": "a", "value": 1}}})
    assert (catalog.fingerprint, catalog.origin, catalog.warnings) == ("", {}, [])
    assert build({"data/sources.yml": SOURCES, "data/facts.yml": FACTS}).fingerprint == ""


def test_a_renamed_item_s_old_id_suggests_its_new_id_however_different_they_look() -> None:
    """`formerly:` names the new id outright; no near spelling is needed."""
    facts = FACTS.replace("  - id: troops-total-us\n", "  - id: troops-total-us\n    formerly: [us-estimate]\n")
    catalog = build({"data/sources.yml": SOURCES, "data/facts.yml": facts})
    assert catalog.suggest("us-estimate") == ["troops-total-us"]


def test_a_group_lists_the_smallest_value_first_and_a_fact_without_a_number_as_zero() -> None:
    """Ranges count by their lower end; words or a date count as 0, so they come before 0.5 and after -2."""
    def fact(fact_id: str, value: object, kind: str, date: str) -> dict[str, object]:
        return {"id": fact_id, "group": "g", "value": value, "value_kind": kind, "date": date}

    facts = [fact("big", 300, "number", "2024-01-01"), fact("small", 100, "number", "2024-03-01"),
             fact("span", {"min": 200, "max": 400}, "range", "2024-02-01"),
             fact("words", "several hundred", "text", "2024-01-15"), fact("half", 0.5, "number", "2023-01-01"),
             fact("below", -2, "number", "2024-05-01")]
    catalog = Catalog({"facts": {f["id"]: f for f in facts}})
    assert [f["id"] for f in catalog.group_members("g")] == ["below", "words", "half", "small", "span", "big"]


def test_every_repeated_id_of_a_file_is_reported() -> None:
    """A file repeating three ids (a group's and two facts') gets three messages, not one."""
    assert problems_of({"data/sources.yml": SOURCES, "data/facts.yml": FACTS, "data/more.yml": FACTS}) == [
        "data/more.yml:2: groups[0].id: 'troops-total' is already used (data/facts.yml:2)",
        "data/more.yml:5: facts[0].id: 'troops-near-kursk' is already used (data/facts.yml:5)",
        "data/more.yml:15: facts[1].id: 'troops-total-us' is already used (data/facts.yml:15)",
    ]


TWO_REPORTS = SOURCES.replace("claimants:", """\
  - id: ap-reports
    publisher: Associated Press
    title: More troops near the border
    url: https://example.org/ap-more
    published: 2024-11-02
claimants:""")


def test_a_wrong_id_with_two_near_spellings_names_both_closest_first() -> None:
    """'ap-repor' is one letter short of ap-report (ratio 16/17) and two of ap-reports (16/18)."""
    facts = FACTS.replace("source: ap-report,", "source: ap-repor,", 1)
    assert problems_of({"data/sources.yml": TWO_REPORTS, "data/facts.yml": facts}) == [
        "data/facts.yml:13: facts[0].sources[0]: no source has the id 'ap-repor'. Did you mean 'ap-report' or "
        "'ap-reports'?"]


def test_an_old_id_that_is_a_current_id_is_reported_where_the_old_id_is_written() -> None:
    facts = FACTS.replace("  - id: troops-total-us\n", "  - id: troops-total-us\n    formerly: [troops-near-kursk]\n")
    assert problems_of({"data/sources.yml": SOURCES, "data/facts.yml": facts}) == [
        "data/facts.yml:16: facts[1].formerly[0] (troops-total-us): 'troops-near-kursk' is a current id "
        "(data/facts.yml:5); an old id can't be reused"]


ADDRESSES = """\
sources:
  - id: report-p2
    publisher: Agency
    title: Report
    url: https://example.org/report#page-2
    published: 2024-10-31
  - id: report-p5
    publisher: Agency
    title: Report
    url: https://example.org/report/#page-5
    published: 2024-10-31
  - id: volume-ix
    publisher: Agency
    title: Volume IX
    url: https://example.org/volume-IX
    published: 2024-10-31
  - id: volume-i
    publisher: Agency
    title: Volume I
    url: https://example.org/volume-I
    published: 2024-10-31
"""


def test_two_sources_with_one_address_are_warned_whatever_the_anchor_or_final_slash() -> None:
    """report#page-2 and report/#page-5 are one document; volume-IX and volume-I are two (and so is the AP's)."""
    catalog = build({"data/sources.yml": SOURCES, "data/facts.yml": FACTS, "data/more.yml": ADDRESSES})
    assert [str(w) for w in catalog.warnings] == [
        "data/more.yml:10: sources[1].url (report-p5): the same address as sources[0].url (report-p2) "
        "(data/more.yml:5): keep one source record and cite it with its own excerpt and locator wherever it is used"]


def test_a_record_typing_a_facts_figure_is_told_to_name_the_claim_in_words() -> None:
    """In a data file there is no shortcode to write: the advice is the one for records, not for pages."""
    corrections = """\
corrections:
  - id: how-many
    topic: How many troops
    article: The article said 5,000.
    record: The US said about 8,000.
    items: [troops-near-kursk]
    sources: [ap-report]
"""
    catalog = build({"data/sources.yml": SOURCES, "data/facts.yml": FACTS, "data/corrections.yml": corrections})
    assert [str(w) for w in catalog.warnings] == [
        "data/corrections.yml:5: corrections[0].record (how-many): types 8,000 by hand; fact 'troops-near-kursk' "
        "holds this figure: don't type it again here (it would go stale when the fact changes); name the fact's "
        "claim in words and show the figure on the page from the fact"]


def test_a_group_mixing_a_unit_and_none_names_both_with_an_empty_unit_shown_as_nothing() -> None:
    facts = FACTS.replace("    value: 8000\n", "    value: 8000\n    group: troops-total\n").replace(
        "    unit: troops\n    date: 2024-10-28\n", "    date: 2024-10-28\n")
    assert problems_of({"data/sources.yml": SOURCES, "data/facts.yml": facts}) == [
        "data/facts.yml:2: groups[0]: its facts use different units (…, …troops)"]


def place(place_id: str, lat: float, lon: float) -> str:
    """Nine lines: the latitude is on the third."""
    return f"""\
  - id: {place_id}
    name: {place_id}
    lat: {lat}
    lon: {lon}
    kind: city
    what: A place.
    sources:
      - source: ap-report
        excerpt: "A place."
"""


PLACES = "places:\n" + "".join([
    place("offshore", 30.5, 130.5),  # south of both maps: lat on line 4
    place("far-east", 45.5, 150.5),  # east of both maps, on the second one only: lat on line 13
    place("inland", 40.5, 130.5),
    place("south-edge", 35, 130.5), place("north-edge", 50, 130.5),
    place("west-edge", 40.5, 120), place("east-edge", 40.5, 140),
]) + """\
routes:
  - id: road
    title: The road
    places: [inland, west-edge]
    modes: [road]
    start: 2024-10-01
    end: 2024-10-02
    claimant: us-gov
    status: reported
    sources: [ap-report]
maps:
  - id: coast
    title: The coast
    caption: Places.
    region: {west: 120, east: 140, south: 35, north: 50}
    places: [inland, south-edge, north-edge, west-edge, east-edge, offshore]
  - id: hills
    title: The hills
    caption: Places.
    region: {west: 120, east: 140, south: 35, north: 50}
    places: [offshore, far-east]
    routes: [road]
"""


def test_places_outside_their_map_are_reported_once_each_and_those_on_its_edges_are_inside() -> None:
    """Every place a map marks is checked, its own and its routes'; a place outside two maps is one message."""
    check = " Check the latitude and longitude (decimal degrees, north and east positive)."
    assert problems_of({"data/sources.yml": SOURCES, "data/facts.yml": FACTS, "data/places.yml": PLACES}) == [
        f"data/places.yml:4: places[0].lat (offshore): lat 30.5, lon 130.5 is outside the map 'coast' "
        f"(lat 35 to 50, lon 120 to 140).{check}",
        f"data/places.yml:13: places[1].lat (far-east): lat 45.5, lon 150.5 is outside the map 'hills' "
        f"(lat 35 to 50, lon 120 to 140).{check}",
    ]
