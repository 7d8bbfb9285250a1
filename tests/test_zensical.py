"""Zensical runs Markdown extensions but no plugins or hooks: the shortcode extension alone puts every figure
on the pages, stops the build on a mistake naming file and line, and never lets a data edit go unpublished."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from ci import ci_enabled
from outputs_helpers import ROOT, build
from project import copy_project

ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"


def _zensical() -> Path:
    if ZENSICAL.exists():
        return ZENSICAL
    if ci_enabled():
        pytest.fail("Zensical is not installed: `make test` installs it into .venv-zensical/")
    pytest.skip("Zensical is not installed; run `make .venv-zensical/bin/zensical` (make test does)")


def zensical_build(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # The package comes from the project's hooks/, as MkDocs finds it for this site's hook.
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_COLOR": "1"}
    env.pop("SITE_URL", None)
    return subprocess.run([str(_zensical()), "build", *args], cwd=project, env=env, capture_output=True,
                          text=True, timeout=300)


class Figures(HTMLParser):
    """What a page shows from data/: each rendered record (`data-fact`) and the text of each figure."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.records: Counter[str] = Counter()
        self.values: Counter[str] = Counter()
        self._open: list[list[str]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("data-fact"):
            self.records[f"{values.get('class')}:{values['data-fact']}"] += 1
        for chunks in self._open:
            chunks.append(" ")
        if "fx-value" in (values.get("class") or "").split():
            self._open.append([])
        elif self._open:
            self._open.append(self._open[-1])  # nested inside a figure: same text

    def handle_endtag(self, tag: str) -> None:
        if self._open:
            chunks = self._open.pop()
            if not self._open or self._open[-1] is not chunks:
                self.values[" ".join("".join(chunks).split())] += 1

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1].append(data)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    """One MkDocs build and one Zensical build of the same copy of this site, shared by the tests below."""
    _zensical()
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    built = build(project, site_url=None, site_dir="site-mkdocs")
    assert built.returncode == 0, built.stderr
    return project / "site-mkdocs", project / "site", zensical_build(project)


def test_zensical_builds_every_story_page_with_every_figure_the_mkdocs_build_shows(sites) -> None:
    mkdocs_site, zensical_site, result = sites
    assert result.returncode == 0, result.stderr
    pages = sorted(p.relative_to(mkdocs_site) for p in mkdocs_site.rglob("index.html")
                   if "fx-" in p.read_text(encoding="utf-8") and p.relative_to(mkdocs_site).parts[0] != "embed")
    assert len(pages) >= 8
    for page in pages:
        ours = Figures((zensical_site / page).read_text(encoding="utf-8"))
        theirs = Figures((mkdocs_site / page).read_text(encoding="utf-8"))
        assert theirs.records - ours.records == Counter(), page
        assert theirs.values - ours.values == Counter(), page
        assert not re.search(r"<!--\s*(fact|value|quote|card|chart|map)\b", (zensical_site / page).read_text(encoding="utf-8"))


def test_the_figures_link_to_their_cards_from_every_page(sites) -> None:
    mkdocs_site, zensical_site, _ = sites
    for page in ("deployment/index.html", "index.html"):
        ours = set(re.findall(r'href="([^"]*#troops-[\w-]+)"', (zensical_site / page).read_text(encoding="utf-8")))
        theirs = set(re.findall(r'href="([^"]*#troops-[\w-]+)"', (mkdocs_site / page).read_text(encoding="utf-8")))
        assert ours and ours >= theirs


def test_explainer_export_writes_what_the_plugin_writes_after_the_pages(sites, monkeypatch, capsys) -> None:
    from mkdocs_explainer.cli import main

    mkdocs_site, zensical_site, _ = sites
    monkeypatch.delenv("SITE_URL", raising=False)
    assert not (zensical_site / "facts.json").exists()  # Zensical runs no plugin
    assert main(["export", str(zensical_site), "-f", str(zensical_site.parent / "mkdocs.yml")]) == 0
    assert "facts.json" in capsys.readouterr().out
    for name in ("facts.json", "facts.csv", "facts.schema.json", "changes.xml", "sitemap.xml", "LICENSE.txt"):
        assert (zensical_site / name).read_bytes() == (mkdocs_site / name).read_bytes(), name
    assert "<lastmod>" in (zensical_site / "sitemap.xml").read_text(encoding="utf-8")
    # Each chart's and map's data, image and embed page, as the plugin writes them.
    taken_away = sorted(p.relative_to(mkdocs_site) for folder in ("figures", "embed") for p in (mkdocs_site / folder).rglob("*")
                        if p.is_file())
    assert any(p.suffix == ".csv" for p in taken_away) and any(p.parts[0] == "embed" for p in taken_away)
    for path in taken_away:
        assert (zensical_site / path).read_bytes() == (mkdocs_site / path).read_bytes(), path


