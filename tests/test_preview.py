"""The editor's preview: live reload is on, data/ is watched, and saves by rename count too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from project import Preview, copy_project, wait_for

# The same self-contained data file as the bad-input tests use, so content changes don't matter here.
from test_bad_input import BAD_FILE, GOOD, append_to_home


@pytest.fixture
def preview(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    (project / BAD_FILE).write_text(GOOD)
    append_to_home("<!-- fact:zz-fact -->")(project)
    running = Preview(project)
    try:
        wait_for(running.url, lambda body: "zz-fact" in body)
        yield running
    finally:
        running.stop()


def test_served_pages_carry_the_live_reload_script(preview: Preview):
    # Some click releases after 8.2.1 silently turn MkDocs' live reload off; this catches them.
    body = wait_for(preview.url, lambda body: "zz-fact" in body)
    assert "livereload" in body, "mkdocs serve is serving pages without its live-reload script"


def test_a_yaml_edit_reaches_the_served_page(preview: Preview):
    path = preview.project / BAD_FILE
    path.write_text(path.read_text().replace("value: 1", "value: 2468").replace("One test", "2468 tests"))
    wait_for(preview.url, lambda body: "2,468" in body)


def test_a_save_by_rename_is_seen_too(preview: Preview):
    # Many editors write a new file and rename it over the old one.
    path = preview.project / BAD_FILE
    temporary = path.with_name(".zz-bad.yml.swp")
    temporary.write_text(path.read_text().replace("value: 1", "value: 9753").replace("One test", "9753 tests"))
    os.replace(temporary, path)
    wait_for(preview.url, lambda body: "9,753" in body)
