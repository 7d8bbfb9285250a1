"""Does the source say it? A fact's figure and hedge, and a quote's words, checked against the excerpts
(the sources' own words) its citations carry.

Pure functions over a checked record; validate.py turns each Finding into a problem with file, line and
field. What counts as the same figure is written out here, not guessed: digits with or without thousands
separators (8,000 / 8000 / 8 000), number words (eight thousand, three, half a million), scale words
(60.4 billion, $59bn), and a range's shared scale ("3 to 5 million", "11 to 12,000"). Only English forms.
A hedge is compared word for word: the record's "as many as" is never the site's "about".
"""

from __future__ import annotations

import itertools
import re
import typing
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from . import schema

EXCERPTS_REQUIRED = True
"""Whether every fact and quote must carry an excerpt (or be marked unverified, with the reason).

A site moving older data to this rule may turn it off for a while: the other checks still run on
every excerpt written."""

RECORD_HEDGES: tuple[str, ...] = typing.get_args(schema.Qualifier)
"""Hedges a fact may carry as its qualifier: the record's own words."""

OTHER_HEDGES = ("approximately", "roughly", "almost", "less than", "fewer than", "close to", "closer to")
"""Hedges a source may write that have no qualifier of their own: next to the figure, still not to be dropped."""

WINDOW_WORDS = 6
"""How far before a figure its qualifier may stand, as in "a possible altitude of over 7,000 km"."""


@dataclass(frozen=True)
class Finding:
    """One way an item and its sources' words disagree; `field` is the item's field to point the editor at."""

    field: str
    message: str


@dataclass(frozen=True)
class Mention:
    """A number written in an excerpt: its value, and where it stands."""

    value: Decimal
    start: int
    end: int


# --- reading numbers -------------------------------------------------------------------------------------

