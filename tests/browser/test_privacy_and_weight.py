"""Opening any page tells no third party, downloads no web font, and stays light on a slow connection."""

from __future__ import annotations

from urllib.parse import urlsplit

from .browser_support import PROJECT, REPORT, Site, Survey, language_of

HOME_BUDGET = 80_000
"""Bytes (gzip) of everything the home page loads: Material's bare page is about 61 KB, the rest is ours. The
home page tells the story through January 2026 since issue 16 (about 13 KB of its own HTML gzipped, 77 KB in
all), and Lighthouse's mobile audit still scores it 98."""

PAGE_BUDGET = 100_000
"""Bytes (gzip) for any other page. The same ~61 KB shell (cached after the first page) plus the page's own
content: a long page such as "All facts" may carry ~35 KB of cards and tables, and stays under 2 s on a
400 kbit/s mobile connection for a reader who opens it first."""

WIDE_SCRIPT_MARGIN = {"ko": 1.08}
"""An edition in a script of three UTF-8 bytes a character (Hangul; Latin takes one) carries more bytes for the
same words, even gzipped: the Korean sources page's HTML is 41 KB against the English one's 35 KB."""

FONT_SUFFIXES = (".woff", ".woff2", ".ttf", ".otf", ".eot")


def test_every_markdown_page_is_built_and_found(site: Site) -> None:
    # The tests below cover the pages they find on disk; this proves none is missed.
    expected = set()
    for md in (PROJECT / "docs").rglob("*.md"):
        stem = md.relative_to(PROJECT / "docs").with_suffix("").as_posix()
        stem = stem.removesuffix("index").removesuffix("/")
        expected.add("/" + (stem + "/" if stem else ""))
    found = set(site.pages())
    assert expected <= found, f"pages built but not tested: {sorted(expected - found)}"
    assert "/404.html" in found


def test_no_request_leaves_the_local_server(
    site: Site, light: dict[str, Survey], dark: dict[str, Survey], phone: dict[str, Survey]
) -> None:
    # Light mode includes tabbing through the page and a search; dark and phone load other CSS and layouts.
    leaks = []
    for setting, surveys in (("light", light), ("dark", dark), ("phone", phone)):
        for path, survey in surveys.items():
            foreign = [url for url, _ in survey.visit.requests if not is_local(url, site.origin)]
            if setting == "light":
                REPORT.append(f"privacy {path}: {len(survey.visit.requests)} requests, {len(foreign)} to other hosts")
            leaks += [f"{setting} {path}: {url}" for url in foreign]
    assert not leaks, "pages contacted other hosts:\n" + "\n".join(leaks)


def is_local(url: str, origin: str) -> bool:
    """True for the local server and for in-page data (data:, blob:), which no network sees."""
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob") or f"{parts.scheme}://{parts.netloc}" == origin


def test_pages_stay_within_their_weight_budget(light: dict[str, Survey]) -> None:
    over = []
    for path, survey in light.items():
        total = sum(item.gzip_bytes for item in survey.loaded)
        budget = HOME_BUDGET if path == "/" else PAGE_BUDGET
        budget = int(budget * WIDE_SCRIPT_MARGIN.get(language_of(path), 1))
        biggest = sorted(survey.loaded, key=lambda item: -item.gzip_bytes)
        REPORT.append(
            f"weight {path}: {total / 1000:.1f} KB gzip in {len(survey.loaded)} responses (budget {budget / 1000:.0f} KB); "
            + ", ".join(f"{urlsplit(item.url).path} {item.gzip_bytes / 1000:.1f}" for item in biggest)
        )
        if total > budget:
            over.append(f"{path}: {total} bytes gzip > {budget}")
    assert not over, "pages over budget:\n" + "\n".join(over)


def test_no_page_downloads_a_web_font(light: dict[str, Survey]) -> None:
    fonts = [
        f"{path}: {item.url}"
        for path, survey in light.items()
        for item in survey.loaded
        if item.resource_type == "font" or "font" in item.content_type or urlsplit(item.url).path.endswith(FONT_SUFFIXES)
    ]
    assert not fonts, "web fonts downloaded:\n" + "\n".join(fonts)


def test_search_loads_on_first_use_and_finds_pages(light: dict[str, Survey]) -> None:
    # Search is deferred to keep pages light (hooks/mkdocs_explainer/theme/partials/explainer-scripts.html); it must still work.
    problems = []
    for path, survey in light.items():
        if survey.search_requests_before_use:
            problems.append(f"{path}: search loaded before use: {survey.search_requests_before_use}")
        if survey.search_results == 0:
            problems.append(f"{path}: searching found nothing")
    assert not problems, "\n".join(problems)
