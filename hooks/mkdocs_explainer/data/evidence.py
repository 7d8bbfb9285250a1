"""Does the source say it? A fact's figure and hedge, date, words or place, and a quote's words, checked against
the excerpts (the sources' own words) its citations carry, each in its own language (`lang:`, else the site's).

Pure functions over a checked record; validate.py turns each Finding into a problem with file, line and
field. How each language writes numbers, hedges and negations is in numbers.py and languages.py. A hedge
is compared word for word: the record's "as many as" is never the site's "about"; a hedge the language's
table lacks is an error naming the table to extend, never a pass.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from . import numbers
from .evidence_settings import OTHER, EvidenceSettings
from .languages import QUALIFIERS, Hedge, Language, LanguageError, east_asian, language, plain_date
from .numbers import Mention, spans_in

EXCERPTS_REQUIRED = True
"""Whether every fact and quote must carry an excerpt (or be marked unverified, with the reason).

A site moving older data to this rule may turn it off for a while: the other checks still run on
every excerpt written."""

RECORD_HEDGES: tuple[str, ...] = QUALIFIERS
"""Hedges a fact may carry as its qualifier: the record's own words."""

WINDOW_WORDS = 6
"""How far before a figure its qualifier may stand, as in "a possible altitude of over 7,000 km"."""
WINDOW_CHARACTERS = 80
"""The same limit for scripts without spaces, and a bound that keeps the check linear in the excerpt's length."""
AFTER_GAP = 12
"""At most this many characters (one unit or counter word: "8,000 people or more", "783명 이상") between a
figure and a hedge written after it."""
NEGATION_REACH = 16
"""A hedge is negated by the last whole word starting within this many characters before it ("not as many as"):
a longer word, or one further back, is not read. Negations are short words written next to what they negate."""

DEFAULT = EvidenceSettings()


@dataclass(frozen=True)
class Finding:
    """One way an item and its sources' words disagree; `field` is the item's field to point the editor at."""

    field: str
    message: str


class Excerpt(NamedTuple):
    """A source's words and the language they are in (None: the site's)."""

    text: str
    lang: str | None = None


# --- reading words --------------------------------------------------------------------------------------

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"'})


