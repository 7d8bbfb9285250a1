"""What a shortcode looks like, and what is meant as one: the strict form, and near misses that must not vanish.

A near miss is reported, never dropped: a different case or spacing (`<!-- FACT: id -->`), a comment split over
lines, look-alike characters a keyboard or a paste brings in (a full-width colon, a zero-width space, a Cyrillic
`а` in `fаct`). Look-alikes are folded before the comparison: NFKC (full-width forms), format characters
removed (zero-width spaces, joiners, bidi marks), and the Cyrillic and Greek letters that look Latin mapped to them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass

SHORTCODE = re.compile(r"<!--[ \t]*(?P<kind>[a-z][a-z-]*)(?::(?P<arg>\S*))?[ \t]*-->")
"""The one form a shortcode takes: `<!-- kind:id -->`, or `<!-- kind -->` for kinds that take no id (on one line)."""

COMMENT = re.compile(r"<!--(?P<body>(?:(?!-->|<!--).)*?)-->", re.S)
"""A comment, the innermost one where comments nest (so a shortcode commented out is still found)."""
WORD = re.compile(r"\s*(?P<word>[A-Za-z][A-Za-z_-]*)\s*(?P<colon>:)?")

_LOOK_ALIKES = str.maketrans({
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t",
    "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X",
    "І": "I", "Ј": "J", "Ѕ": "S",
    # Greek
    "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
    "Α": "A", "Β": "B", "Ε": "E", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T",
    "Χ": "X", "Υ": "Y", "Ζ": "Z",
    # dashes and colons NFKC leaves alone
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u02d0": ":", "\u02f8": ":", "\u2236": ":", "\ua789": ":", "\u0589": ":", "\u05c3": ":",
})


def fold(text: str) -> str:
    """`text` as it looks: look-alike characters replaced by the ASCII they imitate, invisible ones removed."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return text.translate(_LOOK_ALIKES)


def looks_like_shortcode(comment: str, kinds: Collection[str]) -> bool:
    """Whether an HTML comment is meant as a shortcode: the strict form, or a near miss of a known kind
    (`<!-- FACT:id -->`, `<!-- fact: id -->`, `<!-- fact:id extra -->`, split over lines, with look-alike
    characters). Other comments are notes."""
    if SHORTCODE.fullmatch(comment):
        return True
    body = fold(comment[4:-3])
    bodies = [body, re.sub(r"\s+", "", body)] if "\n" in body else [body]  # a word split over lines, too
    for text in bodies:
        word = WORD.match(text)
        if word and word.group("word").lower() in kinds and (
                word.group("colon") or text.strip().lower() == word.group("word").lower()):
            return True
    return False


def suggestion(text: str) -> str:
    """`<!-- FACT: id extra -->` → `<!-- fact:id -->`."""
    body = fold(text[4:-3])
    word = WORD.match(body)
    kind = word.group("word").lower() if word else body.strip().lower()
    rest = body[word.end():].split() if word else []
    if word and word.group("colon") and rest:
        return f"<!-- {kind}:{rest[0]} -->"
    return f"<!-- {kind} -->"


@dataclass
class Marker:
    """One comment that looks like a shortcode, and where the parser put it."""

    text: str
    """As written, e.g. `<!-- fact:some-fact-id -->`."""
    line: int
    place: str = "dropped"
    """`text` or `heading` (shown), `code` (an example: a code block, or alone between backticks),
    `code-mixed` (inline code holding more than the shortcode: a stray backtick?), `link`, `attribute`,
    `raw` (inside raw HTML or another comment) or `dropped` (Markdown removed it, e.g. in a link definition)."""
    alone: bool = False
    """The only thing in its paragraph, as a block shortcode must be."""
    nested: bool = False
    """Written inside another comment (`<!-- draft <!-- fact:id --> -->`): meant to be hidden, whatever the parser does."""
    file: str | None = None
    """The file it was written in, when not the page itself (a snippet the page includes)."""
