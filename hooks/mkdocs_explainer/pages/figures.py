"""Charts and maps as readers take them away: the plotted values as rows, for every figure kind alike.

A figure is a shortcode that draws (`FIGURE_KINDS`). Its id is the HTML id its template gives it
(`chart-<group>`, `map-<id>`), which is also the name of its CSV, its SVG and its embed page. A chart of
items (any kind but a map) has one row per item it plots, in the order it plots them; a map one row per
place and per route it draws.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import escape

from ..data.catalog import Catalog, Record, map_place_ids
from ..siteinfo import SiteInfo
from . import formatting

FIGURE_KINDS = ("chart", "trend", "map")
"""Shortcodes that draw a figure (a kind the site does not have is skipped)."""

ITEM_COLUMNS = ("id", "claimant", "claimant_id", "date", "status", "value", "value_low", "value_high", "unit",
                "source_urls", "permalink")
MAP_COLUMNS = ("id", "type", "name", "lat", "lon", "radius_km", "claimant", "claimant_id", "date", "status",
               "source_urls")
JOINER = " | "
"""Between the sources of one row, as in facts.csv."""


def figure_id(kind: str, arg: str) -> str:
    return f"{kind}-{arg}"


def _sources(catalog: Catalog, record: Record) -> str:
    return JOINER.join(cited["source"]["url"] for cited in catalog.citations_of(record))


def _plotted(fact: Record) -> tuple[Any, Any]:
    value = fact["value"]
    if fact.get("value_kind") == "range":
        return value["min"], value["max"]
    return (value, value) if fact.get("value_kind") == "number" else (None, None)


def item_rows(catalog: Catalog, items: list[Record], site: SiteInfo | None) -> list[dict[str, Any]]:
    rows = []
    for item in items:
        claimant = catalog.claimant_of(item)
        low, high = _plotted(item) if item["kind"] == "fact" else (None, None)
        rows.append({
            "id": item["id"], "claimant": claimant["name"], "claimant_id": claimant["id"], "date": item["date"],
            "status": item["status"], "value": formatting.format_value(item) if item["kind"] == "fact" else None,
            "value_low": low, "value_high": high, "unit": item.get("unit"), "source_urls": _sources(catalog, item),
            "permalink": site.permalink(item) if site else None,
        })
    return rows


def map_rows(catalog: Catalog, map_id: str) -> list[dict[str, Any]]:
    spec = catalog["maps"][map_id]
    rows: list[dict[str, Any]] = []
    for place_id in map_place_ids(catalog, spec):
        place = catalog["places"][place_id]
        rows.append({"id": place_id, "type": "place", "name": place["name"], "lat": place["lat"], "lon": place["lon"],
                     "radius_km": place.get("radius_km") if place.get("approximate") else None,
                     "source_urls": _sources(catalog, place)})
    for route_id in spec["routes"]:
        route = catalog["routes"][route_id]
        claimant = catalog.claimant_of(route)
        rows.append({"id": route_id, "type": "route", "name": route["title"], "claimant": claimant["name"],
                     "claimant_id": claimant["id"], "date": f"{route['start']}/{route['end']}",
                     "status": route["status"], "source_urls": _sources(catalog, route)})
    return rows


def figure_table(catalog: Catalog, kind: str, arg: str, shows: Callable[[Catalog, str], set[str]],
                 site: SiteInfo | None = None) -> tuple[tuple[str, ...], list[dict[str, Any]]]:
    """The columns and rows of a figure's data: what it plots, one row each.

    `shows` is the shortcode kind's own list of the items it displays (for kinds without a known order)."""
    if kind == "map":
        return MAP_COLUMNS, map_rows(catalog, arg)
    if kind == "chart":
        items = catalog.group_members(arg)  # the bars' order
    else:
        items = sorted((catalog.items[i] for i in shows(catalog, arg)),
                       key=lambda i: (i["claimant"], i["date"], i["id"]))  # a series per claimant, in time order
    return ITEM_COLUMNS, item_rows(catalog, items, site)


def embed_path(figure: str) -> str:
    return f"embed/{figure}/"


def embed_snippet(figure: str, title: str, site: SiteInfo | None, site_root: str) -> str:
    """The <iframe> HTML to copy (plain text: the page escapes it again to show it)."""
    url = site.address(embed_path(figure)) if site and site.url else site_root + embed_path(figure)
    return (f'<iframe src="{escape(url)}" title="{escape(title)}" width="100%" height="640" style="border:0" '
            'loading="lazy"></iframe>')
