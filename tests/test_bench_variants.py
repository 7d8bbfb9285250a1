"""The benchmark compares like with like: its three variants must show readers the same text."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import synth  # noqa: E402 - benchmarks/ is not a package on the test path

MKDOCS = Path(sys.executable).parent / "mkdocs"


class ArticleText(HTMLParser):
    """The text a reader sees in a page's main content (`<article>`), whitespace collapsed."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article" or self.depth:
            self.depth += tag not in ("br", "img", "hr", "input", "meta", "link")
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in ("br", "img", "hr", "input", "meta", "link"):
            self.depth -= 1
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)

    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def article_text(html: str) -> str:
    # The "Last updated" line is page chrome from the theme override, not the page's content.
    html = re.sub(r'<p class="fx-page-updated">.*?</p>', "", html, flags=re.S)
    parser = ArticleText()
    parser.feed(html)
    return parser.text()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("variants")
    data = synth.make_data(30)
    sites = {}
    for variant in synth.VARIANTS:
        project = synth.write_variant(variant, root / variant, 30, 3, data)
        run = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=project, capture_output=True, text=True,
                             env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
        # Strict mode would fail on facts shown on no page; the tiny variant shows them all.
        assert run.returncode == 0, run.stderr
        sites[variant] = project / "site"
    return sites


def test_variants_show_the_same_text(built: dict[str, Path]) -> None:
    pages = sorted(p.relative_to(built["plain"]) for p in built["plain"].rglob("index.html")
                   if p.parent.name != "404")
    assert len(pages) == 3
    for page in pages:
        texts = {v: article_text((site / page).read_text(encoding="utf-8")) for v, site in built.items()}
        assert "according to Agency number" in texts["plain"]
        assert texts["ours"] == texts["plain"], page
        assert texts["macros"] == texts["plain"], page


def test_ours_renders_facts_from_data(built: dict[str, Path]) -> None:
    # Guards against a variant that passes by showing nothing: ours must have rendered shortcodes.
    html = (built["ours"] / "index.html").read_text(encoding="utf-8")
    assert 'class="fx-fact"' in html and "<!-- fact:" not in html
    assert "{{" not in (built["macros"] / "index.html").read_text(encoding="utf-8")


def test_the_loading_benchmark_runs_every_mode_its_edit_included(tmp_path: Path) -> None:
    """`make bench` times loading in each mode; its edit of a figure must pass the checks the build applies
    (an edited figure without its source's words stopped a whole `make bench` after 15 minutes)."""
    import bench

    project = tmp_path / "ours"
    synth.write_variant("ours", project, 300, 3)
    for mode in ("warm", *bench.LOAD_MODES, "one-edited"):  # one-edited twice: there and back
        result = subprocess.run([sys.executable, "-c", bench.LOAD_SCRIPT, str(project), mode],
                                capture_output=True, text=True)
        assert result.returncode == 0, f"{mode}: {result.stderr[-1500:]}"


def test_the_preview_benchmark_sees_each_of_its_edits(tmp_path: Path) -> None:
    """`make bench` times a data edit in the preview against a Markdown edit; the data edit must be one the
    preview accepts and shows (a refused one kept `make bench` waiting)."""
    import bench

    times = bench.time_preview(tmp_path, 100, 3, 1)
    assert len(times["yaml"]) == len(times["markdown"]) == 1