_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9}
_SMALL = {word: n for n, word in enumerate([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
_TENS = {word: 10 * n for n, word in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2)}
_NUMBER_WORDS = frozenset([*_SMALL, *_TENS, "hundred", "half", *(s for s in _SCALES if s != "bn")])
_JOINERS = frozenset({"a", "an", "and"})
_WORD_TOKEN = re.compile(r"[a-z]+")

# 8,000 / 8 000 (one separator, used throughout) / 8000 / 1,001.2; then a scale word: 60.4 billion, $59bn
_DIGITS = re.compile(
    r"(?P<minus>(?<![^\s(])[-−])?"  # a minus only after a space or "(": not the dash of "11-12,000"
    r"(?<![\w.,])(?P<whole>\d{1,3}(?:(?P<sep>[, \u00a0\u202f\u2009])\d{3})(?:(?P=sep)\d{3})*|\d+)(?P<fraction>\.\d+)?(?!\d)"
    r"(?:[\s-]*(?P<scale>thousand|million|billion|trillion)\b|\s?(?P<bn>bn)\b)?",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"\s*(?:to|and|or|-|–|—)\s*$", re.IGNORECASE)


def numbers_in(text: str) -> list[Mention]:
    """Every number written in `text`, as digits or words, with the scale word after it applied."""
    digits = list(_digit_mentions(text))
    # "billion" in "60.4 billion" is part of the figure, not a figure of its own
    words = [w for w in _word_mentions(text) if not any(d.start < w.end and w.start < d.end for d in digits)]
    mentions = [*digits, *words]
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions + list(_range_readings(text, mentions))


def _digit_mentions(text: str) -> Iterator[Mention]:
    for match in _DIGITS.finditer(text):
        whole, separator, fraction = match.group("whole"), match.group("sep"), match.group("fraction") or ""
        scale_word = (match.group("scale") or match.group("bn") or "").lower()
        scale = _SCALES.get(scale_word, 1)
        value = Decimal(re.sub(r"\D", "", whole) + fraction) * scale * (-1 if match.group("minus") else 1)
        yield Mention(value, match.start(), match.end())
        if separator == " ":  # "on 3 000 occasions" or "Article 4 100 ..."? read it both ways
            first = match.start("whole") + whole.index(" ")
            yield Mention(Decimal(whole[: whole.index(" ")]), match.start(), first)


def _word_mentions(text: str) -> Iterator[Mention]:
    """Runs of number words, joined by spaces, hyphens, "a", "an" or "and": "one and a half million"."""
    run: list[re.Match[str]] = []  # number words of the current run, and the joiners inside it
    lowered = text.lower()
    for token in [*_WORD_TOKEN.finditer(lowered), None]:
        joined = token is not None and (not run or not lowered[run[-1].end():token.start()].strip(" -\u00a0"))
        if token is not None and joined and (token.group() in _NUMBER_WORDS or (token.group() in _JOINERS)):
            run.append(token)
            continue
        while run and run[-1].group() in _JOINERS:  # "eight and" ends at "eight"
            run.pop()
        while run and run[0].group() == "and":
            run.pop(0)
        words = [t.group() for t in run if t.group() not in _JOINERS]
        if words:
            start = run[0].start()
            yield Mention(_words_value(words), start, run[-1].end())
        run = [token] if token is not None and (token.group() in _NUMBER_WORDS or token.group() in ("a", "an")) else []


def _words_value(words: Sequence[str]) -> Decimal:
    """eight thousand → 8000; half a million → 500000; three hundred and forty two → 342."""
    total = Decimal(0)
    current: Decimal | None = None
    for word in words:
        if word in _SMALL or word in _TENS:
            current = (current or Decimal(0)) + _SMALL.get(word, _TENS.get(word, 0))
        elif word == "half":
            current = (current or Decimal(0)) + Decimal("0.5")
        elif word == "hundred":
            current = (current or Decimal(1)) * 100
        else:
            total += (current or 1) * _SCALES[word]
            current = None
    return total + (current or 0)


def _range_readings(text: str, mentions: list[Mention]) -> Iterator[Mention]:
    """In "3 to 5 million" the 3 means 3 million; in "11 to 12,000" the 11 means 11,000: read both ways."""
    for low, high in itertools.pairwise(mentions):
        if not _RANGE_JOIN.match(text[low.end:high.start]) or low.value >= high.value:
            continue
        scale = next((10**k for k in (12, 9, 6, 3) if high.value % 10**k == 0 and low.value * 10**k <= high.value), 1)
        if scale > 1 and low.value < 1000 and low.value == low.value.to_integral_value():
            yield Mention(low.value * scale, low.start, low.end)


def magnitude(value: Any, unit: str | None) -> Decimal | None:
    """A fact's number as a plain quantity: value 60.4 with unit "billion" is 60,400,000,000."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        return None
    return number * _SCALES.get((unit or "").split(" ", 1)[0].lower(), 1)


# --- reading words --------------------------------------------------------------------------------------

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"'})


def normalise(text: str) -> str:
    """Compare words, not typography: curly quotes, apostrophes, '...' and runs of spaces made plain."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).replace("...", "…")
    return " ".join(text.split())


_HEDGE_AT_END = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(h) for h in sorted((*RECORD_HEDGES, *OTHER_HEDGES), key=len, reverse=True))
    + r")\s*(?:US\$|[$€£¥])?\s*$", re.IGNORECASE)


def hedge_before(text: str, start: int) -> str | None:
    """The hedge written right before position `start` ("some" in "some 8,000", "about" in "about $60.4"), if any."""
    match = _HEDGE_AT_END.search(text, max(0, start - 40), start)
    return match.group(1).lower() if match else None


def _window(text: str, start: int) -> str:
    """The few words before a figure, back to the end of a sentence or another number."""
    words = text[:start].split()[-WINDOW_WORDS:]
    for i in range(len(words) - 1, -1, -1):
        if re.search(r"\d", words[i]) or re.search(r"[.;!?]$", words[i]):
            words = words[i + 1:]
            break
    return " ".join(words).lower()


def _has_words(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE) is not None


def _shown(value: Any, unit: str | None) -> str:
    number = f"{value:,}" if isinstance(value, int) else f"{value:,g}" if isinstance(value, float) else str(value)
    scale = (unit or "").split(" ", 1)[0]
    return f"{number} {scale}" if scale.lower() in _SCALES else number


def _clip(text: str, size: int = 80) -> str:
    """At most `size` characters, cut at a word."""
    return text if len(text) <= size else text[: size - 1].rsplit(" ", 1)[0] + "…"


# --- the checks -----------------------------------------------------------------------------------------

