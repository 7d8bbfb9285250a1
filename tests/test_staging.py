"""A build goes into a staging folder and replaces site/ only when it succeeded."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from mkdocs_explainer import cli
from mkdocs_explainer.build.staging import Staging
from project import ENV, ROOT, digest, mkdocs


def test_commit_replaces_the_site_and_leaves_no_temporary_folders(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    staging = Staging.start(str(site))
    (staging.staged / "new.html").write_text("new")
    staging.commit()
    assert [p.name for p in site.iterdir()] == ["new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_discard_keeps_the_old_site_untouched(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("published")
    staging = Staging.start(str(site))
    (staging.staged / "index.html").write_text("half written")
    staging.discard()
    assert (site / "index.html").read_text() == "published"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_build_removes_what_killed_builds_left_and_keeps_a_running_builds_folders(tmp_path):
    # SIGKILL gives a build no chance to clean up; the next build does it for the dead one.
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("published")
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    dead = [tmp_path / f".site-staging-{gone.pid}-x1", tmp_path / f".site-old-{gone.pid}-x2"]
    alive = tmp_path / f".site-staging-{os.getpid()}-x3"  # a build still running beside this one
    unrelated = tmp_path / ".site-notes"
    for folder in [*dead, alive, unrelated]:
        folder.mkdir()
        (folder / "index.html").write_text("half written")
    staging = Staging.start(str(site))
    staging.commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", alive.name, unrelated.name])


def test_first_build_creates_the_site(tmp_path):
    staging = Staging.start(str(tmp_path / "site"))
    (staging.staged / "index.html").write_text("new")
    staging.commit()
    assert (tmp_path / "site" / "index.html").read_text() == "new"


def test_the_published_site_has_the_modes_mkdocs_gives_it(tmp_path):
    # A web server running as another user must read site/: 0755 folders and 0644 files under umask 022.
    import os
    import stat

    old = os.umask(0o022)
    try:
        staging = Staging.start(str(tmp_path / "site"))
        (staging.staged / "sub").mkdir()
        (staging.staged / "sub" / "index.html").write_text("new")
        staging.commit()
    finally:
        os.umask(old)
    site = tmp_path / "site"
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    assert stat.S_IMODE((site / "sub").stat().st_mode) == 0o755
    assert stat.S_IMODE((site / "sub" / "index.html").stat().st_mode) == 0o644


# --- A real `mkdocs build`, interrupted: site/ stays as it was, and nothing is left beside it ----------------

PAUSE_HOOK = '''
"""Test hook: at the event named by PAUSE_AT, tell the test (a marker file) and wait to be interrupted."""
import os, time
from pathlib import Path
from mkdocs.plugins import event_priority

def _pause(event):
    if os.environ.get("PAUSE_AT") == event:
        Path(os.environ["PAUSE_MARKER"]).write_text(event)
        time.sleep(60)

def on_pre_build(config):
    _pause("pre_build")

def on_post_page(output, page, config):
    _pause("post_page")
    return output

@event_priority(-100)  # after every plugin's: the explainer's outputs are written, the build is not over
def on_post_build(config):
    _pause("post_build")
'''


@pytest.fixture(scope="module")
def built_starter(tmp_path_factory):
    """A new explainer with a pausing hook, built once: its site/ is what every interrupted build must keep."""
    project = tmp_path_factory.mktemp("interrupted") / "site-project"
    cli.new(project)
    (project / "pause.py").write_text(PAUSE_HOOK)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "\nhooks:\n  - pause.py\n")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return project


def _leftovers(project):
    return sorted(p.name for p in project.iterdir() if p.name.startswith((".site-staging-", ".site-old-")))


def _paused_build(project, tmp_path, event):
    """`mkdocs build --strict` in `project`, stopped at `event` with its staging folder in place."""
    marker = tmp_path / "paused"
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
        env={**ENV, "PAUSE_AT": event, "PAUSE_MARKER": str(marker)},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    deadline = time.monotonic() + 60
    while not marker.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the build never reached {event}:\n{process.communicate()[0]}")
        time.sleep(0.05)
    assert _leftovers(project), "the build should be staging by now"
    return process


@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("event", ["pre_build", "post_page", "post_build"])
def test_an_interrupted_build_leaves_the_site_alone_and_cleans_up(built_starter, tmp_path, event, signal_name):
    project, signal_number = built_starter, getattr(signal, signal_name)
    before = digest(project / "site")
    assert "index.html" in before and "facts.json" in before
    process = _paused_build(project, tmp_path, event)
    try:
        process.send_signal(signal_number)
        output = process.communicate(timeout=30)[0]
    finally:
        process.kill()
        process.wait()
    assert process.returncode != 0, output
    assert digest(project / "site") == before, f"site/ changed after {signal_name} at {event}"
    assert _leftovers(project) == [], output


def test_a_killed_build_leaves_the_site_alone_and_the_next_build_clears_what_it_left(built_starter, tmp_path):
    project = tmp_path / "killed"
    shutil.copytree(built_starter, project)
    before = digest(project / "site")
    process = _paused_build(project, tmp_path, "post_build")  # every file written into its staging folder
    process.kill()  # SIGKILL: no handler runs, so the folder stays
    process.wait()
    assert digest(project / "site") == before
    assert _leftovers(project), "SIGKILL allows no clean-up: the staging folder should still be there"
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert _leftovers(project) == []


def test_plugin_and_hook_both_loaded_is_refused_and_leaves_the_site_alone(built_starter, tmp_path):
    """The README's way of trying the package beside this site's own hook: once, or a clear refusal."""
    project = tmp_path / "twice"
    shutil.copytree(built_starter, project)
    shutil.copy(ROOT / "hooks" / "facts.py", project / "facts.py")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - pause.py", "  - facts.py"))
    before = digest(project / "site")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    assert "loaded twice" in result.stderr and "Keep one of the two" in result.stderr
    assert digest(project / "site") == before
    assert _leftovers(project) == []
