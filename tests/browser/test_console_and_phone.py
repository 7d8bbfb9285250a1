"""Pages load without errors in light and dark mode, and read well on a 375 px phone."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Route

from .browser_support import AXE_RUN, PHONE, REPORT, Survey, Visitor

MIN_TEXT_PX = 12


def test_no_console_errors_in_light_or_dark_mode(light: dict[str, Survey], dark: dict[str, Survey]) -> None:
    errors = []
    for setting, surveys, scheme in (("light", light, "default"), ("dark", dark, "slate")):
        for path, survey in surveys.items():
            REPORT.append(f"console {setting} {path}: {len(survey.visit.errors)} errors")
            errors += [f"{setting} {path}: {error}" for error in survey.visit.errors]
            # The palette follows the reader's system setting; a wrong scheme would make this check half-blind.
            if survey.scheme != scheme:
                errors.append(f"{setting} {path}: colour scheme {survey.scheme!r}, expected {scheme!r}")
    assert not errors, "\n".join(errors)


def test_no_page_scrolls_sideways_on_a_phone(phone: dict[str, Survey]) -> None:
    wide = []
    for path, survey in phone.items():
        layout = survey.layout
        REPORT.append(f"phone {path}: scrollWidth {layout['scrollWidth']} / clientWidth {layout['clientWidth']}")
        if layout["scrollWidth"] > layout["clientWidth"]:
            wide.append(f"{path}: {layout['scrollWidth']}px wide in a {layout['clientWidth']}px screen")
    assert not wide, "pages scroll horizontally at 375 px:\n" + "\n".join(wide)


def test_nothing_moves_while_a_page_loads_on_a_phone(phone: dict[str, Survey]) -> None:
    """Cumulative layout shift 0 (issue 19): the header's buttons that Material's script shows (search, colour
    toggle) have their room from the first paint, and nothing the hooks add grows after it."""
    moved = [f"{path}: {shift['value']:.4f} ({'; '.join(shift['moved'])})"
             for path, survey in phone.items() for shift in survey.layout["shifts"]]
    assert moved == []


# Each element a reader sees (an empty box is not drawn), keyed by its place in the tree (the same in a cut page as in the whole one), with
# where it starts on the screen.
DRAWN = """() => {
  const key = el => { const path = []; for (; el.parentElement; el = el.parentElement)
    path.unshift([...el.parentElement.children].indexOf(el)); return path.join("."); };
  return Object.fromEntries([...document.querySelectorAll(".md-header__inner *, article figure, article figure > *")]
    .map(el => [el, el.getBoundingClientRect()])
    .filter(([el, box]) => box.width && box.height && getComputedStyle(el).visibility === "visible")
    .map(([el, box]) => {
      return [key(el), [el.tagName.toLowerCase() + "." + (el.getAttribute("class") || ""), Math.round(box.x), Math.round(box.y)]]; }));
}"""
# Where a slow phone's parser may stop for a paint: after any element of the header, or of a figure (within a
# drawing, only after the whole of it: its lines and labels are placed by the drawing, not by the page).
CLOSING_TAG = re.compile(r"</(?!text|tspan|rect|path|line|circle|polygon|polyline|g|marker|defs)[a-z]+>")


def cuts(html: str) -> list[int]:
    spans = [(match.start(), html.index("</header>"))
             for match in re.finditer(r"<header\b", html)]
    spans += [(match.start(), html.index("</figure>", match.start())) for match in re.finditer(r"<figure\b", html)]
    return sorted({tag.end() for start, end in spans for tag in CLOSING_TAG.finditer(html, start, end)})


def answer_with(body: str) -> Callable[[Route], None]:
    return lambda route: route.fulfill(body=body, content_type="text/html; charset=utf-8")


def test_what_a_slow_phone_paints_early_stays_where_it_is(visitor: Visitor) -> None:
    """Layout shift 0 also when the browser paints a page it has only parsed in part (a slow phone does, in CI
    one load in twenty): whatever of the header and of a chart, map or quotation is already drawn must not move
    when the rest arrives. Each cut is loaded as the page itself, from the page's own address."""
    moved = []
    for path in ("/ko/icbm/", "/munitions/"):
        html = (visitor.site.root / path.strip("/") / "index.html").read_text(encoding="utf-8")
        with visitor.open(path, viewport=PHONE) as (page, _):
            whole = page.evaluate(DRAWN)
            # once loaded, the header shows its buttons (the rule that waits for the whole header lets go)
            assert {"label.md-header__button md-icon", "button.md-header__button md-icon"} <= {
                name for name, _, _ in whole.values()}, path
            for cut in cuts(html):
                page.route(visitor.site.url(path), answer_with(html[:cut]))
                page.goto(visitor.site.url(path), wait_until="load")
                page.unroute(visitor.site.url(path))
                for key, (name, x, y) in page.evaluate(DRAWN).items():
                    # Across, anywhere; down, on the first screen only (what the script changes further up the
                    # page once loaded moves what is below the screen, which no reader sees move).
                    if key in whole and (whole[key][1] != x or (whole[key][2] != y and y < PHONE["height"])):
                        moved.append(f"{path} cut after {html[cut - 40:cut]!r}: {name} at {x},{y}, then at "
                                     f"{whole[key][1]},{whole[key][2]}")
    assert not moved, "\n".join(moved[:20])


def test_tables_and_charts_stay_readable_on_a_phone(phone: dict[str, Survey]) -> None:
    problems = []
    for path, survey in phone.items():
        for kind in ("tables", "charts"):
            for item in survey.layout[kind]:
                name = item.get("table") or item.get("chart")
                if not item["fits"]:
                    problems.append(f"{path}: {kind[:-1]} {name!r} is wider than the screen and not in a scroll box")
                if item.get("cut"):
                    problems.append(f"{path}: {kind[:-1]} {name!r} cuts off its text at the edge: {item['cut']}")
                if item["smallest"] is not None and item["smallest"] < MIN_TEXT_PX:
                    problems.append(f"{path}: {kind[:-1]} {name!r} has {item['smallest']:.1f}px text (< {MIN_TEXT_PX}px)")
    assert not problems, "\n".join(problems)


WIDE_TABLE = """() => {
  const wrap = document.createElement("div");
  wrap.className = "md-typeset__scrollwrap";
  wrap.innerHTML = '<div class="md-typeset__table"><table><caption>Wide</caption><tr>'
    + '<td style="white-space: nowrap">' + "a cell far wider than any phone screen ".repeat(4) + "</td></tr></table></div>";
  document.querySelector("article").append(wrap);
  dispatchEvent(new Event("resize"));
  return [wrap.getAttribute("tabindex"), wrap.getAttribute("role"), wrap.getAttribute("aria-label")];
}"""


def test_a_table_that_scrolls_on_a_phone_can_be_scrolled_by_keyboard(visitor: Visitor, axe_script: Path) -> None:
    # Tables scroll inside their wrapper on a phone; a keyboard user needs to focus it to scroll it.
    with visitor.open("/", viewport=PHONE) as (page, _):
        assert page.evaluate(WIDE_TABLE) == ["0", "region", "Wide"]
        page.add_script_tag(path=str(axe_script))
        rules = {violation["id"] for violation in page.evaluate(AXE_RUN)}
    assert "scrollable-region-focusable" not in rules
