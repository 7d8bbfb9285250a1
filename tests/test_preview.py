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


CRASHES = {
    # Errors that once escaped the hook as exceptions: MkDocs' server then answered no request at all.
    "raw control byte": lambda text: text.replace("Test label", "Test\x0blabel"),
    "a date past 2106": lambda text: text.replace("reviewed: 2026-11-01", "reviewed: 2026-11-01\n    revisions:\n"
                                                  "      - {date: 2107-01-01, change: Far ahead.}"),
}


@pytest.mark.parametrize("name", CRASHES)
def test_a_crash_class_error_shows_the_error_box_and_recovers(preview: Preview, name: str):
    path = preview.project / BAD_FILE
    good = path.read_text()
    path.write_text(CRASHES[name](good))
    body = wait_for(preview.url, lambda body: "fx-problems" in body, timeout=30)
    assert "data/zz-bad.yml" in body or "unexpected error" in body
    assert preview.alive()
    path.write_text(good.replace("value: 1", "value: 8642").replace("One test", "8642 tests"))
    wait_for(preview.url, lambda body: "8,642" in body and "fx-problems" not in body, timeout=30)
    assert "Traceback" not in preview.output()


def test_the_preview_looks_for_saved_files_more_often_than_mkdocs_does(tmp_path: Path):
    """MkDocs' watcher looks every 0.5 s; the preview's every 0.2 s (a quarter of a fact edit's wait at 500 pages
    was the wait for the watcher). This fails if watchdog moves where it keeps the interval."""
    from mkdocs.livereload import LiveReloadServer
    from mkdocs_explainer import preview

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    server.watch(str(tmp_path / "docs"))  # what `mkdocs serve` watches before the plugin's on_serve
    assert {emitter.timeout for emitter in server.observer.emitters} == {0.5}
    preview.watch_often(server)
    server.watch(str(tmp_path / "data"))  # what it watches after: `watch:` in mkdocs.yml, where data/ goes
    assert len(server.observer.emitters) == 2
    assert {emitter.timeout for emitter in server.observer.emitters} == {preview.WATCH_EVERY} == {0.2}


def test_the_preview_collects_garbage_less_often_and_a_build_as_python_does():
    """A preview process keeps a large heap between edits: its collector passes are spaced out (about a sixth of
    a fact edit's CPU at 500 pages went to them). A build keeps Python's own spacing."""
    import gc

    from mkdocs_explainer import preview

    python_default = preview._PYTHON_THRESHOLD  # as the process began, before any preview
    try:
        preview.start("serve", dirty=True)
        assert gc.get_threshold() == (preview.COLLECT_AFTER, *python_default[1:])
        assert 10 * python_default[0] <= preview.COLLECT_AFTER
        preview.start("build", dirty=False)
        assert gc.get_threshold() == python_default
    finally:
        preview.start("build", dirty=False)