def normalise(text: str) -> str:
    """Compare words, not typography: curly quotes, apostrophes, '...' and runs of spaces made plain."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).replace("...", "…")
    return " ".join(text.split())


_CLAUSE_END = re.compile(r"[.;:!?](?=\s)|,\s|[。！？、；：]")
_WHOLE_WORD = re.compile(r"(?<!\S)\S+")
"""A word, not the end of one: searched from a position inside a word, it starts at the next word."""
_CURRENCY = re.compile(r"[\s\u00a0\u202f]*(?:US\$|[$€£¥₩₽₴])?[\s\u00a0\u202f]*$")


@dataclass(frozen=True)
class Hedged:
    """A hedge found next to a figure: its words, the qualifiers they may stand for, and whether negated."""

    words: str
    qualifiers: tuple[str, ...]
    negation: str
    """The word that negates it ("not" in "not as many as"), or ""."""
    adjacent: bool
    """Right next to the figure (not just in the words before it)."""
    start: int
    end: int

    @property
    def negated(self) -> bool:
        return bool(self.negation)

    def shown(self) -> str:
        return f"{self.negation} {self.words}" if self.negation else self.words


def _hedges_near(text: str, start: int, end: int, window_start: int, lang: Language) -> list[Hedged]:
    """The hedges in the few words before a figure (start..end), and those written right after it."""
    found: list[Hedged] = []
    if lang.before is not None:
        for match in lang.before.finditer(text, window_start, start):
            between = text[match.end():start]
            hedges = _table(lang, match.group(), after=False)
            glued = all(h.glued for h in hedges)
            if glued and between:  # 約 is written against the figure: "約 86" is not how it is hedged
                continue
            adjacent = glued or _CURRENCY.fullmatch(between) is not None
            last_word = _WHOLE_WORD.findall(text, max(0, match.start() - NEGATION_REACH), match.start())[-1:]
            negated = not glued and bool(last_word) and lang.negated(last_word[0])  # "not as many as 8,000"
            found.append(Hedged(match.group(), tuple(h.qualifier for h in hedges), last_word[0] if negated else "", adjacent,
                                match.start(), match.end()))
    if lang.after is not None:
        # a hedge may start AFTER_GAP characters on and run its whole length past that, and one more for its (?!\w)
        limit = min(len(text), end + AFTER_GAP + lang.longest_after + 1)
        clause = _CLAUSE_END.search(text, end, limit)
        for match in lang.after.finditer(text, end, clause.start() if clause else limit):
            gap = text[end:match.start()]
            hedges = _table(lang, match.group(), after=True)
            glued = all(h.glued for h in hedges)
            if len(gap) > AFTER_GAP or re.search(r"[0-9]", gap) or len(gap.split()) > 1 or (glued and gap != gap.strip()):
                continue
            found.append(Hedged(match.group(), tuple(h.qualifier for h in hedges), "", True, match.start(), match.end()))
    return found


def _table(lang: Language, words: str, after: bool) -> list[Hedge]:
    found = lang.hedges_by_words.get((" ".join(words.split()).casefold(), after))
    if found is None:  # re ignores case letter by letter ("İN" is "in"); casefold() does not always agree
        found = [h for h in lang.hedges or ()
                 if h.after == after and re.fullmatch(re.escape(h.words), words, re.IGNORECASE)]
    return found


def _window_start(text: str, start: int, previous_end: int) -> int:
    """Where the words that may hedge a figure begin: at most WINDOW_WORDS words back, not before the end of
    a clause or of another number."""
    floor = max(previous_end, start - WINDOW_CHARACTERS, 0)
    cut = floor
    for clause in _CLAUSE_END.finditer(text, floor, start):
        cut = clause.end()
    words = list(re.finditer(r"\S+", text[cut:start]))
    return cut + words[-WINDOW_WORDS].start() if len(words) > WINDOW_WORDS else cut


def numbers_in(text: str, lang: str | None = None, settings: EvidenceSettings = DEFAULT) -> list[Mention]:
    """Every number written in `text` as the language `lang` (default: the site's) writes it."""
    return numbers.numbers_in(text, language(lang or settings.language, settings))


def _shown(value: Any, unit: str | None) -> str:
    # 15 significant digits: every decimal a fact gives (",g" alone would show 12345.67 as 12,345.7), no ".0"
    number = f"{value:,}" if isinstance(value, int) else f"{value:,.15g}" if isinstance(value, float) else str(value)
    scale = (unit or "").split(" ", 1)[0]
    return f"{number} {scale}" if scale.lower() in _UNIT_SCALES else number


def _clip(text: str, size: int = 80) -> str:
    """At most `size` characters, cut at a word."""
    return text if len(text) <= size else text[: size - 1].rsplit(" ", 1)[0] + "…"


_UNIT_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9}


def magnitude(value: Any, unit: str | None, site: Language | None = None) -> Decimal | None:
    """A fact's number as a plain quantity: value 60.4 with unit "billion" is 60,400,000,000."""
    if isinstance(value, bool) or not isinstance(value, int | float) or (isinstance(value, float) and not math.isfinite(value)):
        return None
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        return None
    word = (unit or "").split(" ", 1)[0].casefold()
    scale = site.folded_scales.get(word) if site else None  # the language's own words first
    return number * (_UNIT_SCALES.get(word, 1) if scale is None else scale)


# --- the checks -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Place:
    """Where a figure (or a span) stands in one excerpt, and the hedges around it."""

    text: str
    lang: Language
    start: int
    end: int
    hedges: list[Hedged]


def _read(excerpts: Sequence[str | Excerpt], settings: EvidenceSettings) -> Iterator[tuple[str, Language | str]]:
    """Each excerpt's words with its language, or the message for a language Babel does not know."""
    for excerpt in excerpts:
        text, tag = (excerpt, None) if isinstance(excerpt, str) else excerpt
        try:
            yield normalise(text), language(tag or settings.language, settings)
        except LanguageError as error:
            yield normalise(text), str(error)


def _places(value: Any, unit: str | None, excerpts: Sequence[str | Excerpt],
            settings: EvidenceSettings) -> tuple[list[_Place], list[str]]:
    site = language(settings.language, settings)
    places, errors = [], []
    for text, lang in _read(excerpts, settings):
        if isinstance(lang, str):
            errors.append(lang)
            continue
        mentions = numbers.numbers_in(text, lang)
        ends = sorted({m.end for m in mentions})
        if isinstance(value, dict):
            low, high = magnitude(value.get("min"), unit, site), magnitude(value.get("max"), unit, site)
            pairs = [(a.start, b.end) for a, b in spans_in(text, mentions, lang) if a.value == low and b.value == high]
        else:
            wanted = magnitude(value, unit, site)
            pairs = [(m.start, m.end) for m in mentions if m.value == wanted]
        for start, end in dict.fromkeys(pairs):
            previous = _previous_end(ends, start)
            places.append(_Place(text, lang, start, end, _hedges_near(text, start, end, _window_start(text, start, previous), lang)))
    return places, errors


