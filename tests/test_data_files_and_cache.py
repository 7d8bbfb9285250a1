"""Reading data files when they change under the build (a race), the cache of checked files, and what a build
makes of files it can't read: worked examples, each with the answer written out by hand."""

from __future__ import annotations

import errno
import importlib.metadata
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FACTS, SOURCES
from mkdocs_explainer.data.cache import FileCache, code_fingerprint
from mkdocs_explainer.data.catalog import build_catalog
from mkdocs_explainer.data.evidence_settings import EvidenceSettings
from mkdocs_explainer.data.files import MAX_FILE_BYTES, read_data_file
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.problems import Problem, ProblemsFound

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "mkdocs_explainer"
NOT_REGULAR = "is not a regular file (a pipe, socket or device?); a data file must be a plain file"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def change_after_stat(monkeypatch: pytest.MonkeyPatch, path: Path, change: Callable[[], None]) -> None:
    """The file at `path` is looked at (stat) as it is, then changed by `change` before it is opened: what another
    program may do between the two steps."""
    real_stat, target, pending = Path.stat, path.resolve(), [change]

    def stat_then_change(self: Path, **kwargs: bool) -> os.stat_result:
        info = real_stat(self, **kwargs)
        if self == target and pending:
            pending.pop()()
        return info

    monkeypatch.setattr(Path, "stat", stat_then_change)


