"""Every word a reader sees comes from a message catalogue; numbers and dates from CLDR for the page's locale."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from conftest import UNDER_MUTATION
from mkdocs_explainer import i18n
from mkdocs_explainer.i18n import messages
from mkdocs_explainer.pages.formatting import format_date, format_moment, format_value


def write_catalogue(folder: Path, code: str, translations: dict[str | tuple[str, str], str]) -> Path:
    """A site's own catalogue (`<custom_templates>/locales/<code>/LC_MESSAGES/explainer.po`)."""
    catalog = Catalog(locale=code, domain=i18n.DOMAIN, fuzzy=False)
    for key, text in translations.items():
        context, message = key if isinstance(key, tuple) else (None, key)
        catalog.add(message, text, context=context)
    path = i18n.catalogue_path(folder, code)
    path.parent.mkdir(parents=True)
    with path.open("wb") as handle:
        write_po(handle, catalog)
    return folder


def test_english_reads_as_it_always_has():
    with i18n.use("en") as english:
        assert format_value({"value": 8000, "value_kind": "number", "qualifier": "about", "unit": "troops"}) == "about 8,000 troops"
        assert format_date("2024-10-31") == "31 October 2024"
        assert english.missing == []


def test_a_qualifier_is_a_template_so_a_language_may_put_it_after_the_figure(tmp_path: Path):
    folder = write_catalogue(tmp_path, "ko", {"more than %(quantity)s": "%(quantity)s 이상", "%(number)s %(unit)s": "%(number)s%(unit)s"})
    with i18n.use("ko", [folder]):
        shown = format_value({"value": 50783, "value_kind": "number", "qualifier": "more than", "unit": "명"})
    assert shown == "50,783명 이상"


def test_dates_and_numbers_follow_the_locale_and_never_change_the_figure():
    with i18n.use("ko"):
        assert format_date("2024-10-31") == "2024년 10월 31일"
        assert format_moment({"date": "2024-10-31", "time": "07:10", "timezone": "KST"}).startswith("2024년 10월 31일")
    with i18n.use("de"):
        assert format_value({"value": 34.2, "value_kind": "number"}) == "34,2"
        assert format_value({"value": 1414, "value_kind": "number"}) == "1.414"


def test_korean_counts_in_myriads_only_where_the_short_form_is_exact():
    with i18n.use("ko"):
        assert format_value({"value": 50000, "value_kind": "number", "unit": "명"}) == "5만 명"
        assert format_value({"value": 11000, "value_kind": "number", "unit": "명"}) == "1.1만 명"
        assert format_value({"value": 50783, "value_kind": "number", "unit": "명"}) == "50,783 명"
        assert format_value({"value": 8000, "value_kind": "number", "unit": "명"}) == "8,000 명"
    with i18n.use("en"):
        assert format_value({"value": 50000, "value_kind": "number"}) == "50,000"


def test_a_missing_message_shows_in_english_and_is_listed(tmp_path: Path):
    folder = write_catalogue(tmp_path, "de", {"about %(quantity)s": "etwa %(quantity)s"})
    with i18n.use("de", [folder]) as german:  # the package ships no German catalogue
        assert format_value({"value": 5, "value_kind": "number", "qualifier": "up to"}) == "up to 5"
        assert format_value({"value": 5, "value_kind": "number", "qualifier": "about"}) == "etwa 5"
    assert "up to %(quantity)s" in german.missing
    assert "about %(quantity)s" not in german.missing


def test_a_site_catalogue_rewords_the_package_s_messages(tmp_path: Path):
    folder = write_catalogue(tmp_path, "en", {("status", "claimed"): "asserted"})
    from mkdocs_explainer.pages.formatting import status_name

    with i18n.use("en", [folder]):
        assert status_name("claimed") == "asserted"
        assert status_name("reported") == "reported"


def test_an_unknown_language_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown language 'xx-nonsense'"):
        i18n.Language.load("xx-nonsense")


@pytest.mark.skipif(UNDER_MUTATION, reason="reads the messages from the package's source, where mutmut's copy "
                    "holds every mutant's changed strings")
def test_the_catalogue_template_holds_every_message_of_the_code_and_templates(monkeypatch: pytest.MonkeyPatch):
    """`make messages` was run after the last change to a message (else translators never see it)."""
    # The project's source, not wherever the package was imported from: `make mutation` imports a copy rewritten
    # with every mutant's strings.
    monkeypatch.setattr(messages, "PACKAGE", Path(__file__).resolve().parent.parent / "hooks" / "mkdocs_explainer")
    with i18n.messages.TEMPLATE.open("rb") as handle:
        shipped = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in read_po(handle) if m.id}
    current = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in messages.extract() if m.id}
    assert current - shipped == set(), "run `make messages`"


def test_a_social_card_draws_hangul_and_cyrillic_and_names_what_its_font_lacks():
    import io

    from mkdocs_explainer.outputs import social_card
    from PIL import Image

    assert social_card.missing_glyphs("2023년 튀르키예·시리아 지진", "Землетрясение 2023 — «Україна»", "Kahramanmaraş depremi, Ağrı") == []
    assert social_card.missing_glyphs("地震 2023") == ["地", "震"]  # Han characters are not in the subset
    korean = Image.open(io.BytesIO(social_card.draw_card("2023년 지진 해설", "", "")))
    ascii_only = Image.open(io.BytesIO(social_card.draw_card("2023 -", "", "")))
    title_band = (80, 100, 1120, 190)
    ink = [img.crop(title_band).convert("L").point(lambda v: 255 if v == 255 else 0).histogram()[255] for img in (korean, ascii_only)]
    assert ink[0] > 2 * ink[1]  # the Korean words are drawn, not left out as "2023 -"


def test_the_build_warns_when_the_card_s_font_lacks_a_character(tmp_path):
    from mkdocs_explainer.outputs import social_card

    assert social_card.write(tmp_path / "card.png", "地震", "", "", tmp_path / "cache") == ["地", "震"]
    # A cached card keeps its list, so every build warns, not only the first.
    assert social_card.write(tmp_path / "again.png", "地震", "", "", tmp_path / "cache") == ["地", "震"]
    # The title, the site's description and the footer are all looked at.
    assert social_card.write(tmp_path / "three.png", "Quake", "In 地", "震 notes", tmp_path / "cache") == ["地", "震"]


def test_the_cards_words_wrap_at_the_last_word_that_fits_its_width_exactly():
    from mkdocs_explainer.outputs import social_card

    class TenPerCharacter:  # a font whose every character is 10 pixels wide
        def length(self, draw: object, text: str) -> int:
            return 10 * len(text)

    face = TenPerCharacter()
    assert social_card._wrap(None, "aa bb cc dd", face, 50, 5) == ["aa bb", "cc dd"]  # "aa bb" is exactly 50 wide
    assert social_card._wrap(None, "aa bb cc dd ee ff", face, 50, 2) == ["aa bb", "cc dd…"]  # cut: the last line says so
    assert social_card._wrap(None, "aa, bb. cc dd ee", face, 70, 1) == ["aa, bb…"]  # no stop before the ellipsis
