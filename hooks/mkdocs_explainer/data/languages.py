"""How each language writes what the evidence checks look for: numbers, hedges, negations, spans and dates.

Numbers come from CLDR through Babel (decimal and grouping symbols, native digits, the scale words of the
compact forms: de "Milliarden", ja "億", ko "만"); hedges, negations and the words that join a span are
tables written here for the languages shipped, which a site may extend or add to in its settings.

A hedge is written as it stands next to the figure, "…" marking the figure: "as many as" (before it, a
space between), "約…" (before it, no space), "… 이상" (after it, maybe after a unit or counter word).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import typing
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.dates import DateTimePattern, match_skeleton

from . import schema
from .evidence_settings import FIGURE, OTHER, EvidenceSettings

QUALIFIERS: tuple[str, ...] = typing.get_args(schema.Qualifier)
HEDGES: dict[str, dict[str, list[str]]] = {
    "en": {
        "about": ["about"], "around": ["around"],
        "at least": ["at least", "no fewer than", "no less than", "… or more"],
        "more than": ["more than", "upwards of", "in excess of"], "over": ["over"],
        "up to": ["up to"], "as many as": ["as many as"], "nearly": ["nearly"], "some": ["some"],
        "possible": ["possible", "a possible"], "possibly": ["possibly"], "approximately": ["approximately"],
        "roughly": ["roughly"], "as much as": ["as much as"], "an estimated": ["an estimated", "estimated"],
        OTHER: ["almost", "less than", "fewer than", "close to", "closer to", "under",
                "below", "at most", "no more than", "just over", "just under",
                "… or so", "… or less", "… or fewer", "… plus"],
    },
    "de": {
        "about": ["etwa", "ungefähr", "circa", "ca.", "zirka", "rund"], "around": ["rund", "um die", "gegen"],
        "at least": ["mindestens", "wenigstens", "… oder mehr"], "more than": ["mehr als", "über"], "over": ["über"],
        "up to": ["bis zu"], "as many as": ["bis zu"], "nearly": ["fast", "beinahe", "knapp", "nahezu"],
        "some": ["rund", "etwa", "ungefähr"], "possible": ["mögliche", "möglichen", "möglicherweise"],
        "possibly": ["möglicherweise", "vielleicht"],
        "approximately": ["annähernd", "ungefähr", "etwa"], "roughly": ["rund", "grob", "etwa"],
        "as much as": ["bis zu"], "an estimated": ["schätzungsweise", "geschätzte", "geschätzten"],
        OTHER: ["weniger als", "unter", "höchstens", "gut"],
    },
    "fr": {
        "about": ["environ", "quelque"], "around": ["autour de", "quelque"],
        "at least": ["au moins", "… ou plus"], "more than": ["plus de"], "over": ["plus de", "au-delà de"],
        "up to": ["jusqu'à"], "as many as": ["jusqu'à"], "nearly": ["près de", "presque"],
        "some": ["quelque", "quelques", "environ"], "possible": ["possible", "possibles"], "possibly": ["peut-être"],
        "approximately": ["approximativement", "environ"], "roughly": ["à peu près", "environ"],
        "as much as": ["jusqu'à"], "an estimated": ["environ", "quelque"],
        OTHER: ["moins de", "au plus", "un peu plus de", "un peu moins de"],
    },
    "es": {
        "about": ["unos", "unas", "alrededor de", "cerca de"], "around": ["alrededor de", "en torno a"],
        "at least": ["al menos", "por lo menos", "… o más"], "more than": ["más de"], "over": ["más de"],
        "up to": ["hasta"], "as many as": ["hasta"], "nearly": ["casi", "cerca de"],
        "some": ["unos", "unas", "algunos", "algunas"], "possible": ["posible", "posibles"], "possibly": ["posiblemente"],
        "approximately": ["aproximadamente", "unos", "unas"],
        "roughly": ["aproximadamente", "alrededor de"], "as much as": ["hasta"], "an estimated": ["unos", "unas", "aproximadamente"],
        OTHER: ["menos de", "como máximo", "aproximadas", "aproximados"],
    },
    "ru": {
        "about": ["около", "примерно", "приблизительно"], "around": ["порядка", "около"],
        "at least": ["не менее", "не меньше", "по меньшей мере", "как минимум"], "more than": ["более", "больше", "свыше"],
        "over": ["свыше", "более"], "up to": ["до"], "as many as": ["до", "целых"], "nearly": ["почти", "около"],
        "some": ["около", "порядка", "примерно"], "possible": ["возможная", "возможное", "возможно"], "possibly": ["возможно"],
        "approximately": ["приблизительно", "примерно", "около"],
        "roughly": ["примерно", "около"], "as much as": ["до", "целых"], "an estimated": ["по оценкам", "примерно", "около"],
        OTHER: ["менее", "меньше", "не более", "не больше", "максимум"],
    },
    "uk": {
        "about": ["близько", "приблизно", "орієнтовно"], "around": ["близько", "порядку"],
        "at least": ["щонайменше", "принаймні", "не менше", "як мінімум"], "more than": ["понад", "більше", "більш ніж"],
        "over": ["понад", "більше"], "up to": ["до"], "as many as": ["до", "аж"], "nearly": ["майже", "близько"],
        "some": ["близько", "приблизно"], "possible": ["можлива", "можливе", "можливо"], "possibly": ["можливо"],
        "approximately": ["приблизно", "орієнтовно", "близько"],
        "roughly": ["приблизно", "близько"], "as much as": ["до", "аж"], "an estimated": ["за оцінками", "орієнтовно", "приблизно"],
        OTHER: ["менше", "менш ніж", "не більше", "максимум"],
    },
    "ko": {
        "about": ["약", "대략", "… 정도", "… 가량", "… 안팎"], "around": ["약", "… 안팎", "… 내외", "… 정도"],
        "at least": ["최소", "적어도", "… 이상"], "more than": ["… 이상", "… 넘는", "… 넘게", "… 넘어", "… 초과", "…여"],
        "over": ["… 넘는", "… 넘게", "… 초과", "…여"], "up to": ["최대"], "as many as": ["최대", "무려"],
        "nearly": ["거의", "… 가까이", "… 가까운", "… 육박"], "some": ["약", "… 정도", "… 가량"],
        "approximately": ["약", "대략", "… 가량"],
        "roughly": ["약", "대략", "… 정도"], "as much as": ["최대", "무려"], "an estimated": ["추정", "… 추정"],
        OTHER: ["… 미만", "… 이하", "… 남짓"],
    },
    "ja": {
        "about": ["約…", "およそ…", "…程度", "…ほど"], "around": ["…前後", "…程度", "約…"],
        "at least": ["少なくとも…", "最低…", "…以上"], "more than": ["…以上", "…超", "…を超える", "…を超え", "…余り", "…余"],
        "over": ["…を超える", "…を超え", "…超", "…余り"], "up to": ["最大…", "最大で…"], "as many as": ["最大…", "…にも上る", "…に上る"],
        "nearly": ["…近く", "…近い", "ほぼ…"], "some": ["約…", "およそ…"],
        "approximately": ["約…", "およそ…"], "roughly": ["約…", "およそ…", "…程度"],
        "as much as": ["最大…", "…にも上る"], "an estimated": ["推定…", "推計…"],
        OTHER: ["…未満", "…以下", "…弱", "…強"],
    },
}
"""The hedges shipped, by language and qualifier; extended by a site's `hedges:` setting."""

