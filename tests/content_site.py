"""Helpers for the content tests: copy the project, build it, read the built pages' main text."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from project import copy_project  # noqa: F401 - the content tests import it from here

ROOT = Path(__file__).resolve().parent.parent


def build(project: Path) -> Path:
    """`mkdocs build --strict` of a copy; fails the test with MkDocs' output if the build fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return project / "site"


def built_pages(site: Path) -> dict[str, str]:
    """Every built page's HTML by its path in the site, search and 404 pages left out, and the embeds (a
    figure alone, for other sites' iframes: tests/test_figures_takeaway.py checks them)."""
    return {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site.rglob("*.html"))
        if path.name != "404.html" and "search" not in path.parts and path.relative_to(site).parts[0] != "embed"
    }


class _MainText(HTMLParser):
    """Text inside `article.md-content__inner`, without code (code shows examples and embed snippets, not facts)."""

    SKIPPED = frozenset({"pre", "code", "script", "style", "textarea"})  # textarea: embed code to copy
    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # depth inside the article, 0 = outside
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        if self.depth == 0 and tag == "article" and "md-content__inner" in classes:
            self.depth = 1
            return
        if self.depth:
            self.depth += 1
            if tag in self.SKIPPED or self.skip:
                self.skip += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # self-closing SVG shapes hold no text

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID or not self.depth:
            return
        self.depth -= 1
        if self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


def main_text(html: str) -> str:
    parser = _MainText()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))
