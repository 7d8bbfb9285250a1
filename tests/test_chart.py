"""Bar chart geometry: honest lengths, room for the labels, clear errors."""

from __future__ import annotations

import pytest
from mkdocs_explainer.pages.chart import BAR_SHARE, PADDING, WIDTH, Entry, layout


def _entry(low: float, high: float | None = None, label: str = "x") -> Entry:
    return Entry(label=label, value_text=f"{low}", low=low, high=low if high is None else high)


def test_bars_start_at_zero_and_are_proportional_to_the_values() -> None:
    chart = layout([_entry(10000), _entry(11000), _entry(12000)])
    widths = [bar.width for bar in chart.bars]
    assert widths[2] / widths[0] == pytest.approx(12000 / 10000, rel=0.01)
    assert widths[1] / widths[0] == pytest.approx(11000 / 10000, rel=0.01)
    assert chart.x0 == PADDING


def test_the_longest_bar_leaves_room_for_its_value_text() -> None:
    chart = layout([_entry(5), _entry(500)])
    longest = max(chart.bars, key=lambda b: b.width)
    assert longest.width == pytest.approx((WIDTH - 2 * PADDING) * BAR_SHARE, abs=0.1)
    assert longest.text_x > chart.x0 + longest.width
    assert WIDTH - longest.text_x > WIDTH * 0.4


def test_rows_do_not_overlap_and_fit_in_the_height() -> None:
    chart = layout([_entry(1), _entry(2), _entry(3), _entry(4)])
    tops = [bar.label_y for bar in chart.bars]
    assert tops == sorted(tops)
    for above, below in zip(chart.bars, chart.bars[1:], strict=False):
        assert below.label_y > above.y + chart.bar_height
    assert chart.bars[-1].y + chart.bar_height <= chart.height


def test_a_range_draws_its_upper_end_separately() -> None:
    chart = layout([_entry(10000, 12000), _entry(12000)])
    ranged, single = chart.bars
    assert ranged.range_width > 0 and single.range_width == 0
    assert ranged.width + ranged.range_width == pytest.approx(single.width, abs=0.2)


def test_zero_values_do_not_divide_by_zero() -> None:
    chart = layout([_entry(0), _entry(0)])
    assert [bar.width for bar in chart.bars] == [0, 0]


@pytest.mark.parametrize("entries", [[], [_entry(-1)], [Entry("x", "x", 5, 4)]])
def test_impossible_charts_are_refused(entries: list[Entry]) -> None:
    with pytest.raises(ValueError):
        layout(entries)


def test_a_value_too_long_for_the_room_beside_its_bar_goes_on_a_line_below_it() -> None:
    long_text = "more than 20,000 containers (reported)"
    chart = layout([Entry("A", long_text, 20000, 20000), Entry("B", "1,000 (reported)", 1000, 1000)])
    wide, short = chart.bars
    assert wide.text_x == chart.x0 and wide.text_y > wide.y + chart.bar_height
    assert short.text_x > chart.x0 + short.width and short.text_y < short.y + chart.bar_height
    assert short.label_y > wide.text_y  # the next row starts below the moved value


def test_the_bars_placed_by_hand() -> None:
    """Worked by hand for the 420-unit drawing: (420 - 2·8) · 0.45 / 10,000 = 0.01818 units per unit of value; a
    label line of 20 above each bar of 18, rows 14 apart; the value 6 past the bar's end, or on a line of its own
    below the bar when it would run past the right edge (46 characters of 8.5 need 391 of the 379.8 left)."""
    from mkdocs_explainer.pages.chart import Bar

    chart = layout([Entry("A", "8,000", 8000, 8000), Entry("B", "3,000 to 10,000", 3000, 10000),
                    Entry("C", "x" * 46, 1000, 1000)])
    assert chart.bars == [
        Bar("A", "8,000", label_y=22, y=28, width=145.4, range_width=0, text_x=159.4, text_y=41),
        Bar("B", "3,000 to 10,000", label_y=74, y=80, width=54.5, range_width=127.3, text_x=195.8, text_y=93),
        Bar("C", "x" * 46, label_y=126, y=132, width=18.2, range_width=0, text_x=8, text_y=166),
    ]
    assert (chart.x0, chart.height) == (8, 178)
    with pytest.raises(ValueError, match=r"^a chart needs at least one figure$"):
        layout([])
    with pytest.raises(ValueError, match=r"^bars need figures of zero or more, with low <= high$"):
        layout([_entry(5, 4)])


def test_text_lengths_in_average_characters_by_hand() -> None:
    """A Latin letter or digit counts 1, a Hangul, kana or Han character 2, a thin or narrow space 0.5."""
    from mkdocs_explainer.pages.chart import ems, fits

    assert [ems("ab"), ems("한국"), ems("1\u202f000"), ems("8\u2009000"), ems(""), ems("XW")] == [2, 4, 4.5, 4.5, 0, 2]
    assert fits("한국", 34) and not fits("한국", 33.9)  # 4 characters of 8.5
