"""Readers see the evidence: the source's words on the card, in the link's title, in the exports; archived
copies and inferred dates named as such; "Cite this" quoting only the record's words."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import jsonschema
import pytest
from conftest import dedent
from mkdocs_explainer.data.catalog import link
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.outputs import export, feed
from mkdocs_explainer.pages import citation
from mkdocs_explainer.pages.render import PageContext
from mkdocs_explainer.pages.shortcodes import replace
from mkdocs_explainer.siteinfo import SiteInfo

SITE = SiteInfo("Test site", "What it explains.", "https://example.org/x/", "facts/")

DATA = dedent("""
    claimants:
      - id: envoy
        name: Test Envoy
        kind: official
    sources:
      - id: wire
        publisher: Test Wire
        title: Envoy says some 8,000 troops are near the border
        url: https://example.org/wire
        archived: https://archive.example/wire
        published: 2024-10-31
      - id: briefing
        publisher: Test Daily
        title: "[Briefing on aid, headline not confirmed]"
        url: https://example.org/daily
        published: 2024-12-17
        published_inferred: The report says only "Tuesday"; the briefing it describes was most likely on 17 December 2024.
    facts:
      - id: troops-near
        label: Troops near the border
        value: 8000
        qualifier: some
        unit: troops
        date: 2024-10-31
        claimant: envoy
        status: reported
        sources:
          - source: wire
            excerpt: "right now there are some 8,000 DPRK soldiers | in Kursk Oblast"
            locator: paragraph 4
          - briefing
        reviewed: 2024-11-01
      - id: aid-total
        label: Aid sent so far
        value: 59
        qualifier: more than
        prefix: $
        unit: billion
        date: 2024-12-17
        claimant: envoy
        status: unverified
        unverified_reason: Only an unnamed official's figure, and the date of the briefing is inferred.
        sources: [briefing]
        reviewed: 2024-12-20
    quotes:
      - id: question
        text: does Russia still maintain that there are no DPRK troops in Russia?
        occasion: Security Council meeting
        date: 2024-10-31
        claimant: envoy
        status: reported
        sources:
          - source: wire
            excerpt: "my only question: does Russia still maintain that there are no DPRK troops in Russia?"
        reviewed: 2024-11-01
