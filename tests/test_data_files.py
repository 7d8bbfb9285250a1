"""Reading a data file: only a regular file inside the project, up to the size cap; anything else is a sentence
for the editor, never a hang, a crash or someone else's file (worked examples, one per kind of file)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs_explainer.data.catalog import build_catalog
from mkdocs_explainer.data.files import MAX_FILE_BYTES, data_files, read_data_file
from mkdocs_explainer.problems import ProblemsFound


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def test_a_plain_file_is_read_whole_up_to_the_cap(data: Path):
    (data / "a.yml").write_bytes(b"facts: []\n")
    assert read_data_file(data / "a.yml", data.parent) == b"facts: []\n"
    (data / "big.yml").write_bytes(b"#" * MAX_FILE_BYTES)  # exactly the cap: still read
    assert read_data_file(data / "big.yml", data.parent) == b"#" * MAX_FILE_BYTES


def test_a_file_over_the_cap_is_refused_with_its_size(data: Path):
    (data / "big.yml").write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    assert read_data_file(data / "big.yml", data.parent) == (
        "is 10.0 MB; a data file may hold at most 10 MB, so split it into several files")


def test_a_fifo_is_refused_at_once(data: Path):
    os.mkfifo(data / "pipe.yml")
    assert read_data_file(data / "pipe.yml", data.parent) == (
        "is not a regular file (a pipe, socket or device?); a data file must be a plain file")


def test_a_link_inside_the_project_is_followed_and_one_out_of_it_is_not(data: Path, tmp_path: Path):
    (data.parent / "shared.yml").write_bytes(b"facts: []\n")
    (data / "linked.yml").symlink_to(data.parent / "shared.yml")
    assert read_data_file(data / "linked.yml", data.parent) == b"facts: []\n"
    outside = tmp_path.parent / f"{tmp_path.name}-outside.yml"
    outside.write_bytes(b"secret: 1\n")
    try:
        (data / "out.yml").symlink_to(outside)
        assert read_data_file(data / "out.yml", data.parent) == (
            f"is a link to {outside.resolve()}, outside the project; a data file must be inside the project")
    finally:
        outside.unlink()


def test_a_dangling_link_a_loop_a_folder_and_a_vanished_file_are_each_named(data: Path):
    (data / "gone.yml").symlink_to(data / "nowhere.yml")
    assert read_data_file(data / "gone.yml", data.parent) == (
        f"is a link to {data / 'nowhere.yml'}, which does not exist")
    (data / "loop.yml").symlink_to(data / "loop.yml")
    assert read_data_file(data / "loop.yml", data.parent) == "is a link that leads back to itself (a symbolic link loop)"
    (data / "folder.yml").mkdir()
    assert read_data_file(data / "folder.yml", data.parent) == (
        "is a folder, not a data file; rename it or move its files into data/")
    assert read_data_file(data / "never-there.yml", data.parent) == "has disappeared"


def test_an_unreadable_file_says_why(data: Path, monkeypatch: pytest.MonkeyPatch):
    (data / "locked.yml").write_bytes(b"facts: []\n")

    def refused(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")  # as for a file without read permission (CI runs as root)

    monkeypatch.setattr(os, "open", refused)
    assert read_data_file(data / "locked.yml", data.parent) == "can't be read: Permission denied"


def test_only_visible_yaml_files_are_data_in_name_order(data: Path):
    for name in ("b.yaml", "A.YML", ".#lock.yml", "notes.txt", "c.yml"):
        (data / name).write_bytes(b"")
    assert [p.name for p in data_files(data)] == ["A.YML", "b.yaml", "c.yml"]
    assert data_files(data / "missing") == []


def test_a_data_folder_without_data_files_is_one_problem_naming_it(data: Path):
    with pytest.raises(ProblemsFound) as raised:
        build_catalog(data, data.parent)
    [problem] = raised.value.problems
    assert (problem.file, problem.line, problem.where, problem.message) == ("data", 0, "", "no .yml data files found")
