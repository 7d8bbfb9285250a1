"""Check every page's shortcodes before MkDocs writes anything.

Pages are converted with the site's own Markdown extensions plus the shortcode extension in its
finding mode, so the scan sees exactly the shortcodes the build will render: same parser, same code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown import Markdown

from ..data.catalog import Catalog
from ..problems import Problem
from . import fairness, shortcodes
from .markdown_ext import RESOLVE_PRIORITY, Marker, ShortcodeExtension


@dataclass
class PageScan:
    """What one pass over every page found: its problems, the items shown, and the shortcodes on each page."""

    problems: list[Problem] = field(default_factory=list)
    shown: set[str] = field(default_factory=set)
    codes: dict[str, list[shortcodes.Shortcode]] = field(default_factory=dict)
    """Page path relative to docs/ → the shortcodes it shows (not those in code)."""
    warnings: list[Problem] = field(default_factory=list)
    """What a strict build refuses but a preview shows: one-sided questions, figures typed by hand."""

    @property
    def kinds(self) -> dict[str, set[str]]:
        """Page path relative to docs/ → the shortcode kinds it shows."""
        return {page: {code.kind for code in codes} for page, codes in self.codes.items()}

    def first_page_with(self, kind: str) -> str | None:
        """The first page (in path order) holding a shortcode of `kind`, e.g. `facts` for every item's home."""
        return next((page for page in sorted(self.codes) if any(c.kind == kind for c in self.codes[page])), None)

    def pages_with(self, kinds: tuple[str, ...]) -> dict[str, str]:
        """For each kind that lists everything (`sources`, `corrections`...), the first page holding it."""
        return {kind: page for kind in kinds if (page := self.first_page_with(kind))}


def no_front_matter(text: str) -> tuple[str, Any]:
    return text, {}


@dataclass
class PageParser:
    """Python-Markdown set up as the site's pages are, finding shortcodes instead of rendering them."""

    extensions: Sequence[Any] = ()
    """The site's `markdown_extensions` (names or instances); a ShortcodeExtension among them is replaced."""
    configs: dict[str, Any] = field(default_factory=dict)
    split_front_matter: Callable[[str], tuple[str, Any]] = no_front_matter
    """What the site does with front matter (MkDocs: `mkdocs.utils.meta.get_data`)."""
    memo: dict[str, list[Marker]] | None = None
    """Markers by page text from the last build (its `used`), kept by the caller across the builds of a
    preview, where most pages are unchanged, while the Markdown settings stay the same (`settings_key`)."""

    def __post_init__(self) -> None:
        self.used: dict[str, list[Marker]] = {}
        """What this parser found, by page text: the memo for the next build (pages since deleted drop out)."""
        self._finder = ShortcodeExtension(shortcodes.KINDS, shortcodes.BLOCK_KINDS)
        others = [e for e in self.extensions if not isinstance(e, ShortcodeExtension)]
        self._md = Markdown(extensions=[*others, self._finder], extension_configs=dict(self.configs))
        # Tree processors after the one that places shortcodes cannot move them (the toc, for one, costs
        # about a third of a conversion): the scan skips them.
        for item in list(self._md.treeprocessors._priority):  # type: ignore[attr-defined]  # priorities: no public API
            if item.priority < RESOLVE_PRIORITY:
                self._md.treeprocessors.deregister(item.name)

    def markers(self, text: str) -> list[Marker]:
        """Every comment in `text` (a whole page file) that looks like a shortcode, with its file line and
        where the parser put it."""
        if "<!--" not in text:
            return []
        markers = self.memo[text] if self.memo is not None and text in self.memo else self._find(text)
        self.used[text] = markers
        return markers

    def _find(self, text: str) -> list[Marker]:
        body, _ = self.split_front_matter(text)
        self._finder.first_line = 1 + len(text.splitlines()) - len(body.splitlines())
        self._md.reset()
        self._md.convert(body)
        return list(self._finder.page.markers)


def scan_pages(docs_dir: Path, root: Path, catalog: Catalog, parser: PageParser | None = None) -> PageScan:
    """Read every Markdown page under `docs_dir` once and check its shortcodes."""
    parser = parser or PageParser()
    scan = PageScan()
    read = []
    for path in sorted(docs_dir.rglob("*.md")):
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            scan.problems.append(Problem(name, line, "", "this page has bytes that are not UTF-8; save it as UTF-8"))
            continue
        page_problems, page_codes = shortcodes.check(name, parser.markers(text), catalog)
        scan.problems += page_problems
        scan.shown |= shortcodes.items_shown(page_codes, catalog)
        scan.codes[path.relative_to(docs_dir).as_posix()] = page_codes
        read.append((name, text, page_codes))
    scan.warnings = fairness.page_warnings(read, catalog)
    return scan


def settings_key(extensions: Sequence[Any], configs: dict[str, Any]) -> str:
    """What a memo of markers depends on besides the page: the extensions (by name or class) and their settings."""
    names = [e if isinstance(e, str) else type(e).__qualname__ for e in extensions if not isinstance(e, ShortcodeExtension)]
    return repr((names, configs))
