"""Geometry of the maps drawn at build time as inline SVG: projected outlines, markers, routes, labels.

Only numbers and path strings live here; the SVG markup is in `hooks/templates/map.html`. Each map
is a Lambert conformal conic fitted to its region (projection.py), scaled to `WIDTH` units; the page
scales the SVG to the column, so sizes here are chosen to stay legible at a phone's 343 px.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
from babel.dates import format_interval, format_skeleton

from ..data.catalog import Catalog, Record, map_place_ids
from ..data.vocabulary import DEFAULT, SHAPES, Vocabulary
from ..i18n import _, current
from . import chart
from .formatting import format_dates, place_kind, status_name, travel_mode
from .projection import LambertConic

WIDTH = 400
PADDING = 6
FONT = 15.5
LEG_FONT = 14.5
COUNTRY_FONT = 14.2
"""Label size in SVG units. On a 375 px phone the map is 343 px wide, so one unit is 0.86 px: every
label stays at 12 px or more there (the browser tests check it)."""
CHAR_WIDTH = 0.62
"""Average glyph width as a share of the font size, to estimate a label's box without a font."""
CAPITALS_WIDTH = 0.68
MIN_AREA_RADIUS = 7.0
THIN = 1.2
"""Outline points closer than this (SVG units) to the last one kept are dropped: invisible, but bytes."""
GRATICULE_STEP = 10
COUNTRY_LABEL_SHARE = 0.015
"""A country is named on the map when its visible part covers at least this share of it."""

Point = tuple[float, float]
Box = tuple[float, float, float, float]
"""left, top, right, bottom."""


def clip_ring(points: list[Point], left: float, top: float, right: float, bottom: float) -> list[Point]:
    """A closed ring cut to a rectangle (Sutherland-Hodgman: one pass per edge). `top` < `bottom`.

    Works for any axis order, so the basemap script clips degrees with it and the maps clip SVG units."""
    edges: list[tuple[Callable[[Point], bool], Callable[[Point, Point], Point]]] = [
        (lambda p: p[0] >= left, lambda a, b: _at_x(a, b, left)),
        (lambda p: p[0] <= right, lambda a, b: _at_x(a, b, right)),
        (lambda p: p[1] >= top, lambda a, b: _at_y(a, b, top)),
        (lambda p: p[1] <= bottom, lambda a, b: _at_y(a, b, bottom)),
    ]
    for inside, cross in edges:
        if not points:
            break
        result: list[Point] = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    result.append(cross(previous, point))
                result.append(point)
            elif inside(previous):
                result.append(cross(previous, point))
            previous = point
        points = result
    return points


def _at_x(a: Point, b: Point, x: float) -> Point:
    return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def _at_y(a: Point, b: Point, y: float) -> Point:
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


@functools.cache
def _read_basemap(path: Path, mtime: float) -> dict[str, Any]:
    outlines: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return outlines


def read_basemap(path: Path) -> dict[str, Any]:
    """The committed outlines (scripts/make_basemap.py), read again only when the file changes."""
    return _read_basemap(path, path.stat().st_mtime)


def covers(outer: Record, inner: Record) -> bool:
    """Whether the outlines' region holds a map's region (a map past their edge would show false sea)."""
    return bool(outer["west"] <= inner["west"] and inner["east"] <= outer["east"]
                and outer["south"] <= inner["south"] and inner["north"] <= outer["north"])


def region_text(region: Record) -> str:
    return f"{region['west']:g}° to {region['east']:g}° east, {region['south']:g}° to {region['north']:g}° north"


