"""What the pages look up in the joined catalog: who cites a source (a source's "cited by" list), and which id an
editor most likely meant (renamed ids first, then near spellings)."""

from __future__ import annotations

import pytest
from conftest import FACTS, SOURCES
from mkdocs_explainer.data.catalog import link
from mkdocs_explainer.data.validate import check_file

MORE_SOURCES = """\
  - id: map-source
    publisher: Atlas
    title: Places
    url: https://example.org/atlas
    published: 2024-01-01
"""
MAPPED = """\
places:
  - id: kursk
    name: Kursk
    lat: 51.7
    lon: 36.2
    kind: city
    what: A city in western Russia.
    items: [troops-near-kursk]
    sources:
      - source: map-source
        excerpt: "51.7, 36.2"
      - ap-report
  - id: moscow
    name: Moscow
    lat: 55.8
    lon: 37.6
    kind: city
    what: The capital of Russia.
    sources:
      - source: map-source
        excerpt: "55.8, 37.6"
routes:
  - id: the-road
    title: The road from Moscow to Kursk
    places: [moscow, kursk]
    modes: [road]
    start: 2024-10-01
    end: 2024-10-02
    claimant: us-gov
    status: reported
    items: [troops-near-kursk, troops-total-us]
    sources: [ap-report]
corrections:
  - id: how-many
    topic: How many troops
    article: The article said 5,000.
    record: The US said about 8,000.
    items: [troops-near-kursk]
    sources: [ap-report]
"""


def catalog(facts: str = FACTS):
    sources = SOURCES.replace("claimants:", MORE_SOURCES + "claimants:")
    return link([check_file("data/sources.yml", sources.encode()), check_file("data/facts.yml", facts.encode()),
                 check_file("data/places.yml", MAPPED.encode())])


def test_a_source_is_cited_by_items_and_corrections_in_date_order_then_by_places_and_routes():
    cited_by = [r["id"] for r in catalog().citing("ap-report")]
    # troops-total-us is dated 28 October, troops-near-kursk 31 October; the correction has no date (first)
    assert cited_by == ["how-many", "troops-total-us", "troops-near-kursk", "kursk", "the-road"]
    assert [r["id"] for r in catalog().citing("map-source")] == ["kursk", "moscow"]
    assert catalog().citing("no-such-source") == []


def test_a_renamed_id_suggests_its_new_name_before_any_near_spelling():
    facts = FACTS.replace("  - id: troops-total-us\n", "  - id: troops-total-us\n    formerly: [troops-us]\n")
    assert catalog(facts).suggest("troops-us") == ["troops-total-us"]
    assert catalog(facts).suggest("troops-us", "places") == []  # a fact's old name is no place's


def test_near_spellings_are_suggested_from_the_section_asked_about():
    ids = catalog()
    assert ids.suggest("troops-near-kursc") == ["troops-near-kursk"]
    assert ids.suggest("mosow", "places") == ["moscow"]
    assert ids.suggest("moscow") == []  # a place is no fact
    assert ids.suggest("the-raod", "routes") == ["the-road"]
    assert ids.suggest("zzz", "places") == []  # nothing near enough


def test_at_most_three_near_spellings_closest_first():
    facts = FACTS + "".join(f"""\
  - id: troops-{n}
    label: Troops {n}
    value: {n}
    unit: troops
    date: 2024-10-28
    claimant: us-gov
    status: reported
    sources: [{{source: ap-report, excerpt: "{n} troops"}}]
    reviewed: 2026-11-01
""" for n in (1, 2, 3, 4))
    # all four are as near; difflib puts the later of equals first
    assert catalog(facts).suggest("troops-5") == ["troops-4", "troops-3", "troops-2"]


def test_an_item_links_to_the_places_and_routes_tied_to_it():
    ids = catalog()
    assert [r["id"] for r in ids.mapped("troops-near-kursk")] == ["kursk", "the-road"]
    assert [r["id"] for r in ids.mapped("troops-total-us")] == ["the-road"]
    assert ids.mapped("no-such-item") == []


def test_citations_carry_the_cited_words_and_the_source_s_record_for_items_places_and_routes():
    ids = catalog()
    [fact_citation] = ids.citations_of(ids.item("troops-near-kursk"))
    assert fact_citation["source"]["publisher"] == "Associated Press"
    assert fact_citation["excerpt"] == "About 8,000 troops are near the border."
    assert fact_citation["locator"] is None
    place_citations = ids.citations_of(ids["places"]["kursk"])
    assert [(c["source"]["id"], c["excerpt"]) for c in place_citations] == [("map-source", "51.7, 36.2"),
                                                                            ("ap-report", None)]
    assert [(c["source"]["id"], c["excerpt"]) for c in ids.citations_of(ids["routes"]["the-road"])] == [
        ("ap-report", None)]


def test_the_site_s_own_word_lists_come_from_its_settings(tmp_path):
    from mkdocs_explainer.data.catalog import site_vocabulary
    from mkdocs_explainer.problems import ProblemsFound

    (tmp_path / "mkdocs.yml").write_text(
        "plugins:\n  - explainer:\n      place_kinds: {harbour: square}\n      claimant_kinds: [ministry, union]\n"
        "      route_modes: {ferry: dashed}\n", encoding="utf-8")
    words = site_vocabulary(tmp_path)
    assert dict(words.place_kinds) == {"harbour": "square"}
    assert tuple(words.claimant_kinds) == ("ministry", "union")
    assert dict(words.route_modes) == {"ferry": "dashed"}
    (tmp_path / "mkdocs.yml").write_text("plugins:\n  - explainer: [oops]\n", encoding="utf-8")
    with pytest.raises(ProblemsFound) as found:
        site_vocabulary(tmp_path)
    [problem] = found.value.problems
    assert (problem.file, problem.line, problem.where) == ("mkdocs.yml", 0, "")
    assert str(problem).startswith("mkdocs.yml: plugins: explainer: expected options")
