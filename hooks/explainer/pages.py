"""Check every page's shortcodes before MkDocs writes anything."""

from __future__ import annotations

from pathlib import Path

from . import shortcodes
from .catalog import Catalog
from .problems import Problem


def check_pages(docs_dir: Path, root: Path, catalog: Catalog) -> tuple[list[Problem], set[str]]:
    """Problems in all Markdown pages under `docs_dir`, and the ids of every item they show."""
    problems: list[Problem] = []
    shown: set[str] = set()
    for path in sorted(docs_dir.rglob("*.md")):
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            problems.append(Problem(name, line, "", "this page has bytes that are not UTF-8; save it as UTF-8"))
            continue
        page_problems, page_shown = shortcodes.check(name, text, catalog)
        problems += page_problems
        shown |= page_shown
    return problems, shown


def index_page(docs_dir: Path) -> str | None:
    """The page holding `<!-- facts -->`, every item's permanent home, as a path relative to docs/."""
    for path in sorted(docs_dir.rglob("*.md")):
        if any(code.kind == "facts" for code in shortcodes.find(path.read_text(encoding="utf-8", errors="replace"))):
            return path.relative_to(docs_dir).as_posix()
    return None


def pages_with(docs_dir: Path, kinds: tuple[str, ...]) -> dict[str, str]:
    """For each block kind that lists everything (`sources`, `corrections`...), the first page holding it."""
    found: dict[str, str] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        for code in shortcodes.find(path.read_text(encoding="utf-8")):
            if code.kind in kinds and code.kind not in found:
                found[code.kind] = path.relative_to(docs_dir).as_posix()
    return found
