"""The MkDocs hook itself, called directly: strict failure when building, problems shown when previewing."""

from __future__ import annotations

from pathlib import Path

import facts as hook
import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from project import copy_project


@pytest.fixture
def config(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    (project / "data/deployment.yml").write_text(
        (project / "data/deployment.yml").read_text().replace("reviewed:", "reviwed:", 1)
    )
    return load_config(str(project / "mkdocs.yml"))


def test_build_stops_before_writing_with_every_problem(config):
    hook.on_startup(command="build", dirty=False)
    hook.on_config(config)
    with pytest.raises(PluginError) as caught:
        hook.on_pre_build(config)
    message = str(caught.value)
    assert "problems in the explainer's facts" in message
    assert "unknown field; did you mean 'reviewed'?" in message
    assert "required field is missing" in message


def test_preview_shows_the_problems_instead_of_the_page(config):
    hook.on_startup(command="serve", dirty=False)
    hook.on_config(config)
    hook.on_pre_build(config)
    html = hook.on_page_markdown("# Home\n\n<!-- legend -->\n", page=None, config=config, files=None)
    assert 'class="admonition failure fx-problems"' in html
    assert "data/deployment.yml:" in html and "reviwed" in html
