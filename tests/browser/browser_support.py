"""What the browser tests share: the built site's pages, and a visit to one page with all it loaded and logged."""

from __future__ import annotations

import contextlib
import gzip
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn
from urllib.parse import unquote, urlsplit

import pytest
from ci import ci_enabled

if TYPE_CHECKING:
    from lighthouse_audit import Pending
    from playwright.sync_api import Browser, Page

PROJECT = Path(__file__).resolve().parents[2]
FIGURES = PROJECT / "test-results" / "browser-figures.txt"
"""Where the browser tests leave the figures they measured (REPORT) for the summary after the run."""
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}

REPORT: list[str] = []
"""Figures measured by the tests, printed in pytest's terminal summary."""


def ports() -> range:
    """The TCP ports the browser tests may use (EXPLAINER_TEST_PORTS=first-last overrides 8200-8299)."""
    first, last = os.environ.get("EXPLAINER_TEST_PORTS", "8200-8299").split("-")
    return range(int(first), int(last) + 1)


def require(condition: bool, reason: str) -> None:
    """Skip when a tool is missing, but fail in CI: there a skipped browser test would hide a broken page."""
    if not condition:
        stop(reason)


def stop(reason: str) -> NoReturn:
    if ci_enabled():
        pytest.fail(f"{reason} (CI=true: browser tests must run)", pytrace=False)
    pytest.skip(reason)


@dataclass(frozen=True)
class Site:
    """The built site on disk and the local origin that serves it."""

    root: Path
    origin: str

    def pages(self) -> list[str]:
        """URL path of every HTML page of the build, found on disk so new pages are covered without a list;
        the embeddable figures (embed/), which have no Material theme, search or navigation, are `embeds()`."""
        return [path for path in self._all() if not EMBEDS.match(path)]

    def embeds(self) -> list[str]:
        return [path for path in self._all() if EMBEDS.match(path)]

    def _all(self) -> list[str]:
        paths = []
        for file in sorted(self.root.rglob("*.html")):
            relative = file.relative_to(self.root).as_posix()
            paths.append("/" + relative.removesuffix("index.html"))
        return paths

    def url(self, path: str) -> str:
        return self.origin + path

    def file_for(self, url: str) -> Path | None:
        """The file the local server answers `url` with, or None for another host or a missing file."""
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            return None
        file = self.root / unquote(parts.path).lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        return file if file.is_file() else None


@dataclass
class LighthouseRun:
    """Lighthouse auditing every page of the build in the background; `pending.collect()` waits for it."""

    pages: list[str]
    origin: str
    pending: Pending


@dataclass
class Loaded:
    """One response the page received and the size it would travel at, gzip-compressed."""

    url: str
    resource_type: str
    content_type: str
    status: int
    gzip_bytes: int


@dataclass
class Visit:
    """Everything one page did while it loaded: requests, responses, console errors."""

    path: str
    requests: list[tuple[str, str]] = field(default_factory=list)
    """(url, resource type) of every request, including those of workers, fonts, images and XHR."""
    responses: list[Any] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    """Console errors, uncaught exceptions and failed requests."""

    def loaded(self, site: Site) -> list[Loaded]:
        return [measure(response, site) for response in self.responses]


def gzip_size(body: bytes) -> int:
    # Level 6 is what common servers (nginx, Apache mod_deflate) use by default.
    return len(gzip.compress(body, compresslevel=6, mtime=0))


def measure(response: Any, site: Site) -> Loaded:
    from playwright.sync_api import Error as PlaywrightError

    try:
        body = response.body()
    except PlaywrightError:
        # Bodies of worker requests are not always kept by the browser; the server sent the file as it is.
        # A body that is neither kept nor a file of the site is unknown, never 0 bytes.
        file = site.file_for(response.url)
        if file is None:
            raise AssertionError(f"{response.url}: the browser kept no body and the site has no such file") from None
        body = file.read_bytes()
    return Loaded(
        url=response.url,
        resource_type=response.request.resource_type,
        content_type=response.headers.get("content-type", ""),
        status=response.status,
        gzip_bytes=gzip_size(body),
    )