NEGATIONS: dict[str, list[str]] = {
    "en": ["not", "never", "no", "none", "nothing", "nobody", "neither", "nor", "cannot", "without", "-n't"],
    "de": ["nicht", "nie", "niemals", "kein", "keine", "keinen", "keinem", "keiner", "keines", "weder", "ohne"],
    "fr": ["ne", "n'", "pas", "jamais", "aucun", "aucune", "ni", "sans", "personne", "rien"],
    "es": ["no", "nunca", "jamás", "ni", "ningún", "ninguna", "ninguno", "nadie", "nada", "sin", "tampoco"],
    "ru": ["не", "нет", "ни", "никогда", "никто", "ничего", "без"],
    "uk": ["не", "ні", "немає", "ніколи", "ніхто", "нічого", "без"],
    "ko": ["않", "안 ", "못", "없", "아니", "아닌", "말라", "마라"],
    "ja": ["ない", "なかっ", "ません", "ず", "ぬ", "無い", "非", "不"],
}
"""Words that turn a statement round: a cut (…) in a quotation may not drop one, nor may one stand before a hedge.
A leading "-" marks the end of a word ("-n't" in "won't")."""

SPAN_JOINERS: dict[str, list[str]] = {
    "en": ["to", "and", "or"], "de": ["bis", "und", "oder"], "fr": ["à", "et", "ou"], "es": ["a", "y", "o"],
    "ru": ["до", "и", "или"], "uk": ["до", "і", "й", "або"], "ko": ["에서", "내지"], "ja": ["から", "ないし"],
}
"""Words between the two ends of a span ("10,000 to 12,000"); dashes and tildes join a span in every language."""
DASHES = ("-", "–", "—", "~", "～", "〜")

