"""The data for reuse: `facts.json` (everything, nested) and `facts.csv` (one row per item, flat).

Both come from the same catalog records as the pages, so a download never disagrees with the site.
Neither holds a build time: the newest review or revision date stands for "as of", and two builds of
the same data write the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

from ..data.catalog import ITEM_SECTIONS, Catalog, Record
from ..pages import formatting, history
from ..pages.formatting import item_title
from ..siteinfo import EXPORT_CSV, EXPORT_JSON, EXPORT_SCHEMA, LICENSE_FILE, SiteInfo
from .reuse import REMEMBERED
from .safecsv import csv_line

OTHER_SECTIONS = ("claimants", "sources", "groups", "corrections")
SCHEMA_FILE = Path(__file__).with_name("facts.schema.json")
"""The export's JSON Schema, published beside the export and used by the tests."""

CSV_COLUMNS = (
    "id", "kind", "date", "date_inferred", "time", "timezone", "what", "value", "value_raw", "value_min", "value_max",
    "qualifier", "prefix", "unit", "group", "occasion", "claimant_id", "claimant", "claimant_role",
    "claimant_country", "status", "unverified_reason", "note", "reviewed", "updated", "last_change",
    "source_ids", "source_publishers", "source_titles", "source_urls", "source_published", "source_published_inferred",
    "source_archived", "source_excerpts", "source_locators", "source_langs", "source_translations",
    "source_translations_by", "lang", "translation", "translation_by", "permalink",
)
CSV_JOINER = " | "
"""Separates the sources of one item inside a CSV cell: one entry per source (empty if it has none), in the
same order in every source_* column."""
NO_ENTRY = "(none)"
"""A source's entry in a source_* cell when it has no such field, e.g. no excerpt."""
CSV_JOINER_IN_TEXT = "¦"
"""Stands for a "|" inside an entry, so the entries still split apart (facts.json keeps the text exact)."""


def ordered_items(catalog: Catalog) -> list[Record]:
    """Items in the fact index's order: oldest first, then by id."""
    return sorted(catalog.items.values(), key=lambda i: (i["date"], i["id"]))


def expand_item(item: Record, catalog: Catalog, site: SiteInfo) -> Record:
    """An item with its claimant and sources written out, plus what readers see and when it last changed."""
    expanded = dict(item)
    del expanded["claimant"], expanded["sources"]  # written out below, after the item's own fields
    if item["kind"] == "fact":
        expanded["value_display"] = formatting.format_value(item)
    expanded["claimant"] = catalog.claimant_of(item)
    expanded["sources"] = catalog.sources_of(item)
    expanded["updated"] = history.updated(item)
    expanded["permalink"] = site.permalink(item)
    return expanded


def _header(catalog: Catalog, site: SiteInfo) -> dict[str, Any]:
    return {
        "$schema": site.address(EXPORT_SCHEMA),
        "name": site.name,
        "description": site.description,
        "language": site.language,  # of the labels and notes; values and dates are the same in every edition
        "url": site.url or None,
        "updated": history.newest(catalog),
        "license": site.license.to_json() if site.license else None,
        "statuses": dict(site.statuses),
    }


def _sections(catalog: Catalog, item: Callable[[Record], Any]) -> dict[str, list[Any]]:
    """Each list of the export: items (as `item` makes them) by kind, in date order, then the other records."""
    items = ordered_items(catalog)
    lists = {section: [item(i) for i in items if i["kind"] == section.removesuffix("s")] for section in ITEM_SECTIONS}
    return lists | {section: [catalog[section][key] for key in sorted(catalog[section])] for section in OTHER_SECTIONS}


def build_json(catalog: Catalog, site: SiteInfo) -> dict[str, Any]:
    return _header(catalog, site) | _sections(catalog, lambda item: expand_item(item, catalog, site))


def render_json(catalog: Catalog, site: SiteInfo) -> str:
    # One record per line: readable and diffable, and still written by json's fast C encoder
    # (indent=... would switch to the pure-Python one, about ten times slower on 10,000 facts).
    # allow_nan=False: NaN and Infinity are not JSON; the schema refuses them, and so does this.
    lines = [json.dumps(_header(catalog, site), ensure_ascii=False, allow_nan=False)[:-1]]
    # A preview renders again only the items an edit changed.
    sections = _sections(catalog, lambda item: REMEMBERED.get(
        ("json", item["id"]), catalog.inputs_of(item), lambda: _json_line(expand_item(item, catalog, site))))
    for section, records in sections.items():
        text = ",\n".join(record if isinstance(record, str) else _json_line(record) for record in records)
        lines.append(f', "{section}": [\n{text}\n]' if text else f', "{section}": []')
    return "\n".join(lines) + "\n}\n"


