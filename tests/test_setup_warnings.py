"""A site set up in a way that silently breaks the explainer's pages (or its promise that readers' browsers
contact no third party) gets a warning naming what to change; a strict build fails on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs_explainer import setup_checks
from mkdocs_explainer.plugin import THEME
from project import ROOT, mkdocs
from test_package import explainer


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("starter")
    assert explainer("new", "story", cwd=folder).returncode == 0
    return folder / "story"


def warnings_for(site: Path, tmp_path: Path, replace: tuple[str, str] = ("", ""), main_html: str | None = None) -> list[str]:
    """The warnings for the starter with its mkdocs.yml edited and extra files written (a copy in tmp_path)."""
    project = tmp_path / "site"
    project.mkdir(parents=True)
    for name in ("mkdocs.yml",):
        text = (site / name).read_text()
        assert replace[0] in text
        (project / name).write_text(text.replace(*replace))
    (project / "docs").mkdir()
    if main_html is not None:
        (project / "overrides").mkdir()
        (project / "overrides/main.html").write_text(main_html)
    config = load_config(str(project / "mkdocs.yml"))
    templates = config.plugins["explainer"].config.custom_templates
    return setup_checks.warnings(config, THEME / "main.html", project / templates, templates != "explainer-templates")


def test_the_starter_gets_no_warning(starter: Path, tmp_path: Path) -> None:
    assert warnings_for(starter, tmp_path) == []


def test_a_site_main_html_that_replaces_the_explainers(starter: Path, tmp_path: Path) -> None:
    [warning] = warnings_for(starter, tmp_path, ("  font: false", "  font: false\n  custom_dir: overrides"),
                             main_html='{% extends "base.html" %}\n{% block content %}{{ super() }}<p>ours</p>{% endblock %}\n')
    assert warning.startswith("main.html in the theme's custom_dir (")
    assert "pages lose their head tags" in warning and '"Last updated"' in warning
    # One that keeps the explainer's blocks is fine.
    ours = (ROOT / "hooks/mkdocs_explainer/theme/main.html").read_text()
    assert warnings_for(starter, tmp_path / "kept", ("  font: false", "  font: false\n  custom_dir: overrides"),
                        main_html=ours + "{# and our own changes #}\n") == []


def test_a_custom_templates_folder_that_does_not_exist(starter: Path, tmp_path: Path) -> None:
    [warning] = warnings_for(starter, tmp_path, ("stale_after_days: 180", "stale_after_days: 180\n      custom_templates: our-templates"))
    assert warning.startswith("explainer.custom_templates: the folder ") and "our-templates does not exist" in warning


def test_a_missing_md_in_html(starter: Path, tmp_path: Path) -> None:
    [warning] = warnings_for(starter, tmp_path, ("  - md_in_html\n", ""))
    assert warning.startswith("markdown_extensions lacks md_in_html") and "add `- md_in_html`" in warning


def test_a_theme_other_than_material(starter: Path, tmp_path: Path) -> None:
    [warning] = warnings_for(starter, tmp_path, ("  name: material\n  font: false", "  name: mkdocs"))
    assert warning.startswith("theme 'mkdocs' is not Material for MkDocs")


@pytest.mark.parametrize("font", ["", "\n  font:\n    text: Inter"])
def test_material_loading_google_fonts(starter: Path, tmp_path: Path, font: str) -> None:
    [warning] = warnings_for(starter, tmp_path, ("  font: false  # no Google Fonts: readers' browsers contact no third party", font))
    assert warning.startswith("theme.font is not false: Material then loads its fonts from Google Fonts")


def test_a_stylesheet_from_another_site(starter: Path, tmp_path: Path) -> None:
    [warning] = warnings_for(starter, tmp_path, ("plugins:", "extra_css:\n  - https://cdn.example.com/x.css\n\nplugins:"))
    assert warning.startswith("extra_css loads https://cdn.example.com/x.css from another site")


def test_a_strict_build_fails_on_the_warning(starter: Path, tmp_path: Path) -> None:
    import shutil

    project = tmp_path / "story"
    shutil.copytree(starter, project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - md_in_html\n", ""))
    result = mkdocs(project, "build", "--strict")
    assert result.returncode != 0 and "WARNING -  markdown_extensions lacks md_in_html" in result.stderr
