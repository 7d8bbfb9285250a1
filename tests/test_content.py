"""The explainer's content as readers get it: pages, numbers traced to data, values that update
everywhere, counts, charts. One build of a copy of the project serves most tests."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from content_site import ROOT, build, built_pages, copy_project, main_text
from explainer.data.catalog import Catalog, build_catalog
from explainer.pages import formatting, maps, shortcodes

PAGES = {
    "index.md": "Home",
    "deployment.md": "Deployment",
    "diplomacy.md": "Diplomacy",
    "munitions.md": "Munitions",
    "icbm.md": "ICBM test",
    "timeline.md": "Timeline",
    "sources.md": "Sources",
    "facts.md": "All facts",
    "places.md": "Places",
    "method.md": "Corrections and method",
    "editing.md": "Editing guide",
}
"""The pages issue 3 asks for, with their titles in the navigation."""

RESEARCH = ROOT.parent / "shared" / "research" / "sources.md"
NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = re.compile(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return build_catalog(ROOT / "data", ROOT)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built once, strictly, from a copy (so the real site/ is never touched)."""
    return build(copy_project(tmp_path_factory.mktemp("content") / "project"))


@pytest.fixture(scope="session")
def pages(site: Path) -> dict[str, str]:
    return built_pages(site)


def _nav_files(nav: Any) -> dict[str, str]:
    """{file: title} for every page in a MkDocs nav, however deeply nested."""
    found: dict[str, str] = {}
    for entry in nav:
        for title, target in entry.items():
            if isinstance(target, list):
                found |= _nav_files(target)
            else:
                found[target] = title
    return found


def _built_path(page: str) -> str:
    return "index.html" if page == "index.md" else f"{page.removesuffix('.md')}/index.html"


# (1) every page exists and is reachable from the navigation


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data: MkDocs tags such as `!ENV [SITE_URL, ""]` read as plain values."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def test_every_page_exists_and_is_in_the_nav(pages: dict[str, str]) -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    nav = _nav_files(config["nav"])
    for page, title in PAGES.items():
        assert (ROOT / "docs" / page).is_file(), f"docs/{page} is missing"
        assert nav.get(page) == title, f"{page} should be in the nav as {title!r}"
        assert _built_path(page) in pages, f"{page} was not built"
    # Every page links to every other through the navigation sidebar.
    home = pages["index.html"]
    for page in PAGES:
        if page != "index.md":
            assert f'href="{page.removesuffix(".md")}/"' in home, f"the home page's navigation has no link to {page}"


# (2) every number and date a reader sees comes from data/


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _traceable(catalog: Catalog) -> tuple[set[str], set[str]]:
    """Dates and numbers a page may show: formatted fact values, record dates, numbers inside data text."""
    dates: set[str] = set()
    numbers: set[str] = set()
    for section in catalog.sections.values():
        for record in section.values():
            for text in _strings(record):
                if ISO_DATE.match(text):
                    dates.add(formatting.format_date(text))
                dates.update(DATE.findall(text))  # a date written inside a note or a correction
                numbers.update(NUMBER.findall(text))
    for fact in catalog["facts"].values():
        numbers.update(NUMBER.findall(formatting.format_value(fact)))
    # Maps: coordinates, radii and regions are numbers in data/; the outlines' attribution and region
    # are in data/basemap.json; a scale bar's length is measured from the data's geometry.
    numbers |= {f"{value:g}" for record in _records(catalog, ("places", "maps")) for value in _numbers(record)}
    basemap = maps.read_basemap(ROOT / "data" / "basemap.json")
    numbers.update(NUMBER.findall(basemap["attribution"]))
    numbers |= {f"{value:g}" for value in basemap["region"].values()}
    for spec in catalog["maps"].values():
        numbers.add(formatting.format_number(maps.layout(catalog, spec, basemap).scale.km))
    return dates, numbers


def _records(catalog: Catalog, sections: tuple[str, ...]) -> list[Any]:
    return [record for section in sections for record in catalog[section].values()]