def _json_line(record: Record) -> str:
    return json.dumps(record, ensure_ascii=False, allow_nan=False)


def csv_row(item: Record, catalog: Catalog, site: SiteInfo) -> list[str]:
    claimant, cited = catalog.claimant_of(item), catalog.citations_of(item)
    value: Any = item.get("value")
    value_kind = item.get("value_kind")
    change = history.last_revision(item)
    row: dict[str, Any] = {
        "id": item["id"], "kind": item["kind"], "date": item["date"], "date_inferred": item.get("date_inferred"), "time": item.get("time"),
        "timezone": item.get("timezone"), "what": item_title(item),
        "value": formatting.format_value(item) if item["kind"] == "fact" else None,
        "value_raw": None if value_kind == "range" else value,
        "value_min": value["min"] if value_kind == "range" else None,
        "value_max": value["max"] if value_kind == "range" else None,
        "qualifier": item.get("qualifier"), "prefix": item.get("prefix"), "unit": item.get("unit"),
        "group": item.get("group"), "occasion": item.get("occasion"),
        "claimant_id": claimant["id"], "claimant": claimant["name"], "claimant_role": claimant.get("role"),
        "claimant_country": claimant.get("country"), "status": item["status"],
        "unverified_reason": item.get("unverified_reason"), "note": item.get("note"),
        "reviewed": item["reviewed"], "updated": history.updated(item),
        "last_change": f"{change['date']}: {change['change']}" if change else None,
        "source_ids": _joined(c["source"]["id"] for c in cited),
        "source_publishers": _joined(c["source"]["publisher"] for c in cited),
        "source_titles": _joined(c["source"]["title"] for c in cited),
        "source_urls": _joined(c["source"]["url"] for c in cited),
        "source_published": _joined(c["source"]["published"] for c in cited),
        "source_published_inferred": _joined(c["source"].get("published_inferred") for c in cited),
        "source_archived": _joined(c["source"].get("archived") for c in cited),
        "source_excerpts": _joined(c["excerpt"] for c in cited),
        "source_locators": _joined(c["locator"] for c in cited),
        "source_langs": _joined(c.get("lang") for c in cited),
        "source_translations": _joined(c.get("translation") for c in cited),
        "source_translations_by": _joined(c.get("translation_by") for c in cited),
        "lang": item.get("lang"), "translation": item.get("translation"), "translation_by": item.get("translation_by"),
        "permalink": site.permalink(item),
    }
    return ["" if row[key] is None else _cell(row[key]) for key in CSV_COLUMNS]


def _joined(entries: Iterable[str | None]) -> str:
    """One entry per source, in order, so every source_* cell splits into as many; NO_ENTRY where a source has
    none (an empty entry first would start the cell with a space and a "|", which spreadsheets may evaluate).
    An empty cell when no source has any."""
    texts = [(entry or "").replace("|", CSV_JOINER_IN_TEXT) for entry in entries]
    return CSV_JOINER.join(text or NO_ENTRY for text in texts) if any(texts) else ""


def _cell(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 8000, not 8000.0
    return str(value)


def render_csv(catalog: Catalog, site: SiteInfo) -> str:
    # csv_line: safecsv's writer, so no cell starts a formula; a preview renders only the rows an edit changed.
    rows = (REMEMBERED.get(("csv", item["id"]), catalog.inputs_of(item), partial(_csv_line, item, catalog, site))
            for item in ordered_items(catalog))
    return csv_line(CSV_COLUMNS) + "".join(rows)


def _csv_line(item: Record, catalog: Catalog, site: SiteInfo) -> str:
    return csv_line(csv_row(item, catalog, site))


def render_license(site: SiteInfo) -> str:
    """LICENSE.txt beside the downloads: the terms of facts.json, facts.csv and the pages' own text."""
    assert site.license
    where = f" at {site.url}" if site.url else ""
    return (f"{site.license.statement(site.name)}\n\n"
            f"This applies to {EXPORT_JSON}, {EXPORT_CSV} and the text of the site{where}. "
            f"Credit it as: {site.citation_name}{f', {site.url}' if site.url else ''}.\n")


def write(site_dir: Path, catalog: Catalog, site: SiteInfo) -> list[Path]:
    """Write the JSON and CSV exports, the export's schema and (a CSV has no place for it) the licence."""
    outputs = {
        EXPORT_JSON: render_json(catalog, site),
        EXPORT_CSV: render_csv(catalog, site),
        EXPORT_SCHEMA: SCHEMA_FILE.read_text(encoding="utf-8"),
    }
    if site.license:
        outputs[LICENSE_FILE] = render_license(site)
    written = []
    for name, text in outputs.items():
        path = site_dir / name
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written
