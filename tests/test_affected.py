"""Which pages a data edit rebuilds in the fast preview: those showing a changed record, and no others."""

from __future__ import annotations

import copy

from mkdocs_explainer.data.catalog import Catalog
from mkdocs_explainer.pages.affected import pages_to_rebuild
from mkdocs_explainer.pages.scan import PageScan
from mkdocs_explainer.pages.shortcodes import Shortcode


def catalog(**changes: dict) -> Catalog:
    sections = {
        "claimants": {"us": {"id": "us", "name": "US", "kind": "government"},
                      "kr": {"id": "kr", "name": "South Korea", "kind": "government"}},
        "sources": {"ap": {"id": "ap", "publisher": "AP"}, "bbc": {"id": "bbc", "publisher": "BBC"}},
        "groups": {"total": {"id": "total", "title": "Troops in total"}},
        "facts": {
            "a": {"id": "a", "value": 1, "claimant": "us", "sources": ["ap"], "group": "total", "date": "2024-10-01"},
            "b": {"id": "b", "value": 2, "claimant": "kr", "sources": ["bbc"], "group": "total", "date": "2024-10-02"},
            "c": {"id": "c", "value": 3, "claimant": "kr", "sources": ["bbc"], "date": "2024-10-03"},
        },
        "corrections": {"fix": {"id": "fix", "items": ["c"], "sources": ["bbc"]}},
        # A place cites its source through a citation (a mapping), and a map points at the place.
        "places": {"port": {"id": "port", "name": "Port", "items": [], "sources": [{"source": "ap", "excerpt": "x"}]}},
        "routes": {},
        "maps": {"area": {"id": "area", "places": ["port"], "routes": []}},
    }
    sections = copy.deepcopy(sections)
    for path, value in changes.items():
        section, record_id, name = path.split("__")
        sections[section][record_id][name] = value
    return Catalog(sections)


PAGES = {
    "one.md": {("fact", "a")},
    "two.md": {("value", "b"), ("date", "b")},
    "three.md": {("fact", "c")},
    "table.md": {("estimates", "total")},
    "note.md": {("correction", "fix")},
    "legend.md": {("legend", "")},
    "all.md": {("facts", "")},
    "map.md": {("map", "area")},
}


def scan(pages: dict[str, set[tuple[str, str]]] = PAGES) -> PageScan:
    return PageScan(codes={page: [Shortcode(kind, arg, 1, f"<!-- {kind}:{arg} -->") for kind, arg in sorted(codes)]
                           for page, codes in pages.items()})


def rebuilt(new: Catalog, old: Catalog | None = None, pages: dict | None = None) -> set[str] | None:
    return pages_to_rebuild(scan(), scan(pages or PAGES), old or catalog(), new)


def test_no_change_rebuilds_nothing():
    assert rebuilt(catalog()) == set()


def test_a_value_rebuilds_the_pages_showing_it_and_the_lists():
    assert rebuilt(catalog(facts__b__value=20)) == {"two.md", "table.md", "all.md"}


def test_a_claimants_name_rebuilds_every_page_showing_their_claims():
    assert rebuilt(catalog(claimants__us__name="United States")) == {"one.md", "table.md", "all.md"}


def test_a_source_rebuilds_pages_citing_it_and_corrections_about_items_citing_it():
    assert rebuilt(catalog(sources__bbc__publisher="BBC News")) == {"two.md", "three.md", "table.md", "note.md", "all.md"}


def test_a_source_quoted_by_a_place_rebuilds_the_map_marking_it():
    assert rebuilt(catalog(sources__ap__publisher="AP News")) == {"one.md", "table.md", "map.md", "all.md"}


def test_a_fact_leaving_a_group_rebuilds_the_groups_table():
    assert rebuilt(catalog(facts__b__group=None)) == {"two.md", "table.md", "all.md"}


def test_a_fact_joining_a_group_rebuilds_the_groups_table():
    assert rebuilt(catalog(facts__c__group="total")) == {"three.md", "table.md", "note.md", "all.md"}


def test_a_removed_fact_rebuilds_the_pages_that_showed_it():
    new = catalog()
    del new.sections["facts"]["c"]
    new = Catalog(new.sections)
    assert rebuilt(new) == {"three.md", "note.md", "all.md"}


def test_pages_added_or_a_list_moved_rebuild_everything():
    assert rebuilt(catalog(), pages={**PAGES, "new.md": {("fact", "a")}}) is None
    moved = {**PAGES, "all.md": set(), "legend.md": {("legend", ""), ("facts", "")}}  # every card moves
    assert pages_to_rebuild(scan(), scan(moved), catalog(), catalog(facts__a__value=5)) is None


def test_the_page_scan_names_a_page_that_is_not_utf8_at_its_line_and_reads_the_others(tmp_path):
    from mkdocs_explainer.pages.scan import scan_pages

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bad.md").write_bytes(b"# Page\n\nCaf\xe9 <!-- fact:x -->\n")
    (docs / "blank-first.md").write_bytes(b"\nCaf\xe9\n")
    (docs / "good.md").write_bytes("\ufeff# Good\n\n<!-- legend -->\n".encode())  # a byte order mark is fine
    scan = scan_pages(docs, tmp_path, None)
    assert [str(p) for p in scan.problems] == [
        "docs/bad.md:3: this page has bytes that are not UTF-8; save it as UTF-8",
        "docs/blank-first.md:2: this page has bytes that are not UTF-8; save it as UTF-8"]
    assert list(scan.texts) == ["good.md"] and scan.texts["good.md"] == ("docs/good.md", "# Good\n\n<!-- legend -->\n")
    elsewhere = scan_pages(docs, tmp_path / "project", None)  # docs outside the project: named by their own path
    assert elsewhere.texts["good.md"][0] == (docs / "good.md").as_posix()
