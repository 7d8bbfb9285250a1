"""datapackage.json and its tables, read by frictionless (the real client): valid, keyed, and the same
records as facts.json."""

from __future__ import annotations

import csv
import io
import json
import shutil
import textwrap
from pathlib import Path

import frictionless
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_explainer.data.catalog import build_catalog
from mkdocs_explainer.outputs import datapackage
from mkdocs_explainer.siteinfo import STATUS_MEANING, License, SiteInfo
from outputs_helpers import ROOT, build, copy_project
from test_properties import TEXT


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("package") / "project")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def validate(path: Path) -> frictionless.Report:
    return frictionless.validate(str(path))


def explain(report: frictionless.Report) -> str:
    return "\n".join(map(str, report.flatten(["rowNumber", "fieldName", "type", "note"])))


def rows(site: Path, table: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site / "tables" / f"{table}.csv").read_text(encoding="utf-8"))))


def test_the_package_validates(downloads):
    site = downloads
    report = validate(site / "datapackage.json")
    assert report.valid, explain(report)
    package = json.loads((site / "datapackage.json").read_text(encoding="utf-8"))
    assert package["$schema"] == datapackage.PROFILE
    assert package["version"] and package["created"].startswith(json.loads(
        (site / "facts.json").read_text(encoding="utf-8"))["updated"])
    assert package["licenses"][0]["path"] == "https://creativecommons.org/licenses/by/4.0/"
    names = {resource["name"] for resource in package["resources"]}
    assert {"facts", "quotes", "events", "sources", "claimants", "places", "fact_sources"} <= names
    facts = next(r for r in package["resources"] if r["name"] == "facts")["schema"]
    status = next(f for f in facts["fields"] if f["name"] == "status")
    assert status["categories"] == list(STATUS_MEANING)
    assert {"fields": ["claimant_id"], "reference": {"resource": "claimants", "fields": ["id"]}} in facts["foreignKeys"]


def test_the_tables_hold_the_records_of_facts_json(downloads):
    site = downloads
    exported = json.loads((site / "facts.json").read_text(encoding="utf-8"))
    for section in ("facts", "quotes", "events"):
        table = rows(site, section)
        assert [row["id"] for row in table] == [item["id"] for item in exported[section]]
        assert [row["claimant_id"] for row in table] == [item["claimant"]["id"] for item in exported[section]]
        links = rows(site, f"{section.removesuffix('s')}_sources")
        for item in exported[section]:
            cited = sorted((int(r["position"]), r["source_id"]) for r in links if r["item_id"] == item["id"])
            assert [source for _, source in cited] == [s["id"] for s in item["sources"]]
    assert {row["id"] for row in rows(site, "sources")} == {s["id"] for s in exported["sources"]}
    # Each fact's value in the column of its kind, the others empty.
    columns = {"number": "value_number", "range": "value_min", "date": "value_date", "text": "value_text"}
    for row, fact in zip(rows(site, "facts"), exported["facts"], strict=True):
        value, kind = fact["value"], fact["value_kind"]
        assert row[columns[kind]] == str(value["min"] if kind == "range" else value).removesuffix(".0"), fact["id"]
        assert row["value_max"] == (str(value["max"]) if kind == "range" else "")
        assert [row[c] for k, c in columns.items() if k != kind] == ["", "", ""], fact["id"]


def test_the_package_says_what_it_is_whose_it_is_and_what_its_dated_columns_hold(downloads):
    package = json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))
    site_name = json.loads((downloads / "facts.json").read_text(encoding="utf-8"))["name"]
    assert (package["name"], package["title"]) == ("explainer-data", site_name)
    assert package["sources"] == [{"title": "facts.json and facts.csv: the same records, nested and flat"}]
    facts = next(r for r in package["resources"] if r["name"] == "facts")["schema"]["fields"]
    described = {f["name"]: f.get("description", "") for f in facts}
    assert all(described[name] for name in ("date", "time", "status", "value")), described