def _previous_end(ends: list[int], start: int) -> int:
    i = bisect.bisect_right(ends, start) - 1
    return ends[i] if i >= 0 else 0


def check_figure(value: Any, qualifier: str | None, unit: str | None, excerpts: Sequence[str | Excerpt],
                 settings: EvidenceSettings = DEFAULT) -> list[Finding]:
    """The fact's number is in one of the excerpts, with the same hedge (or none) the source gives it.

    A number (or a span, its two ends joined in one passage) must appear; with a qualifier, its words must stand
    in the few words before the number, or right after it where the language writes it there; without one, the
    source must give the number once without a hedge."""
    if (magnitude(value.get("min"), unit) if isinstance(value, dict) else magnitude(value, unit)) is None:
        return []
    shown = (f"{_shown(value.get('min'), unit)} to {_shown(value.get('max'), unit)}" if isinstance(value, dict)
             else _shown(value, unit))
    places, errors = _places(value, unit, excerpts, settings)
    if not places:
        if errors:
            return [Finding("sources", errors[0])]
        return [Finding("value", f"{shown} is not in the excerpts of its sources; copy the words where the source "
                                 f"gives this figure ({_forms(value, excerpts, settings)} all count)")]
    if qualifier:
        return _check_qualifier(qualifier, shown, places)
    if any(place.lang.hedges is not None and not any(h.adjacent for h in place.hedges) for place in places):
        return []
    place = places[0]
    if place.lang.hedges is None:
        return [Finding("qualifier", _no_table(place.lang, None))]
    hedge = next(h for h in place.hedges if h.adjacent)
    qualifiers = [q for q in hedge.qualifiers if q != OTHER]
    fix = (f"add `qualifier: {qualifiers[0]}`" if qualifiers and not hedge.negated
           else f"'{hedge.shown()}' is not among the qualifiers, so quote a passage that gives the figure plainly")
    said = place.text[min(hedge.start, place.start):max(hedge.end, place.end)]
    return [Finding("qualifier", f"the source hedges the figure (“{said}”) but the fact has no qualifier: {fix}")]


def _check_qualifier(qualifier: str, shown: str, places: list[_Place]) -> list[Finding]:
    for place in places:
        if any(qualifier in h.qualifiers and not h.negated for h in place.hedges):
            return []
    lacking = [p for p in places if not p.lang.hedge_words(qualifier)]
    if lacking:
        return [Finding("qualifier", _no_table(lacking[0].lang, qualifier))]
    place = places[0]
    said = [h for h in place.hedges if h.adjacent] or place.hedges
    if said and said[0].negated:
        fix = f"'{said[0].shown()}' negates the hedge: the source does not say '{qualifier}'"
    elif said and any(q != OTHER for q in said[0].qualifiers):
        fix = f"use `qualifier: {next(q for q in said[0].qualifiers if q != OTHER)}`"
    else:
        fix = "use the source's own hedge, or none if it gives none"
    extend = "" if place.lang.primary == "en" else (
        f" (if the source's words mean '{qualifier}', add them to the hedge table for '{place.lang.tag}': "
        f"`hedges: {{{place.lang.primary}: {{{qualifier}: [...]}}}}` in the explainer settings)")
    return [Finding("qualifier", f"'{qualifier}' is not the source's hedge for {shown}: the excerpt says "
                                 f"“…{_around(place)}”; {fix}{extend}")]


def _no_table(lang: Language, qualifier: str | None) -> str:
    """A hedge that can't be checked is an error that says which table to extend, never a pass."""
    if lang.hedges is None:
        return (f"there is no hedge table for '{lang.tag}', so the source's hedge can't be checked: add one in the "
                f"explainer settings, e.g. `hedges: {{{lang.primary}: {{about: [...], more than: [...], {OTHER}: [...]}}}}`")
    return (f"the hedge table for '{lang.tag}' has no words for '{qualifier}', so the hedge can't be checked: add "
            f"them in the explainer settings, `hedges: {{{lang.primary}: {{{qualifier}: [...]}}}}`")


