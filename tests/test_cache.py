"""The cache of checked data files: faster builds, never different ones."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from mkdocs_explainer.data import cache as cache_module
from mkdocs_explainer.data import validate
from mkdocs_explainer.data.cache import FOLDER, FileCache, code_fingerprint
from mkdocs_explainer.data.catalog import build_catalog
from mkdocs_explainer.problems import ProblemsFound
from project import copy_project

PROJECT = Path(__file__).resolve().parent.parent


DATA = {
    "claimants.yml": """\
        claimants:
          - id: blinken
            name: Antony Blinken
            kind: official
        """,
    "sources.yml": """\
        sources:
          - id: ap-kursk
            publisher: Associated Press
            title: About 8,000 North Korean troops at Ukraine's border
            url: https://example.org/ap
            published: 2024-10-31
        """,
    "deployment.yml": """\
        facts:
          - id: troops-near-kursk
            label: North Korean troops near Kursk
            value: 8000
            unit: troops
            date: 2024-10-31
            claimant: blinken
            status: reported
            sources: [{source: ap-kursk, excerpt: "8,000 North Korean troops"}]
            reviewed: 2026-11-25
        """,
    "events.yml": """\
        events:
          - id: troops-arrive
            title: Troops arrive near Kursk
            date: 2024-10-28
            claimant: blinken
            status: reported
            sources: [ap-kursk]
            reviewed: 2026-11-25
        """,
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small project: four data files."""
    (tmp_path / "data").mkdir()
    for name, text in DATA.items():
        (tmp_path / "data" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files actually parsed and validated (not taken from the cache)."""
    names: list[str] = []
    real = validate.check_file

    def counting(name: str, raw: bytes, *args: Any) -> validate.FileResult:
        names.append(name)
        return real(name, raw, *args)

    monkeypatch.setattr(validate, "check_file", counting)
    return names


def data_names(project: Path) -> list[str]:
    return sorted(f"data/{p.name}" for p in (project / "data").glob("*.yml"))


def entries(project: Path) -> list[Path]:
    return sorted((project / FOLDER).glob("*.entry"))


def test_unchanged_files_are_not_checked_again(project: Path, checked: list[str]) -> None:
    first = build_catalog(project / "data", project)
    assert checked == data_names(project)
    checked.clear()
    second = build_catalog(project / "data", project)
    assert checked == []
    assert second.sections == first.sections
    assert second["facts"]["troops-near-kursk"]["value"] == 8000


def test_editing_one_file_rechecks_only_that_file(project: Path, checked: list[str]) -> None:
    build_catalog(project / "data", project)
    checked.clear()
    path = project / "data" / "deployment.yml"
    edited = path.read_text(encoding="utf-8").replace("value: 8000", "value: 8500").replace("8,000 North", "8,500 North")
    path.write_text(edited, encoding="utf-8")
    catalog = build_catalog(project / "data", project)
    assert checked == ["data/deployment.yml"]
    assert catalog["facts"]["troops-near-kursk"]["value"] == 8500


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "empty", "garbage", "other file's entry", "wrong shape"])
def test_a_damaged_entry_is_a_miss_and_is_repaired(project: Path, checked: list[str], damage: str) -> None:
    fresh = build_catalog(project / "data", project)
    entry = FileCache(project / FOLDER).entry("data/deployment.yml")
    blob = entry.read_bytes()
    if damage == "truncated":
        entry.write_bytes(blob[: len(blob) // 2])
    elif damage == "flipped byte":
        entry.write_bytes(blob[:-20] + bytes([blob[-20] ^ 1]) + blob[-19:])
    elif damage == "empty":
        entry.write_bytes(b"")
    elif damage == "garbage":
        entry.write_bytes(os.urandom(300))
    elif damage == "other file's entry":
        entry.write_bytes(FileCache(project / FOLDER).entry("data/sources.yml").read_bytes())
    else:  # sound key and checksum, but not a checked file: only a bug or a person could write this
        cache = FileCache(project / FOLDER)
        raw = (project / "data" / "deployment.yml").read_bytes()
        payload = b'{"name": "data/deployment.yml", "records": 5}'
        entry.write_bytes(f"{cache.key('data/deployment.yml', raw)}\n{hashlib.sha256(payload).hexdigest()}\n".encode() + payload)
    checked.clear()
    again = build_catalog(project / "data", project)
    assert checked == ["data/deployment.yml"]
    assert again.sections == fresh.sections
    checked.clear()
    build_catalog(project / "data", project)
    assert checked == []  # the entry was written anew


def test_problems_are_cached_too(project: Path, checked: list[str]) -> None:
    path = project / "data" / "deployment.yml"
    text = path.read_text(encoding="utf-8").replace("date: 2024-10-31", "date: 31/10/2024")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    date: 31/10/2024") + 1
    with pytest.raises(ProblemsFound) as first:
        build_catalog(project / "data", project)
    checked.clear()
    with pytest.raises(ProblemsFound) as second:
        build_catalog(project / "data", project)
    assert checked == []
    assert str(second.value) == str(first.value)
    assert f"data/deployment.yml:{line}: facts[0].date (troops-near-kursk): " in str(second.value)
    assert "is not a date" in str(second.value)


def test_other_checking_code_invalidates_every_entry(project: Path, tmp_path: Path) -> None:
    package = tmp_path / "mkdocs_explainer"
    shutil.copytree(PROJECT / "hooks" / "mkdocs_explainer", package, ignore=shutil.ignore_patterns("__pycache__"))
    before = code_fingerprint(package)
    assert code_fingerprint(package) == before
    schema = package / "data" / "schema.py"
    schema.write_text(schema.read_text(encoding="utf-8") + "\n# a changed rule\n", encoding="utf-8")
    after = code_fingerprint(package)
    assert after != before

    raw = (project / "data" / "deployment.yml").read_bytes()
    result = validate.check_file("data/deployment.yml", raw)
    FileCache(project / FOLDER, code=before).put("data/deployment.yml", raw, result)
    assert FileCache(project / FOLDER, code=before).get("data/deployment.yml", raw) == result
    assert FileCache(project / FOLDER, code=after).get("data/deployment.yml", raw) is None


def test_entries_of_removed_files_are_dropped(project: Path) -> None:
    build_catalog(project / "data", project)
    assert len(entries(project)) == 4
    (project / "data" / "events.yml").unlink()
    build_catalog(project / "data", project)
    assert len(entries(project)) == 3


def test_an_unwritable_cache_does_not_break_the_build(project: Path, checked: list[str]) -> None:
    (project / ".cache").write_text("not a folder", encoding="utf-8")
    catalog = build_catalog(project / "data", project)
    build_catalog(project / "data", project)
    assert catalog["facts"]["troops-near-kursk"]["value"] == 8000
    assert len(checked) == 2 * len(data_names(project))


def test_the_fingerprint_covers_the_modules_that_shape_results() -> None:
    here = Path(cache_module.__file__).parent.parent
    assert {"data/load.py", "data/schema.py", "data/validate.py", "data/catalog.py"} <= set(cache_module.CODE)
    assert all((here / name).is_file() for name in cache_module.CODE)


WARM_BUILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from mkdocs_explainer.data.catalog import build_catalog
    root = Path(sys.argv[1])
    catalog = build_catalog(root / "data", root)
    print(len(catalog.items), "pydantic" in sys.modules, "mkdocs_explainer.data.load" in sys.modules)
    """
)