@dataclass(frozen=True)
class Frame:
    """A region projected and scaled to SVG units: x right, y down, (0, 0) top left."""

    projection: LambertConic
    scale: float
    """SVG units per metre of the projection."""
    min_x: float
    max_y: float
    width: float
    height: float

    @classmethod
    def fit(cls, region: Record, width: float = WIDTH) -> Frame:
        projection = LambertConic.for_region(region["south"], region["north"], region["west"], region["east"])
        edge = [(lat, lon) for lat in _steps(region["south"], region["north"]) for lon in (region["west"], region["east"])]
        edge += [(lat, lon) for lon in _steps(region["west"], region["east"]) for lat in (region["south"], region["north"])]
        xs, ys = zip(*(projection.forward(lat, lon) for lat, lon in edge), strict=True)
        scale = (width - 2 * PADDING) / (max(xs) - min(xs))
        return cls(projection, scale, min(xs) - PADDING / scale, max(ys) + PADDING / scale,
                   width, round((max(ys) - min(ys)) * scale + 2 * PADDING, 1))

    def point(self, lat: float, lon: float) -> Point:
        """Where a latitude and longitude falls on the map, in SVG units."""
        x, y = self.projection.forward(lat, lon)
        return (x - self.min_x) * self.scale, (self.max_y - y) * self.scale

    def point_from_centre(self, lat: float, lon: float, turn: float = 0.0) -> Point:
        """`point` for a point of an outline drawn `turn` degrees (a multiple of 360) round the globe: the
        longitude is not wrapped to ±180° of the centre (see `_land`).

        Within 180° of the centre, unturned, it gives exactly what `point` gives."""
        east = lon - self.projection.central_lon
        if turn == 0 and -180 <= east < 180:
            east = (east + 180) % 360 - 180  # as `forward` computes it, to the last bit
        x, y = self.projection.forward_from_centre(lat, east + turn)
        return (x - self.min_x) * self.scale, (self.max_y - y) * self.scale

    def projection_point(self, lat: float, east: float) -> Point:
        """A point `east` degrees east of the central meridian (not wrapped), in SVG units."""
        x, y = self.projection.forward_from_centre(lat, east)
        return (x - self.min_x) * self.scale, (self.max_y - y) * self.scale

    def reach(self, margin: float = 2.0) -> tuple[float, float, float, float]:
        """south, north, west, east: the latitudes and the degrees east of the central meridian the drawing
        can show (its corners reach past the region), with `margin` degrees to spare."""
        right, bottom = self.min_x + self.width / self.scale, self.max_y - self.height / self.scale
        steps = [i / 64 for i in range(65)]
        edge = [(self.min_x + (right - self.min_x) * f, y) for f in steps for y in (bottom, self.max_y)]
        edge += [(x, bottom + (self.max_y - bottom) * f) for f in steps for x in (self.min_x, right)]
        lats, easts = zip(*(self.projection.inverse(x, y) for x, y in edge), strict=True)
        pole_y = self.projection.forward_from_centre(90.0 if self.projection.n > 0 else -90.0, 0.0)[1]
        if self.min_x <= 0 <= right and bottom <= pole_y <= self.max_y:  # the pole is on the map
            return (min(lats) - margin, 90.0, -540.0, 540.0) if self.projection.n > 0 else (-90.0, max(lats) + margin, -540.0, 540.0)
        return min(lats) - margin, max(lats) + margin, min(easts) - margin, max(easts) + margin

    def units_per_km(self, lat: float) -> float:
        """SVG units per kilometre on the ground at `lat` (the projection stretches away from its standard parallels)."""
        return 1000 * self.scale * self.projection.scale_factor(lat)


def _steps(start: float, end: float, count: int = 24) -> list[float]:
    return [start + (end - start) * i / count for i in range(count + 1)]


def path_data(points: Iterable[Point], closed: bool) -> str:
    """SVG path data with relative moves of one decimal: about half the bytes of absolute coordinates."""
    rounded = [(round(x * 10), round(y * 10)) for x, y in points]
    kept = [rounded[0]]
    for point in rounded[1:]:
        if abs(point[0] - kept[-1][0]) + abs(point[1] - kept[-1][1]) >= THIN * 10:
            kept.append(point)
    parts = [f"M{_num(kept[0][0])} {_num(kept[0][1])}"]
    if len(kept) > 1:
        parts.append("l" + " ".join(f"{_num(b[0] - a[0])} {_num(b[1] - a[1])}" for a, b in itertools.pairwise(kept)))
    return "".join(parts) + ("z" if closed else "")


def _num(tenths: int) -> str:
    return f"{tenths / 10:g}"


