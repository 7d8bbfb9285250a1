"""The editor's preview, seen in the browser: `mkdocs serve` on a copy of the project shows a YAML edit by
itself, shows a broken edit's message (file:line:field) while it keeps running, and recovers when fixed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from mkdocs_explainer.data.catalog import build_catalog
from project import copy_project

from .browser_support import PROJECT, REPORT, ports

PROBE_PAGE = "# Preview probe\n\n<!-- fact:preview-probe -->\n"
RELOAD_TIMEOUT = 30.0


@dataclass
class Preview:
    """`mkdocs serve` running on a copy of the project, and the data file the test edits."""

    root: Path
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def probe_yaml(self, value: str, date: str = "2024-10-31") -> str:
        catalog = build_catalog(PROJECT / "data", PROJECT)
        claimant, source = next(iter(catalog["claimants"])), next(iter(catalog["sources"]))
        return (
            "facts:\n"
            "  - id: preview-probe\n"
            "    label: A fact only the preview test uses\n"
            f"    value: {value}\n"
            "    unit: troops\n"
            f"    date: {date}\n"
            f"    claimant: {claimant}\n"
            "    status: reported\n"
            f"    sources: [{{source: {source}, excerpt: \"{value} troops\"}}]\n"
            "    reviewed: 2026-11-01\n"
        )


def free_port() -> int:
    for port in ports():
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port in the test range")


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    root = copy_project(tmp_path / "project")
    (root / "docs" / "preview-probe.md").write_text(PROBE_PAGE)
    port, log = free_port(), tmp_path / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    running = Preview(root, f"http://127.0.0.1:{port}/preview-probe/", process, log)
    (root / "data" / "preview-probe.yml").write_text(running.probe_yaml("4321"))
    try:
        wait_until(lambda: answers(running.url), 60, f"mkdocs serve did not start:\n{log.read_text()}")
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def wait_until(condition: Any, timeout: float, message: str) -> float:
    """Seconds it took for `condition()` to hold; fails with `message` after `timeout`."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(0.1)
    pytest.fail(message, pytrace=False)


def body_text(page: Any) -> str:
    try:
        return page.inner_text("body", timeout=1000)
    except Exception:  # the page is reloading itself
        return ""


def test_edits_show_in_the_open_page_by_themselves(browser: Any, preview: Preview) -> None:
    data = preview.root / "data" / "preview-probe.yml"
    page = browser.new_page()
    try:
        page.goto(preview.url)
        assert "4,321 troops" in body_text(page)
        navigations: list[str] = []
        page.on("framenavigated", lambda frame: navigations.append(frame.url))

        # A plain save: the page reloads itself with the new value (the test never reloads it).
        data.write_text(preview.probe_yaml("4322"))
        seconds = wait_until(lambda: "4,322 troops" in body_text(page), RELOAD_TIMEOUT, "the edited value never appeared")
        REPORT.append(f"preview: an edited value appeared in the open page after {seconds:.1f} s")

        # A broken date: the page shows file:line: field and the message, not a stale page; the server lives on.
        data.write_text(preview.probe_yaml("4322", date="31/10/2024"))
        line = preview.probe_yaml("4322").splitlines().index("    date: 2024-10-31") + 1
        expected = f"data/preview-probe.yml:{line}: facts[0].date"
        wait_until(lambda: expected in body_text(page), RELOAD_TIMEOUT, f"the page never showed {expected!r}:\n{body_text(page)}")
        text = body_text(page)
        assert "31/10/2024" in text and "4,322 troops" not in text
        assert preview.process.poll() is None, "mkdocs serve stopped on a broken edit"
        assert answers(preview.url), "the preview stopped answering after a broken edit"

        # The fix brings the page back by itself.
        data.write_text(preview.probe_yaml("4323"))
        wait_until(lambda: "4,323 troops" in body_text(page), RELOAD_TIMEOUT, "the page did not come back after the fix")
        assert expected not in body_text(page)

        # Editors that save by writing a new file and renaming it over the old one trigger the reload too.
        # The new file is written outside data/, so the rename is the only thing the preview can notice.
        temporary = preview.root.parent / "saving.yml"
        temporary.write_text(preview.probe_yaml("4324"))
        os.replace(temporary, data)
        wait_until(lambda: "4,324 troops" in body_text(page), RELOAD_TIMEOUT, "a save by rename did not reload the page")
        assert navigations, "the page changed without reloading: the check would not prove live reload"
    finally:
        page.close()


def test_a_crash_class_error_shows_the_error_box_and_the_page_recovers(browser: Any, preview: Preview) -> None:
    # A raw control byte (a word processor's soft line break) once raised an exception that MkDocs' server
    # answered by stalling every request; the editor now sees the problems box, and the fix brings the page back.
    data = preview.root / "data" / "preview-probe.yml"
    page = browser.new_page()
    try:
        page.goto(preview.url)
        assert "4,321 troops" in body_text(page)
        data.write_bytes(preview.probe_yaml("4321").replace("A fact", "A\x0bfact").encode())
        wait_until(lambda: "can't be shown" in body_text(page), RELOAD_TIMEOUT,
                   f"no error box after a crash-class edit:\n{body_text(page)}")
        assert "preview-probe.yml" in body_text(page) or "unexpected error" in body_text(page)
        assert preview.process.poll() is None and answers(preview.url)
        data.write_text(preview.probe_yaml("4325"))
        wait_until(lambda: "4,325 troops" in body_text(page), RELOAD_TIMEOUT, "the page did not come back after the fix")
        assert "Traceback" not in preview.log.read_text()
    finally:
        page.close()
