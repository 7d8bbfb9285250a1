"""Numbers as a language writes them: where each stands in a text, and which two make a span.

What counts as the same figure is written out here, not guessed: digits with the language's grouping and
decimal symbols (en 8,000 / 8 000 / 8000; de 1.414 and 34,2; fr 1 414 with a narrow no-break space), its
own digits (full-width ones in ja and ko), its scale words (60.4 billion, $59bn, 34,2 Milliarden, 2億),
myriads (ko 5만 783 is 50,783), English number words (eight thousand, half a million), and a span's shared
scale ("3 to 5 million", "11 to 12,000"). Every step is one pass over the text: a 2 MB excerpt is read in
well under a second (benchmarks/evidence.py).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from .languages import Language, east_asian


@dataclass(frozen=True)
class Mention:
    """A number written in a text: its value, and where it stands."""

    value: Decimal
    start: int
    end: int
    scale: int = 1
    """The scale word's multiplier (만 = 10⁴), for joining myriads."""


_SMALL = {word: n for n, word in enumerate([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
_TENS = {word: 10 * n for n, word in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2)}
_WORD_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_NUMBER_WORDS = frozenset([*_SMALL, *_TENS, "hundred", "half", *_WORD_SCALES])
_JOINERS = frozenset({"a", "an", "and"})
_WORD_TOKEN = re.compile(r"[a-z]+", re.IGNORECASE)
_NUMBER_WORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_WORD_RUN = re.compile(
    rf"(?<![a-z])(?:(?:a|an)[ \-\u00a0]+)?(?:{_NUMBER_WORD})(?:[ \-\u00a0]+(?:{_NUMBER_WORD}|a|an|and))*(?![a-z])", re.IGNORECASE)
"""A run of number words, with the articles and "and" inside it: found in one pass, then read word by word."""


def numbers_in(text: str, language: Language) -> list[Mention]:
    """Every number written in `text`, in digits (and in English, in words), with the scale word after it applied;
    in order of where they stand, a span's shared scale read both ways."""
    digits = _join_myriads(text, list(_digit_mentions(text, language))) if language.myriad else list(_digit_mentions(text, language))
    words = list(_word_mentions(text)) if language.primary == "en" else []
    mentions = sorted([*digits, *_drop_overlapping(digits, words)], key=lambda m: (m.start, m.end))
    return mentions + list(_range_readings(text, mentions, language))


def _digit_mentions(text: str, language: Language) -> Iterator[Mention]:
    plain = text.translate(language.digits)  # the language's own digits as ASCII ones, one for one: offsets hold
    for match in language.number.finditer(plain):
        start = match.start("whole")
        before = plain[start - 1] if start else ""
        # Part of a bigger number (8000 in 18,000; isdigit() holds for every script's digits) or of a name (A320):
        # not a figure of its own. Han, kana and Hangul write no spaces, so a number glued to them (約86分) is one.
        if before and (before.isdigit() or (before in (*language.groups, language.decimal, ".", ",") and not before.isspace())
                       or (before.isalpha() and not east_asian(before))):
            continue
        whole, fraction = match.group("whole"), match.group("fraction") or ""
        word = match.group("scale") or match.group("glued")
        scale = _scale_of(word, language) if word else 1
        value = Decimal("".join(filter(str.isdigit, whole)) + ("." + fraction if fraction else "")) * scale
        # a minus only after a space or "(": not the dash of "11-12,000"
        minus = before in ("-", "−") and (start < 2 or plain[start - 2].isspace() or plain[start - 2] == "(")
        yield Mention(-value if minus else value, start - minus, match.end(), scale)


def _scale_of(word: str, language: Language) -> int:
    found = language.scales.get(word)
    if found is None:  # matched without case ("billion" for "Billion") or with another space
        plain = " ".join(word.split()).casefold()
        found = next(v for k, v in language.scales.items() if k.casefold() == plain)
    return found


def _join_myriads(text: str, mentions: list[Mention]) -> list[Mention]:
    """ko 5만 783 is 50,783, 3천500 is 3,500 and 1억 2000만 is 120,000,000: a smaller part after a scale word's is
    added to it."""
    joined: list[Mention] = []
    for mention in mentions:
        last = joined[-1] if joined else None
        if (last is not None and last.scale > 1 and mention.scale < last.scale and 0 <= mention.value < last.scale
                and len(text[last.end:mention.start]) <= 1 and not text[last.end:mention.start].strip()):
            joined[-1] = Mention(last.value + mention.value, last.start, mention.end, mention.scale)
        else:
            joined.append(mention)
    return joined


def _word_mentions(text: str) -> Iterator[Mention]:
    """Runs of English number words, joined by spaces, hyphens, "a", "an" or "and": "one and a half million".
    Matched on the text itself, without case, so the offsets are the text's (lowering can change lengths)."""
    for candidate in _WORD_RUN.finditer(text):
        yield from _word_run(text, candidate.start(), candidate.end())


def _word_run(text: str, start: int, end: int) -> Iterator[Mention]:
    # _WORD_RUN matched only number words, articles and "and", joined by spaces or hyphens, never starting with "and"
    run = list(_WORD_TOKEN.finditer(text, start, end))
    while run and run[-1].group().lower() in _JOINERS:  # "eight and" ends at "eight"
        run.pop()
    words = [t.group().lower() for t in run if t.group().lower() not in _JOINERS]
    if words:
        yield Mention(_words_value(words), run[0].start(), run[-1].end())


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
            total += (current or 1) * _WORD_SCALES[word]
            current = None
    return total + (current or 0)


def _drop_overlapping(digits: list[Mention], words: list[Mention]) -> list[Mention]:
    """Word runs that overlap no digit mention ("billion" in "60.4 billion" is part of the figure): one merge
    over both lists, sorted by start."""
    kept, i = [], 0
    for word in words:
        while i < len(digits) and digits[i].end <= word.start:
            i += 1  # ends before this word, so before every later word too
        if i == len(digits) or digits[i].start >= word.end:
            kept.append(word)
    return kept


def _range_readings(text: str, mentions: list[Mention], language: Language) -> Iterator[Mention]:
    """In "3 to 5 million" the 3 means 3 million; in "11 to 12,000" the 11 means 11,000: read both ways."""
    for low, high in itertools.pairwise(mentions):
        if not language.joiners.fullmatch(text, low.end, high.start) or low.value >= high.value:
            continue
        scale = next((10**k for k in (12, 9, 6, 3) if high.value % 10**k == 0 and low.value * 10**k <= high.value), 1)
        if scale > 1 and low.value < 1000 and low.value == low.value.to_integral_value():
            yield Mention(low.value * scale, low.start, low.end)


def spans_in(text: str, mentions: list[Mention], language: Language) -> Iterator[tuple[Mention, Mention]]:
    """Pairs of numbers written as one span: next to each other, joined by a dash or the language's word for
    "to" ("10,000 to 12,000", "10.000 bis 12.000", "1만~1만2천"). Two figures of separate clauses never are."""
    by_place: dict[tuple[int, int], list[Mention]] = {}
    for mention in mentions:
        by_place.setdefault((mention.start, mention.end), []).append(mention)
    places = sorted(by_place)
    for first, second in itertools.pairwise(places):
        if first[1] <= second[0] and language.joiners.fullmatch(text, first[1], second[0]):
            for low in by_place[first]:
                for high in by_place[second]:
                    if low.value <= high.value:
                        yield low, high