def _numbers(value: Any) -> list[float]:
    if isinstance(value, bool):
        return []
    if isinstance(value, int | float):
        return [value]
    if isinstance(value, dict):
        return [n for v in value.values() for n in _numbers(v)]
    if isinstance(value, list):
        return [n for v in value for n in _numbers(v)]
    return []


def test_every_number_and_date_in_the_pages_comes_from_data(catalog: Catalog, pages: dict[str, str]) -> None:
    dates, numbers = _traceable(catalog)
    untraced = []
    for path, html in pages.items():
        text = main_text(html)
        assert text, f"{path}: no main text found"
        for date in DATE.findall(text):
            if date not in dates:
                untraced.append(f"{path}: date {date!r}")
        # No structural numbers are allowed: headings carry none, and counts are never printed.
        for number in NUMBER.findall(DATE.sub(" ", text)):
            if number not in numbers:
                untraced.append(f"{path}: number {number!r}")
    assert not untraced, "numbers or dates that trace to nothing in data/:\n" + "\n".join(untraced)


def test_the_trace_check_would_catch_a_typed_number(catalog: Catalog) -> None:
    # Guards the test above: a figure typed into a page must not slip through as "traceable".
    dates, numbers = _traceable(catalog)
    assert "9,999" not in numbers and "4 July 2021" not in dates
    assert formatting.format_value(catalog["facts"]["troops-near-kursk"]).split()[-2] in numbers


def test_page_sources_have_no_typed_figures_outside_code() -> None:
    # Prose must point at data: any digit outside code and shortcodes is a figure typed by hand.
    code = re.compile(r"^(`{3,}|~{3,}).*?^\1\s*$|`[^`\n]+`", re.M | re.S)
    offenders = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = shortcodes.SHORTCODE.sub(" ", code.sub(" ", path.read_text(encoding="utf-8")))
        for number, line in ((m.group(), text.count("\n", 0, m.start()) + 1) for m in re.finditer(r"\d+", text)):
            offenders.append(f"{path.relative_to(ROOT)}: {number!r} near line {line}")
    assert not offenders, "\n".join(offenders)


# (3) a value changed in data/ changes on every page that shows it


def test_changing_a_value_changes_it_on_every_page(
    catalog: Catalog, pages: dict[str, str], tmp_path: Path
) -> None:
    fact = catalog["facts"]["troops-total-us"]
    shown_on = {p for p, html in pages.items() if f'data-fact="{fact["id"]}"' in html or f'#{fact["id"]}"' in html}
    assert {"index.html", "deployment/index.html", "facts/index.html", "timeline/index.html"} <= shown_on

    project = copy_project(tmp_path / "project")
    data_file = project / "data" / "deployment.yml"
    text = data_file.read_text(encoding="utf-8")
    old_line = f"value: {fact['value']}\n    qualifier: {fact['qualifier']}\n    unit: {fact['unit']}\n    date: {fact['date']}"
    assert text.count(old_line) == 1
    data_file.write_text(text.replace(old_line, old_line.replace(f"value: {fact['value']}", "value: 43217")), encoding="utf-8")
    changed = built_pages(build(project))

    new_value = formatting.format_value({**fact, "value": 43217})
    old_value = formatting.format_value(fact)
    assert {p for p, html in changed.items() if new_value in html} == shown_on
    others = [f for f in catalog["facts"].values() if f["id"] != fact["id"] and formatting.format_value(f) == old_value]
    if not others:
        assert not [p for p, html in changed.items() if old_value in html], "the old value is still shown somewhere"
    # The chart's text alternative follows too.
    desc = re.search(r'<desc id="chart-troops-in-russia-desc">(.*?)</desc>', changed["deployment/index.html"], re.S)
    assert desc and new_value in desc.group(1)


# (4) counts


