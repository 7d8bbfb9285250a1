"""The data for reuse: `facts.json` (everything, nested) and `facts.csv` (one row per item, flat).

Both come from the same catalog records as the pages, so a download never disagrees with the site.
Neither holds a build time: the newest review or revision date stands for "as of", and two builds of
the same data write the same bytes.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from ..data.catalog import ITEM_SECTIONS, Catalog, Record
from ..pages import formatting, history
from ..pages.formatting import item_title
from ..siteinfo import EXPORT_CSV, EXPORT_JSON, EXPORT_SCHEMA, SiteInfo
from .safecsv import SafeWriter

OTHER_SECTIONS = ("claimants", "sources", "groups", "corrections")
SCHEMA_FILE = Path(__file__).with_name("facts.schema.json")
"""The export's JSON Schema, published beside the export and used by the tests."""

CSV_COLUMNS = (
    "id", "kind", "date", "time", "timezone", "what", "value", "value_raw", "value_min", "value_max",
    "qualifier", "prefix", "unit", "group", "occasion", "claimant_id", "claimant", "claimant_role",
    "claimant_country", "status", "note", "reviewed", "updated", "last_change",
    "source_ids", "source_publishers", "source_titles", "source_urls", "source_published", "permalink",
)
CSV_JOINER = " | "
"""Separates the sources of one item inside a CSV cell, in the same order in every source_* column."""


def ordered_items(catalog: Catalog) -> list[Record]:
    """Items in the fact index's order: oldest first, then by id."""
    return sorted(catalog.items.values(), key=lambda i: (i["date"], i["id"]))


def expand_item(item: Record, catalog: Catalog, site: SiteInfo) -> Record:
    """An item with its claimant and sources written out, plus what readers see and when it last changed."""
    expanded = {key: value for key, value in item.items() if key not in ("claimant", "sources")}
    if item["kind"] == "fact":
        expanded["value_display"] = formatting.format_value(item)
    expanded["claimant"] = catalog.claimant_of(item)
    expanded["sources"] = catalog.sources_of(item)
    expanded["updated"] = history.updated(item)
    expanded["permalink"] = site.permalink(item)
    return expanded


def build_json(catalog: Catalog, site: SiteInfo) -> dict[str, Any]:
    items = ordered_items(catalog)
    export: dict[str, Any] = {
        "$schema": site.address(EXPORT_SCHEMA),
        "name": site.name,
        "description": site.description,
        "url": site.url or None,
        "updated": history.newest(catalog),
        "statuses": dict(site.statuses),
    }
    for section in ITEM_SECTIONS:
        export[section] = [expand_item(i, catalog, site) for i in items if i["kind"] == section.removesuffix("s")]
    for section in OTHER_SECTIONS:
        export[section] = [catalog[section][key] for key in sorted(catalog[section])]
    return export


def render_json(catalog: Catalog, site: SiteInfo) -> str:
    # One item per line: readable and diffable, and still written by json's fast C encoder
    # (indent=... would switch to the pure-Python one, about ten times slower on 10,000 facts).
    data = build_json(catalog, site)
    # allow_nan=False: NaN and Infinity are not JSON; the schema refuses them, and so does this.
    lines = [json.dumps({k: v for k, v in data.items() if k not in _LISTS}, ensure_ascii=False, allow_nan=False)[:-1]]
    for section in _LISTS:
        records = ",\n".join(json.dumps(record, ensure_ascii=False, allow_nan=False) for record in data[section])
        lines.append(f', "{section}": [\n{records}\n]' if records else f', "{section}": []')
    return "\n".join(lines) + "\n}\n"


_LISTS = (*ITEM_SECTIONS, *OTHER_SECTIONS)


def csv_row(item: Record, catalog: Catalog, site: SiteInfo) -> list[str]:
    claimant, sources = catalog.claimant_of(item), catalog.sources_of(item)
    value, value_kind = item.get("value"), item.get("value_kind")
    change = history.last_revision(item)
    row: dict[str, Any] = {
        "id": item["id"], "kind": item["kind"], "date": item["date"], "time": item.get("time"),
        "timezone": item.get("timezone"), "what": item_title(item),
        "value": formatting.format_value(item) if item["kind"] == "fact" else None,
        "value_raw": None if value_kind == "range" else value,
        "value_min": value["min"] if value_kind == "range" else None,
        "value_max": value["max"] if value_kind == "range" else None,
        "qualifier": item.get("qualifier"), "prefix": item.get("prefix"), "unit": item.get("unit"),
        "group": item.get("group"), "occasion": item.get("occasion"),
        "claimant_id": claimant["id"], "claimant": claimant["name"], "claimant_role": claimant.get("role"),
        "claimant_country": claimant.get("country"), "status": item["status"], "note": item.get("note"),
        "reviewed": item["reviewed"], "updated": history.updated(item),
        "last_change": f"{change['date']}: {change['change']}" if change else None,
        "source_ids": CSV_JOINER.join(s["id"] for s in sources),
        "source_publishers": CSV_JOINER.join(s["publisher"] for s in sources),
        "source_titles": CSV_JOINER.join(s["title"] for s in sources),
        "source_urls": CSV_JOINER.join(s["url"] for s in sources),
        "source_published": CSV_JOINER.join(s["published"] or "" for s in sources),
        "permalink": site.permalink(item),
    }
    return ["" if row[key] is None else _cell(row[key]) for key in CSV_COLUMNS]


def _cell(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 8000, not 8000.0
    return str(value)


def render_csv(catalog: Catalog, site: SiteInfo) -> str:
    buffer = io.StringIO()
    writer = SafeWriter(buffer)  # no cell starts a formula
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_row(item, catalog, site) for item in ordered_items(catalog))
    return buffer.getvalue()


def write(site_dir: Path, catalog: Catalog, site: SiteInfo) -> list[Path]:
    """Write the JSON and CSV exports and the export's schema into the built site."""
    outputs = {
        EXPORT_JSON: render_json(catalog, site),
        EXPORT_CSV: render_csv(catalog, site),
        EXPORT_SCHEMA: SCHEMA_FILE.read_text(encoding="utf-8"),
    }
    written = []
    for name, text in outputs.items():
        path = site_dir / name
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written