@dataclass(frozen=True)
class Label:
    text: str
    x: float
    y: float
    anchor: str
    """SVG text-anchor: start, middle or end."""
    box: Box
    kind: str = "place"
    """place, leg or country: each has its own style."""


@dataclass(frozen=True)
class Marker:
    place: Record
    x: float
    y: float
    radius: float
    """For an approximate place, the area's radius in SVG units; 0 for a point."""
    number: int


@dataclass(frozen=True)
class Leg:
    route: Record
    mode: str
    d: str
    start: Point
    end: Point


@dataclass(frozen=True)
class ScaleBar:
    x: float
    y: float
    length: float
    km: int
    lat: float
    """The latitude at which the bar is true."""


@dataclass
class MapLayout:
    spec: Record
    width: float
    height: float
    land: list[tuple[str, str]]
    """(country name, path data) for each country with a visible part."""
    graticule: list[str]
    markers: list[Marker]
    legs: list[Leg]
    scale: ScaleBar
    labels: list[Label] = field(default_factory=list)


def layout(catalog: Catalog, spec: Record, basemap: dict[str, Any] | None = None,
           land: Callable[[Frame], tuple[list[tuple[str, str]], list[tuple[str, Point, float]]]] | None = None) -> MapLayout:
    """Everything a map shows, placed: outlines, grid, markers, route legs, scale bar and labels.

    The outlines come from `basemap`, or from `land` (given the frame), which may have kept them (basemap.py)."""
    frame = Frame.fit(spec["region"])
    places = [catalog["places"][pid] for pid in map_place_ids(catalog, spec)]
    markers = []
    for number, place in enumerate(places, start=1):
        x, y = frame.point(place["lat"], place["lon"])
        radius = max(place["radius_km"] * frame.units_per_km(place["lat"]), MIN_AREA_RADIUS) if place["approximate"] else 0.0
        markers.append(Marker(place, round(x, 1), round(y, 1), round(radius, 1), number))
    at = {m.place["id"]: m for m in markers}
    legs = []
    for route_id in spec["routes"]:
        route = catalog["routes"][route_id]
        for (a, b), mode in zip(itertools.pairwise(route["places"]), route["modes"], strict=True):
            start, end = _trim(at[a], at[b])
            legs.append(Leg(route, mode, path_data([start, end], closed=False), start, end))
    scale = _scale_bar(frame, spec["region"])
    outlines, centres = land(frame) if land is not None else _land(frame, basemap or {"countries": []})
    result = MapLayout(spec, frame.width, frame.height, outlines, _graticule(frame, spec["region"]), markers, legs, scale)
    big = [(name, centre) for name, centre, area in sorted(centres, key=lambda c: -c[2])
           if area >= COUNTRY_LABEL_SHARE * frame.width * frame.height]
    result.labels = place_labels(result, big)
    return result


def _trim(a: Marker, b: Marker) -> tuple[Point, Point]:
    """A leg from edge to edge of its two markers, so the arrowhead is not hidden under the far one."""
    dx, dy = b.x - a.x, b.y - a.y
    length = math.hypot(dx, dy) or 1.0
    gap_a, gap_b = (a.radius or 5) + 2, (b.radius or 5) + 4
    return ((round(a.x + dx * gap_a / length, 1), round(a.y + dy * gap_a / length, 1)),
            (round(b.x - dx * gap_b / length, 1), round(b.y - dy * gap_b / length, 1)))


