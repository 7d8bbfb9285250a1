"""facts.json and facts.csv: complete, valid against the published export schema, reproducible."""

from __future__ import annotations

import copy
import csv
import io
import itertools
import json

import jsonschema
import pytest
from mkdocs_explainer.data.catalog import build_catalog, link, site_vocabulary
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.outputs import export
from mkdocs_explainer.siteinfo import License, SiteInfo
from outputs_helpers import ROOT, TEST_DATA

SITE = SiteInfo("Test site", "What it explains.", "https://example.org/x/", "facts/")


@pytest.fixture(scope="module")
def catalog():
    # The project's real data plus a file with a range, a revision history, an event and HTML in a name.
    site = site_vocabulary(ROOT)  # the site's place kinds (mkdocs.yml)
    results = [check_file(p.relative_to(ROOT).as_posix(), p.read_bytes(), vocabulary=site) for p in sorted((ROOT / "data").glob("*.yml"))]
    results.append(check_file("data/zz-test.yml", TEST_DATA.encode()))
    return link(results)


def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(export.SCHEMA_FILE.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_json_export_validates_against_its_schema(catalog):
    errors = sorted(validator().iter_errors(export.build_json(catalog, SITE)), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_schema_rejects_an_export_missing_a_claimant(catalog):
    broken = copy.deepcopy(export.build_json(catalog, SITE))
    del broken["facts"][0]["claimant"]
    broken["facts"][1]["surprise"] = 1
    messages = [e.message for e in validator().iter_errors(broken)]
    assert any("'claimant' is a required property" in m for m in messages)
    assert any("surprise" in m for m in messages)


def test_json_export_has_every_item_with_claimant_and_sources_written_out(catalog):
    data = export.build_json(catalog, SITE)
    exported = {i["id"]: i for section in ("facts", "quotes", "events") for i in data[section]}
    assert set(exported) == set(catalog.items)
    fact = exported["zz-revised"]
    assert fact["claimant"]["name"] == "Test ministry <b>of</b> tests"  # data, not markup: kept as written
    assert fact["sources"][0]["url"] == "https://example.org/tests?a=1&b=2"
    assert fact["value"] == {"min": 400, "max": 500} and fact["value_display"] == "400–500 tests"
    assert fact["revisions"][1]["reason"] == "The ministry revised its count."
    assert fact["updated"] == "2001-03-01"
    assert fact["permalink"] == "https://example.org/x/facts/#zz-revised"
    assert {s["id"] for s in data["sources"]} == set(catalog["sources"])
    assert {c["id"] for c in data["claimants"]} == set(catalog["claimants"])
    newest = max([i["reviewed"] for i in catalog.items.values()]
                 + [r["date"] for i in catalog.items.values() for r in i["revisions"]])
    assert data["updated"] == newest


def test_exports_are_byte_identical_across_renders(catalog):
    assert export.render_json(catalog, SITE) == export.render_json(catalog, SITE)
    assert export.render_csv(catalog, SITE) == export.render_csv(catalog, SITE)
    assert "T" not in json.loads(export.render_json(catalog, SITE))["updated"]  # a date, never a build time


def test_csv_has_one_row_per_item_with_sources_flattened(catalog):
    text = export.render_csv(catalog, SITE)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == export.CSV_COLUMNS
    assert sorted(r["id"] for r in rows) == sorted(catalog.items)
    by_id = {r["id"]: r for r in rows}
    row = by_id["zz-revised"]
    assert (row["value"], row["value_min"], row["value_max"], row["value_raw"]) == ("400–500 tests", "400", "500", "")
    assert row["claimant"] == "Test ministry <b>of</b> tests"
    assert row["last_change"] == "2001-02-20: Range widened to 400-500."
    multi = [i for i in catalog.items.values() if len(i["sources"]) > 1]
    for item in multi:  # several sources: one cell each, same order in every column
        cells = by_id[item["id"]]
        assert cells["source_ids"].split(export.CSV_JOINER) == item["sources"]
        assert len(cells["source_urls"].split(export.CSV_JOINER)) == len(item["sources"])
    numbers = [r for r in rows if r["kind"] == "fact" and catalog.items[r["id"]]["value_kind"] == "number"]
    for r in numbers:  # whole numbers as readers write them: 8000, not 8000.0
        value = catalog.items[r["id"]]["value"]
        if float(value).is_integer():
            assert r["value_raw"] == str(int(value))


def test_exports_of_the_real_data_validate():
    catalog = build_catalog(ROOT / "data", ROOT)
    assert not list(validator().iter_errors(export.build_json(catalog, SiteInfo("S", "", "", None))))


SOURCES_IN_ORDER = """\
claimants:
  - id: zz-who
    name: Who
    kind: government
sources:
  - id: zz-a
    publisher: Publisher A
    title: Title A
    url: https://example.org/a
    published: 2001-01-01
  - id: zz-b
    publisher: Publisher B
    title: "=Title B"
    url: https://example.org/b
    published: 2001-01-02
  - id: zz-c
    publisher: Publisher C
    title: Title C
    url: https://example.org/c
    published: 2001-01-03
facts:
  - id: zz-many
    label: Cited three times
    value: 3
    date: 2001-02-01
    claimant: zz-who
    status: reported
    sources: [zz-c, {source: zz-a, excerpt: "three times", locator: p. 2}, zz-b]
    reviewed: 2001-03-01
"""


def test_csv_source_columns_are_exact_and_in_the_items_order():
    catalog = link([check_file("data/zz.yml", SOURCES_IN_ORDER.encode())])
    [row] = list(csv.DictReader(io.StringIO(export.render_csv(catalog, SITE), newline="")))
    assert {key: row[key] for key in export.CSV_COLUMNS if key.startswith("source_")} == {
        "source_ids": "zz-c | zz-a | zz-b",
        "source_publishers": "Publisher C | Publisher A | Publisher B",
        "source_titles": "Title C | Title A | =Title B",  # starts with "Title": not a formula, kept as written
        "source_urls": "https://example.org/c | https://example.org/a | https://example.org/b",
        "source_published": "2001-01-03 | 2001-01-01 | 2001-01-02",
        "source_published_inferred": "",  # no source has one
        "source_archived": "",
        "source_excerpts": "(none) | three times | (none)",  # one entry per source, in the same order
        "source_locators": "(none) | p. 2 | (none)",
        "source_langs": "", "source_translations": "", "source_translations_by": "",  # no source has one
    }


def test_csv_cells_that_would_start_a_formula_get_a_leading_quote():
    text = SOURCES_IN_ORDER.replace("label: Cited three times", "label: \"=HYPERLINK(\\\"https://evil.example\\\")\"")
    text = text.replace("title: Title C", "title: \"@SUM(1+1)\"").replace("name: Who", "name: \"-2+3\"")
    catalog = link([check_file("data/zz.yml", text.encode())])
    [row] = list(csv.DictReader(io.StringIO(export.render_csv(catalog, SITE), newline="")))
    assert row["what"] == "'=HYPERLINK(\"https://evil.example\")"
    assert row["source_titles"] == "'@SUM(1+1) | Title A | =Title B"
    assert row["claimant"] == "'-2+3"
    assert row["value_raw"] == "3"
    assert json.loads(export.render_json(catalog, SITE))["facts"][0]["label"] == "=HYPERLINK(\"https://evil.example\")"


def test_exports_list_items_oldest_first_then_by_id(catalog):
    rows = list(csv.DictReader(io.StringIO(export.render_csv(catalog, SITE))))
    keys = [(r["date"], r["id"]) for r in rows]
    assert all(a < b for a, b in itertools.pairwise(keys)), "CSV rows out of date order"
    exported = export.build_json(catalog, SITE)
    for section in ("facts", "quotes", "events"):
        listed = [(i["date"], i["id"]) for i in exported[section]]
        assert listed == [key for key in keys if key[1] in catalog[section]], section


def test_a_whole_number_written_with_a_decimal_point_is_exported_as_a_whole_number(catalog):
    small = catalog
    [fact] = [f for f in small["facts"].values() if f["value_kind"] == "number"][:1]
    fact = {**fact, "value": float(fact["value"])}  # as YAML reads `value: 8000.0`
    row = dict(zip(export.CSV_COLUMNS, export.csv_row(fact, small, SITE), strict=True))
    assert row["value_raw"] == str(int(fact["value"])), row["value_raw"]


# Columns copied from one field of the item, as the export's schema documents them (value, what and the
# source_* columns are worked out and tested above).
OWN_FIELDS = ("date_inferred", "time", "timezone", "qualifier", "prefix", "unit", "group", "occasion",
              "unverified_reason", "note", "lang", "translation", "translation_by")


def test_every_csv_column_holds_the_field_it_names(catalog):
    """Each optional field set to its own text: the column of that name, and no other, holds it."""
    item = {**catalog.items["zz-revised"], **{name: f"{name} text" for name in OWN_FIELDS}, "claimant": "blinken"}
    item["citations"] = [{**cited, "translation": "translation of the excerpt", "translation_by": "a translator",
                          "lang": "ko", "locator": "para. 3"} for cited in item["citations"]]
    row = dict(zip(export.CSV_COLUMNS, export.csv_row(item, catalog, SITE), strict=True))
    for name in OWN_FIELDS:
        assert row[name] == f"{name} text"
    blinken = catalog["claimants"]["blinken"]
    assert (row["claimant_id"], row["claimant"], row["claimant_role"], row["claimant_country"]) == (
        "blinken", blinken["name"], blinken["role"], blinken["country"])
    assert (row["source_translations"], row["source_translations_by"], row["source_langs"], row["source_locators"]) == (
        "translation of the excerpt", "a translator", "ko", "para. 3")


def test_the_json_export_names_the_site_and_its_licence_and_keeps_text_as_written(catalog):
    licensed = SiteInfo("Test site — Ünïcode", "What it explains.", "https://example.org/x/", "facts/",
                        license=License("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"))
    text = export.render_json(catalog, licensed)
    data = json.loads(text)
    assert data["url"] == "https://example.org/x/" and data["name"] == "Test site — Ünïcode" in text
    assert (data["license"]["name"], data["license"]["url"]) == ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
    assert json.loads(export.render_json(catalog, SITE))["license"] is None
    assert "Test ministry <b>of</b> tests" in text and "\\u" not in text  # UTF-8 as written, no \\u escapes
    assert data == json.loads(json.dumps(export.build_json(catalog, licensed)))


def test_the_licence_file_is_written_beside_the_exports_when_the_site_has_one(tmp_path, catalog):
    licensed = SiteInfo("Test site", "", "https://example.org/x/", "facts/",
                        license=License("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"))
    written = export.write(tmp_path, catalog, licensed)
    assert sorted(path.name for path in written) == sorted(["facts.json", "facts.csv", "facts.schema.json", "LICENSE.txt"])
    assert "CC BY 4.0" in (tmp_path / "LICENSE.txt").read_text(encoding="utf-8")
    assert (tmp_path / "facts.csv").read_bytes().count(b"\r\n") == len(catalog.items) + 1  # RFC 4180 line ends
    unlicensed = tmp_path / "unlicensed"
    unlicensed.mkdir()
    assert "LICENSE.txt" not in {path.name for path in export.write(unlicensed, catalog, SITE)}


@pytest.mark.parametrize(("url", "where", "credit"), [
    ("https://example.org/x/", " at https://example.org/x/", "Test site, https://example.org/x/"),
    ("", "", "Test site"),  # no address configured: none is made up
])
def test_the_licence_file_says_what_it_covers_and_how_to_credit(url, where, credit):
    licensed = SiteInfo("Test site", "", url, "facts/", license=License("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"))
    assert export.render_license(licensed) == (
        "The data and text of Test site are licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). "
        "Quotations, excerpts and source headlines remain their owners' and are reproduced only to show what the "
        f"sources say.\n\nThis applies to facts.json, facts.csv and the text of the site{where}. Credit it as: {credit}.\n")