class Visitor:
    """Opens pages of the served site in a fresh browser context (empty cache: a first visit)."""

    def __init__(self, browser: Browser, site: Site) -> None:
        self.browser, self.site = browser, site

    @contextlib.contextmanager
    def open(self, path: str, *, color_scheme: str = "light", viewport: dict[str, int] = DESKTOP) -> Iterator[tuple[Page, Visit]]:
        context = self.browser.new_context(color_scheme=color_scheme, viewport=viewport, service_workers="block")
        visit = Visit(path)
        context.on("request", lambda request: visit.requests.append((request.url, request.resource_type)))
        context.on("response", lambda response: visit.responses.append(response))
        context.on("requestfailed", lambda request: visit.errors.append(f"request failed: {request.url} ({request.failure})"))
        page = context.new_page()
        page.on("console", lambda message: message.type == "error" and visit.errors.append(f"console: {message.text}"))
        page.on("pageerror", lambda error: visit.errors.append(f"uncaught: {error}"))
        try:
            page.goto(self.site.url(path), wait_until="load")
            # Whatever the page fetches after its load event counts too: wait until the network is quiet.
            page.wait_for_load_state("networkidle")
            yield page, visit
        finally:
            context.close()


# What a page shows, read in the browser. Each returns plain JSON so tests can report every failure at once.

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ") + ": " + (n.failureSummary || "").split("\\n").slice(0, 2).join(" "))}));
}"""

# Every <svg> in the article must be decoration (aria-hidden) or an image with a name screen readers read.
CHART_ALTERNATIVES = """() => [...document.querySelectorAll("article svg")]
  .filter(svg => !svg.parentElement.closest("svg") && !svg.closest("[aria-hidden=true]"))
  .map(svg => {
    const ids = (svg.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean);
    const labelled = ids.map(id => document.getElementById(id)?.textContent || "").join(" ");
    const title = svg.querySelector(":scope > title")?.textContent || "";
    const name = [svg.getAttribute("aria-label") || "", labelled, title].join(" ").trim();
    return {chart: svg.id || svg.getAttribute("class") || svg.outerHTML.slice(0, 60),
            role: svg.getAttribute("role"), name};
  })"""

# Read as a reader scrolling to each badge sees it: `content-visibility: auto` (long timelines) leaves the
# innerText of parts not yet near the screen empty until they are drawn.
STATUS_BADGES = """() => {
  const drawn = document.head.appendChild(document.createElement("style"));
  drawn.textContent = "* { content-visibility: visible !important; }";
  const badges = [...document.querySelectorAll(".fx-status")].map(el => ({
    classes: el.className, text: el.innerText.trim(),
    visible: el.getClientRects().length > 0 && parseFloat(getComputedStyle(el).fontSize) >= 8}));
  drawn.remove();
  return badges;
}"""

FOCUSED = """(index) => {
  const el = document.activeElement;
  if (!el || el === document.body || el.hasAttribute("data-focus-stop")) return null;
  el.setAttribute("data-focus-stop", index);
  const s = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {tag: el.tagName.toLowerCase(), link: el.matches("a[href]"), inArticle: !!el.closest("article"),
          articleLinks: document.querySelectorAll("article a[href]:not(.headerlink)").length,
          name: (el.getAttribute("aria-label") || el.textContent || el.getAttribute("href") || "").trim().slice(0, 40),
          visible: box.width > 0 && box.height > 0 && s.visibility !== "hidden",
          ring: [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.textDecorationLine, s.backgroundColor].join(" | "),
          outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && !s.outlineColor.endsWith(", 0)"),
          shadow: s.boxShadow !== "none"};
}"""

START_IN_ARTICLE = """() => {
  const start = document.querySelector("article h1") || document.querySelector("article");
  start.setAttribute("tabindex", "-1");
  start.focus();
  start.addEventListener("blur", () => start.removeAttribute("tabindex"), {once: true});
}"""

UNFOCUSED = """() => {
  document.activeElement?.blur();
  return Object.fromEntries([...document.querySelectorAll("[data-focus-stop]")].map(el => {
    const s = getComputedStyle(el);
    return [el.getAttribute("data-focus-stop"),
            [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.textDecorationLine, s.backgroundColor].join(" | ")];
  }));
}"""

PHONE_LAYOUT = """async () => {
  // Layout shifts since the page started loading (buffered), as Lighthouse's CLS counts them.
  const shifts = await new Promise(resolve => {
    new PerformanceObserver(list => resolve(list.getEntries().filter(e => !e.hadRecentInput).map(e => ({value: e.value,
      moved: e.sources.map(s => s.node ? s.node.outerHTML.slice(0, 80) : "?")})))).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve([]), 300);  // none at all: the observer is never called
  });
  const root = document.scrollingElement;
  const viewport = root.clientWidth;
  const scrolls = el => { for (let a = el.parentElement; a; a = a.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(a).overflowX) && a.clientWidth <= viewport) return true; }
    return false; };
  const px = el => parseFloat(getComputedStyle(el).fontSize);
  const tables = [...document.querySelectorAll("article table")].map(t => ({
    table: t.querySelector("caption")?.textContent.trim() || t.innerText.slice(0, 40),
    fits: t.getBoundingClientRect().width <= viewport || scrolls(t),
    smallest: Math.min(...[...t.querySelectorAll("th, td")].map(px))}));
  const charts = [...document.querySelectorAll("article svg[role=img]")].map(svg => {
    const texts = [...svg.querySelectorAll("text")].map(t => px(t) * (t.getScreenCTM()?.a || 1));
    const box = svg.getBoundingClientRect();
    // Text running past the drawing's edge is cut off by the SVG even when the SVG itself fits.
    const cut = [...svg.querySelectorAll("text")].filter(t => {
      const r = t.getBoundingClientRect(); return r.width && (r.right > box.right + 1 || r.left < box.left - 1); });
    return {chart: svg.querySelector("title")?.textContent || svg.getAttribute("aria-label") || svg.id || "svg",
            fits: box.right <= viewport + 0.5 || scrolls(svg),
            smallest: texts.length ? Math.min(...texts) : null,
            cut: cut.map(t => t.textContent.trim())};
  });
  return {scrollWidth: root.scrollWidth, clientWidth: viewport, tables, charts, shifts};
}"""


EMBEDS = re.compile(r"^/(?:[a-z]{2,3}(?:-[A-Za-z0-9]+)?/)?embed/")
"""Where each edition's embeddable charts and maps are (/embed/…, /ko/embed/…): pages of their own, without the theme."""

