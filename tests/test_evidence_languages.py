"""Evidence in the source's language: figures as each language writes them (CLDR through Babel), hedges from
each language's table, the site's own tables, and fixture explainers in German and Korean.

Oracles: worked examples written out by hand (what a German or Korean newspaper prints), and Babel's own
formatting, which shares no code with the figure check."""

from __future__ import annotations

import textwrap
import typing
from decimal import Decimal
from pathlib import Path

import pytest
from babel.numbers import format_compact_decimal, format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_explainer.data import languages
from mkdocs_explainer.data.catalog import build_catalog
from mkdocs_explainer.data.evidence import Excerpt, check_figure, check_quote, numbers_in
from mkdocs_explainer.data.evidence_settings import SHIPPED, EvidenceSettings, check_language, check_settings
from mkdocs_explainer.problems import ProblemsFound

FIXTURES = Path(__file__).parent / "fixtures" / "languages"


def values(text: str, lang: str) -> set[Decimal]:
    return {m.value for m in numbers_in(text, lang)}


# --- numbers: worked examples ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "text", "number"),
    [
        ("de", "rund 1.200 Helfer", Decimal(1200)),
        ("de", "Schäden von 34,2 Milliarden US-Dollar", Decimal("34.2e9")),
        ("de", "1.414 Menschen", Decimal(1414)),
        ("de", "2 Mio. Menschen", Decimal(2_000_000)),
        ("fr", "1\u202f414 sauveteurs", Decimal(1414)),
        ("fr", "1\u00a0414 sauveteurs", Decimal(1414)),
        ("fr", "34,2 milliards de dollars", Decimal("34.2e9")),
        ("es", "unos 1.200 rescatistas", Decimal(1200)),
        ("es", "3,5 millones de personas", Decimal(3_500_000)),
        ("ru", "более 5 тысяч человек", Decimal(5000)),
        ("ru", "1,5 млн человек", Decimal(1_500_000)),
        ("uk", "понад 5 тисяч осіб", Decimal(5000)),
        ("uk", "12\u00a0000 осіб", Decimal(12_000)),
        ("ko", "사망자는 5만 783명 이상", Decimal(50_783)),
        ("ko", "1억 2000만 달러", Decimal(120_000_000)),
        ("ko", "약 1만1천 명", Decimal(11_000)),
        ("ja", "総額2億円", Decimal(200_000_000)),
        ("ja", "約86分飛翔し", Decimal(86)),
        ("ja", "約7,000kmを超える", Decimal(7000)),
        ("ja", "８０００人", Decimal(8000)),  # full-width digits are digits in Japanese
        ("ar-EG", "٨٠٠٠ شخص", Decimal(8000)),  # and Arabic-Indic ones in Egyptian Arabic (CLDR's default there)
    ],
)
def test_a_figure_is_read_as_its_language_writes_it(lang: str, text: str, number: Decimal):
    assert number in values(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "number"),
    [
        ("de", "1,414 Menschen", Decimal(1414)),  # a German comma is a decimal comma: 1,414 is 1.414
        ("en", "1.414 people", Decimal(1414)),
        ("ko", "사망자는 5만 783명", Decimal(783)),  # 783 is part of 5만 783
        ("ko", "사망자는 5만 783명", Decimal(50_000)),
        ("en", "８０００ people", Decimal(8000)),  # full-width and Arabic-Indic digits are not English digits
        ("en", "٨٠٠٠ people", Decimal(8000)),
        ("en", "an A320 jet", Decimal(320)),  # glued to a letter: a name
        ("en", "8 000 people", Decimal(8)),  # one number with a space between its groups, not 8
    ],
)
def test_what_a_language_does_not_write_as_that_figure(lang: str, text: str, number: Decimal):
    assert number not in values(text, lang)


