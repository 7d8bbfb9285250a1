"""Shared by the tests of the generated files: a temporary copy of the project, built for real."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import subprocess
import sys
from pathlib import Path

import project

ROOT = Path(__file__).resolve().parents[1]

# A data file and page of our own, so the tests know every date without depending on the content.
TEST_DATA = """\
# yaml-language-server: $schema=schema.json
claimants:
  - id: zz-claimant
    name: Test ministry <b>of</b> tests
    kind: government
    country: Testland
sources:
  - id: zz-source
    publisher: Test Gazette
    title: "Testers say 500 tests were run"
    url: https://example.org/tests?a=1&b=2
    published: 2001-02-03
facts:
  - id: zz-revised
    label: Tests run in the test period
    value: {min: 400, max: 500}
    unit: tests
    date: 2001-02-01
    claimant: zz-claimant
    status: disputed
    sources: [{source: zz-source, excerpt: "Testers say 400 to 500 tests were run."}]
    reviewed: 2001-03-01
    revisions:
      - date: 2001-02-10
        change: First recorded as 400.
      - date: 2001-02-20
        change: Range widened to 400-500.
        reason: The ministry revised its count.
events:
  - id: zz-event
    title: The tests began
    date: 2001-01-15
    claimant: zz-claimant
    status: confirmed
    sources: [{source: zz-source, excerpt: "The tests began in January."}]
    reviewed: 2001-01-20
"""
TEST_PAGE = """\
# Test page

The count: <!-- fact:zz-revised -->. It began on <!-- date:zz-event -->.
"""
SITE_URL = "https://example.org/explainer/"


def copy_project(destination: Path, with_test_data: bool = True) -> Path:
    project.copy_project(destination)
    if with_test_data:
        (destination / "data" / "zz-test.yml").write_text(TEST_DATA, encoding="utf-8")
        (destination / "docs" / "zz-test.md").write_text(TEST_PAGE, encoding="utf-8")
        (destination / "docs" / "zz-plain.md").write_text("# Plain page\n\nNo facts here.\n", encoding="utf-8")
        config = destination / "mkdocs.yml"
        # Built but kept out of the navigation, whatever the navigation holds.
        config.write_text(config.read_text(encoding="utf-8") + "\nnot_in_nav: |\n  /zz-test.md\n  /zz-plain.md\n", encoding="utf-8")
    return destination


def build(
    project: Path, site_url: str | None = SITE_URL, tool: list[str] | None = None, site_dir: str = "site"
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    if site_url is not None:
        env["SITE_URL"] = site_url
    if os.environ.get("EXPLAINER_MUTATION") == "1" and tool is None:
        return build_in_process(project, env, site_dir)
    command = [*(tool or [sys.executable, "-m", "mkdocs"]), "build", "--strict", "-f", "mkdocs.yml", "-d", site_dir]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300)


def build_in_process(project: Path, env: dict[str, str], site_dir: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` in this process, answered as the command would be (exit code, log on stderr).
    For `make mutation` only: mutmut's mutants live in this process, so a build in a child process would test
    the unmutated package, and the tests of the generated files would reach none of their code."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException
    from mkdocs_explainer import i18n

    stderr = io.StringIO()
    handler = logging.StreamHandler(stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    saved_env, saved_cwd, saved_level, code = dict(os.environ), Path.cwd(), mkdocs_log.level, 0
    mkdocs_log.setLevel(logging.INFO)  # as the command line does
    try:
        os.environ.clear()
        os.environ.update(env)
        os.chdir(project)
        config = load_config("mkdocs.yml", site_dir=site_dir, strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, SystemExit) as error:
        stderr.write(f"{error}\n")
        code = 1
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        mkdocs_log.removeHandler(handler)
        mkdocs_log.setLevel(saved_level)
        with contextlib.suppress(Exception):  # the tests after this one format in English
            i18n.activate(i18n.Language.load("en"))
            i18n.set_data_language(None)
    return subprocess.CompletedProcess(["mkdocs", "build"], code, "", stderr.getvalue())


def write_data_outputs(destination: Path) -> Path:
    """The data's downloads (facts.json and .csv, the data package, the citation files) of the project with the
    test data, written in this process by the output modules themselves, without a site build: what the tests of
    those files read, in a fraction of a build's time. Under `make mutation` mutmut runs a mutant's cheapest tests
    first, so these kill most mutants of the writers before any build starts. Returns the folder written."""
    import yaml
    from mkdocs_explainer.data.catalog import build_catalog
    from mkdocs_explainer.outputs import citations, datapackage, export
    from mkdocs_explainer.siteinfo import License, SiteInfo

    project_dir = copy_project(destination / "project")
    config = yaml.load((project_dir / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    settings = config["extra"]["explainer"]
    catalog = build_catalog(project_dir / "data", project_dir)
    site = SiteInfo(config["site_name"], config["site_description"], SITE_URL, "facts/",
                    license=License(settings["license"], settings["license_url"]),
                    homes=dict.fromkeys(catalog.items, "facts/"))  # like the built site: every item has a card
    out = destination / "site"
    out.mkdir()
    for write in (export.write, citations.write, datapackage.write):
        write(out, catalog, site)
    return out
