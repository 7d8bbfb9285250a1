"""Fixtures for the browser tests: the site built once (strict), served on 127.0.0.1, and Debian's Chromium.

Fixtures are package-scoped: the browser (and its Playwright loop) closes when the last browser test
has run, so other test modules may start their own Playwright afterwards.

Without Chromium, Playwright, Java or the npm checkers the tests skip with the reason; in CI (CI=true) a
missing tool fails them instead, so a green CI run always means the browser tests ran.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from lighthouse_audit import ASSERTED, CHROMIUM, CHROMIUM_ARGS, PACKAGE, Pending, serve

from .browser_support import (
    DESKTOP,
    FIGURES,
    PHONE,
    PROJECT,
    REPORT,
    LighthouseRun,
    Site,
    Survey,
    Visitor,
    ports,
    require,
    survey_in_own_browser,
)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site like a static host; test output stays free of access logs."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="package")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built once with `mkdocs build --strict` into a temporary folder, as `make build` does: every
    language edition (mkdocs.<lang>.yml, into its folder such as ko/) first, then the English site around them.
    Every page test below so covers every edition."""
    target = tmp_path_factory.mktemp("built") / "site"
    editions = sorted(PROJECT.glob("mkdocs.*.yml"))
    for config in [*editions, PROJECT / "mkdocs.yml"]:
        lang = config.name.split(".")[1] if config in editions else ""
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config.name, "--site-dir", str(target / lang)],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            timeout=300,
        )
        assert result.returncode == 0, f"strict build of {config.name} failed:\n{result.stdout}\n{result.stderr}"
    return target


@pytest.fixture(scope="package")
def site(built_site: Path) -> Iterator[Site]:
    """The built site served by a threaded static server on 127.0.0.1 (a port from the project's range)."""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = bind_server(lambda port: http.server.ThreadingHTTPServer(("127.0.0.1", port), handler))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(root=built_site, origin=f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()


def bind_server(make: Callable[[int], http.server.ThreadingHTTPServer]) -> http.server.ThreadingHTTPServer:
    """A server on the first free port of the test range."""
    for port in ports():
        try:
            return make(port)
        except OSError:
            continue
    raise RuntimeError("no free port in the test range")


@pytest.fixture(scope="package")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright; never a downloaded browser."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Playwright is not installed (pip install -r requirements.txt)")
    require(CHROMIUM.exists(), f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="package")
def visitor(browser: object, site: Site) -> Visitor:
    return Visitor(browser, site)  # type: ignore[arg-type]


@pytest.fixture(scope="package")
def java() -> str:
    path = shutil.which("java")
    require(path is not None, "Java is not installed (apt-get install default-jre-headless), needed by vnu")
    return str(path)


def node_module_file(relative: str, what: str) -> Path:
    path = PROJECT / "node_modules" / relative
    require(path.exists(), f"{what} not found at {path} (run `npm ci --ignore-scripts`; `make test` does)")
    return path


@pytest.fixture(scope="package")
def axe_script() -> Path:
    return node_module_file("axe-core/axe.min.js", "axe-core")


@pytest.fixture(scope="package")
def vnu_jar() -> Path:
    return node_module_file("vnu-jar/build/dist/vnu.jar", "vnu.jar")


@pytest.fixture(scope="package")
def node() -> str:
    path = shutil.which("node")
    require(path is not None, "Node.js is not installed (apt-get install nodejs npm), needed by Lighthouse")
    return str(path)


@pytest.fixture(scope="package")
def lighthouse(node: str) -> str:
    """The Node.js that runs Lighthouse from node_modules (pinned in package-lock.json)."""
    node_module_file("lighthouse/package.json", "Lighthouse")
    require(CHROMIUM.exists(), f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    return node


@pytest.fixture(scope="package", autouse=True)
def lighthouse_run(request: pytest.FixtureRequest) -> Iterator[LighthouseRun | None]:
    """Started before the first browser test when the Lighthouse test is to run, so that its minutes of mostly
    waiting overlap the Playwright surveys; None when it is not collected or a tool is missing (the `lighthouse`
    fixture then skips it with the reason)."""
    wanted = any(item.path.name == "test_lighthouse.py" for item in request.session.items)
    if not (wanted and shutil.which("node") and PACKAGE.exists() and CHROMIUM.exists()):
        yield None
        return
    built: Path = request.getfixturevalue("built_site")
    pages = Site(root=built, origin="").pages()
    # Served compressed on its own port, as a static host serves it (lighthouse_audit.StaticHandler).
    with serve(built, ports()) as origin:
        run = LighthouseRun(pages, origin, Pending([origin + path for path in pages], str(shutil.which("node")),
                                                   ASSERTED))
        try:
            yield run
        finally:
            run.pending.close()


@pytest.fixture(scope="package")
def surveys(browser: object, site: Site, axe_script: Path) -> dict[str, dict[str, Survey]]:
    """Every page surveyed three ways, two surveys at a time, each on its own thread and Chromium (much of a survey
    is waiting): light on a desktop screen, then tabbed through and searched; dark; and light on a phone. Also
    every embeddable chart and map (embed/<id>/) on a phone, as an <iframe> in a narrow column shows it."""
    # `browser` only for its checks: a missing Chromium or Playwright skips (or in CI fails) with the reason.
    embeds = site.embeds()
    require(bool(embeds), "the build has no embed pages")
    plans = {"light": ("light", DESKTOP, True, None), "dark": ("dark", DESKTOP, False, None),
             "phone": ("light", PHONE, False, None), "embeds": ("light", PHONE, False, embeds)}
    with ThreadPoolExecutor(2) as pool:
        running = {name: pool.submit(survey_in_own_browser, site, axe_script, *plan) for name, plan in plans.items()}
        return {name: future.result() for name, future in running.items()}


@pytest.fixture(scope="package")
def light(surveys: dict[str, dict[str, Survey]]) -> dict[str, Survey]:
    return surveys["light"]


@pytest.fixture(scope="package")
def dark(surveys: dict[str, dict[str, Survey]]) -> dict[str, Survey]:
    return surveys["dark"]


@pytest.fixture(scope="package")
def phone(surveys: dict[str, dict[str, Survey]]) -> dict[str, Survey]:
    return surveys["phone"]


@pytest.fixture(scope="package")
def embeds(surveys: dict[str, dict[str, Survey]]) -> dict[str, Survey]:
    return surveys["embeds"]


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Keep the figures the browser tests measured (bytes, requests, Lighthouse) in test-results/ (ignored by git),
    for comparing runs; the root conftest prints them after the run, also from a pytest-xdist worker."""
    if REPORT:
        FIGURES.parent.mkdir(exist_ok=True)
        FIGURES.write_text("\n".join(REPORT) + "\n")
