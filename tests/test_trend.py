"""Trend charts: every claimant's estimates over time, honest from zero, readable on a phone."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import FACTS, SOURCES
from mkdocs_explainer.data.catalog import link
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.pages.chart import CHAR_WIDTH, PADDING, WIDTH
from mkdocs_explainer.pages.render import PageContext
from mkdocs_explainer.pages.trend import Reading, layout, legend_label, nice_ceiling
from pages_helpers import convert

D = dt.date


def _reading(series: str, day: int, low: float, high: float | None = None) -> Reading:
    return Reading(series, D(2025, 1, day), low, low if high is None else high)


def test_points_sit_at_their_dates_and_heights_from_zero() -> None:
    chart = layout([_reading("A", 1, 1000), _reading("A", 11, 2000), _reading("A", 21, 4000)])
    [series] = chart.series
    xs = [p.x for p in series.points]
    assert xs[1] - xs[0] == pytest.approx(xs[2] - xs[1], abs=0.2)  # ten days apart each
    heights = [chart.bottom - p.y for p in series.points]
    assert heights[1] / heights[0] == pytest.approx(2, rel=0.01) and heights[2] / heights[0] == pytest.approx(4, rel=0.01)
    assert chart.value_ticks[0].text == "0" and chart.value_ticks[0].position == chart.bottom


def test_one_series_per_claimant_joined_in_date_order() -> None:
    chart = layout([_reading("B", 20, 10), _reading("A", 5, 30), _reading("B", 1, 20), _reading("A", 9, 40)])
    assert [s.label for s in chart.series] == ["B", "A"]
    b = chart.series[0]
    assert b.points[0].x < b.points[1].x
    assert b.path == f"M{b.points[0].x} {b.points[0].y} L{b.points[1].x} {b.points[1].y}"
    assert len({(s.marker, s.dash) for s in chart.series}) == 2  # told apart without colour


def test_a_newer_figure_never_hides_an_older_one() -> None:
    chart = layout([_reading("A", 1, 12000), _reading("A", 2, 11000), _reading("A", 30, 2000)])
    assert len(chart.series[0].points) == 3


def test_a_span_is_drawn_between_its_ends() -> None:
    chart = layout([_reading("A", 1, 10000, 12000), _reading("B", 3, 11000)])
    span, single = chart.series[0].points[0], chart.series[1].points[0]
    assert span.y_low > span.y > span.y_high  # y grows downwards
    assert single.y_low == single.y == single.y_high


def test_a_single_date_is_centred() -> None:
    chart = layout([_reading("A", 1, 5)])
    assert chart.series[0].points[0].x == pytest.approx((chart.left + chart.right) / 2)
    assert len(chart.date_ticks) == 1


@pytest.mark.parametrize("readings", [[], [_reading("A", 1, -1)], [Reading("A", D(2025, 1, 1), 5, 4)]])
def test_impossible_trends_are_refused(readings: list[Reading]) -> None:
    with pytest.raises(ValueError):
        layout(readings)


def test_the_axis_top_is_a_round_number_above_every_figure() -> None:
    assert [nice_ceiling(v) for v in (0, 7, 12000, 20000, 21000, 2.4)] == [1, 10, 20000, 20000, 25000, 2.5]


def test_labels_fit_inside_the_drawing_on_a_phone() -> None:
    chart = layout([_reading("A", 1, 1_500_000), _reading("B", 30, 900_000)], number_text=lambda n: f"{n:,.0f}",
                   date_text=lambda d: f"{d.day} September {d.year}")
    for tick in chart.value_ticks:
        assert chart.left - 6 - len(tick.text) * CHAR_WIDTH >= 0, tick.text
    first, last = chart.date_ticks
    assert first.position + len(first.text) * CHAR_WIDTH < last.position - len(last.text) * CHAR_WIDTH + 40
    assert last.position <= WIDTH
    long_name = "A very long name of an intelligence agency of some government"
    assert legend_label(long_name, "Agency") == "Agency"
    assert PADDING + 36 + len(legend_label("Short name", None)) * CHAR_WIDTH <= WIDTH


GROUP_FACTS = FACTS + """\
  - id: troops-total-us-later
    label: Troops in Russia, later US estimate
    group: troops-total
    value: {min: 11000, max: 12000}
    unit: troops
    date: 2024-12-01
    claimant: us-gov
    status: reported
    sources: [{source: ap-report, excerpt: "North Korea has sent 11,000-12,000 troops to Russia."}]
    reviewed: 2026-11-01
