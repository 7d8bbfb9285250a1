"""The Korean edition: built strict from the same data, in Korean, linked both ways to the English pages."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import UNDER_MUTATION
from mkdocs_explainer.data.catalog import build_catalog
from mkdocs_explainer.data.translations import translate
from mkdocs_explainer.problems import ProblemsFound

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def korean_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("ko")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.ko.yml", "-d", str(out)],
                         cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=600)
    assert run.returncode == 0, run.stderr
    return out, run.stderr


def test_the_korean_pages_build_strict_in_korean(korean_site: tuple[Path, str]):
    site, _ = korean_site
    page = (site / "deployment" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ko"' in page
    assert "명" in page and "출처:" in page  # the unit from data/i18n/ko.yml, the words from the catalogue
    assert re.search(r"2024년 10월 \d+일", page)


def test_every_page_links_to_itself_in_the_other_edition(korean_site: tuple[Path, str], tmp_path: Path):
    site, _ = korean_site
    page = (site / "deployment" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../deployment/" hreflang="en" class="md-select__link">' in page  # the language switcher
    # hreflang in the sitemap, both ways (Material's script would fetch a sitemap.xml beside each head alternate)
    assert "hreflang" not in page.split("</head>")[0]
    korean_map = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert '<xhtml:link rel="alternate" hreflang="en" href="/deployment/" />' in korean_map
    assert '<xhtml:link rel="alternate" hreflang="ko" href="/ko/deployment/" />' in korean_map
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "en")], cwd=ROOT,
                         capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=600)
    assert run.returncode == 0, run.stderr
    english_map = (tmp_path / "en" / "sitemap.xml").read_text(encoding="utf-8")
    assert '<xhtml:link rel="alternate" hreflang="ko" href="/ko/deployment/" />' in english_map
    assert '<xhtml:link rel="alternate" hreflang="en" href="/deployment/" />' in english_map
    # A page with no Korean counterpart names none.
    editing = english_map.split("<loc>/editing/</loc>")[1].split("</url>")[0]
    assert 'hreflang="ko"' not in editing



def test_the_korean_error_page_loads_the_korean_edition_and_links_both_homes(korean_site: tuple[Path, str]):
    # Served at /ko/404.html (or for any missing /ko/ address), so its links must be absolute from /ko/.
    site, _ = korean_site
    page = (site / "404.html").read_text(encoding="utf-8")
    assert '"base": "/ko/"' in page  # its search index and assets are the Korean edition's
    assert '<a href="/" hreflang="en" class="md-select__link">' in page
    assert '<a href="/ko/" hreflang="ko" class="md-select__link">' in page
    # In Korean, with a way home to this edition (Material's own error page says "404 - Not found" in English).
    assert "<h1>페이지를 찾을 수 없습니다</h1>" in page and '<a href="/ko/">홈으로 가기</a>' in page
    assert "Not found" not in page

def test_the_figures_are_the_english_edition_s(korean_site: tuple[Path, str]):
    import json

    site, _ = korean_site
    korean = {i["id"]: i for i in json.loads((site / "facts.json").read_text(encoding="utf-8"))["facts"]}
    catalog = build_catalog(ROOT / "data", ROOT)
    for fact in catalog["facts"].values():
        assert korean[fact["id"]]["value"] == fact["value"]


def test_an_untranslated_label_falls_back_to_english_and_is_listed(tmp_path: Path, korean_site: tuple[Path, str]):
    catalog = build_catalog(ROOT / "data", ROOT)
    fact_id = next(iter(catalog["facts"]))
    layer = tmp_path / "ko.yml"
    layer.write_text("claimants: {kcna: {name: 조선중앙통신}}\n", encoding="utf-8")
    translated = translate(catalog, layer, tmp_path)
    assert translated.catalog["facts"][fact_id]["label"] == catalog["facts"][fact_id]["label"]
    assert f"facts.{fact_id}.label" in translated.missing
    assert translated.catalog["claimants"]["kcna"]["name"] == "조선중앙통신"
    assert "claimants.kcna.name" not in translated.missing
    _, log = korean_site
    assert "shown in English for want of a 'ko' translation" in log


def test_a_translation_cannot_change_a_figure(tmp_path: Path):
    catalog = build_catalog(ROOT / "data", ROOT)
    fact_id = next(iter(catalog["facts"]))
    layer = tmp_path / "ko.yml"
    layer.write_text(f"facts: {{{fact_id}: {{value: 1}}}}\n", encoding="utf-8")
    with pytest.raises(ProblemsFound, match="not translatable here"):
        translate(catalog, layer, tmp_path)


@pytest.mark.skipif(UNDER_MUTATION, reason="reads the messages from the package's source, where mutmut's copy "
                    "holds every mutant's changed strings")
def test_the_korean_catalogue_translates_every_message():
    from mkdocs_explainer import i18n
    from mkdocs_explainer.i18n import messages

    korean = i18n.Language.load("ko")
    for message in messages.extract():
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            korean.translations.ngettext(message.id[0], message.id[1], 2)
        elif message.context:
            korean.translations.pgettext(message.context, message.id)
        else:
            korean.translations.gettext(message.id)
    assert korean.missing == []


def test_building_both_editions_in_one_process_leaks_no_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """MkDocs may run the plugin several times in one process (mkdocs serve; a builder of every edition)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    from mkdocs_explainer import i18n

    try:
        for config_file, folder in (("mkdocs.ko.yml", "ko"), ("mkdocs.yml", "en"), ("mkdocs.ko.yml", "ko-again")):
            config = load_config(config_file, site_dir=str(tmp_path / folder))
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
    finally:  # the tests after this one format in English
        i18n.activate(i18n.Language.load("en"))
        i18n.set_data_language(None)
    english = (tmp_path / "en" / "deployment" / "index.html").read_text(encoding="utf-8")
    korean = (tmp_path / "ko-again" / "deployment" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and "Source:" in english and "출처" not in english
    assert "According to" in english and "October 2024" in english
    assert '<html lang="ko"' in korean and "출처:" in korean and "2024년 10월" in korean


def test_a_question_and_each_position_translate_and_a_quote_s_translation_names_its_translator(tmp_path: Path):
    catalog = build_catalog(ROOT / "data", ROOT)
    question = next(iter(catalog["questions"].values()))
    first, *others = question["positions"]
    quote_id = next(i for i, q in catalog["quotes"].items() if q.get("translation_by"))
    layer = tmp_path / "ko.yml"
    layer.write_text(
        f"translation_by: 이 사이트\n"
        f"questions: {{{question['id']}: {{title: 질문, positions: {{'{first['claimant']} {first['date']}': 요약}}}}}}\n"
        f"quotes: {{{quote_id}: {{translation: 번역문}}}}\n", encoding="utf-8")
    translated = translate(catalog, layer, tmp_path)
    shown = translated.catalog["questions"][question["id"]]
    assert shown["title"] == "질문" and shown["positions"][0]["summary"] == "요약"
    assert [p["summary"] for p in shown["positions"][1:]] == [p["summary"] for p in others]  # the rest stay English
    assert f"questions.{question['id']}.positions.{others[0]['claimant']} {others[0]['date']}" in translated.missing
    assert f"questions.{question['id']}.title" not in translated.missing
    # Our Korean words are ours: not credited to whoever translated the recorded words into English.
    assert translated.catalog["quotes"][quote_id]["translation_by"] == "이 사이트"
    assert catalog["quotes"][quote_id]["translation_by"] != "이 사이트"
    layer.write_text(f"questions: {{{question['id']}: {{positions: {{'nobody 1999-01-01': 요약}}}}}}\n", encoding="utf-8")
    with pytest.raises(ProblemsFound, match="no position of this claimant and date"):
        translate(catalog, layer, tmp_path)
    layer.write_text(f"quotes: {{{quote_id}: {{translation: 번역문}}}}\n", encoding="utf-8")
    with pytest.raises(ProblemsFound, match="translation_by"):
        translate(catalog, layer, tmp_path)


@pytest.mark.parametrize(("text", "line", "message"), [
    ("claimants:\n  kcna: {name: [unclosed\n", 3, "not valid YAML: "),
    ("- a list\n- of words\n", 1, "expected sections (facts:, events:...) of ids and their words"),
])
def test_a_broken_translation_file_names_itself_from_the_project_and_the_line(tmp_path: Path, text: str, line: int,
                                                                              message: str):
    catalog = build_catalog(ROOT / "data", ROOT)
    layer = tmp_path / "data" / "i18n" / "ko.yml"
    layer.parent.mkdir(parents=True)
    layer.write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsFound) as raised:
        translate(catalog, layer, tmp_path)
    [problem] = raised.value.problems
    assert (problem.file, problem.line, problem.where) == ("data/i18n/ko.yml", line, "")
    assert problem.message.startswith(message)
    # a layer outside the project (a shared translation) is named by its whole path
    with pytest.raises(ProblemsFound) as raised:
        translate(catalog, layer, tmp_path / "elsewhere")
    assert raised.value.problems[0].file == str(layer)


