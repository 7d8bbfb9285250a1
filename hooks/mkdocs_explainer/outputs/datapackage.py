"""`datapackage.json` (Frictionless Data Package v2, Table Schema): the data as related tables anyone can
validate (`frictionless validate datapackage.json`).

One table per kind of record (facts, quotes, events, sources, claimants, places), and one link table per
kind of item (item, source, position, excerpt, locator), since a cell holding a list of ids cannot carry a
foreign key. Every column is declared once, with its type and how to read it from a record (`Column`), so
the CSV and its schema cannot disagree. All CSV goes through safecsv's writer.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from ..data.catalog import ITEM_SECTIONS, Catalog, Record
from ..pages import formatting, history
from ..siteinfo import EXPORT_CSV, EXPORT_JSON, SiteInfo
from .reuse import REMEMBERED
from .safecsv import csv_line

DATAPACKAGE = "datapackage.json"
TABLES_DIR = "tables"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
VERSION = "1.0.0"
"""The package's version: its major number changes when a table or column changes meaning or goes away."""


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    """A Table Schema type: string, number, integer, boolean, date."""
    read: Callable[[Record], Any]
    description: str = ""
    required: bool = False
    categories: tuple[str, ...] = ()

    def field(self) -> dict[str, Any]:
        spec: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.description:
            spec["description"] = self.description
        constraints: dict[str, Any] = {"required": True} if self.required else {}
        if self.categories:
            # `categories` (v2) says what the values mean to a reader; `enum` is what validators enforce.
            spec["categories"] = list(self.categories)
            constraints["enum"] = list(self.categories)
        if constraints:
            spec["constraints"] = constraints
        return spec


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[Catalog], list[Record]]
    primary_key: tuple[str, ...] = ("id",)
    foreign_keys: dict[str, str] = field(default_factory=dict)
    """Column -> table whose `id` it refers to."""

    @property
    def path(self) -> str:
        return f"{TABLES_DIR}/{self.name}.csv"

    def schema(self) -> dict[str, Any]:
        return {
            "fields": [column.field() for column in self.columns],
            "primaryKey": list(self.primary_key),
            "foreignKeys": [{"fields": [column], "reference": {"resource": table, "fields": ["id"]}}
                            for column, table in self.foreign_keys.items()],
            "missingValues": [""],
        }


def _get(key: str) -> Callable[[Record], Any]:
    return lambda record: record.get(key)


def _number(kind: str, part: str | None = None) -> Callable[[Record], Any]:
    def read(fact: Record) -> Any:
        if fact.get("value_kind") != kind:
            return None
        return fact["value"][part] if part else fact["value"]
    return read


def _id(key: str = "id", required: bool = True, description: str = "") -> Column:
    return Column(key, "string", _get(key), description, required)


def _dated(statuses: tuple[str, ...]) -> tuple[Column, ...]:
    return (
        Column("date", "date", _get("date"), "When it happened or was said (YYYY-MM-DD).", True),
        Column("date_inferred", "string", _get("date_inferred"), "Why the date is inferred, when it is."),
        Column("time", "string", _get("time"), "Local time (HH:MM), if recorded."),
        Column("timezone", "string", _get("timezone")),
        Column("claimant_id", "string", _get("claimant"), "Who says so: an id in the claimants table.", True),
        Column("status", "string", _get("status"), "How sure we are.", True, statuses),
        Column("unverified_reason", "string", _get("unverified_reason")),
        Column("note", "string", _get("note")),
        Column("reviewed", "date", _get("reviewed"), "When the record was last checked.", True),
        Column("updated", "date", history.updated, "Its newest review or revision.", True),
    )


def _in_use(section: str, key: str) -> Callable[[Catalog], tuple[str, ...]]:
    return lambda catalog: tuple(sorted({str(r[key]) for r in catalog[section].values() if r.get(key)}))


