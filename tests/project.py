"""Helpers for end-to-end tests: a throwaway copy of the project, built and served like an editor would."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["data", "docs", "hooks", "includes", "overrides", "mkdocs.yml", "Makefile", "requirements.txt"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def copy_project(target: Path) -> Path:
    """Copy what a build reads (not .venv, site or caches) into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


def mkdocs(project: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run this environment's MkDocs on `project`, as `mkdocs <args>` typed in the project folder."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args], cwd=project, env=ENV, capture_output=True, text=True, timeout=timeout
    )


def make(project: Path, target: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `make <target>` in `project`, reusing this test run's virtual environment."""
    return subprocess.run(
        ["make", "--no-print-directory", target, f"VENV={sys.prefix}"], cwd=project, env=ENV,
        capture_output=True, text=True, timeout=timeout,
    )


def digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` with a hash of its bytes, to prove a folder was left untouched."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, condition, timeout: float = 20) -> str:
    """Poll `url` until `condition(body)` holds; returns the body, or raises with the last one seen."""
    deadline, body = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            body = fetch(url)
            if condition(body):
                return body
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not reach the expected state in {timeout} s; last body:\n{body[-2000:]}")


class Preview:
    """`mkdocs serve` running on a project copy: plain (no flags, as editors type it) unless `flags` are given."""

    def __init__(self, project: Path, *flags: str) -> None:
        self.project = project
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = project / "serve.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *flags, "-a", f"127.0.0.1:{self.port}"],
            cwd=project, env=ENV, stdout=self.log.open("w"), stderr=subprocess.STDOUT,
        )

    def alive(self) -> bool:
        return self.process.poll() is None

    def output(self) -> str:
        return self.log.read_text()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
