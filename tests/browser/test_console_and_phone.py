"""Pages load without errors in light and dark mode, and read well on a 375 px phone."""

from __future__ import annotations

from pathlib import Path

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
