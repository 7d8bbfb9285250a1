"""The site's language settings (hedge tables) and its translation layers: what is accepted, what is refused with
which message, and what the checks read from them."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs_explainer.data.catalog import Catalog, link
from mkdocs_explainer.data.evidence_settings import EvidenceSettings, check_settings
from mkdocs_explainer.data.languages import language
from mkdocs_explainer.data.translations import translate
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.problems import Problem, ProblemsFound


def fact_problems(excerpt: str, qualifier: str | None = None, lang: str | None = None,
                  settings: EvidenceSettings | None = None) -> list[str]:
    """The problems of a fact of 500 soldiers whose one source gives `excerpt` (in `lang`, if given)."""
    text = f"""\
sources:
  - id: report
    publisher: Agency
    title: Troops
    url: https://example.org/r
claimants:
  - id: agency
    name: The agency
    kind: agency
facts:
  - id: troops
    label: Troops sent
    value: 500
    unit: soldiers
{f"    qualifier: {qualifier}{chr(10)}" if qualifier else ""}    date: 2024-10-31
    claimant: agency
    status: reported
    sources: [{{source: report, excerpt: "{excerpt}"{f", lang: {lang}" if lang else ""}}}]
    reviewed: 2024-11-01
"""
    return [str(p) for p in check_file("data/f.yml", text.encode(), settings).problems]


def test_the_cache_key_follows_the_language_and_hedges_but_not_their_order():
    """A change of the site's language or hedges must re-check cached files (a new key); the same table written in
    another order is the same setting and keeps the cache (the same key)."""
    german = EvidenceSettings("de", {"de": {"about": ["rund", "etwa"], "over": ["über"]}})
    reordered = EvidenceSettings("de", {"de": {"over": ["über"], "about": ["rund", "etwa"]}})
    assert german.key() == reordered.key()
    assert german.key() != EvidenceSettings("fr", {"de": {"about": ["rund", "etwa"], "over": ["über"]}}).key()
    assert german.key() != EvidenceSettings("de", {"de": {"about": ["rund"], "over": ["über"]}}).key()


def test_a_hedge_needs_a_word_besides_the_figure_mark():
    """`…` marks where the figure stands; a hedge of only that mark (or spaces) names no word and is refused, while a
    hedge of one short word, before or after the mark, is accepted."""
    refused = ["hedges.de.about should be a list of words, like [rund, etwa]"]
    assert check_settings({"de": {"about": ["…"]}}) == refused
    assert check_settings({"de": {"about": [" … "]}}) == refused
    assert check_settings({"de": {"about": ["X", "X…", "… X"]}}) == []


def test_a_site_hedge_written_with_a_curly_apostrophe_is_found_in_the_source():
    """Italian ships no hedges; a site adds `all’incirca` (about), typed with a curly apostrophe. The source's
    `all’incirca 500` is that hedge: a fact saying `about` agrees, a fact with no qualifier is told to add it."""
    italian = EvidenceSettings("it", {"it": {"about": ["all’incirca"]}})
    assert fact_problems("all’incirca 500 soldati", "about", settings=italian) == []
    assert fact_problems("all'incirca 500 soldati", "about", settings=italian) == []
    assert fact_problems("all’incirca 500 soldati", settings=italian) == [
        "data/f.yml:11: facts[0].qualifier (troops): the source hedges the figure (“all'incirca 500”) but the fact "
        "has no qualifier: add `qualifier: about`"]


def test_a_site_hedge_written_before_the_figure_with_a_space_is_not_glued_to_it():
    """`circa …` (a space before the mark) stands before the figure with a space, as in `circa 500`: it is that
    hedge. Only a hedge written against the mark (`約…`) must touch the figure."""
    english = EvidenceSettings("en", {"en": {"about": ["circa …"]}})
    assert fact_problems("circa 500 soldiers", "about", settings=english) == []
    assert fact_problems("circa 500 soldiers", settings=english) == [
        "data/f.yml:11: facts[0].qualifier (troops): the source hedges the figure (“circa 500”) but the fact has no "
        "qualifier: add `qualifier: about`"]


def test_the_longest_japanese_hedge_is_read_where_a_shorter_one_starts_alike():
    """最大で… (up to) begins like 最大… and …余り (over) like …余: the whole hedge is the one the source writes, so a
    fact saying `up to` for 最大で500, or `over` for 500人余り, agrees with it."""
    assert fact_problems("兵士は最大で500人", "up to", lang="ja") == []
    assert fact_problems("兵士は500人余り", "over", lang="ja") == []
    assert fact_problems("兵士は最大で500人", lang="ja") == [
        "data/f.yml:11: facts[0].qualifier (troops): the source hedges the figure (“最大で500”) but the fact has no "
        "qualifier: add `qualifier: up to`"]


def test_negations_are_whole_words_except_an_elided_one():
    """French `n'` negates the word it is elided onto (`n'y a que`); `no`, `not` and `nor` negate only as whole
    words, not as the start of `North`, `notable` or `normal`."""
    french, english = language("fr", EvidenceSettings()), language("en", EvidenceSettings())
    assert french.negated("Il n'y a que 500 soldats.")
    assert not french.negated("Il y a 500 soldats.")
    assert not english.negated("North Korea sent a notable number of troops in normal times")
    assert english.negated("Nor did it send troops")


STORY = """\
sources:
  - id: report
    publisher: Agency
    title: Troops
    url: https://example.org/r
