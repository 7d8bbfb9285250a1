"""Maps as readers see them, in the light and dark palettes and on a phone: what is drawn stands out
from the land it is drawn on, and every marker is in the list below with a link to its card.

axe does not measure contrast inside SVG, so the colours the browser actually computed are compared here
with WCAG's formula: 4.5:1 for text against its halo and for country names against land, 3:1 for
markers, route lines and area outlines against the land and sea (WCAG 1.4.11, non-text contrast)."""

from __future__ import annotations

import pytest

from .browser_support import DESKTOP, PHONE, REPORT, Visitor

MAP_PAGES = ["/deployment/", "/munitions/", "/icbm/"]

COLOURS = """() => {
  const css = el => el && getComputedStyle(el);
  const svg = document.querySelector("svg.fx-map__svg");
  const one = sel => css(svg.querySelector(sel));
  const label = one(".fx-map__label--place"), country = one(".fx-map__label--country");
  return {
    land: one(".fx-map__land path").fill, sea: one(".fx-map__sea").fill,
    marker: (one(".fx-map__marker") || one(".fx-map__area")).fill,
    area: svg.querySelector(".fx-map__area") ? one(".fx-map__area").stroke : null,
    leg: svg.querySelector(".fx-map__leg") ? one(".fx-map__leg").stroke : null,
    label: label.fill, halo: label.stroke, country: country ? country.fill : null,
    markers: svg.querySelectorAll(".fx-map__marker, .fx-map__area").length,
    listed: [...document.querySelectorAll(".fx-map__list a")].map(a => a.getAttribute("href")),
    width: svg.getBoundingClientRect().width,
  };
}"""


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2) of a computed `rgb(r, g, b)` colour."""
    channels = [float(c) / 255 for c in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_map_colours_keep_their_contrast(visitor: Visitor, scheme: str) -> None:
    problems = []
    for path in MAP_PAGES:
        with visitor.open(path, color_scheme=scheme, viewport=DESKTOP) as (page, _):
            c = page.evaluate(COLOURS)
        checks = [("place name on its halo", c["label"], c["halo"], 4.5), ("marker on land", c["marker"], c["land"], 3),
                  ("marker on sea", c["marker"], c["sea"], 3)]
        if c["area"]:
            checks.append(("area outline on land", c["area"], c["land"], 3))
        if c["leg"]:
            checks += [("route on land", c["leg"], c["land"], 3), ("route on sea", c["leg"], c["sea"], 3)]
        if c["country"]:
            checks.append(("country name on land", c["country"], c["land"], 4.5))
        for what, fore, back, least in checks:
            ratio = contrast(fore, back)
            REPORT.append(f"map contrast {scheme} {path}: {what} {ratio:.1f}:1")
            if ratio < least:
                problems.append(f"{scheme} {path}: {what} {ratio:.2f}:1 < {least}:1 ({fore} on {back})")
    assert not problems, "\n".join(problems)


def test_every_marker_is_listed_with_a_link_to_its_card_and_the_map_fits_a_phone(visitor: Visitor) -> None:
    for path in MAP_PAGES:
        with visitor.open(path, viewport=PHONE) as (page, _):
            c = page.evaluate(COLOURS)
        assert c["width"] <= PHONE["width"], f"{path}: the map is {c['width']}px wide"
        assert len([h for h in c["listed"] if h.startswith("../places/#")]) >= c["markers"] > 0, path
        with visitor.open("/places/") as (page, _):
            missing = [h for h in c["listed"] if not page.evaluate("(id) => !!document.getElementById(id)", h.split("#")[1])]
        assert not missing, f"{path}: links to no card: {missing}"
