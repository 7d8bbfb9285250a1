"""Every kind of bad edit an editor can make: a clear message with file and line, no traceback,
a failed `mkdocs build` and `make build` that leave site/ byte-identical, and a preview that
survives, shows the message in the page, and recovers when the file is fixed."""

from __future__ import annotations

import html
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from project import Preview, copy_project, digest, make, mkdocs, wait_for

# A self-contained data file (its own claimant and source), so the cases don't depend on the content.
GOOD = """\
claimants:
  - id: zz-claimant
    name: Test claimant
    kind: government
sources:
  - id: zz-source
    publisher: Test publisher
    title: Test title
    url: https://example.org/
    published: 2024-10-31
facts:
  - id: zz-fact
    label: Test label
    value: 1
    date: 2024-10-31
    claimant: zz-claimant
    status: reported
    sources: [{source: zz-source, excerpt: One test was run.}]
    reviewed: 2026-11-01
"""
BAD_FILE = "data/zz-bad.yml"

ALIAS_BOMB = "\n".join(
    ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    + [f"{n}: &{n} [{','.join(['*' + p] * 9)}]" for p, n in zip("abcdefgh", "bcdefghi", strict=True)]
    + ["facts: *i", ""]
)


def page_line_count(project: Path) -> int:
    return len((project / "docs/index.md").read_text().splitlines())


@dataclass
class BadEdit:
    name: str
    apply: Callable[[Path], None]
    message: Callable[[Path], str] | str
    """What the editor must be told (file:line: ...), or a function of the project for page lines."""

    def expected(self, project: Path) -> str:
        return self.message(project) if callable(self.message) else self.message


def bad_file(content: str | bytes) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        path = project / BAD_FILE
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return apply


def good_replaced(old: str, new: str) -> Callable[[Path], None]:
    assert old in GOOD
    return bad_file(GOOD.replace(old, new, 1))


def append_to_home(line: str) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        with (project / "docs/index.md").open("a") as page:
            page.write(f"\n{line}\n")
    return apply


def empty_sources(project: Path) -> None:
    (project / "data/sources.yml").write_text("")


CASES = [
    BadEdit("tab", good_replaced("  - id: zz-fact", "\t- id: zz-fact"),
            "data/zz-bad.yml:12: a tab is used for indentation; YAML needs spaces"),
    BadEdit("duplicate key", good_replaced("    value: 1\n", "    value: 1\n    value: 2\n"),
            "data/zz-bad.yml:15: facts[0].value: duplicate key (first given on line 14)"),
    BadEdit("unknown field", good_replaced("    label: Test label", "    lable: Test label"),
            "data/zz-bad.yml:13: facts[0].lable (zz-fact): unknown field; did you mean 'label'?"),
    BadEdit("date format", good_replaced("    date: 2024-10-31", "    date: 31/10/2024"),
            "data/zz-bad.yml:15: facts[0].date (zz-fact): '31/10/2024' is not a date (use YYYY-MM-DD)"),
    BadEdit("javascript url", good_replaced("https://example.org/", "javascript:alert(document.cookie)"),
            "data/zz-bad.yml:9: sources[0].url (zz-source): 'javascript:alert(document.cookie)' is not a web address"),
    BadEdit("python tag", good_replaced("    value: 1", "    value: !!python/object/apply:os.system ['touch PWNED']"),
            "data/zz-bad.yml:14: facts[0].value: the tag !!python/object/apply:os.system is not allowed"),
    BadEdit("alias bomb", bad_file(ALIAS_BOMB), "data/zz-bad.yml:1: the file expands to more than 200,000 values"),
    BadEdit("non-utf8", bad_file(GOOD.encode().replace(b"Test label", b"Test \xff label")),
            "data/zz-bad.yml:13: byte 0xff at column 17 is not UTF-8"),
    BadEdit("unknown fact in page", append_to_home("<!-- fact:no-such-fact -->"),
            lambda project: f"docs/index.md:{page_line_count(project)}: <!-- fact:no-such-fact -->: "
                            "unknown fact 'no-such-fact'"),
    BadEdit("shortcode near miss", append_to_home("<!-- FACT: zz-fact -->"),
            lambda project: f"docs/index.md:{page_line_count(project)}: <!-- FACT: zz-fact -->: not a shortcode as "
                            "written (no spaces inside, lower case, nothing after the id). "
                            "Did you mean '<!-- fact:zz-fact -->'?"),
    BadEdit("commented-out shortcode", append_to_home("<!-- Not yet:\n<!-- fact:zz-fact -->\n-->"),
            lambda project: f"docs/index.md:{page_line_count(project) - 1}: <!-- fact:zz-fact -->: this shortcode "
                            "is inside raw HTML or inside another comment"),
    BadEdit("emptied data file", empty_sources, "data/sources.yml: the file is empty"),
    BadEdit("figure not in the source's words",
            good_replaced("excerpt: One test was run.", "excerpt: Two tests were run."),
            "data/zz-bad.yml:14: facts[0].value (zz-fact): 1 is not in the excerpts of its sources"),
    BadEdit("unknown source id", good_replaced("source: zz-source,", "source: zz-sourse,"),
            "data/zz-bad.yml:18: facts[0].sources[0]: no source has the id 'zz-sourse'. Did you mean 'zz-source'?"),
    BadEdit("raw control byte", good_replaced("    label: Test label", "    label: Test\x0blabel"),
            "data/zz-bad.yml:13: label: the control character U+000B at column 16 is not allowed"),
    BadEdit("future review date", good_replaced("    reviewed: 2026-11-01", "    reviewed: 2100-01-01"),
            "data/zz-bad.yml:19: facts[0].reviewed (zz-fact): 2100-01-01 is outside the allowed range 1900-01-01 .. "),
    BadEdit("negative charted value", bad_file(GOOD.replace("    value: 1\n", "    value: -5\n    group: zz-group\n")
                                               + "groups:\n  - id: zz-group\n    title: Test group\n"),
            "data/zz-bad.yml:14: facts[0].value (zz-fact): -5 can't be charted"),
    BadEdit("user name in url", good_replaced("https://example.org/", "https://evil.example@good.example/"),
            "data/zz-bad.yml:9: sources[0].url (zz-source): 'https://evil.example@good.example/': a web address may "
            "not hold a user name"),
]