def _land(frame: Frame, basemap: dict[str, Any]) -> tuple[list[tuple[str, str]], list[tuple[str, Point, float]]]:
    """Each country's visible outline as path data, and the centre and area of its largest visible part.

    Only rings that can reach the frame are projected (a world basemap has 90,000 points; a map shows a
    few thousand). Each ring is drawn in one piece on the side of the globe nearest the map's centre (see
    `_ring_turns`), so an outline that crosses the meridian opposite the centre never jumps across the map."""
    south, north, west, east = frame.reach()
    land, centres = [], []
    for country in basemap["countries"]:
        parts, largest, largest_area = [], None, 0.0
        for flat in country["rings"]:
            lons, lats = flat[::2], flat[1::2]
            if max(lats) < south or min(lats) > north:
                continue
            turns, pole = _ring_turns(lons, lats, frame.projection.central_lon)
            easts = [lon - frame.projection.central_lon + turn for lon, turn in zip(lons, turns, strict=True)]
            if max(easts) < west or min(easts) > east:
                continue
            ring = [frame.point_from_centre(lat, lon, turn) for lon, lat, turn in zip(lons, lats, turns, strict=True)]
            if pole:  # the ring goes round a pole (Antarctica): close it along a parallel beside the pole
                ring += _round_the_pole(frame, easts[-1], easts[0], pole)
            clipped = clip_ring(ring, 0, 0, frame.width, frame.height)
            area = _area(clipped) if len(clipped) >= 3 else 0.0
            if area >= 1:
                parts.append(path_data(clipped, closed=True))
                if area > largest_area:
                    largest, largest_area = clipped, area
        if parts:
            land.append((country["name"], "".join(parts)))
        if largest:
            centres.append((country["name"], _centroid(largest), largest_area))
    return land, centres


def _ring_turns(lons: list[float], lats: list[float], centre: float) -> tuple[list[float], float]:
    """How far round the globe (a multiple of 360°) to draw each point of a ring, so that it stays in one
    piece: a step of more than 180° of longitude crosses the ±180° seam of the data, not half the globe.
    The ring as a whole is drawn within 180° of the map's centre. Also the latitude of the pole it goes
    round (a ring whose steps add up to a full turn, like Antarctica's), or 0."""
    laps, lap = [], 0
    for before, lon in zip([lons[0], *lons], lons, strict=False):
        lap += (before - lon > 180) - (lon - before > 180)
        laps.append(lap)
    closing = laps[-1] + (lons[-1] - lons[0] > 180) - (lons[0] - lons[-1] > 180)
    easts = [lon - centre + 360 * k for lon, k in zip(lons, laps, strict=True)]
    middle = (min(easts) + max(easts)) / 2
    whole = 360 * round(((middle + 180) % 360 - 180 - middle) / 360)
    pole = 0.0 if closing == 0 else math.copysign(POLE_LAT, sum(lats))
    return [360.0 * k + whole for k in laps], pole


POLE_LAT = 89.9
"""A ring round a pole is closed along this parallel, beside the pole, where the projection is still finite."""


def _round_the_pole(frame: Frame, last: float, first: float, pole: float) -> list[Point]:
    """Points along the parallel beside the pole from `last` back to `first` (degrees east of the centre)."""
    steps = max(2, int(abs(first - last) / 5))
    return [frame.projection_point(pole, last + (first - last) * i / steps) for i in range(steps + 1)]


def _centroid(ring: list[Point]) -> Point:
    """The centre of mass of a polygon (not of its corners, which crowd along detailed coasts)."""
    cross = [(a[0] * b[1] - b[0] * a[1], a, b) for a, b in zip(ring, ring[1:] + ring[:1], strict=True)]
    twice_area = sum(c for c, _, _ in cross) or 1e-9
    return (sum((a[0] + b[0]) * c for c, a, b in cross) / (3 * twice_area),
            sum((a[1] + b[1]) * c for c, a, b in cross) / (3 * twice_area))


def _area(ring: list[Point]) -> float:
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def _graticule(frame: Frame, region: Record) -> list[str]:
    """Parallels and meridians every 10 degrees: on a conic map they show north, which changes across it."""
    lines = []
    for lat in range(math.ceil(region["south"] / GRATICULE_STEP) * GRATICULE_STEP, int(region["north"]) + 1, GRATICULE_STEP):
        lines.append(path_data([frame.point(lat, lon) for lon in _steps(region["west"] - 5, region["east"] + 5, 48)], False))
    for lon in range(math.ceil(region["west"] / GRATICULE_STEP) * GRATICULE_STEP, int(region["east"]) + 1, GRATICULE_STEP):
        lines.append(path_data([frame.point(lat, lon) for lat in (region["south"] - 5, region["north"] + 5)], False))
    return lines