EXTRA_SCALES: dict[str, dict[str, int]] = {"en": {"bn": 10**9}, "ja": {"千": 10**3}, "zh": {"千": 10**3}}
"""Scale words the press writes that CLDR's compact forms lack."""

_SPACES = (" ", "\u00a0", "\u202f", "\u2009")
_EAST_ASIAN = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_NATIVE_ZERO = {"arab": 0x660, "arabext": 0x6F0, "beng": 0x9E6, "deva": 0x966, "mymr": 0x1040, "tibt": 0xF20,
                "thai": 0xE50, "laoo": 0xED0, "khmr": 0x17E0, "mlym": 0xD66, "telu": 0xC66, "taml": 0xBE6, "gujr": 0xAE6}
"""The zero of the numbering systems CLDR gives as a language's default (its digits follow it in Unicode)."""
_FULL_WIDTH = {chr(0xFF10 + d): str(d) for d in range(10)}


def east_asian(char: str) -> bool:
    """A character of a script written without spaces between words (Han, kana, Hangul)."""
    return bool(_EAST_ASIAN.match(char))


class LanguageError(ValueError):
    """A language tag Babel does not know."""


@dataclass(frozen=True)
class Hedge:
    """One way a language writes a hedge: its words, and whether they stand after the figure and glued to it."""

    words: str
    qualifier: str
    after: bool
    glued: bool


@dataclass(frozen=True)
class Language:
    """Everything the checks need about one language, compiled once."""

    tag: str
    primary: str
    decimal: str
    groups: tuple[str, ...]
    digits: dict[int, int]
    """str.translate table: the digits this language writes (ASCII, its native ones, full-width ones) to ASCII."""
    scales: dict[str, int]
    myriad: bool
    """Whether the language counts in myriads (10⁴: 만, 万), writing 5만 783 for 50,783."""
    hedges: tuple[Hedge, ...] | None
    """None when no table is shipped or set for the language."""
    negation: re.Pattern[str]
    joiners: re.Pattern[str]
    locales: tuple[str, ...]
    number: re.Pattern[str]
    """A number in digits as this language writes it (after `digits`), with the scale word after it."""
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    """Hedge words that stand before the figure, and after it; None when there are none."""

    @functools.cached_property
    def hedges_by_words(self) -> dict[tuple[str, bool], list[Hedge]]:
        """The hedges by their words (spaces made plain, no case) and whether they follow the figure."""
        table: dict[tuple[str, bool], list[Hedge]] = {}
        for hedge in self.hedges or ():
            table.setdefault((" ".join(hedge.words.split()).casefold(), hedge.after), []).append(hedge)
        return table

    @functools.cached_property
    def folded_scales(self) -> dict[str, int]:
        """The scale words without case ("Billion" is "billion"), for reading a fact's unit."""
        return {word.casefold(): scale for word, scale in self.scales.items()}

    @functools.cached_property
    def longest_after(self) -> int:
        """The length of the longest hedge written after the figure (0 for none): how far past a figure to look."""
        return max((len(h.words) for h in self.hedges or () if h.after), default=0)

    def hedge_words(self, qualifier: str) -> list[Hedge]:
        return [h for h in self.hedges or () if h.qualifier == qualifier]

    def negated(self, text: str) -> bool:
        return self.negation.search(text) is not None

    def date_forms(self, day: dt.date) -> set[str]:
        """The ways this language writes a day (with and without the year), compared without case or dots."""
        return set(_date_forms(day, self.locales))


