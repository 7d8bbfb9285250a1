"""The Korean edition (/ko/) in the browser. axe, vnu, the phone layout and the page weight run on its pages
with every other page (conftest's built_site builds every edition); here: what only a second language has."""

from __future__ import annotations

from .browser_support import PHONE, Visitor, use_search

FOREIGN_WORDS = """() => [...document.querySelectorAll(
    ".fx-quote blockquote, .fx-evidence__item blockquote, .fx-phrase a, .fx-correction__article")]
  .map(el => ({text: el.textContent.trim().slice(0, 40), lang: el.closest("[lang]").getAttribute("lang")}))"""


def test_a_korean_page_is_korean_and_its_english_quotations_say_so(visitor: Visitor) -> None:
    with visitor.open("/ko/deployment/") as (page, _):
        assert page.evaluate("document.documentElement.lang") == "ko"
        assert "출처" in page.locator("article").inner_text()
        quoted = page.evaluate(FOREIGN_WORDS)
    assert len(quoted) > 5
    # The data's quotations and excerpts are English: screen readers must switch voice for them.
    assert [q for q in quoted if q["lang"] != "en"] == []


def test_an_english_page_marks_no_quotation_as_foreign(visitor: Visitor) -> None:
    with visitor.open("/deployment/") as (page, _):
        quoted = page.evaluate(FOREIGN_WORDS)
    assert quoted and {q["lang"] for q in quoted} == {"en"}  # from <html lang="en">: nothing added


def test_the_language_switcher_leads_to_the_same_page_both_ways(visitor: Visitor) -> None:
    with visitor.open("/deployment/") as (page, _):
        page.locator(".md-select__link[hreflang=ko]").first.dispatch_event("click")
        page.wait_for_url(visitor.site.url("/ko/deployment/"))
        assert page.evaluate("document.documentElement.lang") == "ko"
        page.locator(".md-select__link[hreflang=en]").first.dispatch_event("click")
        page.wait_for_url(visitor.site.url("/deployment/"))
        assert page.evaluate("document.documentElement.lang") == "en"


def test_korean_search_finds_korean_words(visitor: Visitor) -> None:
    with visitor.open("/ko/") as (page, _):
        assert use_search(page, "탄약") > 0  # "munitions": only in the Korean pages


def test_korean_text_fits_a_phone(visitor: Visitor) -> None:
    for path in ("/ko/", "/ko/deployment/", "/ko/timeline/", "/ko/sources/"):
        with visitor.open(path, viewport=PHONE) as (page, _):
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            cut = page.evaluate("""() => [...document.querySelectorAll("article p, article li, article td")]
                .filter(el => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "visible"
                              && /[\\uac00-\\ud7a3]/.test(el.textContent)).length""")
            assert (path, overflow, cut) == (path, 0, 0)
