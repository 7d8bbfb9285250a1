"""Geometry of the trend chart: estimates of one quantity over time, one series per claimant.

Only numbers live here; the SVG markup is in `templates/trend.html`. Time runs left to right, the value
bottom to top from zero (so heights compare honestly). Each claimant's figures are points joined by a
line in date order; a span (10,000–12,000) is drawn as a vertical bar between its ends. Series differ by
marker shape and line dash as well as colour, so no reader depends on colour to tell them apart.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

from .chart import CHAR_WIDTH, PADDING, WIDTH, fits

LEFT = 48.0
"""The least room left of the plot for the value labels; more when they are longer (`1,000,000`)."""
RIGHT = 14.0
TOP = 14.0
PLOT_HEIGHT = 170.0
AXIS_LABEL_GAP = 20.0
LEGEND_ROW = 24.0
INSET = 10.0
"""Space between the value axis (and the right edge) and the first (last) date, so no marker sits on the axis."""
MARKERS = ("circle", "square", "triangle", "diamond")
DASHES = ("", "6 4", "2 3", "8 3 2 3")


@dataclass(frozen=True)
class Reading:
    """One claimant's figure on one date: `low` and `high` differ only for a span."""

    series: str
    """Who gave it: readings with the same `series` make one line."""
    date: dt.date
    low: float
    high: float
    label: str = ""
    """The series' name in the legend (`series` when empty)."""


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    """The middle of a span, where the series' line passes."""
    y_low: float
    y_high: float
    """Ends of a span (equal to `y` for a single figure); y grows downwards."""


@dataclass(frozen=True)
class Series:
    label: str
    index: int
    """Position among the series: picks its colour, marker and dash."""
    marker: str
    dash: str
    points: list[Point]
    path: str
    """SVG path through the points in date order ("" for a single point)."""
    legend_y: float


@dataclass(frozen=True)
class Tick:
    position: float
    text: str


@dataclass(frozen=True)
class TrendChart:
    width: int
    height: float
    left: float
    right: float
    top: float
    bottom: float
    """The plot area: value zero is at `bottom`."""
    series: list[Series]
    value_ticks: list[Tick]
    date_ticks: list[Tick]
    legend_x: float = PADDING
    """Where the legend's rows start: each a sample of the series' marker and line, then its name."""


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least `value`: a round top for the axis."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    return float(next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value))


def plain(number: float) -> str:
    return f"{number:,.10g}"


def layout(readings: list[Reading], number_text: Callable[[float], str] = plain,
           date_text: Callable[[dt.date], str] = dt.date.isoformat, width: int = WIDTH) -> TrendChart:
    """Place every reading on one time axis and one value axis from zero; series keep their first appearance's
    order. `number_text` and `date_text` write the axis labels as readers read them."""
    if not readings:
        raise ValueError("a trend chart needs at least one figure")
    if any(r.low < 0 or r.high < r.low for r in readings):
        raise ValueError("a trend chart needs figures of zero or more, with low <= high")
    top_value = nice_ceiling(max(r.high for r in readings))
    shares = (0.0, 0.5, 1.0)
    value_texts = [number_text(top_value * share) for share in shares]
    left = max(LEFT, PADDING + max(len(text) for text in value_texts) * CHAR_WIDTH + 6)
    right, top, bottom = width - RIGHT, TOP, TOP + PLOT_HEIGHT
    first, last = min(r.date for r in readings), max(r.date for r in readings)
    days = (last - first).days

    def x_of(date: dt.date) -> float:
        start, end = left + INSET, right - INSET
        return round((start + end) / 2 if days == 0 else start + (end - start) * (date - first).days / days, 1)

    def y_of(value: float) -> float:
        return round(bottom - (bottom - top) * value / top_value, 1)

    names = list(dict.fromkeys(r.series for r in readings))
    legend_top = bottom + AXIS_LABEL_GAP * 2
    series = []
    for index, name in enumerate(names):
        own = sorted((r for r in readings if r.series == name), key=lambda r: (r.date, r.low))
        points = [Point(x_of(r.date), y_of((r.low + r.high) / 2), y_of(r.low), y_of(r.high)) for r in own]
        path = " ".join(f"{'M' if i == 0 else 'L'}{p.x} {p.y}" for i, p in enumerate(points)) if len(points) > 1 else ""
        series.append(Series(own[0].label or name, index, MARKERS[index % len(MARKERS)], DASHES[index % len(DASHES)], points, path,
                             round(legend_top + index * LEGEND_ROW, 1)))
    value_ticks = [Tick(y_of(top_value * share), text) for share, text in zip(shares, value_texts, strict=True)]
    date_ticks = [Tick(x_of(first), date_text(first))] + ([Tick(x_of(last), date_text(last))] if days else [])
    height = round(legend_top + len(names) * LEGEND_ROW + PADDING, 1)
    return TrendChart(width, height, left, right, top, bottom, series, value_ticks, date_ticks)


def legend_label(full: str, short: str | None, width: int = WIDTH) -> str:
    """The series' name in the legend: the full name where it fits beside its sample, else the short one."""
    room = width - 2 * PADDING - 36
    return full if fits(full, room) or not short else short
