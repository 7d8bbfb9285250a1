"""Shortcodes that arrive through a `--8<--` snippet (issue 20 §6, §10): rendered and checked like any other,
a mistake named at the snippet's own file and line; the preview watches the snippets and the map outlines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs_explainer.data.catalog import Catalog
from mkdocs_explainer.pages.markdown_ext import PageJob, ShortcodeExtension
from mkdocs_explainer.pages.render import PageContext
from outputs_helpers import build, copy_project
from project import Preview, wait_for
from test_markdown_ext import catalog  # noqa: F401  # the fixture


def convert_with_snippets(text: str, catalog: Catalog, folder: Path) -> tuple[str, PageJob]:  # noqa: F811
    import markdown

    extension = ShortcodeExtension()
    extension.hosted = True
    job = extension.job = PageJob(name="docs/x.md", context=PageContext(catalog), first_line=1,
                                  snippet_dirs=(folder,), root=folder.parent)
    md = markdown.Markdown(extensions=["pymdownx.snippets", extension],
                           extension_configs={"pymdownx.snippets": {"base_path": [str(folder)], "check_paths": True}})
    return md.convert(text), job


def test_a_shortcode_in_a_snippet_is_rendered(catalog: Catalog, tmp_path: Path) -> None:  # noqa: F811
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "part.md").write_text("Intro.\n\nThe count: <!-- value:f-us -->.\n", encoding="utf-8")
    html, job = convert_with_snippets("# Page\n\n--8<-- \"part.md\"\n\nAfter.\n", catalog, tmp_path / "includes")
    assert 'class="fx-value"' in html and "<!--" not in html
    assert job.problems == [] and [c.arg for c in job.codes] == ["f-us"]


def test_a_mistake_in_a_snippet_names_the_snippet_and_its_own_line(catalog: Catalog, tmp_path: Path) -> None:  # noqa: F811
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "part.md").write_text("One.\n\nTwo.\n\nThe count: <!-- value:f-uss -->.\n", encoding="utf-8")
    page = "# Page\n\nFirst <!-- value:f-kr -->.\n\n--8<-- \"part.md\"\n\nLast <!-- value:f-nope -->.\n"
    _, job = convert_with_snippets(page, catalog, tmp_path / "includes")
    assert sorted((p.file, p.line) for p in job.problems) == [("docs/x.md", 7), ("includes/part.md", 5)]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    (project / "includes" / "zz-part.md").write_text("The count, from a snippet: <!-- fact:zz-revised -->.\n",
                                                    encoding="utf-8")
    page = project / "docs" / "zz-test.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n--8<-- "zz-part.md"\n', encoding="utf-8")
    return project


def test_a_build_renders_a_snippet_shortcode_and_stops_on_its_mistake(project: Path) -> None:
    result = build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "zz-test" / "index.html").read_text(encoding="utf-8")
    assert html.count('data-fact="zz-revised"') == 2 and "<!-- fact:" not in html

    (project / "includes" / "zz-part.md").write_text("Line one.\n\n<!-- fact:zz-revisd -->\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "includes/zz-part.md:3: <!-- fact:zz-revisd -->: unknown fact 'zz-revisd'" in result.stderr


def test_the_preview_shows_a_snippet_mistake_and_redraws_maps_when_the_outlines_change(project: Path) -> None:
    running = Preview(project, "--dirty")
    try:
        wait_for(running.url + "zz-test/", lambda body: body.count('data-fact="zz-revised"') == 2, timeout=60)
        (project / "includes" / "zz-part.md").write_text("<!-- fact:zz-revisd -->\n", encoding="utf-8")
        body = wait_for(running.url + "zz-test/", lambda body: "fx-problems" in body, timeout=60)
        assert "includes/zz-part.md:1" in body and "zz-revisd" in body
        (project / "includes" / "zz-part.md").write_text("<!-- fact:zz-revised -->\n", encoding="utf-8")
        wait_for(running.url + "zz-test/", lambda body: "fx-problems" not in body and "zz-revised" in body, timeout=60)

        basemap = project / "data" / "basemap.json"
        outlines = json.loads(basemap.read_text(encoding="utf-8"))
        outlines["attribution"] += " Edited outlines."
        basemap.write_text(json.dumps(outlines), encoding="utf-8")
        wait_for(running.url + "deployment/", lambda body: "Edited outlines." in body, timeout=60)
        assert running.alive() and "Traceback" not in running.output()
    finally:
        running.stop()


def test_the_snippets_folder_is_watched(project: Path) -> None:
    import facts as hook
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"))
    hook.on_startup(command="serve", dirty=False)
    hook.on_config(config)
    assert (project / "includes").resolve() in {Path(p).resolve() for p in config.watch}
