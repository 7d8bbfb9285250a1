"""Which page shows which shortcodes, read from the pages' text without converting them.

Links between pages need it before any page is rendered: every item's permanent anchor is on the first page
holding `<!-- facts -->`, and lists (`sources`, `corrections`...) are linked to where they are. Reading the
text (code fences and backtick spans left out) costs a fraction of a Markdown conversion; each page's own
conversion then checks its shortcodes exactly (`markdown_ext`), and the plugin compares the two.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..data.catalog import Catalog
from ..problems import Problem
from . import shortcodes
from .markers import SHORTCODE

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+).+?\1")


@dataclass
class PageScan:
    """What one pass over every page found: its problems, the items shown, and the shortcodes on each page."""

    problems: list[Problem] = field(default_factory=list)
    shown: set[str] = field(default_factory=set)
    codes: dict[str, list[shortcodes.Shortcode]] = field(default_factory=dict)
    """Page path relative to docs/ → the shortcodes it shows (not those in code)."""
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Page path relative to docs/ → (its name for messages, its text): for the checks of what pages say."""
    warnings: list[Problem] = field(default_factory=list)
    """What a strict build refuses but a preview shows: one-sided questions, figures typed by hand."""

    _homes: dict[str, str] | None = field(default=None, repr=False, compare=False)

    def set_codes(self, page: str, codes: list[shortcodes.Shortcode]) -> None:
        """What a page shows, as read or (after its conversion) as it really is."""
        self.codes[page] = codes
        self._homes = None

    @property
    def kinds(self) -> dict[str, set[str]]:
        """Page path relative to docs/ → the shortcode kinds it shows."""
        return {page: {code.kind for code in codes} for page, codes in self.codes.items()}

    def homes(self) -> dict[str, str]:
        """For every shortcode kind in use, the first page (in path order) holding it: where links point."""
        if self._homes is None:
            self._homes = {}
            for page in sorted(self.codes):
                for code in self.codes[page]:
                    self._homes.setdefault(code.kind, page)
        return self._homes

    def first_page_with(self, kind: str) -> str | None:
        """The first page (in path order) holding a shortcode of `kind`, e.g. `facts` for every item's home."""
        return self.homes().get(kind)

    def pages_with(self, kinds: tuple[str, ...]) -> dict[str, str]:
        """For each kind that lists everything (`sources`, `corrections`...), the first page holding it."""
        return {kind: page for kind in kinds if (page := self.first_page_with(kind))}


def find_codes(text: str) -> list[shortcodes.Shortcode]:
    """The strict shortcodes of a page's text outside fenced code and backtick spans (known kinds only)."""
    return list(_codes_in(text))


@functools.lru_cache(maxsize=2048)
def _codes_in(text: str) -> tuple[shortcodes.Shortcode, ...]:
    """A page's text alone decides them: a preview's data edit reads again only the pages that changed."""
    codes, fence = [], ""
    for number, line in enumerate(text.splitlines(), 1):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1).startswith(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        if "<!--" not in line:
            continue
        for match in SHORTCODE.finditer(_CODE_SPAN.sub("", line) if "`" in line else line):
            if match.group("kind") in shortcodes.KINDS:
                codes.append(shortcodes.Shortcode(match.group("kind"), match.group("arg") or "", number, match.group(0)))
    return tuple(codes)


def scan_pages(docs_dir: Path, root: Path, catalog: Catalog | None = None) -> PageScan:
    """Read every Markdown page under `docs_dir` once and note its shortcodes (and the items they show)."""
    scan = PageScan()
    for path in sorted(docs_dir.rglob("*.md")):
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            scan.problems.append(Problem(name, line, "", "this page has bytes that are not UTF-8; save it as UTF-8"))
            continue
        codes = find_codes(text)
        scan.set_codes(path.relative_to(docs_dir).as_posix(), codes)
        scan.texts[path.relative_to(docs_dir).as_posix()] = (name, text)
        if catalog is not None:
            scan.shown |= items_shown(codes, catalog)
    return scan


def items_shown(codes: list[shortcodes.Shortcode], catalog: Catalog) -> set[str]:
    """Items the shortcodes show; those naming no record show nothing (their page's conversion reports them)."""
    shown: set[str] = set()
    for code in codes:
        shown |= shortcodes.KINDS[code.kind].shows(catalog, code.arg)
    return shown