def tables(catalog: Catalog, site: SiteInfo) -> list[Table]:
    statuses = tuple(site.statuses)
    permalink = Column("permalink", "string", lambda r: site.permalink(r), "Where the site shows it.")
    claimant = {"claimant_id": "claimants"}

    def items(kind: str) -> Callable[[Catalog], list[Record]]:
        return lambda c: sorted((i for i in c.items.values() if i["kind"] == kind), key=lambda i: (i["date"], i["id"]))

    def links(kind: str) -> Callable[[Catalog], list[Record]]:
        return lambda c: [{"item_id": item["id"], "position": n, "source_id": cited["source"]["id"],
                           "excerpt": cited["excerpt"], "locator": cited["locator"]}
                          for item in items(kind)(c) for n, cited in enumerate(c.citations_of(item), 1)]

    def link_table(kind: str) -> Table:
        return Table(
            f"{kind}_sources", f"The sources of each {kind}, in the order the site lists them, with their words.",
            (Column("item_id", "string", _get("item_id"), f"An id in the {kind}s table.", True),
             Column("position", "integer", _get("position"), "1 for the first source listed.", True),
             Column("source_id", "string", _get("source_id"), "An id in the sources table.", True),
             Column("excerpt", "string", _get("excerpt"), "The source's own words that support it."),
             Column("locator", "string", _get("locator"), "Where in the source (page, paragraph, timestamp).")),
            links(kind), ("item_id", "position"), {"item_id": f"{kind}s", "source_id": "sources"})

    return [
        Table("facts", "Every figure, date or name the site states, with who claims it and how sure we are.", (
            _id(), Column("label", "string", _get("label"), "What the figure is.", True),
            Column("value", "string", lambda f: formatting.format_value(f), "As readers see it.", True),
            Column("value_kind", "string", _get("value_kind"), "number, range, date or text.", True,
                   ("number", "range", "date", "text")),
            Column("value_number", "number", _number("number")),
            Column("value_min", "number", _number("range", "min")), Column("value_max", "number", _number("range", "max")),
            Column("value_date", "date", _number("date")), Column("value_text", "string", _number("text")),
            Column("qualifier", "string", _get("qualifier"), "The record's hedge (about, as many as...), if any."),
            Column("prefix", "string", _get("prefix")), Column("unit", "string", _get("unit")),
            Column("group", "string", _get("group"), "The estimate group it is compared within."),
            *_dated(statuses), permalink), items("fact"), foreign_keys=claimant),
        Table("quotes", "Words said on the record, with who said them.", (
            _id(), Column("text", "string", _get("text"), "The words, as recorded.", True),
            Column("occasion", "string", _get("occasion")), *_dated(statuses), permalink),
            items("quote"), foreign_keys=claimant),
        Table("events", "What happened, with who says so.", (
            _id(), Column("title", "string", _get("title"), "What happened.", True), *_dated(statuses), permalink),
            items("event"), foreign_keys=claimant),
        Table("sources", "The published documents the records cite.", (
            _id(), Column("publisher", "string", _get("publisher"), required=True),
            Column("title", "string", _get("title"), required=True), Column("author", "string", _get("author")),
            Column("url", "string", _get("url"), required=True), Column("archived", "string", _get("archived")),
            Column("published", "date", _get("published")),
            Column("published_inferred", "string", _get("published_inferred"), "Why the date is inferred, when it is."),
            Column("via", "string", _get("via"))),
            lambda c: [c["sources"][key] for key in sorted(c["sources"])]),
        Table("claimants", "Who says so: governments, officials, agencies, media.", (
            _id(), Column("name", "string", _get("name"), required=True), Column("short", "string", _get("short")),
            Column("kind", "string", _get("kind"), required=True, categories=_in_use("claimants", "kind")(catalog)),
            Column("role", "string", _get("role")), Column("country", "string", _get("country"))),
            lambda c: [c["claimants"][key] for key in sorted(c["claimants"])]),
        Table("places", "Places on the maps: where each is and what happened there.", (
            _id(), Column("name", "string", _get("name"), required=True),
            Column("lat", "number", _get("lat"), "Latitude, decimal degrees north.", True),
            Column("lon", "number", _get("lon"), "Longitude, decimal degrees east.", True),
            Column("kind", "string", _get("kind"), required=True, categories=_in_use("places", "kind")(catalog)),
            Column("what", "string", _get("what"), required=True),
            Column("approximate", "boolean", _get("approximate"), "True when drawn as an area.", True),
            Column("radius_km", "number", _get("radius_km")), Column("why_approximate", "string", _get("why_approximate"))),
            lambda c: [c["places"][key] for key in sorted(c["places"])]),
        *(link_table(section.removesuffix("s")) for section in ITEM_SECTIONS),
    ]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _row_line(table: Table, row: Record) -> str:
    return csv_line([_cell(column.read(row)) for column in table.columns])


def render_table(table: Table, catalog: Catalog) -> str:
    # Columns read only their row (and the site's settings), so in a preview a row equal to last build's is
    # not rendered again. csv_line: safecsv's writer.
    lines = (REMEMBERED.get((table.name, *(row[key] for key in table.primary_key)), row, partial(_row_line, table, row))
             for row in table.rows(catalog))
    return csv_line(column.name for column in table.columns) + "".join(lines)


def descriptor(catalog: Catalog, site: SiteInfo, every: list[Table]) -> dict[str, Any]:
    package: dict[str, Any] = {
        "$schema": PROFILE,
        "name": "explainer-data",
        "title": site.name,
        "description": site.description,
        "version": VERSION,
        "created": f"{history.newest(catalog) or '1970-01-01'}T00:00:00Z",
        "contributors": [{"title": site.publisher, "roles": ["publisher"]}],
        "resources": [{"name": table.name, "type": "table", "path": table.path, "format": "csv",
                       "mediatype": "text/csv", "encoding": "utf-8", "description": table.description,
                       "schema": table.schema()} for table in every],
    }
    if site.url:
        package["homepage"] = site.url
    if site.license:
        package["licenses"] = [{"name": site.license.name.replace(" ", "-"), "path": site.license.url,
                                "title": site.license.name}]
    package["sources"] = [{"title": f"{EXPORT_JSON} and {EXPORT_CSV}: the same records, nested and flat"}]
    return package


def write(site_dir: Path, catalog: Catalog, site: SiteInfo) -> list[Path]:
    every = tables(catalog, site)
    (site_dir / TABLES_DIR).mkdir(parents=True, exist_ok=True)
    written = []
    for table in every:
        path = site_dir / table.path
        path.write_text(render_table(table, catalog), encoding="utf-8", newline="")
        written.append(path)
    path = site_dir / DATAPACKAGE
    path.write_text(json.dumps(descriptor(catalog, site, every), ensure_ascii=False, allow_nan=False, indent=1) + "\n",
                    encoding="utf-8")
    written.append(path)
    return written
