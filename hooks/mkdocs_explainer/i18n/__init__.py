"""Every word a reader sees, in the page's language: gettext catalogues read with Babel, and CLDR's numbers
and dates (Babel) for the page's locale.

English is the source language: the messages in the code and the templates are English, and a message a
catalogue lacks shows in English and is listed (`Language.missing`), never an error. One language is active
at a time (`use`); templates, charts, maps, citations and the feed all read it, so a page speaks one language.
Catalogues are `.po` files compiled in memory when first used (`locales/<lang>/LC_MESSAGES/explainer.po`),
so an installed package and a checkout read the same file and nothing compiled can go stale.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal

LOCALES = Path(__file__).resolve().parent / "locales"
"""The package's catalogues; a site's own (`<custom_templates>/locales/`) are merged over them."""
DOMAIN = "explainer"
SOURCE_LANGUAGE = "en"
MYRIAD_LANGUAGES = frozenset({"ko", "ja", "zh"})
"""Languages whose large numbers are read in units of ten thousand (만, 万), so "5만" reads as "50,000" does in
English; elsewhere CLDR's short forms ("50K") are headline style and are not used."""
DEFAULT_LOCALES = {"en": "en_GB"}
"""Babel locale for a bare language code where CLDR's default would change how this package has always
written it: English dates day first ("31 October 2024")."""


def N_(message: str) -> str:
    """Marks a message for the catalogue without translating it yet (it is translated where it is shown)."""
    return message


class _Missing(gettext.NullTranslations):
    """The last fallback: records each message no catalogue had, and shows it in English."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: set[str] = set()

    def gettext(self, message: str) -> str:
        self.messages.add(message)
        return message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        self.messages.add(msgid1)
        return msgid1 if n == 1 else msgid2

    def pgettext(self, context: str, message: str) -> str:
        self.messages.add(f"{context}|{message}")
        return message

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        self.messages.add(f"{context}|{msgid1}")
        return msgid1 if n == 1 else msgid2


@functools.cache
def _compiled(path: Path, mtime: float) -> bytes:
    """A .po file as .mo bytes (cached until the file changes, for `mkdocs serve`)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)  # leaves out untranslated and fuzzy messages: they fall back to English
    return buffer.getvalue()


def catalogue_path(folder: Path, code: str) -> Path:
    return folder / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def _translations(code: str, folders: Iterable[Path], missing: _Missing) -> gettext.NullTranslations:
    """The first folder's catalogue wins, then the next one's, then English (recorded as missing)."""
    chain: list[gettext.NullTranslations] = []
    for folder in folders:
        for candidate in dict.fromkeys((code, code.replace("-", "_"), code.split("-")[0].split("_")[0])):
            path = catalogue_path(folder, candidate)
            if path.is_file():
                chain.append(gettext.GNUTranslations(io.BytesIO(_compiled(path, path.stat().st_mtime))))
                break
    chain.append(missing)
    for later in chain[1:]:
        chain[0].add_fallback(later)  # appended at the end of the chain
    return chain[0]


def babel_locale(code: str) -> Locale:
    """`ko` → Babel's ko; `en` → en_GB (see DEFAULT_LOCALES); `pt-BR` → pt_BR. Unknown: a ValueError."""
    try:
        return Locale.parse(DEFAULT_LOCALES.get(code, code), sep="-" if "-" in code else "_")
    except (UnknownLocaleError, ValueError) as error:
        raise ValueError(f"unknown language '{code}': use a BCP 47 code Babel knows, e.g. en, ko, de, uk") from error