def test_a_file_that_becomes_a_fifo_after_it_was_looked_at_is_refused_without_waiting(
        data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a FIFO for reading waits for a writer that never comes, unless the file is opened non-blocking."""
    path = data / "facts.yml"
    path.write_bytes(b"facts: []\n")

    def to_fifo() -> None:
        path.unlink()
        os.mkfifo(path)

    change_after_stat(monkeypatch, path, to_fifo)
    answers: list[bytes | str] = []
    reader = threading.Thread(target=lambda: answers.append(read_data_file(path, data.parent)), daemon=True)
    reader.start()
    reader.join(5)
    if reader.is_alive():  # it waits for a writer: be one, so the thread ends, and fail
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(5)
        pytest.fail("reading the data file waited for a writer")
    assert answers == [NOT_REGULAR]


def test_a_file_replaced_by_a_link_after_it_was_looked_at_is_not_followed(
        data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A link put in a checked file's place (to someone else's file) is refused, not read."""
    secret = tmp_path.parent / f"{tmp_path.name}-secret.txt"
    secret.write_bytes(b"password: hunter2\n")
    path = data / "facts.yml"
    path.write_bytes(b"facts: []\n")

    def to_link() -> None:
        path.unlink()
        path.symlink_to(secret)

    change_after_stat(monkeypatch, path, to_link)
    try:
        assert read_data_file(path, data.parent) == f"can't be read: {os.strerror(errno.ELOOP)}"
    finally:
        secret.unlink()


def test_a_file_that_grows_past_the_cap_after_it_was_measured_is_read_only_up_to_the_cap(
        data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Measured at 10 bytes, 30 MB when read: refused, having read one byte past the cap (shown as 10.0 MB)."""
    path = data / "facts.yml"
    path.write_bytes(b"facts: []\n")

    def grow() -> None:
        with path.open("r+b") as handle:
            handle.truncate(3 * MAX_FILE_BYTES)

    change_after_stat(monkeypatch, path, grow)
    assert read_data_file(path, data.parent) == (
        "is 10.0 MB; a data file may hold at most 10 MB, so split it into several files")


def test_a_file_is_read_where_the_system_has_no_o_nofollow(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the flag (it is an extension of some systems), the resolved path is opened as it is."""
    (data / "facts.yml").write_bytes(b"facts: []\n")
    monkeypatch.delattr(os, "O_NOFOLLOW", raising=False)
    assert read_data_file(data / "facts.yml", data.parent) == b"facts: []\n"


def test_the_code_fingerprint_follows_the_validating_libraries_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another pydantic (upgraded, or removed) checks files differently: every cache entry must be a miss."""
    installed = {"pydantic": "2.9.0", "pydantic_core": "2.23.4", "babel": "2.16.0"}

    def version(name: str) -> str:
        if name not in installed:
            raise importlib.metadata.PackageNotFoundError(name)
        return installed[name]

    monkeypatch.setattr(importlib.metadata, "version", version)
    before = code_fingerprint(PACKAGE)
    installed["pydantic"] = "2.10.0"
    upgraded = code_fingerprint(PACKAGE)
    del installed["babel"]
    removed = code_fingerprint(PACKAGE)
    assert len({before, upgraded, removed}) == 3
    installed["pydantic"], installed["babel"] = "2.9.0", "2.16.0"
    assert code_fingerprint(PACKAGE) == before


def test_the_cache_writes_within_its_own_folder_whatever_the_system_temporary_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry is written next to where it goes (the system's temporary folder may be on another disk, or gone)."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    raw = FACTS.encode()
    result = check_file("data/facts.yml", raw)
    cache = FileCache(tmp_path / "cache", code="code")
    cache.put("data/facts.yml", raw, result)
    assert cache.get("data/facts.yml", raw) == result


def test_a_checked_form_stored_under_another_file_s_name_is_a_miss(tmp_path: Path) -> None:
    """Whatever stored it, an entry must hold the checked form of the file asked for, or the build would name
    the wrong file in its messages."""
    raw = FACTS.encode()
    cache = FileCache(tmp_path / "cache", code="code")
    cache.put("data/facts.yml", raw, check_file("data/other.yml", raw))
    assert cache.get("data/facts.yml", raw) is None


def write_data(root: Path, files: dict[str, str]) -> None:
    (root / "data").mkdir(exist_ok=True)
    for name, text in files.items():
        (root / "data" / name).write_text(text, encoding="utf-8")


def problems_of(root: Path, evidence: EvidenceSettings | None = None) -> list[str]:
    with pytest.raises(ProblemsFound) as found:
        build_catalog(root / "data", root, evidence)
    return [str(problem) for problem in found.value.problems]


def test_other_evidence_settings_check_every_file_again(tmp_path: Path) -> None:
    """The site's own hedges decide whether a qualifier matches its excerpt: a build after they change does not
    repeat the problems cached under the old ones."""
    write_data(tmp_path, {"sources.yml": SOURCES,
                          "facts.yml": FACTS.replace("About 8,000 troops", "Some 8,000 troops")})
    mismatch = ("data/facts.yml:8: facts[0].qualifier (troops-near-kursk): 'about' is not the source's hedge for "
                "8,000: the excerpt says “…Some 8,000 troops are near”; use `qualifier: some`")
    assert problems_of(tmp_path) == [mismatch]
    own_hedges = EvidenceSettings(hedges={"en": {"about": ["some"]}})
    catalog = build_catalog(tmp_path / "data", tmp_path, own_hedges)
    assert catalog["facts"]["troops-near-kursk"]["qualifier"] == "about"
    assert problems_of(tmp_path) == [mismatch]  # and back again


def test_a_file_that_can_t_be_read_is_one_problem_and_the_files_after_it_are_still_checked(tmp_path: Path) -> None:
    """A folder named like a data file: the whole file is concerned (no line, no field); the others are checked."""
    write_data(tmp_path, {"sources.yml": SOURCES, "facts.yml": FACTS.replace("date: 2024-10-31", "date: 31/10/2024")})
    (tmp_path / "data" / "claims.yml").mkdir()
    with pytest.raises(ProblemsFound) as found:
        build_catalog(tmp_path / "data", tmp_path)
    unreadable, wrong_date = found.value.problems
    assert unreadable == Problem("data/claims.yml", 0, "", "is a folder, not a data file; rename it or move its files "
                                                            "into data/")
    assert str(wrong_date) == ("data/facts.yml:10: facts[0].date (troops-near-kursk): '31/10/2024' is not a date "
                               "(use YYYY-MM-DD)")


def test_references_into_a_file_that_can_t_be_read_are_not_reported(tmp_path: Path) -> None:
    """Nobody knows what an unreadable file defines: the facts pointing at its sources wait until it can be read."""
    write_data(tmp_path, {"facts.yml": FACTS})
    (tmp_path / "data" / "sources.yml").mkdir()
    assert problems_of(tmp_path) == [
        "data/sources.yml: is a folder, not a data file; rename it or move its files into data/"]


def test_renaming_a_data_file_changes_the_catalog_s_fingerprint(tmp_path: Path) -> None:
    """The same bytes under another name are another catalog (each record's file is part of it), so files
    generated from the old one are not reused."""
    write_data(tmp_path, {"sources.yml": SOURCES, "facts.yml": FACTS})
    first = build_catalog(tmp_path / "data", tmp_path)
    assert first.origin["troops-near-kursk"] == "facts"
    (tmp_path / "data" / "facts.yml").rename(tmp_path / "data" / "figures.yml")  # still read first
    renamed = build_catalog(tmp_path / "data", tmp_path)
    assert renamed.origin["troops-near-kursk"] == "figures"
    assert renamed.fingerprint != first.fingerprint
    assert build_catalog(tmp_path / "data", tmp_path).fingerprint == renamed.fingerprint