@functools.lru_cache(maxsize=4096)
def _date_forms(day: dt.date, locales: tuple[str, ...]) -> frozenset[str]:
    """Worked out once per day and language: a data file's dates are checked again each time it is saved."""
    forms = {day.isoformat()}
    for locale in locales:
        forms |= {pattern.apply(day, locale) for pattern in _date_patterns(locale)}
    return frozenset(plain_date(form) for form in forms)


DATE_STYLES = ("long", "medium", "short")
DATE_SKELETONS = ("yMMMMd", "MMMMd", "yMMMd", "MMMd", "yMd", "yMMMMEEEEd")


@functools.cache
def _date_patterns(locale: str) -> tuple[DateTimePattern, ...]:
    """The locale's date patterns for DATE_STYLES and DATE_SKELETONS (as format_date and format_skeleton pick
    them), found once: looking a skeleton up costs forty times applying its pattern, once per date checked."""
    found = Locale.parse(locale)
    skeletons = found.datetime_skeletons
    return (*(found.date_formats[style] for style in DATE_STYLES),
            *(skeletons[s if s in skeletons else match_skeleton(s, skeletons)] for s in DATE_SKELETONS))


def plain_date(text: str) -> str:
    """Dates compared as words: any space the same, no case, no dots after abbreviations ("Oct." = "Oct")."""
    text = re.sub(r"[\s\u00a0\u202f\u2009]+", " ", text).casefold()
    return re.sub(r"(?<=[^\W\d])\.", "", text)


def primary(tag: str) -> str:
    return tag.split("-")[0].split("_")[0].lower()


def language(tag: str, settings: EvidenceSettings) -> Language:
    """The compiled rules of the language `tag` (BCP 47) under the site's settings. Raises LanguageError."""
    if not settings.hedges:  # the usual case, asked for each excerpt: no settings to key the cache by
        return _compiled(tag, "{}")
    extra = settings.hedges.get(tag) or settings.hedges.get(primary(tag)) or {}
    return _compiled(tag, json.dumps(extra, sort_keys=True, ensure_ascii=False))


@functools.lru_cache(maxsize=64)
def _compiled(tag: str, extra_json: str) -> Language:
    try:
        locale = Locale.parse(tag.replace("_", "-"), sep="-")
    except (ValueError, UnknownLocaleError) as error:
        raise LanguageError(f"'{tag}' is not a language tag Babel knows (use BCP 47, such as en, de or ko)") from error
    code = primary(tag)
    system = locale.default_numbering_system
    symbols = locale.number_symbols.get(system) or locale.number_symbols["latn"]
    decimal, group = symbols["decimal"], symbols["group"]
    groups = [group, *( ["'"] if group in ("’", "'") else []), *(_SPACES if group not in ("\u066c",) else ())]
    digits = {ord(str(d)): ord(str(d)) for d in range(10)}
    zero = _NATIVE_ZERO.get(system)
    if zero is not None:  # digits the language writes in its own script count as digits
        digits |= {zero + d: ord(str(d)) for d in range(10)}
    if code in ("ja", "ko", "zh"):  # full-width digits are ordinary digits in these scripts
        digits |= {ord(k): ord(v) for k, v in _FULL_WIDTH.items()}
    scales = _scale_words(locale) | EXTRA_SCALES.get(code, {})
    tables: dict[str, list[str]] | None = {q: list(w) for q, w in HEDGES[code].items()} if code in HEDGES else None
    extra: dict[str, list[str]] = json.loads(extra_json)
    if extra:
        tables = tables or {}
        for qualifier, words in extra.items():
            tables[qualifier] = [*tables.get(qualifier, []), *words]
    hedges = None if tables is None else tuple(
        _hedge(words, qualifier) for qualifier, all_words in tables.items() for words in all_words)
    locales = (str(locale), *(["en_GB", "en_US"] if code == "en" else []))
    separators = tuple(dict.fromkeys(g for g in groups if g != decimal))
    return Language(
        tag=tag, primary=code, decimal=decimal, groups=separators,
        digits=digits, scales=scales, myriad=10**4 in scales.values(), hedges=hedges,
        number=_number_pattern(decimal, separators, scales),
        before=_words_pattern([h.words for h in hedges or () if not h.after]),
        after=_words_pattern([h.words for h in hedges or () if h.after]),
        negation=_words_pattern(NEGATIONS.get(code, NEGATIONS["en"]), required=True),
        joiners=re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in sorted(
            (*DASHES, *SPAN_JOINERS.get(code, [])), key=len, reverse=True)) + r")\s*(?:US\$|[$€£¥₩₽₴]\s*)?", re.IGNORECASE),
        locales=locales)