@dataclass
class Language:
    """One language's messages and its CLDR number and date formats."""

    code: str
    """BCP 47, as in <html lang> and hreflang: `en`, `ko`, `pt-BR`."""
    locale: Locale
    translations: gettext.NullTranslations
    _missing: _Missing = field(default_factory=_Missing, repr=False)

    @classmethod
    def load(cls, code: str, folders: Iterable[Path] = (), locale: str | None = None) -> Language:
        """`folders` (a site's own catalogues) come before the package's."""
        missing = _Missing()
        return cls(code, babel_locale(locale or code), _translations(code, [*folders, LOCALES], missing), missing)

    @property
    def is_source(self) -> bool:
        return self.code.split("-")[0] == SOURCE_LANGUAGE

    @property
    def missing(self) -> list[str]:
        """Messages shown in English for want of a translation (`context|message` for a message in a context)."""
        return [] if self.is_source else sorted(self._missing.messages)

    # Messages. Python passes its values here; templates get the bare lookups (Jinja escapes and fills in).
    def gettext(self, message: str, **values: object) -> str:
        text = self.translations.gettext(message)
        return text % values if values else text

    def pgettext(self, context: str, message: str, **values: object) -> str:
        text = self.translations.pgettext(context, message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: object) -> str:
        text = self.translations.ngettext(singular, plural, n)
        return text % {"num": n, **values}

    # Numbers and dates, CLDR's way for the locale. Always with the locale: Babel would otherwise read the
    # machine's LC_NUMERIC, and CI and a laptop would publish different pages.
    def number(self, number: float | int) -> str:
        """8000 → "8,000" (en), "8.000" (de); 7687.5 → "7,687.5"; 59.0 → "59"; a recorded 0.12345 stays whole.
        In languages that count in myriads, CLDR's short form where it is exact: 50000 → "5만", 11000 → "1.1만"
        (but 50783 stays "50,783": a short form would round it)."""
        if isinstance(number, float) and number.is_integer():
            number = int(number)
        return _number(number, self.locale)

    def date(self, iso: str) -> str:
        """ "2024-10-31" → "31 October 2024" (en), "2024년 10월 31일" (ko)."""
        return _date(iso, self.locale)


# Remembered: a fact's figure and date are written on its page, in the exports and in its citations, and
# Babel reads the locale's patterns again for each (10,000 facts: 40,000 numbers, 2 s).
@functools.lru_cache(maxsize=1 << 16, typed=True)
def _number(number: float | int, locale: Locale) -> str:
    if locale.language in MYRIAD_LANGUAGES and abs(number) >= 10_000:
        short = format_compact_decimal(number, locale=locale, fraction_digits=1)
        if short == format_compact_decimal(number, locale=locale, fraction_digits=6):
            return short
    return format_decimal(number, locale=locale, decimal_quantization=False)


@functools.lru_cache(maxsize=1 << 14)
def _date(iso: str, locale: Locale) -> str:
    return format_date(dt.date.fromisoformat(iso), "long", locale=locale)


_active: Language | None = None


def current() -> Language:
    """The language being built; English until a build says otherwise."""
    global _active
    if _active is None:
        _active = Language.load(SOURCE_LANGUAGE)
    return _active


def activate(language: Language) -> Language:
    global _active
    _active = language
    return language


@contextmanager
def use(code: str, folders: Iterable[Path] = ()) -> Iterator[Language]:
    """Build something in another language, then go back (tests, several editions in one process)."""
    before = current()
    language = activate(Language.load(code, folders))
    try:
        yield language
    finally:
        activate(before)


def _(message: str, **values: object) -> str:
    """The message in the active language, its `%(name)s` placeholders filled in."""
    return current().gettext(message, **values)


def pgettext(context: str, message: str, **values: object) -> str:
    """A message whose English word means different things (a status, a qualifier, a kind of place)."""
    return current().pgettext(context, message, **values)


def ngettext(singular: str, plural: str, n: int, **values: object) -> str:
    return current().ngettext(singular, plural, n, **values)


def NP_(context: str, message: str) -> str:
    """Like N_, for a message in a context (`NP_("status", "confirmed")`): translate it with pgettext."""
    return message


_data_code: str | None = None


def set_data_language(code: str | None) -> None:
    """The language the data is written in (the site's first edition); None: the page's own."""
    global _data_code
    _data_code = code


def data_language() -> str:
    return _data_code or current().code


def foreign(lang: str | None = None) -> str | None:
    """A text's language where it differs from the page's, for its `lang` attribute (screen readers switch
    voice): `lang` is the text's own (a quotation's), else the data's."""
    own = lang or data_language()
    return None if own.lower() == current().code.lower() else own
