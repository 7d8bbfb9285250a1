"""The shortcode extension without a plugin (plain Python-Markdown, as any host builds it by name)."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.utils import get_relative_url
from mkdocs_explainer.pages import standalone
from mkdocs_explainer.problems import ProblemsFound
from test_views import DATA


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "all.yml").write_text(DATA, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # without a host's context, the project is the working folder
    return tmp_path


def test_the_extension_named_by_its_entry_point_renders_from_the_data_alone(project: Path) -> None:
    html = markdown.markdown("# X\n\nSaid <!-- fact:f-us -->.\n\n<!-- legend -->\n",
                             extensions=["explainer"], extension_configs={"explainer": {"data_dir": "facts"}})
    assert 'data-fact="f-us"' in html and "fx-legend" in html and "<!--" not in html


def test_without_a_plugin_a_mistake_stops_the_conversion_naming_the_line(project: Path) -> None:
    with pytest.raises(ProblemsFound, match=r"page:3: <!-- fact:f-uss -->: unknown fact 'f-uss'. Did you mean 'f-us'"):
        markdown.markdown("# X\n\nSaid <!-- fact:f-uss -->.\n", extensions=["mkdocs_explainer.pages.markdown_ext"],
                          extension_configs={"mkdocs_explainer.pages.markdown_ext": {"data_dir": "facts"}})
    (project / "facts" / "all.yml").write_text(DATA.replace("claimants:", "claimants: [", 1), encoding="utf-8")
    with pytest.raises(ProblemsFound, match=r"facts/all\.yml:\d+"):
        markdown.markdown("Said <!-- fact:f-us -->.\n", extensions=["explainer"],
                          extension_configs={"explainer": {"data_dir": "facts"}})


def test_the_catalog_is_loaded_once_while_the_data_is_unchanged(project: Path) -> None:
    first = standalone.load_catalog(project / "facts", project)
    assert standalone.load_catalog(project / "facts", project) is first
    path = project / "facts" / "all.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert standalone.load_catalog(project / "facts", project) is not first


@pytest.mark.parametrize(("src", "directory_urls", "url"), [
    ("index.md", True, ""), ("facts.md", True, "facts/"), ("a/b.md", True, "a/b/"), ("a/index.md", True, "a/"),
    ("facts.md", False, "facts.html"), ("a/README.md", True, "a/"),
])
def test_page_urls_are_the_hosts(src: str, directory_urls: bool, url: str) -> None:
    assert standalone.page_url(src, directory_urls) == url


@pytest.mark.parametrize("url", ["", "facts/", "a/b/", "a/"])
@pytest.mark.parametrize("base", ["", "facts/", "a/b/", "a/", "x/y/z/"])
def test_relative_urls_are_mkdocs_own(url: str, base: str) -> None:
    expected = get_relative_url(url or ".", base or ".")
    assert standalone.relative_url(url, base) == ("./" if expected == "." else expected)  # a folder ends in "/"