def test_a_missing_translation_file_changes_nothing(tmp_path: Path):
    catalog = build_catalog(ROOT / "data", ROOT)
    translated = translate(catalog, tmp_path / "ko.yml", tmp_path)
    fact_id = next(iter(catalog["facts"]))
    assert translated.catalog["facts"][fact_id]["label"] == catalog["facts"][fact_id]["label"]


def test_every_mistake_in_a_translation_file_is_named_by_its_place_in_the_file(tmp_path: Path):
    catalog = build_catalog(ROOT / "data", ROOT)
    fact_id = next(i for i, f in catalog["facts"].items() if not f.get("note"))
    question_id, question = next((i, q) for i, q in catalog["questions"].items() if q.get("positions"))
    position = question["positions"][0]
    key = f"{position['claimant']} {position['date']}"
    known = ", ".join(sorted(f"{p['claimant']} {p['date']}" for p in question["positions"]))
    quote_id = next(iter(catalog["quotes"]))
    layer = tmp_path / "ko.yml"
    layer.write_text(yaml.safe_dump({
        "translation_by": " ",
        "facts": {fact_id: {"label": " ", "value": 1, "note": "주석"}, "no-such-fact": {"label": "x"}},
        "events": ["not", "a", "mapping"],
        "weather": {"x": {"title": "y"}},
        "claimants": {"kcna": "조선중앙통신"},
        "quotes": {quote_id: {"translation": "번역"}},
        "questions": {question_id: {"title": 3, "positions": {key: " ", "nobody 2001-01-01": "x"}}},
    }, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ProblemsFound) as raised:
        translate(catalog, layer, tmp_path)
    fields = "label, unit, note, unverified_reason"
    got = [(p.file, p.line, p.where, p.message) for p in raised.value.problems]
    assert got == sorted(got)  # sorted by where, as the editor reads the file
    assert got == sorted([
        ("ko.yml", 0, "translation_by", "expected who made this language's translations"),
        ("ko.yml", 0, "claimants.kcna", "expected fields (name, short, role)"),
        ("ko.yml", 0, "events", "not a section with words to translate (facts, events, quotes, groups, claimants, "
         "places, routes, maps, corrections, questions)"),
        ("ko.yml", 0, f"facts.{fact_id}.label", "expected the translated text"),
        ("ko.yml", 0, f"facts.{fact_id}.note", "the record has no such text to translate"),
        ("ko.yml", 0, f"facts.{fact_id}.value", f"not translatable here (only {fields}: figures, dates and "
         "quotations stay as recorded)"),
        ("ko.yml", 0, "facts.no-such-fact", "no fact has this id."),
        ("ko.yml", 0, f"questions.{question_id}.title", "expected the translated text"),
        ("ko.yml", 0, f"questions.{question_id}.positions.{key}", "expected the translated summary"),
        ("ko.yml", 0, f"questions.{question_id}.positions.nobody 2001-01-01",
         f"no position of this claimant and date (the question's positions: {known})"),
        ("ko.yml", 0, f"quotes.{quote_id}.translation", "a translation needs `translation_by:` at the top of the "
         "file: who translated"),
        ("ko.yml", 0, "weather", "not a section with words to translate (facts, events, quotes, groups, claimants, "
         "places, routes, maps, corrections, questions)"),
    ])


def test_positions_not_given_by_claimant_and_date_are_one_mistake(tmp_path: Path):
    catalog = build_catalog(ROOT / "data", ROOT)
    question_id = next(i for i, q in catalog["questions"].items() if q.get("positions"))
    layer = tmp_path / "ko.yml"
    layer.write_text(f"questions: {{{question_id}: {{positions: [a, b]}}}}\n", encoding="utf-8")
    with pytest.raises(ProblemsFound) as raised:
        translate(catalog, layer, tmp_path)
    assert [(p.where, p.message) for p in raised.value.problems] == [
        (f"questions.{question_id}.positions.", "expected each position's summary by its claimant and date "
         "('mayor 2024-10-24: ...')")]


def test_a_translated_position_and_quotation_show_and_credit_the_translator(tmp_path: Path):
    catalog = build_catalog(ROOT / "data", ROOT)
    question_id, question = next((i, q) for i, q in catalog["questions"].items() if len(q.get("positions") or []) > 1)
    first, second = question["positions"][:2]
    quote_id = next(iter(catalog["quotes"]))
    layer = tmp_path / "ko.yml"
    layer.write_text(yaml.safe_dump({
        "translation_by": " 이 사이트 ",
        "quotes": {quote_id: {"translation": " 번역된 말 "}},
        "questions": {question_id: {"positions": {f"{first['claimant']} {first['date']}": " 첫째 입장 "}}},
    }, allow_unicode=True), encoding="utf-8")
    translated = translate(catalog, layer, tmp_path)
    quote = translated.catalog["quotes"][quote_id]
    assert (quote["translation"], quote["translation_by"]) == ("번역된 말", "이 사이트")
    positions = translated.catalog["questions"][question_id]["positions"]
    assert positions[0]["summary"] == "첫째 입장" and positions[1] == second
    assert f"questions.{question_id}.positions.{second['claimant']} {second['date']}" in translated.missing
    assert f"questions.{question_id}.positions.{first['claimant']} {first['date']}" not in translated.missing
    assert f"quotes.{quote_id}.translation" not in translated.missing
    assert catalog["quotes"][quote_id].get("translation_by") != "이 사이트"  # the English catalog is untouched


def test_a_translation_file_with_a_control_character_or_a_near_id_says_so(tmp_path: Path):
    catalog = build_catalog(ROOT / "data", ROOT)
    fact_id = next(iter(catalog["facts"]))
    layer = tmp_path / "ko.yml"
    layer.write_text("facts:\n  x: {label: \"\x07\"}\n", encoding="utf-8")  # a character YAML refuses to read
    with pytest.raises(ProblemsFound) as raised:
        translate(catalog, layer, tmp_path)
    [problem] = raised.value.problems
    assert (problem.line, problem.message.startswith("not valid YAML: ")) == (0, True)
    layer.write_text(f"facts:\n  {fact_id}x: {{label: 라벨}}\n", encoding="utf-8")
    with pytest.raises(ProblemsFound) as raised:
        translate(catalog, layer, tmp_path)
    [message] = [p.message for p in raised.value.problems]
    # the nearest first; more near ones (other facts of the same kind) joined by "or"
    assert message.startswith(f"no fact has this id. Did you mean '{fact_id}'") and message.endswith("'?")
    assert all(part.startswith("'") for part in message.removeprefix("no fact has this id. Did you mean ")
               .removesuffix("?").split(" or "))


# --- the editions' links in-process, worked by hand --------------------------------------------------------------

def test_editions_are_read_with_their_roots_and_page_folders(tmp_path: Path) -> None:
    from mkdocs_explainer.outputs import editions

    parsed = editions.parse([{"lang": "en"}, {"lang": "ko", "root": "/ko/", "docs_dir": "docs-ko"}], tmp_path)
    assert [(e.lang, e.root, e.docs_dir) for e in parsed] == [("en", "", tmp_path / "docs"), ("ko", "ko/", tmp_path / "docs-ko")]
    assert [e.name for e in parsed] == ["English", "한국어"]


def test_the_switcher_links_each_edition_s_page_or_its_home_relative_to_the_page_or_absolute(tmp_path: Path) -> None:
    from mkdocs_explainer.outputs import editions

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs-ko").mkdir()
    (tmp_path / "docs" / "facts.md").write_text("# F\n")
    (tmp_path / "docs-ko" / "facts.md").write_text("# F\n")
    english, korean = editions.parse([{"lang": "en"}, {"lang": "ko", "root": "ko", "docs_dir": "docs-ko"}], tmp_path)
    both = [english, korean]
    # From the English page facts/ (two levels below the root is ../): Korean has the page too.
    links = editions.switcher(both, english, "facts.md", "facts/", "../")
    assert [(link["link"], link["href"]) for link in links] == [("facts/", "../facts/"), ("ko/facts/", "../ko/facts/")]
    # From the Korean edition's page: up one edition to the English one.
    links = editions.switcher(both, korean, "facts.md", "facts/", "../")
    assert [(link["link"], link["href"]) for link in links] == [("../facts/", "../../facts/"), ("facts/", "../facts/")]
    # A page only English has: Korean readers are sent to their edition's home; the home page itself links "./".
    (tmp_path / "docs" / "only.md").write_text("# O\n")
    links = editions.switcher(both, english, "only.md", "only/", "../")
    assert [(link["link"], link["href"]) for link in links] == [("only/", "../only/"), ("ko/", "../ko/")]
    assert editions.switcher(both, english, "index.md", "", "")[0]["link"] == "./"
    # With the site's address: absolute.
    links = editions.switcher(both, korean, "facts.md", "facts/", "../", "https://example.org/x/ko/")
    assert [(link["link"], link["href"]) for link in links] == [
        ("https://example.org/x/facts/", "https://example.org/x/facts/"),
        ("https://example.org/x/ko/facts/", "https://example.org/x/ko/facts/")]
    assert editions.sitemap_alternates(both, english, "facts.md", "facts/") == (("en", "/facts/"), ("ko", "/ko/facts/"))