def test_there_are_enough_items_and_sources(catalog: Catalog) -> None:
    assert len(catalog.items) >= 40
    assert len(catalog["sources"]) >= 20
    for source in catalog["sources"].values():
        assert source["url"].startswith(("http://", "https://")), source["id"]
        # Only a reference work (a gazetteer entry cited for a place's position) may lack a date.
        assert source["published"] or not any(r["id"] in catalog.items for r in catalog.citing(source["id"])), source["id"]


def test_every_source_is_cited_and_listed(catalog: Catalog, pages: dict[str, str]) -> None:
    bibliography = pages["sources/index.html"]
    for source_id, source in catalog["sources"].items():
        assert catalog.citing(source_id), f"source {source_id} is cited by nothing"
        assert f'id="{source_id}"' in bibliography
        assert f'href="{source["url"].replace("&", "&amp;")}"' in bibliography


def test_every_correction_is_on_the_method_page(catalog: Catalog, pages: dict[str, str]) -> None:
    method = pages["method/index.html"]
    assert catalog["corrections"]
    for correction_id in catalog["corrections"]:
        assert f'id="{correction_id}"' in method


@pytest.mark.skipif(not RESEARCH.is_file(), reason="the research notes are not beside this checkout")
def test_sources_and_quotes_come_from_the_research_notes(catalog: Catalog) -> None:
    notes = re.sub(r"\s+", " ", RESEARCH.read_text(encoding="utf-8")).replace("’", "'")
    for source in catalog["sources"].values():
        assert source["url"] in notes, f"{source['id']}: URL not in the research notes"
    for quote in catalog["quotes"].values():
        text = re.sub(r"\s+", " ", quote["text"]).replace("’", "'")
        assert text in notes, f"{quote['id']}: not verbatim from the research notes"


# (5) charts


def test_charts_have_a_text_alternative_and_a_table(catalog: Catalog, pages: dict[str, str]) -> None:
    charted = 0
    chart_and_table = re.compile(
        r'<figure class="fx-chart" id="chart-([a-z0-9-]+)">(.*?)</figure>\s*(<div class="fx-estimates.*?</table>)', re.S
    )
    for path, html in pages.items():
        for match in chart_and_table.finditer(html):
            group_id, figure, table = match.groups()
            charted += 1
            svg = re.search(r"<svg[^>]*>", figure).group(0)
            assert 'role="img"' in svg and f'aria-labelledby="chart-{group_id}-title chart-{group_id}-desc"' in svg
            title = re.search(rf'<title id="chart-{group_id}-title">(.+?)</title>', figure)
            desc = re.search(rf'<desc id="chart-{group_id}-desc">(.+?)</desc>', figure, re.S)
            assert title and desc, f"{path}: chart {group_id} lacks a title or description"
            for fact in catalog.group_members(group_id):
                value = formatting.format_value(fact)
                owner = catalog.claimant_of(fact)["name"].replace("'", "&#39;")
                assert value in desc.group(1) and owner in desc.group(1), f"{path}: {fact['id']} missing from the description"
                assert f'data-fact="{fact["id"]}"' in table, f"{path}: {fact['id']} missing from the table"
    assert charted >= 1


# the status of every shown fact is visible


def test_every_shown_value_carries_a_status_word(pages: dict[str, str]) -> None:
    for path in ("deployment/index.html", "diplomacy/index.html", "munitions/index.html", "icbm/index.html"):
        html = pages[path]
        for match in re.finditer(r'<span class="fx-fact" data-fact="([^"]+)">(.*?)</span></span>', html, re.S):
            assert re.search(r'class="fx-status fx-status--\w+"[^>]*>\w+<', match.group(2)), f"{path}: {match.group(1)}"


def test_dates_written_in_data_text_carry_the_year(catalog: Catalog) -> None:
    bare = re.compile(rf"\b\d{{1,2}} (?:{MONTHS})\b(?!,? \d{{4}})")
    offenders = [
        f"{record.get('id')}: {text!r}"
        for section in catalog.sections.values() for record in section.values()
        for text in _strings(record) if bare.search(text)
    ]
    assert not offenders, "\n".join(offenders)
