"""Geometry of the horizontal bar charts drawn at build time as inline SVG.

Only numbers live here; the SVG markup is in `hooks/templates/chart.html`. Each row has a label
line (who and when) above its bar, so the text stays readable when a phone scales the chart down.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

WIDTH = 420
"""Width of the SVG's coordinate system; the page scales it to the column width."""
LABEL_HEIGHT = 20
BAR_HEIGHT = 18
ROW_GAP = 14
PADDING = 8
BAR_SHARE = 0.45
"""Share of the width the longest bar may take; the rest keeps room for the value written after it."""
CHAR_WIDTH = 8.5
"""A generous width of one character at the largest chart font (15 units, bold, on phones): text estimated
wider than the room it has goes on a line of its own instead of running past the drawing's edge."""


def ems(text: str) -> float:
    """A text's length in average characters: an East Asian wide character (Hangul, kana, Han) is about twice
    as wide as a Latin letter, a thin or narrow space (CLDR's dates and numbers) about half."""
    return sum(2.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 if c in "\u2009\u202f" else 1.0 for c in text)


def fits(text: str, room: float) -> bool:
    return ems(text) * CHAR_WIDTH <= room


@dataclass(frozen=True)
class Entry:
    """One claimant's figure: `low` and `high` differ only for a range."""

    label: str
    value_text: str
    low: float
    high: float


@dataclass(frozen=True)
class Bar:
    label: str
    value_text: str
    label_y: float
    y: float
    width: float
    """Length of the solid bar (the figure, or the lower end of a range)."""
    range_width: float
    """Extra length drawn lighter for the upper end of a range; 0 for a single figure."""
    text_x: float
    text_y: float
    """Baseline of the value: beside the bar when it fits there, else on a line below it."""


@dataclass(frozen=True)
class BarChart:
    width: int
    height: float
    x0: float
    """Where every bar starts: the zero line."""
    bars: list[Bar]
    bar_height: int = BAR_HEIGHT


def layout(entries: list[Entry], width: int = WIDTH) -> BarChart:
    """Place one bar per entry, all on a common scale that starts at zero (so lengths compare honestly)."""
    if not entries:
        raise ValueError("a chart needs at least one figure")
    if any(e.low < 0 or e.high < e.low for e in entries):
        raise ValueError("bars need figures of zero or more, with low <= high")
    x0 = float(PADDING)
    longest = max(e.high for e in entries)
    scale = (width - 2 * PADDING) * BAR_SHARE / longest if longest else 0.0
    bars, y = [], float(PADDING)
    for entry in entries:
        solid = entry.low * scale
        extra = (entry.high - entry.low) * scale
        bar_y = y + LABEL_HEIGHT
        beside = x0 + solid + extra + 6
        below = not fits(entry.value_text, width - PADDING - beside)
        bars.append(Bar(
            label=entry.label,
            value_text=entry.value_text,
            label_y=y + LABEL_HEIGHT - 6,
            y=bar_y,
            width=round(solid, 1),
            range_width=round(extra, 1),
            text_x=round(x0 if below else beside, 1),
            text_y=round(bar_y + BAR_HEIGHT + LABEL_HEIGHT - 4 if below else bar_y + BAR_HEIGHT - 5, 1),
        ))
        y = bar_y + BAR_HEIGHT + ROW_GAP + (LABEL_HEIGHT if below else 0)
    return BarChart(width=width, height=round(y - ROW_GAP + PADDING, 1), x0=x0, bars=bars)