"""


def test_the_trend_shortcode_draws_an_accessible_chart_with_its_table() -> None:
    catalog = link([check_file(n, t.encode()) for n, t in {"data/s.yml": SOURCES, "data/f.yml": GROUP_FACTS}.items()])
    page = convert("<!-- trend:troops-total -->\n", PageContext(catalog, fact_index_url="../facts/"))
    assert page.problems == []
    html = page.html
    assert re.search(r'<svg class="fx-chart__svg" role="img" aria-labelledby="trend-troops-total-title trend-troops-total-desc"', html)
    assert '<title id="trend-troops-total-title">Troops in total</title>' in html
    assert "United States government: 10,000 troops as of 28 October 2024 (reported); 11,000–12,000 troops as of " \
           "1 December 2024 (reported)." in html
    assert html.count('class="fx-trend__marker"') == 3  # two points and the legend's sample
    assert 'class="fx-trend__span"' in html and 'class="fx-trend__line" d="M' in html
    rows = re.findall(r'<tr data-fact="([^"]+)">', html)
    assert rows == ["troops-total-us", "troops-total-us-later"]
    assert 'href="../facts/#troops-total-us-later"' in html


def test_the_trend_placed_by_hand() -> None:
    """Worked by hand for the 420-unit drawing. The top figure 3,000 rounds up to 5,000; the value labels need
    8 + 5 · 8.5 + 6 = 56.5 on the left; the plot runs from 14 to 184 (170 high) and its dates from 66.5 to 396
    (10 days: 32.95 a day)."""
    from mkdocs_explainer.pages.trend import Point, Tick, legend_label, nice_ceiling

    readings = [Reading("a", dt.date(2024, 1, 1), 1000, 1000, "A"), Reading("a", dt.date(2024, 1, 11), 1500, 2500, "A"),
                Reading("b", dt.date(2024, 1, 6), 3000, 3000), Reading("b", dt.date(2024, 1, 11), 1226, 1226)]
    chart = layout(readings)
    assert (chart.left, chart.right, chart.top, chart.bottom, chart.height) == (56.5, 406, 14, 184, 280)
    assert chart.value_ticks == [Tick(184, "0"), Tick(99, "2,500"), Tick(14, "5,000")]
    assert chart.date_ticks == [Tick(66.5, "2024-01-01"), Tick(396, "2024-01-11")]
    a, b = chart.series
    assert (a.label, a.index, a.marker, a.dash, a.legend_y) == ("A", 0, "circle", "", 224)
    assert (b.label, b.index, b.marker, b.dash, b.legend_y) == ("b", 1, "square", "6 4", 248)
    assert a.points == [Point(66.5, 150, 150, 150), Point(396, 116, 133, 99)]
    assert b.points == [Point(231.2, 82, 82, 82), Point(396, 142.3, 142.3, 142.3)]  # 1,226: 184 - 41.68
    assert (a.path, b.path) == ("M66.5 150.0 L396.0 116.0", "M231.2 82.0 L396.0 142.3")
    assert layout([Reading("a", dt.date(2024, 1, 1), 0, 0)]).value_ticks[-1].text == "1"  # zero is a figure too
    assert [nice_ceiling(v) for v in (0.5, 1000, 1001, 2400, 4000, 5001)] == [0.5, 1000, 2000, 2500, 5000, 10000]
    # The legend's room at a drawing 417.5 wide: 417.5 - 2 · 8 - 36 = 365.5, exactly 43 characters of 8.5.
    assert legend_label("x" * 43, "S", 417.5) == "x" * 43
    assert legend_label("x" * 44, "S", 417.5) == "S"
    assert legend_label("x" * 44, None, 417.5) == "x" * 44
    with pytest.raises(ValueError, match=r"^a trend chart needs at least one figure$"):
        layout([])
    with pytest.raises(ValueError, match=r"^a trend chart needs figures of zero or more, with low <= high$"):
        layout([Reading("a", dt.date(2024, 1, 1), 5, 4)])


def test_a_series_of_one_figure_has_a_marker_and_no_line():
    chart = layout([Reading("a", dt.date(2024, 1, 1), 5, 5), Reading("b", dt.date(2024, 1, 2), 6, 6),
                    Reading("b", dt.date(2024, 1, 3), 7, 7)])
    assert [len(s.points) for s in chart.series] == [1, 2] and chart.series[0].path == "" and chart.series[1].path