def _around(place: _Place) -> str:
    """The figure with the words just before and after it, as the excerpt writes it."""
    before = place.text[max(0, place.start - 40):place.start].split(" ")[-WINDOW_WORDS:]
    return _clip((" ".join(before) + place.text[place.start:place.end] + place.text[place.end:place.end + 16]).strip(), 90)


def _forms(value: Any, excerpts: Sequence[str | Excerpt], settings: EvidenceSettings) -> str:
    """The ways the excerpts' language writes the figure, for the editor to look for."""
    if not isinstance(value, int) or value < 1000:
        return "digits or words"
    tags = {(e.lang if isinstance(e, Excerpt) else None) or settings.language for e in excerpts}
    from babel.numbers import format_decimal

    forms = []
    for tag in sorted(tags):
        try:
            forms.append(format_decimal(value, locale=tag.replace("-", "_"), decimal_quantization=False))
        except ValueError:
            continue
    forms = list(dict.fromkeys([*forms, str(value), format(value, ",").replace(",", " ")]))
    return ", ".join(forms[:-1]) + f" or {forms[-1]}"


def check_quote(text: str, excerpts: Sequence[str | Excerpt], settings: EvidenceSettings = DEFAULT) -> list[Finding]:
    """A quote's words stand, in order and as whole words, in one excerpt; a marked cut (…) is the only gap
    allowed, and it may not leave out a negation ("never", "not", "nicht", "않"...).

    Typography (curly quotes, spacing) is ignored, and so are the case of the first letter and the closing
    full stop or comma, which a quotation may adapt to the sentence around it."""
    if not excerpts:
        return []
    segments = [s.strip() for s in normalise(text).split("…")]
    segments = [s for s in segments if s]
    if segments:
        segments[-1] = segments[-1].rstrip(".,;:").rstrip() or segments[-1]
    if not segments:
        return [Finding("text", "a quotation of nothing but … quotes no words; give the words the source says")]
    best, problem = "", None
    for excerpt, lang in _read(excerpts, settings):
        if isinstance(lang, str):
            problem = problem or Finding("sources", lang)
            continue
        missing, gapless, dropped = _find_in_order(segments, excerpt, lang, leading_cut=normalise(text).startswith("…"))
        if missing is None and gapless is None and dropped is None:
            return []
        if missing is None and dropped is not None:
            problem = problem or Finding("text", f"the cut (…) before “{_clip(dropped[0], 40)}” leaves out “{dropped[1]}”, "
                                                 "which turns the source's meaning round; quote the words with it")
        elif missing is None:
            problem = problem or Finding("text", f"a cut (…) is marked before “{_clip(gapless or '', 40)}”, but the "
                                                 "source leaves nothing out there; remove the …")
        best = best or (missing or "")
    if problem is not None:
        return [problem]
    return [Finding("text", f"the words “{_clip(best)}” are not in the excerpts of its sources; a quotation copies the "
                            "source word for word, with … where words are left out")]


def _segment_pattern(segment: str, first: bool) -> re.Pattern[str]:
    """A segment as whole words: "peace is war" is not in "peace is warranted" (parts of words count only in
    scripts without spaces). Only the first letter of the quote may change case."""
    body = re.escape(segment[1:])
    head = segment[:1]
    head_pattern = f"[{re.escape(head)}{re.escape(head.swapcase())}]" if first and head.swapcase() != head else re.escape(head)
    before = "" if east_asian(segment[:1]) or not segment[:1].isalnum() else r"(?<!\w)"
    after = "" if east_asian(segment[-1:]) or not segment[-1:].isalnum() else r"(?!\w)"
    return re.compile(before + head_pattern + body + after)


