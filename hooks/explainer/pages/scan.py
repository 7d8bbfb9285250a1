"""Check every page's shortcodes before MkDocs writes anything."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from ..data.catalog import Catalog
from ..problems import Problem
from . import shortcodes


@dataclass
class PageScan:
    """What one pass over every page found: its problems, the items shown, and the kinds on each page."""

    problems: list[Problem] = field(default_factory=list)
    shown: set[str] = field(default_factory=set)
    kinds: dict[str, set[str]] = field(default_factory=dict)
    """Page path relative to docs/ → the shortcode kinds it holds."""
    codes: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    """Page path relative to docs/ → its shortcodes as (kind, id) pairs, to know which pages a data edit changes."""

    def first_page_with(self, kind: str) -> str | None:
        """The first page (in path order) holding a shortcode of `kind`, e.g. `facts` for every item's home."""
        return next((page for page in sorted(self.kinds) if kind in self.kinds[page]), None)

    def pages_with(self, kinds: tuple[str, ...]) -> dict[str, str]:
        """For each kind that lists everything (`sources`, `corrections`...), the first page holding it."""
        return {kind: page for kind in kinds if (page := self.first_page_with(kind))}


def scan_pages(docs_dir: Path, root: Path, catalog: Catalog) -> PageScan:
    """Read every Markdown page under `docs_dir` once and check its shortcodes."""
    scan = PageScan()
    for path in sorted(docs_dir.rglob("*.md")):
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            scan.problems.append(Problem(name, line, "", "this page has bytes that are not UTF-8; save it as UTF-8"))
            continue
        found = _shortcodes_of(text)
        page_problems, page_shown = shortcodes.check(name, text, catalog, found=found)
        scan.problems += page_problems
        scan.shown |= page_shown
        codes = {(code.kind, code.arg) for code in found}
        scan.kinds[path.relative_to(docs_dir).as_posix()] = {kind for kind, _ in codes}
        scan.codes[path.relative_to(docs_dir).as_posix()] = codes
    return scan


@functools.lru_cache(maxsize=4096)
def _shortcodes_of(text: str) -> tuple[shortcodes.Shortcode, ...]:
    """A page's shortcodes, remembered by its text: the preview scans every page on every build."""
    return tuple(shortcodes.find(text))
