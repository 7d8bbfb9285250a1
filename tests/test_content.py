"""The explainer's content as readers get it: pages, numbers traced to data, values that update
everywhere, counts, charts. One build of a copy of the project serves most tests."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from ci import ci_enabled
from content_site import ROOT, build, built_pages, copy_project, main_text
from mkdocs_explainer.data import evidence
from mkdocs_explainer.data.catalog import Catalog, build_catalog
from mkdocs_explainer.pages import formatting, maps, shortcodes

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



def _research_dir() -> Path:
    """The research notes: $EXPLAINER_RESEARCH_DIR, else the documented place, ../shared/research beside the
    checkout (never a folder found by searching upwards, which could be anybody's)."""
    if os.environ.get("EXPLAINER_RESEARCH_DIR"):
        return Path(os.environ["EXPLAINER_RESEARCH_DIR"])
    return ROOT.parent / "shared" / "research"


RESEARCH_DIR = _research_dir()
RESEARCH = RESEARCH_DIR / "sources.md"
RESEARCH_FILES = (
    RESEARCH,
    RESEARCH_DIR / "sources-2024-addendum.md",
    RESEARCH_DIR / "record-2024-supplement.md",
    RESEARCH_DIR / "sources-2025-addendum.md",
)
"""Every file of notes the data may cite: an excerpt must stand verbatim, under its source's address, in one of them."""
ARTICLE = RESEARCH_DIR / "source-article.txt"
RESEARCH_MISSING = [path for path in (*RESEARCH_FILES, ARTICLE) if not path.is_file()]
# Like every other check that needs something outside the repository: skipped on a laptop, a failure in CI.
needs_research = pytest.mark.skipif(
    bool(RESEARCH_MISSING) and not ci_enabled(),
    reason=f"the research notes are not in {RESEARCH_DIR} (set EXPLAINER_RESEARCH_DIR)",
)


def test_the_research_notes_are_there_in_ci():
    if RESEARCH_MISSING and not ci_enabled():
        pytest.skip(f"the research notes are not in {RESEARCH_DIR} (set EXPLAINER_RESEARCH_DIR)")
    assert not RESEARCH_MISSING, f"missing research notes (CI): {', '.join(map(str, RESEARCH_MISSING))}"


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
    # The licence's name ("CC BY 4.0") is the site's setting, not a figure of the story.
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    numbers.update(NUMBER.findall(str(config["extra"]["explainer"].get("license") or "")))
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
    # An editor changes the figure and, with it, the source's words it rests on (the build checks both).
    start = text.index(f"- id: {fact['id']}\n")
    end = text.find("\n  - id:", start)
    block = text[start:end]
    new_block = block.replace(old_line, old_line.replace(f"value: {fact['value']}", "value: 43217"))
    new_block = new_block.replace(formatting.format_number(fact["value"]), formatting.format_number(43217))
    data_file.write_text(text.replace(block, new_block), encoding="utf-8")
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


def _plain(text: str) -> str:
    """Text compared as words: runs of whitespace are one space, typographic quotes are straight, and a
    quotation mark the notes escape inside a quoted passage (\\") is the source's own quotation mark."""
    text = re.sub(r"\s+", " ", text).strip().replace('\\"', '"')
    return text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'}))


def _passages(path: Path) -> list[str]:
    """The notes cut into their bullet points (a wrapped line joins its bullet), each as plain words."""
    chunks = re.split(r"\n(?=\s*(?:[-|#]|\n))", path.read_text(encoding="utf-8"))
    return [_plain(chunk) for chunk in chunks if chunk.strip()]


def _citations(data_dir: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """(file, item id, citation) for every citation that carries an excerpt, read from the YAML itself."""
    found = []
    for path in sorted(data_dir.glob("*.yml")):
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for section in ("facts", "quotes", "events", "corrections"):
            for item in content.get(section) or []:
                for citation in item.get("sources") or []:
                    if isinstance(citation, dict) and citation.get("excerpt"):
                        found.append((path.name, item["id"], citation))
    return found


# The tag after a passage's quoted words says whether they were seen verbatim.
_TAG = re.compile(r"\*\*(UN)?VERIFIED\b")


def _tag_after(passage: str, excerpt: str) -> str | None:
    """'VERIFIED' or 'UNVERIFIED': the first tag after the excerpt in the passage (None if untagged)."""
    match = _TAG.search(passage, passage.index(excerpt) + len(excerpt))
    return None if match is None else match.group(0).strip("*")


def test_the_unverified_tag_check_reads_the_tag_after_the_words() -> None:
    # Guards the test below: words the notes tag UNVERIFIED must not pass as verified.
    passage = _plain('x "one" — **VERIFIED**; "two" — **UNVERIFIED** (paraphrase)')
    assert _tag_after(passage, "one") == "VERIFIED" and _tag_after(passage, "two") == "UNVERIFIED"


@needs_research
def test_sources_and_quotes_come_from_the_research_notes(catalog: Catalog) -> None:
    notes = " ".join(_plain(path.read_text(encoding="utf-8")) for path in RESEARCH_FILES)
    for source in catalog["sources"].values():
        assert source["url"] in notes, f"{source['id']}: URL not in the research notes"
    for quote in catalog["quotes"].values():
        assert _plain(quote["text"]) in notes, f"{quote['id']}: not verbatim from the research notes"


@needs_research
def test_every_excerpt_is_verbatim_from_a_verified_passage_of_the_notes() -> None:
    passages = [passage for path in RESEARCH_FILES for passage in _passages(path)]
    citations = _citations(ROOT / "data")
    assert len(citations) >= 60, "most facts and quotes should carry an excerpt"
    problems = []
    for file, item_id, citation in citations:
        excerpt = _plain(citation["excerpt"])
        where = [passage for passage in passages if excerpt in passage]
        if not where:
            problems.append(f"data/{file}: {item_id} ({citation['source']}): excerpt not found verbatim in the notes")
        elif any(_tag_after(passage, excerpt) == "UNVERIFIED" for passage in where):
            problems.append(f"data/{file}: {item_id} ({citation['source']}): excerpt comes from a passage tagged UNVERIFIED")
    assert not problems, "\n".join(problems)


def _sections(path: Path) -> list[str]:
    """The notes cut at their `## ` headings, each as plain words."""
    return [_plain(part) for part in re.split(r"\n(?=## )", path.read_text(encoding="utf-8"))]


@needs_research
def test_each_excerpt_sits_under_its_own_source_in_the_notes(catalog: Catalog) -> None:
    # Words found in the notes, but under another source's address, would be cited to the wrong page.
    # The notes refer back to an address given earlier in the same file, as "(AP above)" or
    # "(URL in §5)": that counts.
    problems = []
    for file, item_id, citation in _citations(ROOT / "data"):
        url, excerpt = catalog["sources"][citation["source"]]["url"], _plain(citation["excerpt"])
        placed = False
        for path in RESEARCH_FILES:
            sections = _sections(path)
            for number, section in enumerate(sections):
                if excerpt not in section:
                    continue
                earlier = " ".join(sections[: number + 1])
                refers_back = bool(re.search(r"\babove\b|URL (?:as )?in §", section)) and url in earlier
                placed = placed or url in section or refers_back
        if not placed:
            problems.append(f"data/{file}: {item_id}: excerpt is not given under {citation['source']}'s address in the notes")
    assert not problems, "\n".join(problems)


@needs_research
def test_corrections_quote_the_article_verbatim(catalog: Catalog, pages: dict[str, str]) -> None:
    article = _plain(ARTICLE.read_text(encoding="utf-8"))
    method = main_text(pages["method/index.html"])
    for correction in catalog["corrections"].values():
        assert _plain(correction["article"]) in article, f"{correction['id']}: `article` is not the article's own words"
        # Readers see the article's words in quotation marks before the record's.
        shown = method.index(f"“{correction['article']}”")
        assert shown < method.index(correction["record"][:40]), correction["id"]


def test_no_reader_facing_text_says_seed(site: Path) -> None:
    offenders = [
        str(path.relative_to(site))
        for path in site.rglob("*")
        if path.suffix in {".html", ".xml", ".json", ".csv", ".txt"} and re.search(r"\bseed\b", path.read_text(encoding="utf-8"), re.I)
    ]
    assert not offenders, "reader-facing files that say 'seed': " + ", ".join(offenders)


def test_every_page_states_the_scope(pages: dict[str, str]) -> None:
    for path, html in pages.items():
        assert 'class="fx-scope"' in html, f"{path}: no scope note"
        assert "Period covered" in main_text(html) and "#what-this-site-covers" in html, path
    assert 'id="what-this-site-covers"' in pages["method/index.html"]


def test_the_home_page_key_figure_for_munitions_is_the_latest_count(catalog: Catalog, pages: dict[str, str]) -> None:
    counts = catalog.group_members("containers-count")
    latest = max(counts, key=lambda fact: fact["date"])
    home = pages["index.html"]
    cards = re.findall(r'<div class="fx-keyfigure" data-fact="([^"]+)"', home)
    shown = [fact for fact in counts if fact["id"] in cards]
    assert [fact["id"] for fact in shown] == [latest["id"]], "the home page should show the newest container count, and only it"
    assert formatting.format_date(latest["date"]) in main_text(home)


def test_the_treaty_ratification_is_on_the_timeline_in_order(pages: dict[str, str]) -> None:
    timeline = pages["timeline/index.html"]
    steps = ["treaty-signed", "duma-ratifies", "federation-council-approves", "putin-signs-ratification", "kim-ratifies", "treaty-in-force"]
    positions = [timeline.find(f'data-fact="{step}"') for step in steps]
    assert all(p >= 0 for p in positions), dict(zip(steps, positions, strict=True))
    assert positions == sorted(positions)


def test_every_fact_and_quote_has_the_sources_words_or_a_reason(catalog: Catalog) -> None:
    # The real data meets the rule the build enforces once excerpts are required (evidence.EXCERPTS_REQUIRED).
    problems = [
        f"{item['id']}: {finding.field}: {finding.message}"
        for item in catalog.items.values() for finding in evidence.check_item(item, required=True)
    ]
    assert not problems, "\n".join(problems)
    unverified = [item for item in catalog.items.values() if item["status"] == "unverified"]
    assert all(item.get("unverified_reason") for item in unverified if item["kind"] in ("fact", "quote"))


def test_hedges_of_the_record_are_kept(catalog: Catalog) -> None:
    # The fact-check's findings: these figures carry the record's own hedge, never a substitute.
    expected = {"troops-near-kursk": "as many as", "troops-kursk-un": "some", "russian-casualties": "more than",
                "troops-total-rok": None, "icbm-apogee-japan": "over",
                # issue 16's re-audit: the record says "approximately", "roughly", "as many as", "as much as", "an estimated"
                "troops-total-budanov": "approximately", "depot-distance": "roughly", "rounds-msmt-2024": "as many as",
                "ammunition-share-budanov": "as much as", "containers-dia-2025": "an estimated"}
    for fact_id, qualifier in expected.items():
        assert catalog["facts"][fact_id].get("qualifier") == qualifier, fact_id


@needs_research
def test_every_file_of_notes_is_read_by_the_content_checks() -> None:
    # A new file of research notes must not be left out of the excerpt checks (issue 16 added two).
    notes = {path.name for path in RESEARCH_DIR.glob("*.md") if path.name != "README.md"}
    assert notes <= {path.name for path in RESEARCH_FILES}, notes - {path.name for path in RESEARCH_FILES}
    # and each file holds words the data cites: the checks are not passing on an empty file
    cited = [_plain(citation["excerpt"]) for _, _, citation in _citations(ROOT / "data")]
    for path in RESEARCH_FILES:
        text = " ".join(_passages(path))
        assert any(excerpt in text for excerpt in cited), f"no excerpt in data/ comes from {path.name}"


def _newest_dated_item(catalog: Catalog) -> dict[str, Any]:
    return max(catalog.items.values(), key=lambda item: str(item["date"]))


def test_the_scope_line_reaches_the_newest_dated_item(catalog: Catalog, pages: dict[str, str]) -> None:
    # Issue 16: the scope moves with the record. The newest item's month and year are in the scope note
    # on every page, in the site's description, and on the method page's "What this site covers".
    newest = formatting.format_date(_newest_dated_item(catalog)["date"])
    month_year = newest.split(" ", 1)[1]
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    assert month_year in config["site_description"], month_year
    for path, html in pages.items():
        scope = re.search(r'<aside class="fx-scope".*?</aside>', html, re.S)
        assert scope and month_year in scope.group(0), f"{path}: scope note does not reach {month_year}"
    method = main_text(pages["method/index.html"])
    covers = method[method.index("What this site covers"):method.index("Last updated")]
    assert newest in covers and "not shown" not in covers


def test_the_home_page_answers_what_is_the_latest(catalog: Catalog, pages: dict[str, str]) -> None:
    home = main_text(pages["index.html"])
    assert "What is the latest?" in home
    latest = home[home.index("What is the latest?"):home.index("Key figures")]
    assert formatting.format_date(_newest_dated_item(catalog)["date"]) in latest
    # newest first, each with its date
    shown = DATE.findall(latest)
    assert len(shown) >= 3
    order = [re.sub(r"\s+", " ", d) for d in shown]
    assert order == sorted(order, key=lambda d: formatting_date_key(d), reverse=True), order


def formatting_date_key(text: str) -> tuple[int, int, int]:
    day, month, year = text.split()
    return int(year), MONTHS.split("|").index(month), int(day)


def test_corrections_are_listed_only_where_the_article_was_wrong(catalog: Catalog) -> None:
    # Issue 16: a fair rounding ("approximately 8,000"), a figure right for its date ("more than $59
    # billion"), a dateline nothing shows, and wording we merely could not confirm are not errors.
    for not_an_error in ("kursk-hedge", "aid-figure", "launch-timing", "joint-statement-wording"):
        assert not_an_error not in catalog["corrections"], not_an_error
    assert {"containers-by-sea", "containers-when", "blinken-words", "austin-words"} <= set(catalog["corrections"])
    for correction in catalog["corrections"].values():
        assert "where the report was written" not in correction["record"], correction["id"]


ISSUE_16_REVISIONS = (
    "troops-total-budanov", "depot-distance", "shipment-port", "shipment-depot", "transport-mode", "treaty-article-4",
    "icbm-flight-kcna", "icbm-apogee-kcna", "icbm-distance-kcna", "containers", "ukraine-clashes-kovalenko",
    "containers-dec-2024", "russian-uniforms", "state-dept-combat",
)
"""Items issue 16 changed on the record (a figure, hedge, wording or status): each change is dated and explained."""


def test_issue_16s_changes_are_in_the_history_and_the_feed(catalog: Catalog, site: Path) -> None:
    feed = (site / "changes.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<entry>(.*?)</entry>", feed, re.S)
    for item_id in ISSUE_16_REVISIONS:
        revision = catalog.item(item_id)["revisions"][-1]
        assert str(revision["date"]) == "2026-12-05" and revision.get("reason"), item_id
        entry = next((e for e in entries if f'#{item_id}"' in e), None)
        assert entry is not None and "<title>Changed:" in entry, f"{item_id}: no 'Changed' entry in the feed"


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


def _own_words(record: Any) -> Any:
    """A record without the sources' words (excerpts, a quotation's text): what our editors wrote."""
    if isinstance(record, dict):
        return {k: _own_words(v) for k, v in record.items() if k != "excerpt" and not (k == "text" and "occasion" in record)}
    if isinstance(record, list):
        return [_own_words(v) for v in record]
    return record


def test_dates_written_in_data_text_carry_the_year(catalog: Catalog) -> None:
    # Our own words carry the year; a source's words ("captured alive on 26 December") stay as written.
    bare = re.compile(rf"\b\d{{1,2}} (?:{MONTHS})\b(?!,? \d{{4}})")
    offenders = [
        f"{record.get('id')}: {text!r}"
        for section in catalog.sections.values() for record in section.values()
        for text in _strings(_own_words(record)) if bare.search(text)
    ]
    assert not offenders, "\n".join(offenders)


def test_inferred_dates_are_never_shown_as_stated(catalog: Catalog, pages: dict[str, str]) -> None:
    # The $59 billion briefing was "on Tuesday": wherever its day is shown, it is marked inferred.
    inferred = [item for item in catalog.items.values() if item.get("date_inferred")]
    assert {"us-aid-ukraine", "dia-russian-help"} <= {item["id"] for item in inferred}
    shown = 0
    for item in inferred:
        day = formatting.format_date(item["date"])
        for path, html in pages.items():
            for match in re.finditer(rf'data-fact="{item["id"]}">(.*?)</span></span>', html, re.S):
                text = main_text(f'<article class="md-content__inner">{match.group(1)}</article>')
                assert day not in text or f"{day} (date inferred)" in text, f"{path}: {item['id']} shows {day} as stated"
                shown += day in text
    assert shown, "the check above found no inferred date to look at"


FACT_CHECK_CORRECTIONS = (
    "troops-near-kursk", "troops-kursk-un", "troops-total-rok", "evstigneeva-court", "russian-casualties",
    "us-aid-ukraine", "icbm-launch", "icbm-apogee-japan", "previous-icbm-launch", "scm-meeting", "unsc-exchange",
)
"""Items the fact-check of issue 10 corrected: each change is in the data's history and in the feed."""


def test_the_fact_checks_corrections_reach_the_change_feed(catalog: Catalog, site: Path) -> None:
    feed = (site / "changes.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<entry>(.*?)</entry>", feed, re.S)
    for item_id in FACT_CHECK_CORRECTIONS:
        revisions = catalog.item(item_id)["revisions"]
        assert "2026-12-01" in [str(r["date"]) for r in revisions], item_id  # the fact-check's own change
        revision = revisions[-1]  # the feed tells the newest change (a later one may follow the fact-check's)
        entry = next((e for e in entries if re.search(f'href="facts/[a-z/]*#{item_id}"', e)), None)
        assert entry is not None and "<title>Changed:" in entry, f"{item_id}: no 'Changed' entry in the feed"
        change = revision["change"].replace('"', "&quot;")
        assert change[:40] in entry or revision["change"][:40] in entry, f"{item_id}: the feed entry lacks the change"