def _scale_bar(frame: Frame, region: Record) -> ScaleBar:
    """A round distance about a fifth of the map wide, true at the region's middle latitude."""
    lat = (region["south"] + region["north"]) / 2
    per_km = frame.units_per_km(lat)
    target = frame.width / 5 / per_km
    km = max(n for n in (50, 100, 200, 250, 500, 1000, 2000) if n <= max(target, 50))
    return ScaleBar(x=PADDING + 8, y=round(frame.height - PADDING - 10, 1), length=round(km * per_km, 1), km=km, lat=lat)


def text_box(text: str, x: float, y: float, anchor: str, size: float = FONT) -> Box:
    width = chart.ems(text) * size * (CAPITALS_WIDTH if text.isupper() else CHAR_WIDTH)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return (left, y - size * 0.8, left + width, y + size * 0.25)


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(result: MapLayout, countries: list[tuple[str, Point]] = ()) -> list[Label]:  # type: ignore[assignment]
    """Greedy placement: each name tries spots around its marker, near ones first, and takes the first
    that hits no marker, no earlier label, the scale bar or the map's edge. Places come first, then
    route legs, then country names. A place name that fits nowhere is left off the drawing; it is
    still in the list below the map and in the text alternative."""
    scale = result.scale
    taken: list[Box] = [(scale.x - 4, scale.y - FONT - 8, scale.x + scale.length + 70, scale.y + 8)]
    for m in result.markers:
        r = max(m.radius, 6.5)
        taken.append((m.x - r, m.y - r, m.x + r, m.y + r))
    for leg in result.legs:  # names stay off the lines, so both can be read
        (x0, y0), (x1, y1) = leg.start, leg.end
        steps = max(1, int(math.hypot(x1 - x0, y1 - y0) / 6))
        taken += [(x0 + (x1 - x0) * i / steps - 2, y0 + (y1 - y0) * i / steps - 2,
                   x0 + (x1 - x0) * i / steps + 2, y0 + (y1 - y0) * i / steps + 2) for i in range(steps + 1)]
    labels = []
    inside = (2, 2, result.width - 2, result.height - 2)

    def add(label: Label | None) -> None:
        if label:
            labels.append(label)
            taken.append(label.box)

    for m in result.markers:
        add(_first_free(m.place["name"], m.x, m.y, max(m.radius, 6) + 3, taken, inside))
    longest: dict[str, tuple[Any, float]] = {}
    for leg in result.legs:  # a route's dates go on its longest leg, where there is room for them
        length = math.dist(leg.start, leg.end)
        if length > longest.get(leg.route["id"], (None, -1.0))[1]:
            longest[leg.route["id"]] = (leg, length)
    for leg in result.legs:
        mid = ((leg.start[0] + leg.end[0]) / 2, (leg.start[1] + leg.end[1]) / 2)
        text = _("by %(mode)s", mode=travel_mode(leg.mode))
        if longest[leg.route["id"]][0] is leg:
            text = _("%(mode)s, %(dates)s", mode=text, dates=short_dates(leg.route['start'], leg.route['end']))
        add(_first_free(text, *mid, 4, taken, inside, size=LEG_FONT, kind="leg"))
    for name, (x, y) in countries:
        box = text_box(name.upper(), x, y, "middle", COUNTRY_FONT)
        if not any(overlaps(box, other) for other in taken) and _within(box, inside):
            add(Label(name.upper(), round(x, 1), round(y, 1), "middle", box, "country"))
    return labels


def short_dates(start: str, end: str) -> str:
    """`7 Sept – 1 Oct 2023`, `31 Oct 2024` (CLDR's short forms for the page's locale): a route's dates,
    short enough to sit on the map."""
    a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    locale = current().locale
    if a == b:
        return format_skeleton("yMMMd", a, locale=locale)
    return format_interval(a, b, "yMMMd", locale=locale)


def _within(box: Box, inside: Box) -> bool:
    return box[0] >= inside[0] and box[1] >= inside[1] and box[2] <= inside[2] and box[3] <= inside[3]