SEARCH_WORD = "North"
"""A word of the site's title, so every build has pages to find."""
EDITIONS = {"/ko/": "ko"}
"""The language editions by their folder (mkdocs.<lang>.yml); every other page is English."""
SEARCH_WORDS = {"ko": "북한군"}
"""The same in each language edition: a word of its pages."""


def language_of(path: str) -> str:
    return next((lang for root, lang in EDITIONS.items() if path.startswith(root)), "en")


def search_word(path: str) -> str:
    return SEARCH_WORDS.get(language_of(path), SEARCH_WORD)

FOCUS_STOPS = 20
"""How many Tab presses the focus check follows on each page from the top, and again from the article's start."""


@dataclass
class Survey:
    """What one page showed and did in one setting (light, dark or phone); the tests assert on parts of it."""

    visit: Visit
    loaded: list[Loaded] = field(default_factory=list)
    axe: list[dict[str, Any]] = field(default_factory=list)
    scheme: str = ""
    charts: list[dict[str, Any]] = field(default_factory=list)
    badges: list[dict[str, Any]] = field(default_factory=list)
    focus: list[dict[str, Any]] = field(default_factory=list)
    layout: dict[str, Any] = field(default_factory=dict)
    search_results: int = 0
    search_requests_before_use: list[str] = field(default_factory=list)


