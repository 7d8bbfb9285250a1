"""The preview's diff of two catalogs: what points at a changed record, found on the first diff and after
every edit, with each record's texts remembered between diffs so an edit does not walk the whole data again."""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest
from mkdocs_explainer.data import diff
from mkdocs_explainer.data.catalog import Catalog
from mkdocs_explainer.data.records import Record

SECTIONS: dict[str, dict[str, Record]] = {
    "claimants": {"us": {"id": "us", "name": "US"}},
    "sources": {"ap": {"id": "ap", "publisher": "AP"}, "bbc": {"id": "bbc", "publisher": "BBC"}},
    "facts": {
        "a": {"id": "a", "value": 1, "claimant": "us", "sources": ["ap"]},
        "b": {"id": "b", "value": 2, "claimant": "us", "sources": [{"source": "bbc", "excerpt": "two"}]},
    },
}


def catalog(**changes: object) -> Catalog:
    """The catalog above, with `section__id__field=value` changes."""
    sections = copy.deepcopy(SECTIONS)
    for path, value in changes.items():
        section, record_id, name = path.split("__")
        sections[section][record_id][name] = value
    return Catalog(sections)


def affected(old: Catalog, new: Catalog) -> set[str]:
    return diff.affected_ids(old, new, diff.changed_ids(old, new))


@pytest.fixture
def fresh_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    """The memo as a new preview process has it: made at import, before any diff."""
    monkeypatch.setattr(diff, "_TEXTS", diff._Texts())


@pytest.fixture
def walked(monkeypatch: pytest.MonkeyPatch, fresh_memo: None) -> list[str]:
    """Ids of the records whose texts were read by walking them (not taken from the memo)."""
    ids: list[str] = []
    real: Callable[[Record], list[str]] = diff._texts

    def counting(record: Record) -> list[str]:
        ids.append(record["id"])
        return real(record)

    monkeypatch.setattr(diff, "_texts", counting)
    return ids


def test_the_first_diff_of_a_preview_finds_what_points_at_a_changed_record(fresh_memo: None) -> None:
    """A source's new publisher changes the cards of the facts citing it, directly or through a citation."""
    assert affected(catalog(), catalog(sources__ap__publisher="AP News")) == {"ap", "a"}
    assert affected(catalog(), catalog(sources__bbc__publisher="BBC News")) == {"bbc", "b"}
    assert affected(catalog(), catalog(claimants__us__name="United States")) == {"us", "a", "b"}


def test_each_record_is_walked_once_per_diff_and_not_again_while_unchanged(walked: list[str]) -> None:
    """In both catalogs of one diff, an unchanged record is walked once; on the next diff, only what changed."""
    affected(catalog(), catalog(facts__a__value=5))
    # a and its edit are two records; every other record is the same in both catalogs
    assert sorted(walked) == ["a", "a", "ap", "b", "bbc", "us"]
    walked.clear()
    affected(catalog(facts__a__value=5), catalog(facts__a__value=6))
    assert walked == ["a"]  # the a of value 5 was remembered from the last diff; only the new a is read
    walked.clear()
    affected(catalog(facts__a__value=6), catalog(facts__a__value=6, sources__ap__publisher="AP News"))
    assert walked == ["ap"]


def test_a_record_edited_since_the_last_diff_is_read_again(fresh_memo: None) -> None:
    """Fact a moves from source ap to bbc: the next edit of bbc changes a's card, and one of ap no longer does."""
    before, moved = catalog(), catalog(facts__a__sources=["bbc"])
    assert affected(before, moved) == {"a"}
    edited = catalog(facts__a__sources=["bbc"], sources__bbc__publisher="BBC News")
    assert affected(moved, edited) == {"bbc", "a", "b"}
    assert affected(edited, catalog(facts__a__sources=["bbc"], sources__bbc__publisher="BBC News",
                                    sources__ap__publisher="AP News")) == {"ap"}