def _first_free(text: str, x: float, y: float, gap: float, taken: list[Box], inside: Box,
                size: float = FONT, kind: str = "place") -> Label | None:
    for distance in (gap, gap * 2.2):
        up, down = y - distance, y + distance + size * 0.75
        spots = [(x + distance, y + size * 0.3, "start"), (x - distance, y + size * 0.3, "end"),
                 (x, up, "middle"), (x, down, "middle"), (x + distance * 0.7, up, "start"),
                 (x - distance * 0.7, up, "end"), (x + distance * 0.7, down, "start"), (x - distance * 0.7, down, "end")]
        for sx, sy, anchor in spots:
            box = text_box(text, sx, sy, anchor, size)
            if _within(box, inside) and not any(overlaps(box, other) for other in taken):
                return Label(text, round(sx, 1), round(sy, 1), anchor, box, kind)
    return None


AREA_GLYPH = "◌"


@jinja2.pass_context
def glyph(context: jinja2.runtime.Context, place: Record) -> str:
    """The marker's character for a place, as its kind's shape in the site's vocabulary (see data/vocabulary.py)."""
    return AREA_GLYPH if place["approximate"] else SHAPES[_vocabulary(context).shape(place["kind"])]


@jinja2.pass_context
def marker_shape(context: jinja2.runtime.Context, place: Record) -> str:
    """circle, square, triangle or diamond: how the map draws a place of this kind."""
    return _vocabulary(context).shape(place["kind"])


@jinja2.pass_context
def line_style(context: jinja2.runtime.Context, mode: str) -> str:
    """solid, dashed, dash-dot or dotted: how the map draws a leg travelled this way."""
    return _vocabulary(context).line(mode)


def _vocabulary(context: jinja2.runtime.Context) -> Vocabulary:
    catalog = context.get("catalog")
    return catalog.vocabulary if isinstance(catalog, Catalog) else DEFAULT


def degrees(number: float) -> str:
    """Degrees with every digit the data gives and no exponent: 131.96712 stays so (`:g` would cut it to 131.967)."""
    return format(Decimal(repr(float(number))), "f").removesuffix(".0")


def position(place: Record) -> str:
    """`51.717° N, 36.183° E`, or the area an approximate place stands for."""
    lat, lon = place["lat"], place["lon"]
    # The degrees as written in the data; only the hemispheres' letters are words.
    point = _("%(lat)s, %(lon)s", lat=_("%(degrees)s° N", degrees=degrees(lat)) if lat >= 0 else _("%(degrees)s° S", degrees=degrees(-lat)),
              lon=_("%(degrees)s° E", degrees=degrees(lon)) if lon >= 0 else _("%(degrees)s° W", degrees=degrees(-lon)))
    if place["approximate"]:
        return _("an area of about %(radius)s km around %(point)s", radius=degrees(place['radius_km']), point=point)
    return point


def describe_route(catalog: Catalog, route: Record) -> str:
    """`Harbour to Port by ship, then to Depot by rail`."""
    names = [catalog["places"][pid]["name"] for pid in route["places"]]
    legs = [_("%(start)s to %(end)s by %(mode)s", start=names[0], end=names[1], mode=travel_mode(route["modes"][0]))]
    legs += [_("then to %(end)s by %(mode)s", end=name, mode=travel_mode(mode))
             for name, mode in zip(names[2:], route["modes"][1:], strict=True)]
    return _(", ").join(legs)


def describe(catalog: Catalog, result: MapLayout) -> str:
    """The map in words, for the SVG's text alternative: every place and route it shows."""
    region = result.spec["region"]
    parts = [_("Map of the area from %(west)s° to %(east)s° east, %(south)s° to %(north)s° north, with country outlines.",
               **{side: f"{region[side]:g}" for side in ("west", "east", "south", "north")})]
    places = _("; ").join(_("%(name)s (%(kind)s, %(position)s)", name=m.place["name"], kind=place_kind(m.place["kind"]),
                            position=position(m.place)) for m in result.markers)
    parts.append(_("Places: %(places)s.", places=places))
    for route_id in result.spec["routes"]:
        route = catalog["routes"][route_id]
        parts.append(_("Route: %(title)s: %(route)s; %(dates)s; according to %(who)s (%(status)s).",
                       title=route["title"], route=describe_route(catalog, route), dates=format_dates(route["start"], route["end"]),
                       who=catalog.claimant_of(route)["name"], status=status_name(route["status"])))
    return " ".join(parts)