@pytest.mark.parametrize(("table", "change", "error"), [
    ("claimants", lambda text: text.split("\n", 2)[0] + "\n" + text.split("\n", 2)[2], "foreign-key"),
    ("facts", lambda text: text + text.split("\n")[1] + "\n", "primary-key"),
    ("facts", lambda text: text.replace(",reported,", ",rumoured,", 1), "constraint-error"),
    ("places", lambda text: text.replace(",true,", ",maybe,", 1), "type-error"),
])
def test_frictionless_catches_a_broken_key_category_or_type(site, tmp_path, table, change, error):
    copy = tmp_path / "site"
    shutil.copytree(site / "tables", copy / "tables")
    shutil.copy(site / "datapackage.json", copy)
    path = copy / "tables" / f"{table}.csv"
    broken = change(path.read_text(encoding="utf-8"))
    assert broken != path.read_text(encoding="utf-8")
    path.write_text(broken, encoding="utf-8", newline="")
    report = validate(copy / "datapackage.json")
    assert not report.valid
    assert error in {row[2] for row in report.flatten(["rowNumber", "fieldName", "type"])}


def test_every_column_has_a_type_table_schema_knows():
    catalog = build_catalog(ROOT / "data", ROOT)
    for table in datapackage.tables(catalog, SiteInfo("S", "D")):
        for column in table.columns:
            assert column.type in {"string", "number", "integer", "boolean", "date"}, (table.name, column.name)


@settings(max_examples=25, deadline=None)
@given(st.lists(TEXT, min_size=3, max_size=3))
def test_any_text_in_the_tables_is_read_back_by_frictionless(tmp_path_factory, texts):
    catalog = build_catalog(ROOT / "data", ROOT)
    fact = next(iter(catalog["facts"].values()))
    claimant = catalog.claimant_of(fact)
    saved = (fact.get("note"), claimant["name"], fact["label"])
    # The loader keeps control characters out of the data; everything else goes.
    clean = ["".join(c for c in text if c.isprintable() or c == " ") or "x" for text in texts]
    fact["note"], claimant["name"], fact["label"] = clean
    try:
        folder = tmp_path_factory.mktemp("p")
        datapackage.write(folder, catalog, SiteInfo("S", "D", license=License("CC BY 4.0", "https://example.org/l")))
    finally:
        fact["note"], claimant["name"], fact["label"] = saved
    report = validate(folder / "datapackage.json")
    assert report.valid, explain(report)
    resource = frictionless.Resource(str(folder / "tables" / "facts.csv"))
    read = {row["id"]: row for row in csv.DictReader(io.StringIO((folder / "tables" / "facts.csv").read_text("utf-8")))}
    assert resource is not None
    for cell, text in ((read[fact["id"]]["note"], clean[0]), (read[fact["id"]]["label"], clean[2])):
        assert cell in (text, "'" + text)


HEADERS = {
    # The tables' columns: the data package's interface, which others' scripts read by name.
    "facts": ["id", "label", "value", "value_kind", "value_number", "value_min", "value_max", "value_date", "value_text",
              "qualifier", "prefix", "unit", "group", "date", "date_inferred", "time", "timezone", "claimant_id",
              "status", "unverified_reason", "note", "reviewed", "updated", "permalink"],
    "quotes": ["id", "text", "occasion", "date", "date_inferred", "time", "timezone", "claimant_id", "status",
               "unverified_reason", "note", "reviewed", "updated", "permalink"],
    "events": ["id", "title", "date", "date_inferred", "time", "timezone", "claimant_id", "status", "unverified_reason",
               "note", "reviewed", "updated", "permalink"],
    "sources": ["id", "publisher", "title", "author", "url", "archived", "published", "published_inferred", "via"],
    "claimants": ["id", "name", "short", "kind", "role", "country"],
    "places": ["id", "name", "lat", "lon", "kind", "what", "approximate", "radius_km", "why_approximate"],
    **{f"{kind}_sources": ["item_id", "position", "source_id", "excerpt", "locator"] for kind in ("fact", "quote", "event")},
}


