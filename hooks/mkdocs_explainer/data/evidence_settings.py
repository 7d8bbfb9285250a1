"""The site's settings for the evidence checks: the language of excerpts that name none, and hedge tables.

Kept apart from the checks (languages.py, evidence.py) so that a build whose data is all cached imports
neither Babel nor pydantic to know them.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

FIGURE = "…"
"""Marks where the figure stands in a hedge written after it ("… or more"), or glued to it ("約…")."""
OTHER = "other"
"""The table of hedges with no qualifier of their own ("under", "approximately"): never dropped silently either."""


@dataclass(frozen=True)
class EvidenceSettings:
    """The site's part in the checks: the language excerpts are in unless they say (`lang:`), and its hedges."""

    language: str = "en"
    hedges: Mapping[str, Mapping[str, Sequence[str]]] = field(default_factory=dict)

    def key(self) -> str:
        """What the checked form of a data file depends on besides its bytes and our code (for the cache)."""
        return json.dumps([self.language, self.hedges], sort_keys=True, ensure_ascii=False)


SHIPPED = ("en", "de", "fr", "es", "ko", "ja", "ru", "uk")
"""The languages whose hedge tables ship with the package (languages.py)."""


def check_language(tag: str) -> list[str]:
    """A mistake in the site's `language` setting (a tag Babel does not know), as a sentence; none if it is fine."""
    if tag in SHIPPED:  # known: no need to load Babel's data on every build
        return []
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(tag.replace("_", "-"), sep="-")
    except (ValueError, UnknownLocaleError):
        return [f"language: '{tag}' is not a language Babel knows (use a BCP 47 tag such as en, de or pt-BR)"]
    return []


def check_settings(hedges: Any) -> list[str]:
    """Mistakes in a site's `hedges:` setting ({language: {qualifier: [words]}}), each a sentence."""
    if not isinstance(hedges, Mapping):
        return [f"hedges should map a language to its hedges, like {{de: {{about: [rund, etwa]}}}}; it is {hedges!r}"]
    if not hedges:  # the usual case: no need to import the schema (pydantic) or Babel
        return []
    from . import schema

    qualifiers = typing.get_args(schema.Qualifier)
    mistakes = []
    for language, table in hedges.items():
        if not isinstance(table, Mapping):
            mistakes.append(f"hedges.{language} should map qualifiers to lists of words, like {{about: [rund, etwa]}}")
            continue
        for qualifier, words in table.items():
            if qualifier not in (*qualifiers, OTHER):
                mistakes.append(f"hedges.{language}.{qualifier}: not a qualifier (use one of {', '.join((*qualifiers, OTHER))})")
            elif not isinstance(words, list) or not all(isinstance(w, str) and w.strip(FIGURE + " ") for w in words):
                mistakes.append(f"hedges.{language}.{qualifier} should be a list of words, like [rund, etwa]")
        try:
            from babel import Locale, UnknownLocaleError

            Locale.parse(str(language), sep="-")
        except (ValueError, UnknownLocaleError):
            mistakes.append(f"hedges.{language}: not a language Babel knows (use a BCP 47 tag such as de or pt-BR)")
    return mistakes