# --- hedges in each language ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "excerpt", "value", "qualifier"),
    [
        ("de", "Es waren rund 1.200 Helfer im Einsatz.", 1200, "about"),
        ("de", "mehr als 50.000 Tote", 50_000, "more than"),
        ("de", "bis zu 8.000 Soldaten", 8000, "up to"),
        ("fr", "plus de 50\u202f000 morts", 50_000, "more than"),
        ("fr", "environ 1\u202f200 sauveteurs", 1200, "about"),
        ("es", "más de 50.000 muertos", 50_000, "more than"),
        ("es", "al menos 1.200 rescatistas", 1200, "at least"),
        ("ru", "не менее 5 тысяч человек", 5000, "at least"),
        ("ru", "около 1200 спасателей", 1200, "about"),
        ("uk", "щонайменше 5 тисяч осіб", 5000, "at least"),
        ("ko", "사망자는 5만 783명 이상으로 집계됐다", 50_783, "at least"),  # 이상 follows the figure, after the counter
        ("ko", "1만 명이 넘는 병력", 10_000, "more than"),
        ("ko", "약 1만1천 명", 11_000, "about"),
        ("ja", "飛翔距離は約1,000km", 1000, "about"),  # 約 glued to the figure
        ("ja", "最高高度は約7,000kmを超えると推定", 7000, "over"),
        ("ja", "少なくとも1発", 1, "at least"),
    ],
)
def test_a_hedge_passes_in_the_language_and_place_the_source_writes_it(lang, excerpt, value, qualifier):
    assert check_figure(value, qualifier, None, [Excerpt(excerpt, lang)]) == []
    # the same figure without its hedge is refused: the hedge was found, and it is part of the fact
    [finding] = check_figure(value, None, None, [Excerpt(excerpt, lang)])
    assert finding.field == "qualifier" and "the source hedges the figure" in finding.message


@pytest.mark.parametrize(
    ("lang", "excerpt", "value", "qualifier"),
    [
        ("de", "rund 1.200 Helfer", 1200, "more than"),
        ("ko", "사망자는 5만 783명 이상", 50_783, "about"),
        ("ja", "約86分飛翔し", 86, "over"),
        ("ru", "не более 5 тысяч человек", 5000, "more than"),  # "not more than" is at most
        ("fr", "plus de 50\u202f000 morts", 50_000, "about"),
    ],
)
def test_a_hedge_the_source_does_not_give_is_refused_in_any_language(lang, excerpt, value, qualifier):
    [finding] = check_figure(value, qualifier, None, [Excerpt(excerpt, lang)])
    assert finding.field == "qualifier" and f"'{qualifier}' is not the source's hedge" in finding.message


def test_japanese_hedges_glue_to_the_figure_and_korean_ones_follow_it():
    # 約 with a space is not how Japanese writes it; 이상 before the figure is not how Korean does
    assert check_figure(86, "about", None, [Excerpt("約 86分", "ja")]) != []
    assert check_figure(50_783, "at least", None, [Excerpt("이상 5만 783명", "ko")]) != []


def test_a_hedge_the_table_lacks_is_an_error_naming_the_language_and_the_table():
    [finding] = check_figure(50_783, "possibly", None, [Excerpt("5만 783명", "ko")])
    assert finding.field == "qualifier"
    assert "hedge table for 'ko' has no words for 'possibly'" in finding.message
    assert "`hedges: {ko: {possibly: [...]}}`" in finding.message
    # a language with no table at all: neither a hedged nor a plain figure passes silently
    for qualifier in ("about", None):
        [finding] = check_figure(1200, qualifier, None, [Excerpt("circa 1.200 soccorritori", "it")])
        assert "no hedge table for 'it'" in finding.message or "hedge table for 'it'" in finding.message


def test_a_site_extends_a_table_or_adds_a_language_in_its_settings():
    italian = EvidenceSettings(hedges={"it": {"about": ["circa"], "other": ["meno di"]}})
    assert check_figure(1200, "about", None, [Excerpt("circa 1.200 soccorritori", "it")], italian) == []
    assert check_figure(1200, None, None, [Excerpt("oltre 1.200 soccorritori", "it")], italian) == []
    assert check_figure(1200, None, None, [Excerpt("meno di 1.200 soccorritori", "it")], italian) != []
    german = EvidenceSettings(hedges={"de": {"about": ["an die"]}})
    assert check_figure(1200, "about", None, [Excerpt("an die 1.200 Helfer", "de")], german) == []
    assert check_figure(1200, "about", None, [Excerpt("an die 1.200 Helfer", "de")]) != []


def test_the_sites_language_is_the_default_for_excerpts_without_lang():
    assert check_figure(1200, "about", None, ["rund 1.200 Helfer"], EvidenceSettings("de")) == []
    assert check_figure(1200, "about", None, ["rund 1.200 Helfer"]) != []  # English reads 1.200 as 1.2


