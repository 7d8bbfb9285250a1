"""One page's conversion job: what the shortcode extension needs besides the page's text, and what it found.

Its own module so that the extension (markdown_ext) and the way it runs without a plugin (standalone) share it
without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from ..problems import Problem
from . import shortcodes
from .render import PageContext


@dataclass
class PageJob:
    """What converting one page needs besides its text."""

    name: str = "page"
    """The page's file as the editor knows it (`docs/deployment.md`), for problems."""
    context: PageContext | None = None
    """The catalog and the page's links; None only finds the markers (`PageParser`)."""
    source: Path | None = None
    """The page's file, to count the lines of front matter the host removed before conversion."""
    snippet_dirs: tuple[Path, ...] = ()
    """Where `--8<--` snippets are looked up (`pymdownx.snippets`' `base_path`), to name a snippet's own line."""
    root: Path | None = None
    """The project folder: files in problems are named relative to it."""
    first_line: int | None = None
    """The file line the text starts on, when the host says (else counted from `source`)."""
    problems: list[Problem] = field(default_factory=list)
    """After conversion: what is wrong with the page's shortcodes."""
    codes: list[shortcodes.Shortcode] = field(default_factory=list)
    """After conversion: the shortcodes the page shows."""
    problems_found: list[Problem] = field(default_factory=list)
    """Problems rendering raised (a broken template), added to `problems`."""
    rendered: dict[tuple[str, str], Markup] = field(default_factory=dict)
    """After conversion: each (kind, argument) shown and its HTML (the first, where it shows more than once)."""