""")


@pytest.fixture(scope="module")
def catalog():
    result = check_file("data/test.yml", DATA.encode())
    assert result.problems == [], result.problems
    return link([result])


def card(page: str, item_id: str) -> str:
    return re.search(rf'<article class="fx-card" id="{item_id}">.*?</article>', page, re.S).group(0)


def test_the_card_shows_what_the_source_says_with_where_and_an_archived_copy(catalog):
    page = replace("<!-- facts -->", PageContext(catalog, site=SITE))
    fact = card(page, "troops-near")
    assert '<p class="fx-evidence__title">What the source says</p>' in fact
    quoted = re.search(r'<blockquote><p>(.*?)</p></blockquote>\s*<figcaption>(.*?)</figcaption>', fact, re.S)
    assert html.unescape(quoted.group(1)) == "right now there are some 8,000 DPRK soldiers | in Kursk Oblast"
    caption = quoted.group(2)
    assert caption.startswith("<cite>Test Wire</cite>, paragraph 4")
    assert '<a href="https://archive.example/wire" rel="external noopener">archived copy</a>' in caption
    # the source cited without words is not shown under the heading as if it had some
    assert fact.count("<blockquote") == 1


def test_an_unverified_fact_says_why_and_an_inferred_date_says_so(catalog):
    page = replace("<!-- facts -->", PageContext(catalog, site=SITE))
    aid = card(page, "aid-total")
    assert "What the source says" not in aid
    assert ('<p class="fx-unverified"><strong>Not verified:</strong> Only an unnamed official&#39;s figure, '
            "and the date of the briefing is inferred.</p>") in aid
    assert "17 December 2024 (date inferred)" in aid  # in the source link's title
    # the card shows the words under the heading; its source link's tooltip need not repeat them
    assert "“right now there are" not in re.search(r'<a class="fx-source"[^>]*>', card(page, "troops-near")).group(0)
    assert "17 December 2024," not in citation.citation(catalog.item("aid-total"), catalog, "Test site")
    bibliography = replace("<!-- sources -->", PageContext(catalog, site=SITE))
    assert "Published 17 December 2024 (date inferred)." in bibliography
    assert "we infer it: The report says only &#34;Tuesday&#34;" in bibliography
    assert '<a class="fx-archived" href="https://archive.example/wire" rel="external noopener">archived copy</a>' in bibliography


def test_the_source_link_title_carries_the_sources_words(catalog):
    inline = replace("Near the border: <!-- fact:troops-near -->.", PageContext(catalog, "../facts/"))
    titles = dict(re.findall(r'<a class="fx-source" href="([^"]+)" rel="external noopener" title="([^"]*)"', inline))
    assert html.unescape(titles["https://example.org/wire"]) == (
        "Envoy says some 8,000 troops are near the border (31 October 2024): "
        "“right now there are some 8,000 DPRK soldiers | in Kursk Oblast”")
    assert html.unescape(titles["https://example.org/daily"]) == (
        "[Briefing on aid, headline not confirmed] (17 December 2024 (date inferred))")


def test_cite_this_quotes_only_the_records_words(catalog):
    fact = citation.citation(catalog.item("troops-near"), catalog, "Test site")
    assert fact.startswith("Test site: Troops near the border: some 8,000 troops, according to Test Envoy")
    assert "“Troops near the border" not in fact
    assert "Test Wire, “Envoy says some 8,000 troops are near the border”, 31 October 2024" in fact
    # a title we supplied is not a headline: no quotation marks around it
    assert "Test Daily, [Briefing on aid, headline not confirmed], 17 December 2024 (date inferred)" in fact
    quote = citation.citation(catalog.item("question"), catalog, "Test site")
    assert quote.startswith("Test site: “does Russia still maintain that there are no DPRK troops in Russia?”")


def test_the_feed_quotes_the_records_words_and_nothing_else(catalog):
    text = feed.render(catalog, SITE)
    question = "“does Russia still maintain that there are no DPRK troops in Russia?”"
    assert f"<title>Recorded: {question}</title>" in text
    assert f"<content type=\"text\">{question} According to Test Envoy" in text  # no full stop after its ?
    assert "<title>Recorded: Troops near the border</title>" in text
    assert "Test Daily, [Briefing on aid, headline not confirmed] &lt;https://example.org/daily&gt;" in text
    assert "Test Wire, “Envoy says some 8,000 troops are near the border”" in text


def test_exports_carry_the_excerpt_and_locator_aligned_with_the_sources(catalog):
    data = export.build_json(catalog, SITE)
    schema = json.loads(export.SCHEMA_FILE.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    assert not list(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(data))
    fact = next(f for f in data["facts"] if f["id"] == "troops-near")
    assert [s["id"] for s in fact["sources"]] == [c["source"] for c in fact["citations"]] == ["wire", "briefing"]
    assert fact["citations"][0] == {"source": "wire", "excerpt": "right now there are some 8,000 DPRK soldiers | in Kursk Oblast",
                                    "locator": "paragraph 4", "lang": None, "translation": None, "translation_by": None}
    assert fact["citations"][1]["excerpt"] is None
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(export.render_csv(catalog, SITE)))}
    row = rows["troops-near"]
    columns = [c for c in export.CSV_COLUMNS if c.startswith("source_") and row[c]]  # empty: no source has one
    assert {c: len(row[c].split(export.CSV_JOINER)) for c in columns} == dict.fromkeys(columns, 2)
    assert row["source_excerpts"].split(export.CSV_JOINER) == [
        "right now there are some 8,000 DPRK soldiers ¦ in Kursk Oblast", export.NO_ENTRY]
    assert row["source_locators"].split(export.CSV_JOINER) == ["paragraph 4", export.NO_ENTRY]
    assert row["source_archived"].split(export.CSV_JOINER) == ["https://archive.example/wire", export.NO_ENTRY]
    assert row["source_published_inferred"].split(export.CSV_JOINER)[1].startswith("The report says only")
    assert rows["aid-total"]["unverified_reason"].startswith("Only an unnamed official")


TRANSLATED = dedent("""
    claimants:
      - id: ministry
        name: Test Ministry
        kind: government
      - id: leader
        name: Test Leader
        kind: official
    sources:
      - id: statement
        publisher: Test Ministry
        title: Statement of 31 October
        url: https://example.org/statement
        published: 2024-10-31
      - id: agency
        publisher: Test News Agency
        title: Leader speaks
        url: https://example.org/agency
        published: 2024-11-01
    facts:
      - id: flight
        label: Flight time
        value: 86
        qualifier: about
        unit: minutes
        date: 2024-10-31
        claimant: ministry
        status: reported
        sources:
          - source: statement
            excerpt: 過去最長の約86分飛翔し
            lang: ja
            translation: It flew for about 86 minutes, the longest ever.
            translation_by: this site
        reviewed: 2024-11-01
    quotes:
      - id: original
        text: 우리는 준비되어 있다
        lang: ko
        translation: We are ready
        translation_by: Test News Agency
        occasion: a speech
        date: 2024-11-01
        claimant: leader
        status: claimed
        sources:
          - source: agency
            excerpt: 지도자는 "우리는 준비되어 있다"고 말했다
            lang: ko
        reviewed: 2024-11-02
      - id: english-copy
        text: we are ready for anything
        translation_by: Test News Agency
        occasion: a speech
        date: 2024-11-01
        claimant: leader
        status: claimed
        sources:
          - source: agency
            excerpt: the leader said "we are ready for anything"
        reviewed: 2024-11-02
