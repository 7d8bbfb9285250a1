"""Joining files: ids unique everywhere, every reference resolvable, all problems at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs_explainer.data.catalog import build_catalog, link
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.problems import ProblemsFound


def build(texts: dict[str, str]):
    return link([check_file(name, text.encode()) for name, text in texts.items()])


def problems_of(texts: dict[str, str]) -> list[str]:
    with pytest.raises(ProblemsFound) as caught:
        build(texts)
    return [str(p) for p in caught.value.problems]


def test_valid_files_join_into_one_catalog(data_texts):
    catalog = build(data_texts)
    assert set(catalog.items) == {"troops-near-kursk", "troops-total-us"}
    assert [f["id"] for f in catalog.group_members("troops-total")] == ["troops-total-us"]
    assert catalog.claimant_of(catalog.item("troops-near-kursk"))["short"] == "US"
    assert [r["id"] for r in catalog.citing("ap-report")] == ["troops-total-us", "troops-near-kursk"]


def test_unknown_source_id_names_file_line_and_a_guess(data_texts):
    data_texts["data/facts.yml"] = data_texts["data/facts.yml"].replace("source: ap-report,", "source: ap-reprot,", 1)
    assert problems_of(data_texts) == [
        "data/facts.yml:13: facts[0].sources[0]: no source has the id 'ap-reprot'. Did you mean 'ap-report'?"
    ]


def test_an_emptied_file_is_one_problem_not_one_per_reference_to_it(data_texts):
    data_texts["data/sources.yml"] = ""
    assert problems_of(data_texts) == [
        "data/sources.yml: the file is empty; it should hold `facts:`, `sources:` or another section"
    ]


def test_a_mistake_in_one_entry_does_not_also_break_references_to_its_file(data_texts):
    data_texts["data/sources.yml"] = data_texts["data/sources.yml"].replace("published: 2024-10-31", "published: 31/10/2024")
    data_texts["data/more.yml"] = "corrections:\n  - id: fix\n    topic: t\n    article: a\n    record: r\n" \
        "    items: [troops-near-kursk, no-such-item]\n    sources: [ap-report]\n"
    assert problems_of(data_texts) == [
        "data/more.yml:6: corrections[0].items[1]: no fact, quote or event has the id 'no-such-item'.",
        "data/sources.yml:6: sources[0].published (ap-report): '31/10/2024' is not a date (use YYYY-MM-DD)",
    ]


def test_ids_are_unique_across_files(data_texts):
    data_texts["data/more.yml"] = data_texts["data/facts.yml"].split("facts:\n", 1)[0]
    found = problems_of(data_texts)
    assert found == ["data/more.yml:2: groups[0].id: 'troops-total' is already used (data/facts.yml:2)"]


def test_estimates_in_one_group_share_a_unit(data_texts):
    data_texts["data/facts.yml"] = data_texts["data/facts.yml"].replace(
        "    value: 8000\n", "    value: 8000\n    group: troops-total\n").replace("unit: troops\n", "unit: soldiers\n", 1)
    assert problems_of(data_texts) == [
        "data/facts.yml:2: groups[0]: its facts use different units (…soldiers, …troops)"
    ]


def test_the_real_data_validates():
    root = Path(__file__).resolve().parent.parent
    catalog = build_catalog(root / "data", root)
    assert catalog["facts"], "data/ should hold facts"
