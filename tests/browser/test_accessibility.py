"""Every page works with a screen reader and a keyboard: axe finds nothing serious, charts and badges speak."""

from __future__ import annotations

from mkdocs_explainer import i18n
from mkdocs_explainer.pages.formatting import status_name
from mkdocs_explainer.siteinfo import STATUS_MEANING

from .browser_support import REPORT, Survey, language_of

SERIOUS = ("serious", "critical")


def test_axe_reports_no_serious_or_critical_violation(light: dict[str, Survey], dark: dict[str, Survey], phone: dict[str, Survey]) -> None:
    found = []
    for setting, surveys in (("light", light), ("dark", dark), ("phone", phone)):
        for path, survey in surveys.items():
            serious = [v for v in survey.axe if v["impact"] in SERIOUS]
            REPORT.append(f"axe {setting} {path}: {len(serious)} serious/critical, {len(survey.axe) - len(serious)} minor")
            found += [f"{setting} {path}: {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"][:5]) for v in serious]
    assert not found, "axe violations:\n" + "\n".join(found)


def test_charts_have_text_alternatives(light: dict[str, Survey]) -> None:
    missing = [
        f"{path}: {chart['chart']} (role={chart['role']!r}, name={chart['name']!r})"
        for path, survey in light.items()
        for chart in survey.charts
        if chart["role"] != "img" or len(chart["name"]) < 10
    ]
    REPORT.append(f"charts: {sum(len(s.charts) for s in light.values())} svg images in articles, {len(missing)} without a text alternative")
    assert not missing, "charts without a text alternative (role=img and an aria-label/title of a sentence):\n" + "\n".join(missing)


def test_status_badges_say_their_status_in_words(light: dict[str, Survey]) -> None:
    badges = [(path, badge) for path, survey in light.items() for badge in survey.badges]
    wrong = []
    for path, badge in badges:
        status = next((s for s in STATUS_MEANING if f"fx-status--{s}" in badge["classes"].split()), None)
        with i18n.use(language_of(path)):  # the status's name in the page's language
            word = status_name(status) if status else None
        if word is None or word not in badge["text"].lower() or not badge["visible"]:
            wrong.append(f"{path}: class {badge['classes']!r} shows {badge['text']!r} (visible: {badge['visible']})")
    REPORT.append(f"status badges: {len(badges)} checked, {len(wrong)} conveyed by colour alone")
    assert badges, "no status badge found on any page: the check would prove nothing"
    assert not wrong, "status badges whose text does not name the status:\n" + "\n".join(wrong)


def test_keyboard_focus_is_visible(light: dict[str, Survey]) -> None:
    invisible = []
    links = 0
    for path, survey in light.items():
        stops = [stop for stop in survey.focus if stop["visible"]]
        links += sum(stop["link"] for stop in stops)
        assert any(stop["link"] for stop in stops), f"{path}: Tab never reached a link"
        if stops and stops[0]["articleLinks"]:
            assert any(stop["link"] and stop["inArticle"] for stop in stops), f"{path}: Tab never reached a link in the article"
        for stop in stops:
            ringed = (stop["outline"] or stop["shadow"]) and stop["ring"] != stop["unfocused"]
            if not ringed:
                invisible.append(f"{path}: <{stop['tag']}> {stop['name']!r}: focused {stop['ring']} / unfocused {stop['unfocused']}")
    REPORT.append(f"keyboard focus: {links} links tabbed to, {len(invisible)} focus stops without a visible ring")
    assert not invisible, "focus not visible:\n" + "\n".join(invisible)


def test_embedded_figures_pass_axe_fit_a_phone_and_load_nothing_else(embeds: dict[str, Survey]) -> None:
    """embed/<id>/: no serious axe violation, no sideways scrolling, no script and no request to another site."""
    found = []
    for path, survey in embeds.items():
        serious = [v for v in survey.axe if v["impact"] in SERIOUS]
        REPORT.append(f"axe embed {path}: {len(serious)} serious/critical, {len(survey.axe) - len(serious)} minor; "
                      f"{sum(item.gzip_bytes for item in survey.loaded) / 1000:.1f} KB gzip")
        found += [f"{path}: {v['id']} ({v['impact']}): {v['help']}" for v in serious]
        if survey.layout["scrollWidth"] > survey.layout["clientWidth"]:
            found.append(f"{path}: scrolls sideways on a phone")
        found += [f"{path}: loads {url}" for url, kind in survey.visit.requests
                  if kind == "script" or not url.startswith(survey.visit.requests[0][0].split("/embed/")[0])]
        found += [f"{path}: {error}" for error in survey.visit.errors]
    assert not found, "embedded figures:\n" + "\n".join(found)