def test_every_settings_mistake_is_named_in_full_and_none_stops_the_others():
    from mkdocs_explainer.data import schema

    qualifiers = ", ".join((*typing.get_args(schema.Qualifier), "other"))
    assert check_settings({"de": ["rund"], "pt-BR": {"about": ["cerca de"], "guessed": ["x"]},
                           "fr": {"about": ["environ", "…", " "]}, "it": {"about": [3]}}) == [
        "hedges.de should map qualifiers to lists of words, like {about: [rund, etwa]}",
        f"hedges.pt-BR.guessed: not a qualifier (use one of {qualifiers})",
        "hedges.fr.about should be a list of words, like [rund, etwa]",  # "…" alone or a space is no word
        "hedges.it.about should be a list of words, like [rund, etwa]",
    ]
    assert check_settings({"pt-BR": {"about": ["cerca de …"]}, "zh-Hant-TW": {"about": ["約"]}}) == []  # BCP 47 tags
    assert check_settings({"pt_BR": {"about": ["cerca de"]}}) == [
        "hedges.pt_BR: not a language Babel knows (use a BCP 47 tag such as de or pt-BR)"]


def test_settings_mistakes_are_named():
    assert check_settings({}) == []
    assert check_settings({"de": {"about": ["rund"]}}) == []
    assert check_settings("rund") != []
    [mistake] = check_settings({"de": {"guessed": ["rund"]}})
    assert "hedges.de.guessed: not a qualifier" in mistake
    [mistake] = check_settings({"de": {"about": "rund"}})
    assert "should be a list of words" in mistake
    [mistake] = check_settings({"xx-nope-!": {"about": ["rund"]}})
    assert "not a language Babel knows" in mistake
    assert check_language("ko") == [] and check_language("pt-BR") == []
    assert check_language("pt_BR") == []  # as MkDocs' own `theme: language:` writes it
    [mistake] = check_language("klingon")
    assert "language: 'klingon' is not a language Babel knows" in mistake


def test_an_unknown_language_tag_is_named():
    [finding] = check_figure(1200, None, None, [Excerpt("1200", "qq")])
    assert finding.field == "sources" and "'qq' is not a language tag Babel knows" in finding.message


def test_a_cut_may_not_drop_a_negation_in_any_shipped_language():
    cases = [("de", "Wir werden niemals Gewalt anwenden", "Wir werden … Gewalt anwenden"),
             ("fr", "Nous n'utiliserons jamais la force", "Nous … utiliserons … la force"),
             ("es", "No usaremos nunca la fuerza", "… usaremos … la fuerza"),
             ("ru", "Мы никогда не применим силу", "Мы … применим силу"),
             ("uk", "Ми ніколи не застосуємо силу", "Ми … застосуємо силу"),
             ("ko", "우리는 무력을 사용하지 않을 것이다", "우리는 무력을 사용하지 … 것이다"),
             ("ja", "武力は決して使わない方針だ", "武力は決して使わ…方針だ")]
    for lang, said, cut in cases:
        [finding] = check_quote(cut, [Excerpt(said, lang)])
        assert "leaves out" in finding.message, lang


# --- property: Babel's formatting of a value is found, another value is not -------------------------------

@settings(max_examples=150, deadline=None)
@given(st.sampled_from(SHIPPED), st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99),
       st.booleans())
def test_babels_formatting_of_a_value_is_found_and_another_value_is_not(lang, whole, cents, fractional):
    value = whole + cents / 100 if fractional else whole
    written = format_decimal(value, locale=lang.replace("-", "_"), decimal_quantization=False)
    excerpt = Excerpt(f"{written} —", lang)
    assert check_figure(value, None, None, [excerpt]) == [], written
    other = value + 1
    [finding] = check_figure(other, None, None, [excerpt])
    assert finding.field == "value", written


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(SHIPPED), st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=9),
       st.sampled_from([0, 1, 2]), st.sampled_from(["short", "long"]))
def test_babels_scale_words_are_read_as_their_scale(lang, mantissa, tenth, step, style):
    # the language's own steps (10⁴, 10⁸, 10¹² where it counts in myriads), so Babel writes the value exactly
    scale = 10 ** (4 * (step + 1)) if lang in ("ko", "ja") else 10 ** (3 * (step + 2))
    value = Decimal(mantissa) + Decimal(tenth) / 10
    try:
        written = format_compact_decimal(value * scale, format_type=style, locale=lang, fraction_digits=1)
    except KeyError:  # CLDR has no long forms for this language (ko, ja): the short ones are its words
        return
    word = "".join(c for c in written if c.isalpha())
    if not word or (len(word) == 1 and word.isascii()):
        return  # no compact word at this scale, or a one-letter one ("1.1M") that reads as a unit as often: not read

    assert value * scale in values(written, lang), written
    assert (value + 1) * scale not in values(written, lang), written