def _find_in_order(segments: list[str], excerpt: str, lang: Language, leading_cut: bool
                   ) -> tuple[str | None, str | None, tuple[str, str] | None]:
    """(first segment not found in order, first segment after a cut with nothing cut, (segment, negation) a cut
    drops); all None if the quote stands in the excerpt.

    The first pass finds each segment as early as it can stand; the second moves each one (last first) as late
    as it can, so every cut is as short as the excerpt allows: "we… expect" cuts "would", not a sentence."""
    patterns = [_segment_pattern(segment, index == 0) for index, segment in enumerate(segments)]
    earliest, position = [], 0
    for segment, pattern in zip(segments, patterns, strict=True):
        match = pattern.search(excerpt, position)
        if match is None:
            return segment, None, None
        earliest.append(match)
        position = match.end()
    spans = [(earliest[-1].start(), earliest[-1].end())]
    for index in range(len(segments) - 2, -1, -1):
        last = None
        for match in patterns[index].finditer(excerpt, earliest[index].start(), spans[0][0]):
            last = match
        spans.insert(0, (last.start(), last.end()) if last is not None else (earliest[index].start(), earliest[index].end()))
    empty_cut, dropped = None, None
    for index, segment in enumerate(segments):
        if index:
            cut = excerpt[spans[index - 1][1]:spans[index][0]]
            if not cut.strip() and empty_cut is None:
                empty_cut = segment
        elif leading_cut:  # "… use force" from "we will never use force"
            begin = max(0, spans[0][0] - 40)
            clause = list(_CLAUSE_END.finditer(excerpt, begin, spans[0][0]))
            cut = excerpt[clause[-1].end() if clause else begin:spans[0][0]]
        else:
            continue
        negation = lang.negation.search(cut)
        if negation is not None and dropped is None:
            dropped = (segment, negation.group().strip())
    return None, empty_cut, dropped


def check_text(value: str, excerpts: Sequence[str | Excerpt], settings: EvidenceSettings = DEFAULT) -> list[Finding]:
    """A text value's words stand in one excerpt: every word of five letters or more, every number and every
    negation ("not confirmed" needs its "not"); in scripts without spaces, every run of their characters."""
    needed = _key_words(normalise(value), language(settings.language, settings))
    if not needed:
        return []
    best: list[str] = []
    for excerpt, lang in _read(excerpts, settings):
        if isinstance(lang, str):
            continue
        folded = excerpt.casefold()
        missing = [w for w in needed if not _has_word(folded, w)]
        if not missing:
            return []
        best = missing if not best or len(missing) < len(best) else best
    if not best:
        return []
    return [Finding("value", f"the words {', '.join(f'“{w}”' for w in best[:4])} are not in the excerpts of its "
                             "sources; write the value in the source's words, or quote a passage that has them")]


def _key_words(text: str, site: Language) -> list[str]:
    words = []
    for token in re.finditer(r"\w+", text.casefold()):
        word = token.group()
        if any(east_asian(c) for c in word) or len(word) >= 5 or any(c.isdigit() for c in word) or site.negation.fullmatch(word):
            words.append(word)
    return list(dict.fromkeys(words))


def _has_word(text: str, word: str) -> bool:
    if any(east_asian(c) for c in word):
        return word in text
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def check_date(value: dt.date, excerpts: Sequence[str | Excerpt], settings: EvidenceSettings = DEFAULT) -> list[Finding]:
    """A date value stands in an excerpt as the excerpt's language writes dates (31 October 2024, October 31,
    31. Oktober, 2024년 10월 31일, 10月31日), with or without the year."""
    tried = set()
    for excerpt, lang in _read(excerpts, settings):
        if isinstance(lang, str):
            return [Finding("sources", lang)]
        folded = plain_date(excerpt)
        forms = lang.date_forms(value)
        tried |= forms
        if any(re.search(_bounded(form), folded) for form in forms):
            return []
    return [Finding("value", f"{value.isoformat()} is not in the excerpts of its sources (looked for "
                             f"{', '.join(sorted(tried, key=len)[:4])}…); copy the words where the source gives the date")]


def _bounded(words: str) -> str:
    """A pattern for `words` that does not start or end inside a word (where the script spaces its words)."""
    before = r"(?<![\w.])" if words[:1].isalnum() and not east_asian(words[:1]) else ""
    after = r"(?!\w)" if words[-1:].isalnum() and not east_asian(words[-1:]) else ""
    return before + re.escape(words) + after


def check_title_numbers(title: str, excerpts: Sequence[str | Excerpt], settings: EvidenceSettings = DEFAULT) -> list[Finding]:
    """Every figure an event's title gives in digits stands in one of its excerpts."""
    site, plain = language(settings.language, settings), normalise(title)
    # Figures in digits only: "the two countries" names no figure.
    wanted = {m.value: plain[m.start:m.end] for m in numbers.numbers_in(plain, site)
              if any(c.isdigit() for c in plain[m.start:m.end])}
    if not wanted:
        return []
    given: set[Decimal] = set()
    for excerpt, lang in _read(excerpts, settings):
        if not isinstance(lang, str):
            given |= {m.value for m in numbers.numbers_in(excerpt, lang)}
    missing = [shown for value, shown in wanted.items() if value not in given]
    if not missing:
        return []
    return [Finding("title", f"the title gives {', '.join(missing)}, which is not in the excerpts of its sources; "
                             "give the figure the source gives, or none")]