claimants:
  - id: agency
    name: The agency
    kind: agency
facts:
  - id: troops-sent
    label: Troops sent
    value: 500
    unit: soldiers
    date: 2024-10-31
    claimant: agency
    status: reported
    sources: [{source: report, excerpt: "500 soldiers were sent"}]
    reviewed: 2024-11-01
  - id: troops-seen
    label: Troops seen
    value: 300
    unit: soldiers
    date: 2024-10-31
    claimant: agency
    status: reported
    sources: [{source: report, excerpt: "300 soldiers were seen"}]
    reviewed: 2024-11-01
quotes:
  - id: minister-answer
    text: We sent none
    occasion: press conference
    date: 2024-10-31
    claimant: agency
    status: reported
    sources: [{source: report, excerpt: "The agency said: We sent none."}]
    reviewed: 2024-11-01
questions:
  - id: were-they-sent
    title: Were troops sent?
    positions:
      - claimant: agency
        date: 2024-10-31
        stance: "yes"
        summary: The agency said troops were sent.
        items: [troops-sent]
"""


def story() -> Catalog:
    catalog = link([check_file("data/story.yml", STORY.encode())])
    assert catalog.warnings == []
    return catalog


def layer_problems(tmp_path: Path, text: str) -> list[Problem]:
    layer = tmp_path / "data" / "i18n" / "ko.yml"
    layer.parent.mkdir(parents=True, exist_ok=True)
    layer.write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsFound) as raised:
        translate(story(), layer, tmp_path)
    return raised.value.problems


def test_every_text_left_in_english_is_listed_and_only_those(tmp_path: Path):
    """A layer translating one label leaves the other texts each record has in English, each listed; a text the
    record does not have (a note, a claimant's role) is not; a quotation's translation, which a language may add,
    is listed though the record has none."""
    layer = tmp_path / "ko.yml"
    layer.write_text("facts:\n  troops-sent:\n    label: 파병 병력\n", encoding="utf-8")
    translated = translate(story(), layer, tmp_path)
    assert translated.catalog["facts"]["troops-sent"]["label"] == "파병 병력"
    assert translated.missing == [
        "facts.troops-sent.unit", "facts.troops-seen.label", "facts.troops-seen.unit",
        "quotes.minister-answer.occasion", "quotes.minister-answer.translation",
        "claimants.agency.name", "questions.were-they-sent.title",
        "questions.were-they-sent.positions.agency 2024-10-31",
    ]


def test_every_mistake_of_a_section_is_named_after_a_wrong_id_or_entry(tmp_path: Path):
    """A misspelled id is named with the ids it may have meant; the entries after it, and after an entry that is
    no mapping of fields, are still checked, so one pass names every mistake."""
    text = "facts:\n  troops-sen: {label: 병력}\n  troops-sent: 병력\n  troops-seen: {label: 7}\n"
    assert [str(p) for p in layer_problems(tmp_path, text)] == [
        "data/i18n/ko.yml: facts.troops-seen.label: expected the translated text",
        "data/i18n/ko.yml: facts.troops-sen: no fact has this id. Did you mean 'troops-sent' or 'troops-seen'?",
        "data/i18n/ko.yml: facts.troops-sent: expected fields (label, unit, note, unverified_reason)",
    ]


def test_a_layer_yaml_cannot_read_at_all_is_one_problem_without_a_line(tmp_path: Path):
    """A control character makes the layer unreadable before YAML knows any line: one problem for the file, with
    no line (0), not a crash."""
    [problem] = layer_problems(tmp_path, "facts:\n  troops-sent:\n    label: 파병\x07 병력\n")
    assert (problem.file, problem.line, problem.where) == ("data/i18n/ko.yml", 0, "")
    assert problem.message.startswith("not valid YAML: unacceptable character #x0007")