def lexical(value: object) -> str:
    """A value as Table Schema writes it in CSV: empty for none, true/false, 8000 (not 8000.0)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def test_each_tables_columns_are_its_interface_and_hold_their_records_fields(downloads):
    exported = json.loads((downloads / "facts.json").read_text(encoding="utf-8"))
    project = downloads.parent / "project" if (downloads.parent / "project").is_dir() else downloads.parent
    places = build_catalog(project / "data", project)["places"]
    records = {section: {r["id"]: r for r in exported[section]} for section in ("facts", "quotes", "events", "sources", "claimants")}
    records["places"] = places
    derived = {"value", "value_number", "value_min", "value_max", "value_date", "value_text", "claimant_id"}  # tested above
    for section, header in HEADERS.items():
        table = rows(downloads, section)
        assert table and list(table[0]) == header, section
        if section.endswith("_sources"):
            items = exported[section.replace("_sources", "s")]
            written = [(r["item_id"], int(r["position"]), r["source_id"], r["excerpt"], r["locator"]) for r in table]
            assert sorted(written) == sorted((item["id"], position, c["source"], lexical(c["excerpt"]), lexical(c["locator"]))
                                             for item in items for position, c in enumerate(item["citations"], 1))
            continue
        assert {row["id"] for row in table} == set(records[section]), section
        for row in table:
            record = records[section][row["id"]]
            for column in set(header) - derived:
                assert row[column] == lexical(record.get(column)), (section, row["id"], column)
        if section == "facts":
            assert [row["value"] for row in table] == [records["facts"][row["id"]]["value_display"] for row in table]


def test_the_schema_requires_what_every_record_has_and_keys_each_link_to_its_item_and_source(downloads):
    package = json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))
    schemas = {r["name"]: r["schema"] for r in package["resources"]}
    required = lambda name: {f["name"] for f in schemas[name]["fields"] if f.get("constraints", {}).get("required")}  # noqa: E731
    assert required("facts") >= {"id", "label", "value", "value_kind", "date", "claimant_id", "status", "reviewed"}
    assert required("sources") >= {"id", "publisher", "title", "url"} and required("claimants") >= {"id", "name", "kind"}
    assert required("places") >= {"id", "name", "lat", "lon", "kind", "what", "approximate"}
    for table in ("claimants", "places"):  # a kind outside the site's vocabulary is a constraint error
        [kind] = [f for f in schemas[table]["fields"] if f["name"] == "kind"]
        assert set(kind["categories"]) == {row["kind"] for row in rows(downloads, table)}, table
    for kind in ("fact", "quote", "event"):
        assert schemas[f"{kind}_sources"]["primaryKey"] == ["item_id", "position"]
        keys = schemas[f"{kind}_sources"]["foreignKeys"]
        assert {"fields": ["item_id"], "reference": {"resource": f"{kind}s", "fields": ["id"]}} in keys
        assert {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["id"]}} in keys


def test_a_date_valued_fact_fills_the_date_column(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "all.yml").write_text(textwrap.dedent("""\
        claimants:
          - {id: us, name: Washington, kind: government}
        sources:
          - {id: s, publisher: P, title: T, url: "https://p.example/", published: 2024-10-30}
        facts:
          - {id: f, label: Arrived, value: 2024-10-23, date: 2024-10-28, claimant: us, status: reported,
             sources: [{source: s, excerpt: "arrived on 23 October 2024"}], reviewed: 2026-11-25}
        """), encoding="utf-8")
    catalog = build_catalog(tmp_path / "data", tmp_path)
    facts = next(t for t in datapackage.tables(catalog, SiteInfo("Site", "")) if t.name == "facts")
    [row] = csv.DictReader(io.StringIO(datapackage.render_table(facts, catalog)))
    assert (row["value_kind"], row["value_date"], row["value_text"], row["value_number"]) == ("date", "2024-10-23", "", "")