def check_figure(value: Any, qualifier: str | None, unit: str | None, excerpts: Sequence[str]) -> list[Finding]:
    """The fact's number is in one of the excerpts, with the same hedge (or none) the source gives it.

    A number (or both ends of a range, in one excerpt) must appear; with a qualifier, its words must stand
    in the few words before the number; without one, the source must give the number once without a hedge."""
    texts = [normalise(e) for e in excerpts]
    if isinstance(value, dict):
        low, high = magnitude(value.get("min"), unit), magnitude(value.get("max"), unit)
        shown = f"{_shown(value.get('min'), unit)} to {_shown(value.get('max'), unit)}"
        found = [(t, m) for t in texts if high in {n.value for n in numbers_in(t)} for m in numbers_in(t) if m.value == low]
    else:
        low, shown = magnitude(value, unit), _shown(value, unit)
        found = [(t, m) for t in texts for m in numbers_in(t) if m.value == low]
    if low is None:
        return []
    if not found:
        forms = (f"{value:,}, {value} or {format(value, ',').replace(',', ' ')}"
                 if isinstance(value, int) and value >= 1000 else "digits or words")
        return [Finding("value", f"{shown} is not in the excerpts of its sources; copy the words where the source "
                                 f"gives this figure ({forms} all count)")]
    text, mention = found[0]
    hedge = hedge_before(text, mention.start)
    if qualifier:
        if any(_has_words(_window(t, m.start), qualifier) for t, m in found):
            return []
        said = text[: mention.end].split()[-WINDOW_WORDS:]
        fix = f"use `qualifier: {hedge}`" if hedge in RECORD_HEDGES else "use the source's own hedge, or none if it gives none"
        return [Finding("qualifier", f"'{qualifier}' is not the source's hedge for {shown}: the excerpt says "
                                     f"“…{' '.join(said)}”; {fix}")]
    if all(hedge_before(t, m.start) for t, m in found):
        fix = (f"add `qualifier: {hedge}`" if hedge in RECORD_HEDGES
               else f"'{hedge}' is not among the qualifiers, so quote a passage that gives the figure plainly")
        return [Finding("qualifier", f"the source hedges the figure (“{hedge} {text[mention.start:mention.end]}”) "
                                     f"but the fact has no qualifier: {fix}")]
    return []


def check_quote(text: str, excerpts: Sequence[str]) -> list[Finding]:
    """A quote's words stand, in order, in one excerpt; a marked cut (…) is the only gap allowed.

    Typography (curly quotes, spacing) is ignored, and so are the case of the first letter and the closing
    full stop or comma, which a quotation may adapt to the sentence around it."""
    if not excerpts:
        return []
    segments = [s.strip() for s in normalise(text).split("…")]
    segments = [s for s in segments if s]
    if segments:
        segments[-1] = segments[-1].rstrip(".,;:").rstrip() or segments[-1]
    if not segments:
        return []
    best = ""
    for excerpt in (normalise(e) for e in excerpts):
        missing, gapless = _find_in_order(segments, excerpt)
        if missing is None and gapless is None:
            return []
        if missing is None:
            return [Finding("text", f"a cut (…) is marked before “{_clip(gapless or '', 40)}”, but the source "
                                    "leaves nothing out there; remove the …")]
        best = best or missing
    return [Finding("text", f"the words “{_clip(best)}” are not in the excerpts of its sources; a quotation copies the "
                            "source word for word, with … where words are left out")]


def _find_in_order(segments: list[str], excerpt: str) -> tuple[str | None, str | None]:
    """(first segment not found in order, first segment that follows a cut with nothing cut); both None if fine."""
    position, empty_cut = 0, None
    for index, segment in enumerate(segments):
        candidates = [segment, segment[:1].swapcase() + segment[1:]] if index == 0 else [segment]
        hits = [h for h in (excerpt.find(c, position) for c in candidates) if h >= 0]
        if not hits:
            return segment, None
        hit = min(hits)
        if index and not excerpt[position:hit].strip() and empty_cut is None:
            empty_cut = segment
        position = hit + len(segment)
    return None, empty_cut


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


def check_item(record: dict[str, Any], required: bool | None = None) -> list[Finding]:
    """Every check that applies to one checked record (a fact, quote or event with `citations`)."""
    findings = check_has_evidence(record, required)
    excerpts = [c["excerpt"] for c in record.get("citations", []) if c.get("excerpt")]
    if not excerpts:
        return findings
    if record.get("kind") == "fact" and record.get("value_kind") in ("number", "range"):
        findings += check_figure(record["value"], record.get("qualifier"), record.get("unit"), excerpts)
    elif record.get("kind") == "quote":
        findings += check_quote(record["text"], excerpts)
    return findings