@pytest.fixture(scope="module")
def built_project(tmp_path_factory) -> Path:
    """A project copy with the valid test file shown on the home page, built once."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    bad_file(GOOD)(project)
    append_to_home("<!-- fact:zz-fact -->")(project)
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def project(built_project: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built project (with its site/) for one test to break."""
    return Path(shutil.copytree(built_project, tmp_path / "project"))


def staged_leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site-"))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_build_fails_clearly_and_leaves_the_site_untouched(case: BadEdit, project: Path):
    before = digest(project / "site")
    case.apply(project)
    for run in (mkdocs(project, "build"), make(project, "build")):
        output = run.stdout + run.stderr
        assert run.returncode != 0, output
        assert case.expected(project) in output
        assert "Traceback" not in output
        assert digest(project / "site") == before
        assert staged_leftovers(project) == []
    assert not (project / "PWNED").exists()


def test_html_in_a_value_reaches_readers_as_text(project: Path):
    bad = GOOD.replace("name: Test claimant", "name: \"<img src=x onerror=alert(1)>\"")
    bad_file(bad.replace("    label: Test label", "    label: \"<script>alert('x')</script>\""))(project)
    result = make(project, "build")
    assert result.returncode == 0, result.stderr
    page = (project / "site/index.html").read_text()
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<img src=x" not in page
    index = (project / "site/facts/index.html").read_text()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in index
    assert "<script>alert" not in index


def test_a_strict_warning_fails_make_build_after_pages_were_written_and_keeps_the_site(project: Path):
    before = digest(project / "site")
    unshown = GOOD.split("facts:\n")[1].replace("zz-fact", "zz-unshown")
    (project / BAD_FILE).write_text(GOOD + unshown)
    result = make(project, "build")
    assert result.returncode != 0
    assert "Facts shown on no page (use <!-- fact:id --> somewhere): zz-unshown" in result.stderr
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr
    assert digest(project / "site") == before
    assert staged_leftovers(project) == []


def test_a_successful_build_replaces_the_site(project: Path):
    text = (project / BAD_FILE).read_text().replace("value: 1", "value: 4321").replace("One test", "4321 tests")
    (project / BAD_FILE).write_text(text)
    assert make(project, "build").returncode == 0
    assert "4,321" in (project / "site/index.html").read_text()
    assert staged_leftovers(project) == []


def shows_problem(message: str) -> Callable[[str], bool]:
    return lambda body: "fx-problems" in body and message in html.unescape(body)


def test_preview_survives_every_bad_edit_shows_it_and_recovers(built_project: Path, tmp_path: Path):
    project = Path(shutil.copytree(built_project, tmp_path / "project"))
    originals = {path: path.read_bytes() for path in [project / BAD_FILE, project / "docs/index.md",
                                                       project / "data/sources.yml"]}
    preview = Preview(project)
    try:
        wait_for(preview.url, lambda body: "zz-fact" in body and "fx-problems" not in body)
        for case in CASES:
            case.apply(project)
            wait_for(preview.url, shows_problem(case.expected(project)))
            assert preview.alive(), preview.output()
            for path, content in originals.items():
                path.write_bytes(content)
            wait_for(preview.url, lambda body: "zz-fact" in body and "fx-problems" not in body)
        assert "Traceback" not in preview.output()
    finally:
        preview.stop()


def test_preview_started_on_broken_data_keeps_running_and_recovers(built_project: Path, tmp_path: Path):
    project = Path(shutil.copytree(built_project, tmp_path / "project"))
    good = (project / BAD_FILE).read_bytes()
    CASES[3].apply(project)  # a date in another format
    preview = Preview(project)
    try:
        wait_for(preview.url, shows_problem(CASES[3].expected(project)))
        (project / BAD_FILE).write_bytes(good)
        wait_for(preview.url, lambda body: "zz-fact" in body and "fx-problems" not in body)
        assert preview.alive()
    finally:
        preview.stop()


def test_links_out_of_the_project_and_pipes_are_refused_unread(project: Path, tmp_path: Path):
    before = digest(project / "site")
    secret = tmp_path / "shadow.yml"
    secret.write_text("root:$6$secret-hash:19000:0:99999:7:::\n")
    (project / "data/zz-link.yml").symlink_to(secret)
    os.mkfifo(project / "data/zz-pipe.yml")  # reading it would wait for a writer for ever
    result = mkdocs(project, "build", timeout=60)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"data/zz-link.yml: is a link to {secret.resolve()}, outside the project" in output
    assert "data/zz-pipe.yml: is not a regular file" in output
    assert "secret-hash" not in output and "Traceback" not in output
    assert digest(project / "site") == before
    assert staged_leftovers(project) == []