""")


@pytest.fixture(scope="module")
def translated():
    result = check_file("data/test.yml", TRANSLATED.encode())
    assert result.problems == [], result.problems
    return link([result])


def test_words_in_another_language_carry_lang_and_name_their_translator(translated):
    context = PageContext(translated, site=SITE)
    page = replace("<!-- facts -->", context)
    flight = card(page, "flight")
    assert '<blockquote lang="ja"><p>過去最長の約86分飛翔し</p></blockquote>' in flight
    assert ('<p class="fx-translation"><span class="fx-translation__by">Translation by this site:</span> '
            "It flew for about 86 minutes, the longest ever.</p>") in flight
    quote = replace("<!-- quote:original -->", context)
    assert '<blockquote lang="ko"><p>우리는 준비되어 있다</p></blockquote>' in quote
    assert "Translation by Test News Agency:</span> We are ready</p>" in quote
    copy = replace("<!-- quote:english-copy -->", context)
    assert "<blockquote><p>we are ready for anything</p></blockquote>" in copy  # the site's language: no lang
    assert "Translated by Test News Agency</span>" in copy
    phrase = replace("<!-- phrase:original -->", context)
    assert ' lang="ko">우리는 준비되어 있다</a>' in phrase and "translation by Test News Agency: “We are ready”" in phrase
    inline = html.unescape(replace("Flight: <!-- fact:flight -->.", context))
    assert "“過去最長の約86分飛翔し” (translation by this site: “It flew for about 86 minutes, the longest ever.”)" in inline
    timeline = replace("<!-- timeline -->", context)
    assert '<span lang="ko">우리는 준비되어 있다</span>”' in timeline
    assert "(translated by Test News Agency)" in timeline


def test_cite_this_the_feed_and_the_exports_name_the_translator(translated):
    cited = citation.citation(translated.item("english-copy"), translated, "Test site")
    assert cited.startswith("Test site: “we are ready for anything” (translated by Test News Agency), according to")
    cited = citation.citation(translated.item("original"), translated, "Test site")
    assert "“우리는 준비되어 있다” (translation by Test News Agency: “We are ready”)" in cited
    assert "<title>Recorded: “we are ready for anything” (translated by Test News Agency)</title>" in feed.render(translated, SITE)
    data = export.build_json(translated, SITE)
    schema = json.loads(export.SCHEMA_FILE.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    assert not list(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(data))
    quote = next(q for q in data["quotes"] if q["id"] == "original")
    assert (quote["lang"], quote["translation"], quote["translation_by"]) == ("ko", "We are ready", "Test News Agency")
    assert data["facts"][0]["citations"][0]["translation_by"] == "this site"
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(export.render_csv(translated, SITE)))}
    assert (rows["original"]["lang"], rows["original"]["translation_by"]) == ("ko", "Test News Agency")
    assert rows["english-copy"]["translation_by"] == "Test News Agency" and rows["english-copy"]["lang"] == ""
    assert (rows["flight"]["source_langs"], rows["flight"]["source_translations_by"]) == ("ja", "this site")


def test_a_translation_without_its_translator_is_refused():
    text = TRANSLATED.replace("        translation_by: this site\n", "", 1)
    [problem] = check_file("data/test.yml", text.encode()).problems
    assert "facts[0].sources[0]" in str(problem) and "a translation needs `translation_by`" in str(problem)