def test_explainer_export_without_a_configuration_says_what_to_do(tmp_path: Path, capsys) -> None:
    from mkdocs_explainer.cli import main

    assert main(["export", str(tmp_path / "site"), "-f", str(tmp_path / "mkdocs.yml")]) == 2
    assert "not found" in capsys.readouterr().err and not (tmp_path / "site").exists()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    _zensical()
    return copy_project(tmp_path / "project")


def test_an_unknown_id_or_a_broken_data_file_fails_the_build_naming_file_and_line(project: Path) -> None:
    page = project / "docs" / "deployment.md"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines, 1) if "<!-- fact:" in line)
    lines[number - 1] = lines[number - 1].replace("<!-- fact:", "<!-- fact:zz-nowhere-", 1)
    page.write_text("".join(lines), encoding="utf-8")
    result = zensical_build(project)
    assert result.returncode != 0
    assert f"docs/deployment.md:{number}: <!-- fact:zz-nowhere-" in result.stderr + result.stdout

    shutil.copy2(ROOT / "docs" / "deployment.md", page)
    data = project / "data" / "deployment.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("reviewed:", "reviwed:", 1), encoding="utf-8")
    result = zensical_build(project)
    assert result.returncode != 0
    assert re.search(r"data/deployment\.yml:\d+: facts\[0\]\.reviwed", result.stderr + result.stdout)


def test_a_data_edit_shows_in_the_next_build_without_clean(project: Path) -> None:
    assert zensical_build(project).returncode == 0
    claimants = project / "data" / "claimants.yml"
    text = claimants.read_text(encoding="utf-8")
    assert "National Intelligence Service (NIS)" in text
    claimants.write_text(text.replace("National Intelligence Service (NIS)", "National Intelligence Service (NIS, edited)"),
                         encoding="utf-8")
    stamp = claimants.stat().st_mtime + 2  # Zensical keeps watched files' times in whole seconds
    os.utime(claimants, (stamp, stamp))
    assert zensical_build(project).returncode == 0
    assert "NIS, edited" in (project / "site" / "deployment" / "index.html").read_text(encoding="utf-8")


def test_without_the_data_folder_watched_the_build_stops_and_says_what_to_add(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("\n  - data\n", "\n"), encoding="utf-8")
    result = zensical_build(project)
    assert result.returncode != 0
    assert "add `- data` under `watch:`" in result.stderr + result.stdout


def test_zensical_serve_shows_a_data_edit_and_a_mistake_and_keeps_running(project: Path) -> None:
    from project import free_port, wait_for

    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_COLOR": "1"}
    log = (project / "serve.log").open("w")
    server = subprocess.Popen([str(_zensical()), "serve", "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/deployment/"
    try:
        wait_for(url, lambda body: 'data-fact="troops-total-nis"' in body, timeout=60)
        claimants = project / "data" / "claimants.yml"
        text = claimants.read_text(encoding="utf-8")
        claimants.write_text(text.replace("(NIS)", "(NIS, served)"), encoding="utf-8")
        wait_for(url, lambda body: "NIS, served" in body, timeout=60)
        page = project / "docs" / "deployment.md"
        good = page.read_text(encoding="utf-8")
        page.write_text(good.replace("<!-- fact:troops-total-nis -->", "<!-- fact:troops-total-nsi -->"), encoding="utf-8")
        body = wait_for(url, lambda body: "fx-problems" in body, timeout=60)
        assert "troops-total-nsi" in body and "docs/deployment.md:" in body
        page.write_text(good, encoding="utf-8")
        wait_for(url, lambda body: "fx-problems" not in body and 'data-fact="troops-total-nis"' in body, timeout=60)
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