def _number_pattern(decimal: str, groups: Sequence[str], scales: Mapping[str, int]) -> re.Pattern[str]:
    """8,000 / 8 000 (one separator, used throughout) / 8000 / 1,001.2 in English; 1.414 / 34,2 in German;
    then a scale word: 60.4 billion, $59bn, 34,2 Milliarden, 2億, 5만."""
    spaced = [w for w in scales if not any(east_asian(c) for c in w)]
    glued = [w for w in scales if any(east_asian(c) for c in w)]
    def alternation(words: list[str]) -> str:
        # "mil millones", "mil M": any space between the words, as CLDR writes a no-break one
        return "|".join(r"[\s\u00a0\u202f]+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return re.compile(
        # Starts with a digit, so the scan skips ahead to digits (the minus before one is read in numbers.py)
        r"(?P<whole>[0-9]{1,3}(?:(?P<sep>" + "|".join(re.escape(g) for g in groups) + r")[0-9]{3})(?:(?P=sep)[0-9]{3})*|[0-9]+)"
        r"(?:" + re.escape(decimal) + r"(?P<fraction>[0-9]+))?(?![0-9])"
        r"(?:[\s\u00a0\u202f-]*(?P<scale>" + alternation(spaced) + r")(?!\w)|\s?(?P<glued>" + alternation(glued) + r"))?",
        re.IGNORECASE)


def _hedge(words: str, qualifier: str) -> Hedge:
    text = unicodedata.normalize("NFC", words).replace("’", "'")
    after = text.startswith(FIGURE)
    before_figure = text.endswith(FIGURE)
    core = text.strip(FIGURE).strip()
    glued = (after and not text[1:2].isspace()) or (before_figure and not text[-2:-1].isspace())
    return Hedge(core, qualifier, after, glued)


@typing.overload
def _words_pattern(words: Sequence[str], required: typing.Literal[True]) -> re.Pattern[str]: ...
@typing.overload
def _words_pattern(words: Sequence[str], required: bool = False) -> re.Pattern[str] | None: ...
def _words_pattern(words: Sequence[str], required: bool = False) -> re.Pattern[str] | None:
    """Words matched whole in spaced scripts; in Han, kana and Hangul, as parts of words (no spaces to go by).
    None for no words (an empty pattern would match everywhere)."""
    words = [w for w in words if w.strip()]
    if not words:
        return re.compile("(?!)") if required else None
    parts = [re.escape(w.strip()) if any(east_asian(c) for c in w) else rf"{re.escape(w[1:])}(?!\w)" if w.startswith("-")
             else rf"(?<!\w){re.escape(w)}" if w.endswith("'") else rf"(?<!\w){re.escape(w)}(?!\w)"
             for w in sorted(words, key=len, reverse=True)]
    return re.compile("|".join(parts), re.IGNORECASE)


def _scale_words(locale: Locale) -> dict[str, int]:
    """CLDR's compact forms read backwards: "0 Milliarden" under 1000000000 makes Milliarden × 10⁹."""
    scales: dict[str, int] = {}
    for style in ("long", "short"):
        for forms in (locale.compact_decimal_formats.get(style) or {}).values():
            for magnitude, pattern in forms.items():
                text = getattr(pattern, "pattern", str(pattern)).replace("'", "")
                word = re.sub(r"[0#.,\s\u00a0\u202f]+", " ", text).strip()
                if not word or "0" not in text or (len(word) == 1 and word.isascii()):  # "8K", "5 M": units as often as scales
                    continue
                scales.setdefault(word, int(Decimal(magnitude) / 10 ** (text.count("0") - 1)))
    return scales