def survey_in_own_browser(site: Site, axe_script: Path, color_scheme: str, viewport: dict[str, int],
                          deep: bool, paths: list[str] | None = None) -> dict[str, Survey]:
    """`survey_pages` in a Chromium of this thread's own: Playwright's objects belong to the thread that made
    them, so surveys on several threads overlap their waits for the network and for each page to settle."""
    from lighthouse_audit import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            return survey_pages(Visitor(browser, site), axe_script, color_scheme, viewport, deep, paths)
        finally:
            browser.close()


def survey_pages(visitor: Visitor, axe_script: Path, color_scheme: str, viewport: dict[str, int], deep: bool,
                 paths: list[str] | None = None) -> dict[str, Survey]:
    surveys = {}
    for path in visitor.site.pages() if paths is None else paths:
        with visitor.open(path, color_scheme=color_scheme, viewport=viewport) as (page, visit):
            survey = Survey(visit, loaded=visit.loaded(visitor.site))
            survey.scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            page.add_script_tag(path=str(axe_script))
            survey.axe = page.evaluate(AXE_RUN)
            if viewport == PHONE:
                survey.layout = page.evaluate(PHONE_LAYOUT)
            if deep:
                survey.charts = page.evaluate(CHART_ALTERNATIVES)
                survey.badges = page.evaluate(STATUS_BADGES)
                # Before the Tab presses: focusing the search field is a use of search.
                survey.search_requests_before_use = [url for url, _ in visit.requests if "search" in url]
                survey.focus = follow_focus(page)
                try:
                    survey.search_results = use_search(page, search_word(path))
                except AssertionError as error:
                    raise AssertionError(f"{path}: {error}") from None
            surveys[path] = survey
    return surveys


def follow_focus(page: Any) -> list[dict[str, Any]]:
    """Tab through the page as a keyboard user; each stop's look focused and unfocused."""
    stops = []
    for index in range(2 * FOCUS_STOPS):
        if index == FOCUS_STOPS:
            # Start again from the article's title, past the navigation, as a reader who skipped to it.
            page.keyboard.press("Escape")
            page.evaluate(START_IN_ARTICLE)
        page.keyboard.press("Tab")
        if (stop := page.evaluate(FOCUSED, str(index))) is not None:
            stops.append({"index": str(index), **stop})
    unfocused = page.evaluate(UNFOCUSED)
    return [{**stop, "unfocused": unfocused.get(stop["index"], "")} for stop in stops]


def use_search(page: Any, word: str = SEARCH_WORD) -> int:
    """Search as a reader would (so requests made only on use are recorded too); the number of results."""
    page.keyboard.press("Escape")
    page.locator(".md-search__input").first.click()
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    # A reader types once the box says "Type to start searching": Material shows that when its index is built (a
    # Korean one, with lunr.ko, takes longer on a busy machine); a query typed before then can go unanswered.
    try:
        page.wait_for_function("document.querySelector('.md-search-result__meta')?.textContent.trim()", timeout=20_000)
    except PlaywrightTimeoutError:
        raise AssertionError("search was not ready within 20 s of first use") from None
    page.keyboard.type(word)
    # Material reads the query on keyup. Playwright types a character no key produces (Hangul) as inserted text,
    # with no keyup; a reader's input method ends each syllable with one, as this key press does.
    page.keyboard.press("End")
    results = page.locator(".md-search-result__item")
    try:
        results.first.wait_for(timeout=20_000)
    except PlaywrightTimeoutError:
        # Slow or broken search is a failure, never "nothing found".
        raise AssertionError(f"searching for {word!r} showed no result within 20 s") from None
    page.wait_for_load_state("networkidle")
    return results.count()