def test_a_warm_build_imports_neither_pydantic_nor_the_yaml_loader(project: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "hooks")}
    runs = [subprocess.run([sys.executable, "-c", WARM_BUILD, str(project)], capture_output=True, text=True,
                           env=env, check=True).stdout.split() for _ in range(2)]
    assert runs[0] == ["2", "True", "True"]  # cold: parsed and validated
    assert runs[1] == ["2", "False", "False"]  # warm: from the cache alone


POST_BUILD_HOOK = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    def on_post_build(config):
        Path(config.config_file_path).with_name("imported.txt").write_text(str("pydantic" in sys.modules))
    """
)


def test_a_warm_mkdocs_build_never_imports_pydantic(tmp_path: Path) -> None:
    site = copy_project(tmp_path / "project")  # what a build reads; not the virtual environments or node_modules
    (site / "overrides").mkdir(exist_ok=True)
    (site / "report_imports.py").write_text(POST_BUILD_HOOK, encoding="utf-8")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - report_imports.py\n"),
                      encoding="utf-8")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    seen = []
    for _ in range(2):
        subprocess.run([str(mkdocs), "build", "--strict"], cwd=site, capture_output=True, check=True,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        seen.append((site / "imported.txt").read_text())
    assert seen == ["True", "False"]


def test_the_preview_loads_the_validator_before_the_first_data_edit() -> None:
    # Builds with unchanged data never import pydantic; `mkdocs serve` imports it in the background
    # once the site is served, so the editor's first data edit does not wait for it.
    script = textwrap.dedent(
        """
        import runpy, sys, time
        hook = runpy.run_path(sys.argv[1])
        assert "pydantic" not in sys.modules
        server = object()
        assert hook["on_serve"](server, None, None) is server
        for _ in range(200):
            if "mkdocs_explainer.data.validate" in sys.modules and "pydantic" in sys.modules:
                break
            time.sleep(0.05)
        print("pydantic" in sys.modules)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "hooks")}
    run = subprocess.run([sys.executable, "-c", script, str(PROJECT / "hooks" / "facts.py")], capture_output=True,
                         text=True, env=env, check=True)
    assert run.stdout.split() == ["True"]