# --- fixture explainers -----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["de", "ko"])
def test_a_fixture_explainer_in_another_language_builds(lang: str, tmp_path: Path):
    root = tmp_path / lang
    (root / "data").mkdir(parents=True)
    (root / "data" / "facts.yml").write_text((FIXTURES / f"{lang}.yml").read_text(encoding="utf-8"), encoding="utf-8")
    catalog = build_catalog(root / "data", root, EvidenceSettings(lang))
    assert len(catalog["facts"]) >= 2


@pytest.mark.parametrize(
    ("lang", "right", "wrong", "where"),
    [
        ("de", "value: 1200\n", "value: 1300\n", "facts[0].value (helfer)"),
        ("de", "value: 34.2\n", "value: 34.3\n", "facts[1].value (schaeden)"),
        ("ko", "value: 50783\n", "value: 50738\n", "facts[0].value (deaths)"),
        ("ko", "qualifier: at least\n", "qualifier: about\n", "facts[0].qualifier (deaths)"),
    ],
)
def test_a_wrong_figure_in_a_fixture_explainer_is_refused_with_file_and_line(lang, right, wrong, where, tmp_path: Path):
    text = (FIXTURES / f"{lang}.yml").read_text(encoding="utf-8")
    assert text.count(right) == 1
    line = text[:text.index(right)].count("\n") + 1
    root = tmp_path / lang
    (root / "data").mkdir(parents=True)
    (root / "data" / "facts.yml").write_text(text.replace(right, wrong), encoding="utf-8")
    with pytest.raises(ProblemsFound) as error:
        build_catalog(root / "data", root, EvidenceSettings(lang))
    [problem] = error.value.problems
    assert str(problem).startswith(f"data/facts.yml:{line}: {where}: "), str(problem)


def test_shipped_tables_cover_every_qualifier_in_english():
    assert set(languages.HEDGES["en"]) >= set(languages.QUALIFIERS)
    assert set(languages.HEDGES) >= set(SHIPPED) and set(languages.NEGATIONS) >= set(SHIPPED)


def test_a_site_with_another_language_builds_with_its_settings(tmp_path: Path):
    """The plugin's `language` and `hedges` options reach the checks (and a mistake in them stops the build)."""
    from project import mkdocs

    root = tmp_path / "site"
    (root / "docs").mkdir(parents=True)
    (root / "data").mkdir()
    (root / "docs" / "index.md").write_text("# Test\n\n<!-- fact:helfer -->\n\n<!-- fact:schaeden -->\n\n<!-- fact:tote -->\n",
                                            encoding="utf-8")
    data = (FIXTURES / "de.yml").read_text(encoding="utf-8").replace("rund 1.200", "an die 1.200")  # not shipped
    (root / "data" / "facts.yml").write_text(data, encoding="utf-8")
    config = textwrap.dedent("""\
        site_name: Test
        theme:
          name: material
          language: de
          font: false
        markdown_extensions:
          - md_in_html
        plugins:
          - explainer:
              hedges:
                de:
                  about: [an die]
        """)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    built = mkdocs(root, "build", "--strict")
    assert built.returncode == 0, built.stderr
    (root / "mkdocs.yml").write_text(config.replace("about: [an die]", "beinahe: [an die]"), encoding="utf-8")
    refused = mkdocs(root, "build", "--strict")
    assert refused.returncode != 0 and "explainer.hedges.de.beinahe: not a qualifier" in refused.stderr


def test_dates_are_compared_as_words_whatever_the_spaces_case_and_abbreviation_dots():
    expected = "31 oct 2024"
    for written in ("31\u00a0Oct. 2024", "31\u202fOCT 2024", "31 \u2009 oct.\t2024", "31\nOct 2024"):
        assert languages.plain_date(written) == expected, written
    assert languages.plain_date("2024. 10. 31.") == "2024. 10. 31."  # a dot after a digit is no abbreviation


def test_a_language_s_primary_subtag_however_the_tag_is_written():
    assert [languages.primary(tag) for tag in ("pt_BR", "zh-Hant-TW", "EN", "de-AT", "ko")] == ["pt", "zh", "en", "de", "ko"]


def test_a_site_s_hedges_for_a_language_apply_to_its_regional_tags_and_a_regional_table_wins():
    german = EvidenceSettings(hedges={"de": {"about": ["an die"]}, "de-CH": {"about": ["gegen"]}})
    assert check_figure(1200, "about", None, [Excerpt("an die 1.200 Helfer", "de-AT")], german) == []
    assert check_figure(1200, "about", None, [Excerpt("gegen 1’200 Helfer", "de-CH")], german) == []
    assert check_figure(1200, "about", None, [Excerpt("an die 1’200 Helfer", "de-CH")], german) != []