_DMS = re.compile(
    r"(?P<deg>[0-9]{1,3}(?:[.,][0-9]+)?)\s*°\s*(?:(?P<min>[0-9]{1,2}(?:[.,][0-9]+)?)\s*[′']\s*"
    r"(?:(?P<sec>[0-9]{1,2}(?:[.,][0-9]+)?)\s*[″\"]\s*)?)?(?P<hemi>[NSEW])(?![a-zA-Z])")


def coordinates_in(text: str) -> Iterator[tuple[str, float, float]]:
    """Each latitude ('lat') and longitude ('lon') written in degrees (51°43′N, 42°08′57″N, 51.717° N), with how
    precisely it is written (a minute, a second...)."""
    for match in _DMS.finditer(text):
        parts = [float(p.replace(",", ".")) if p else None for p in match.group("deg", "min", "sec")]
        degrees, minutes, seconds = parts
        value = (degrees or 0) + (minutes or 0) / 60 + (seconds or 0) / 3600
        written = match.group("sec") or match.group("min") or match.group("deg")
        unit = (1 / 3600 if match.group("sec") else 1 / 60 if match.group("min") else 1.0)
        if "." in written.replace(",", "."):
            unit /= 10 ** len(written.replace(",", ".").split(".")[1])
        hemisphere = match.group("hemi")
        yield ("lat" if hemisphere in "NS" else "lon"), value * (-1 if hemisphere in "SW" else 1), unit


def check_place(record: dict[str, Any]) -> list[Finding]:
    """A place's position agrees with every excerpt that gives one, to the precision the excerpt writes it."""
    excerpts = [e["excerpt"] for e in record.get("sources", []) if isinstance(e, dict) and e.get("excerpt")]
    findings = []
    for axis in ("lat", "lon"):
        ours = float(record[axis])
        exponent = Decimal(repr(ours)).as_tuple().exponent if math.isfinite(ours) else 0  # 5e-05: five decimals
        rounding = 0.5 * 10 ** min(0, int(exponent))
        given = [(value, unit) for text in excerpts for kind, value, unit in coordinates_in(text) if kind == axis]
        if given and not any(abs(ours - value) <= unit + rounding for value, unit in given):
            value, _ = given[0]
            findings.append(Finding(axis, f"{ours:g} is not where the excerpt puts it ({value:.4f}, from "
                                          f"“{_clip(excerpts[0], 40)}”); check the {'latitude' if axis == 'lat' else 'longitude'}"))
    return findings


def check_has_evidence(record: dict[str, Any], required: bool | None = None) -> list[Finding]:
    """A fact or quote needs a source's own words, unless it is marked unverified with the reason readers see."""
    if not (EXCERPTS_REQUIRED if required is None else required) or record.get("kind") not in ("fact", "quote"):
        return []
    if record.get("status") == "unverified":
        if not record.get("unverified_reason"):
            return [Finding("status", "an unverified item needs `unverified_reason:`: readers see why it could not be checked")]
        return []
    if any(c.get("excerpt") for c in record.get("citations", [])):
        return []
    return [Finding("sources", "no source's own words are given: write one source as {source: <id>, excerpt: "
                               "\"<the words>\"}; if no source's words can be found, set `status: unverified` "
                               "and `unverified_reason:`")]


def check_item(record: dict[str, Any], required: bool | None = None, settings: EvidenceSettings = DEFAULT) -> list[Finding]:
    """Every check that applies to one checked record (a fact, quote or event with `citations`)."""
    findings = check_has_evidence(record, required)
    excerpts = [Excerpt(c["excerpt"], c.get("lang")) for c in record.get("citations", []) if c.get("excerpt")]
    if not excerpts:
        return findings
    kind, value_kind = record.get("kind"), record.get("value_kind")
    if kind == "fact" and value_kind in ("number", "range"):
        findings += check_figure(record["value"], record.get("qualifier"), record.get("unit"), excerpts, settings)
    elif kind == "fact" and value_kind == "date":
        day = record["value"]
        findings += check_date(dt.date.fromisoformat(day) if isinstance(day, str) else day, excerpts, settings)
    elif kind == "fact" and value_kind == "text":
        findings += check_text(record["value"], excerpts, settings)
    elif kind == "quote":
        findings += check_quote(record["text"], excerpts, settings)
    elif kind == "event":
        findings += check_title_numbers(record["title"], excerpts, settings)
    return findings
