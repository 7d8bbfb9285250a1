"""Fixtures shared by the unit tests: a small valid data set to break in one place at a time."""

from __future__ import annotations

import os
import subprocess
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from ci import ci_enabled
from hypothesis import settings

SOURCES = """\
sources:
  - id: ap-report
    publisher: Associated Press
    title: Troops near the border
    url: https://example.org/ap
    published: 2024-10-31
claimants:
  - id: us-gov
    name: United States government
    short: US
    kind: government
"""

KURSK_SOURCES = 'sources: [{source: ap-report, excerpt: "About 8,000 troops are near the border."}]'
"""The first fact's sources line in FACTS: one source, with its words."""

FACTS = """\
groups:
  - id: troops-total
    title: Troops in total
facts:
  - id: troops-near-kursk
    label: Troops near Kursk
    value: 8000
    qualifier: about
    unit: troops
    date: 2024-10-31
    claimant: us-gov
    status: reported
    sources: [{source: ap-report, excerpt: "About 8,000 troops are near the border."}]
    reviewed: 2026-11-01
  - id: troops-total-us
    label: Troops in Russia, US estimate
    group: troops-total
    value: 10000
    unit: troops
    date: 2024-10-28
    claimant: us-gov
    status: reported
    sources: [{source: ap-report, excerpt: "North Korea has sent 10,000 troops to Russia."}]
    reviewed: 2026-11-01
"""


@pytest.fixture
def data_texts() -> dict[str, str]:
    """File name → YAML text of a valid two-file data set."""
    return {"data/sources.yml": SOURCES, "data/facts.yml": FACTS}


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


# Property tests stay quick in `make test`; CI (where hypothesis loads its derandomised "ci" profile) tries more.
settings.register_profile("explainer", max_examples=40, deadline=None)
settings.register_profile("ci", parent=settings.get_profile("ci"), max_examples=80)
# EXPLAINER_PROPERTY_EXAMPLES=2000 make test: a longer hunt, for a while, before trusting a change to parsing or escaping.
if examples := os.environ.get("EXPLAINER_PROPERTY_EXAMPLES"):
    settings.register_profile("thorough", max_examples=int(examples), deadline=None)
settings.load_profile("thorough" if examples else "ci" if ci_enabled() else "explainer")


# `make mutation` (scripts/mutation.py) sets this: mutmut's mutants live in this process only, so a test whose
# check runs in a child process (mkdocs build, make, a served preview) would test the unmutated package. Such
# tests skip there, and only there (from configure to unconfigure, so session fixtures skip too); in `make test`
# nothing changes.
UNDER_MUTATION = os.environ.get("EXPLAINER_MUTATION") == "1"
_SPAWNERS = ("run", "Popen", "check_output", "check_call", "call")
_saved: dict[str, object] = {}


def _refuse_child_process(*args: object, **kwargs: object) -> None:
    pytest.skip("runs a child process, which mutmut's mutants do not reach")


def pytest_configure(config: pytest.Config) -> None:
    if UNDER_MUTATION:
        for name in _SPAWNERS:
            _saved[name] = getattr(subprocess, name)
            setattr(subprocess, name, _refuse_child_process)


def _forget_what_the_package_worked_out() -> None:
    """Every cache in the package's modules emptied. mutmut runs each mutant in a process forked from one that ran
    the tests unmutated: a result cached there (a page's figures, a record's texts) would answer in the mutant's
    place and hide it."""
    import sys

    for name, module in list(sys.modules.items()):
        if name.startswith("mkdocs_explainer.") and module is not None:
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
                elif callable(getattr(value, "forget", None)) and type(value).__module__ == name:
                    value.forget()


if UNDER_MUTATION:
    @pytest.fixture(autouse=True)
    def _no_cached_answers() -> None:
        _forget_what_the_package_worked_out()

    # mutmut's first pass notes which tests reach each function, and runs a mutant against those only. A shared
    # fixture (a module's one build) does its work while the first of its tests is set up, so mutmut credited the
    # whole build to that one test: a mutant the others would catch ran against it alone. Each test is credited
    # here with what its shared fixtures reached, and with their cost (mutmut runs the cheapest tests first).
    _reached_by_fixture: dict[int, tuple[set[str], float]] = {}

    @pytest.hookimpl(hookwrapper=True)
    def pytest_fixture_setup(fixturedef: Any, request: Any) -> Any:
        from mutmut.state import state

        reached = state()._stats
        before = set(reached)
        reached.clear()
        start = time.perf_counter()
        yield
        if fixturedef.scope != "function":
            _reached_by_fixture[id(fixturedef)] = (set(reached), time.perf_counter() - start)
        reached |= before

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_call(item: pytest.Item) -> None:
        from mutmut.state import state

        # The fixtures set up for this test, those asked for by name (request.getfixturevalue) included.
        used = {id(d): d for ds in item._fixtureinfo.name2fixturedefs.values() for d in ds}  # type: ignore[attr-defined]
        used |= {id(d): d for d in item._request._fixture_defs.values()}  # type: ignore[attr-defined]
        for key in used:
            reached, cost = _reached_by_fixture.get(key, (set(), 0.0))
            state()._stats |= reached
            state().duration_by_test[item.nodeid] += cost


def pytest_unconfigure(config: pytest.Config) -> None:
    for name, original in _saved.items():
        setattr(subprocess, name, original)
    _saved.clear()


def pytest_itemcollected(item: pytest.Item) -> None:
    """`make test` runs on every core (pytest-xdist, --dist loadgroup). A group runs on one worker: the browser
    tests share one built site, its surveys and Lighthouse; any other file's tests share that file's fixtures.
    (Marked as each test is collected: xdist reads the marks in its own pytest_collection_modifyitems.)"""
    if item.config.pluginmanager.hasplugin("xdist"):
        item.add_marker(pytest.mark.xdist_group("browser" if item.path.parent.name == "browser" else item.path.name))


BROWSER_FIGURES = Path(__file__).parent.parent / "test-results" / "browser-figures.txt"
_started = time.time()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print the figures the browser tests measured in this run (bytes, requests, Lighthouse's scores): the
    browser tests' conftest writes them, in whichever process ran them."""
    if BROWSER_FIGURES.exists() and BROWSER_FIGURES.stat().st_mtime >= _started:
        terminalreporter.section("browser figures")
        for line in BROWSER_FIGURES.read_text(encoding="utf-8").splitlines():
            terminalreporter.write_line(line)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data's downloads as the output modules write them in-process (outputs_helpers.write_data_outputs)."""
    from outputs_helpers import write_data_outputs

    return write_data_outputs(tmp_path_factory.mktemp("written"))


@pytest.fixture(params=["written", "site"])
def downloads(request: pytest.FixtureRequest) -> Path:
    """The downloads written in-process (quick), then as the test module's own `site` build publishes them."""
    return request.getfixturevalue(request.param)