def test_an_entry_that_cannot_be_put_in_place_leaves_no_half_written_file(project: Path) -> None:
    raw = (project / "data" / "deployment.yml").read_bytes()
    result = validate.check_file("data/deployment.yml", raw)
    cache = FileCache(project / FOLDER)
    cache.entry("data/deployment.yml").mkdir(parents=True)  # something in the entry's place: the swap fails
    cache.put("data/deployment.yml", raw, result)  # skipped, not raised
    assert cache.get("data/deployment.yml", raw) is None
    assert [path.name for path in (project / FOLDER).iterdir()] == [cache.entry("data/deployment.yml").name]
    # and where nothing is in the way, the same entry is stored whole, next to the data it was checked from
    cache.entry("data/deployment.yml").rmdir()
    cache.put("data/deployment.yml", raw, result)
    assert cache.get("data/deployment.yml", raw) == result
    assert [path.name for path in (project / FOLDER).iterdir()] == [cache.entry("data/deployment.yml").name]


FACTS_WITH_A_MISTAKE = """\
facts:
  - id: confirmed-without-words
    label: Troops
    value: 10
    unit: troops
    date: 2024-10-28
    claimant: us-gov
    status: confirmed
    sources: [ap-report]
    reviewed: 2026-11-01
  - id: wrong-date
    label: Troops
    value: 10
    unit: troops
    date: 2024-13-45
    claimant: us-gov
    status: reported
    sources: [ap-report]
    reviewed: 2026-11-01
"""


def test_every_part_of_a_checked_file_comes_back_from_the_cache_as_it_went_in() -> None:
    from mkdocs_explainer.data.catalog import site_vocabulary
    from mkdocs_explainer.data.records import FileResult

    root = Path(__file__).resolve().parents[1]
    files = {f"data/{path.name}": path.read_bytes() for path in sorted((root / "data").glob("*.yml"))}
    files["data/broken.yml"] = b"facts:\n  - id: half-done\n    label: [unclosed\n"
    files["data/wrong.yml"] = FACTS_WITH_A_MISTAKE.encode()
    files["data/unsupported.yml"] = FACTS_WITH_A_MISTAKE.split("  - id: wrong-date")[0].encode()
    files["data/binary.yml"] = b"\xff\xfe\x00 not text"
    parts, words = set(), site_vocabulary(root)
    for name, raw in files.items():
        result = validate.check_file(name, raw, vocabulary=words)
        assert FileResult.from_json(result.to_json()) == result, name
        parts |= {field for field, value in vars(result).items() if value}
    # every part of a checked file is in one of them: positions (places), typed figures, problems, warnings...
    assert parts == set(vars(FileResult("x"))), set(vars(FileResult("x"))) - parts


def test_the_cache_key_changes_with_the_language_and_each_hedge() -> None:
    from mkdocs_explainer.data.evidence_settings import EvidenceSettings

    keys = {EvidenceSettings().key(), EvidenceSettings("de").key(),
            EvidenceSettings(hedges={"de": {"about": ["rund"]}}).key(),
            EvidenceSettings(hedges={"de": {"about": ["etwa"]}}).key()}
    assert len(keys) == 4
    assert EvidenceSettings(hedges={"a": {"x": ["1"]}, "b": {"y": ["2"]}}).key() == \
        EvidenceSettings(hedges={"b": {"y": ["2"]}, "a": {"x": ["1"]}}).key()  # the same settings, written in another order
