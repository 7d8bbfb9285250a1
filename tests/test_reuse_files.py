"""Generated files kept between builds: stored with their folders, restored from any working folder, left alone
when already in place, and a store or restore that cannot be completed is skipped, never a failed build. The
preview's memory of rendered pieces and written files, from a fresh start."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from mkdocs_explainer.outputs.reuse import KeptFiles, Remembered


def generated(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A site folder as a build leaves it: an export at its top and a citation file in a subfolder."""
    made = tmp_path / "made"
    (made / "cite").mkdir(parents=True)
    (made / "facts.json").write_text('{"a": 1}', encoding="utf-8")
    (made / "cite" / "a.bib").write_text("@misc{a}\n", encoding="utf-8")
    return made, [made / "facts.json", made / "cite" / "a.bib"]


def restored(tmp_path: Path, name: str, key: str = "key-1") -> dict[str, str] | None:
    """What a restore from the kept folder puts into a new folder `name`: its files' text by name, or None."""
    site = tmp_path / name
    site.mkdir()
    if not KeptFiles(tmp_path / "kept", key).restore(site):
        return None
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(site.rglob("*")) if path.is_file()}


EXPECTED = {"cite/a.bib": "@misc{a}\n", "facts.json": '{"a": 1}'}


def test_a_one_off_build_stores_its_files_at_once_under_their_folders(tmp_path: Path):
    """Outside a preview the files are kept as soon as they are made, each under its name in the site folder."""
    made, files = generated(tmp_path)
    Remembered().keep_later(KeptFiles(tmp_path / "kept", "key-1"), files, made)
    assert restored(tmp_path, "site") == EXPECTED


def test_a_preview_stores_its_files_under_their_folders_when_it_stops(tmp_path: Path):
    made, files = generated(tmp_path)
    memory = Remembered()
    memory.enabled = True
    memory.keep_later(KeptFiles(tmp_path / "kept", "key-1"), files, made)
    assert not (tmp_path / "kept").exists()
    memory.keep_now()
    assert restored(tmp_path, "site") == EXPECTED


def test_stopping_a_preview_that_built_nothing_stores_nothing(tmp_path: Path):
    """The preview stopped before its first build finished: nothing pending, nothing stored, no error."""
    memory = Remembered()
    memory.enabled = True
    memory.keep_now()
    memory.keep_now()


def test_restoring_works_whatever_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Names are joined to the kept and the site folders, never read against the working folder: even from
    inside the site folder (an older file of the same name there is replaced) or inside the kept folder."""
    made, files = generated(tmp_path)
    KeptFiles(tmp_path / "kept", "key-1").keep(files, made)
    site = tmp_path / "site"
    site.mkdir()
    (site / "facts.json").write_text("an older build's export", encoding="utf-8")
    monkeypatch.chdir(site)
    assert KeptFiles(tmp_path / "kept", "key-1").restore(site)
    assert (site / "facts.json").read_text(encoding="utf-8") == '{"a": 1}'
    monkeypatch.chdir(tmp_path / "kept")
    assert restored(tmp_path, "other") == EXPECTED


def test_restoring_over_the_same_files_leaves_them_untouched(tmp_path: Path):
    """The preview restores into the folder it serves: files already linked to their kept copies stay as they
    are (not removed and made again, which whatever serves or watches the folder would see)."""
    made, files = generated(tmp_path)
    KeptFiles(tmp_path / "kept", "key-1").keep(files, made)
    site = tmp_path / "site"
    site.mkdir()
    assert KeptFiles(tmp_path / "kept", "key-1").restore(site)
    before = {name: os.stat(site / name).st_ctime_ns for name in EXPECTED}
    time.sleep(0.05)  # past the file system clock's tick
    assert KeptFiles(tmp_path / "kept", "key-1").restore(site)
    assert {name: os.stat(site / name).st_ctime_ns for name in EXPECTED} == before


def test_a_restore_that_cannot_place_a_file_says_so(tmp_path: Path):
    """A folder in the way of a kept file: the restore reports failure, so the build writes the files anew."""
    made, files = generated(tmp_path)
    KeptFiles(tmp_path / "kept", "key-1").keep(files, made)
    site = tmp_path / "site"
    (site / "cite" / "a.bib").mkdir(parents=True)
    assert not KeptFiles(tmp_path / "kept", "key-1").restore(site)


def test_a_cache_folder_removed_while_it_is_stored_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Another process empties the cache (a `make clean` elsewhere) while the files are stored: the store is
    given up quietly, and the build that asked for it goes on."""
    made = tmp_path / "made"
    made.mkdir()
    (made / "facts.json").write_text('{"a": 1}', encoding="utf-8")

    def removed_meanwhile(source: str, target: str) -> None:
        shutil.rmtree(os.path.dirname(target))
        raise OSError("the cache folder is gone")

    monkeypatch.setattr("os.link", removed_meanwhile)
    KeptFiles(tmp_path / "cache" / "kept", "key-1").keep([made / "facts.json"], made)
    assert list((tmp_path / "cache").iterdir()) == []


def test_a_fresh_memory_in_a_preview_works_before_its_first_build(tmp_path: Path):
    """Turned on and used before any `begin`: pieces are rendered and remembered, and they belong to the empty
    key, so `begin("")` keeps them and any other key forgets them."""
    memory = Remembered()
    memory.enabled = True
    renders: list[str] = []

    def render() -> str:
        renders.append("piece")
        return "text"

    assert memory.get("piece", {"a": 1}, render) == "text"
    memory.end()
    memory.begin("")
    assert memory.get("piece", {"a": 1}, render) == "text"
    memory.end()
    assert renders == ["piece"]
    memory.begin("another key")
    memory.get("piece", {"a": 1}, render)
    assert renders == ["piece", "piece"]


def test_a_file_written_by_the_preview_is_known_until_something_touches_it(tmp_path: Path):
    """`still_written`: the text this process wrote, and the file unchanged since; a file that could not be
    looked at after writing (gone already) is simply not known, never an error."""
    memory = Remembered()
    memory.enabled = True
    path = tmp_path / "a.bib"
    path.write_text("@misc{a}\n", encoding="utf-8")
    memory.wrote(str(path), "@misc{a}\n")
    assert memory.still_written(str(path), "@misc{a}\n")
    assert not memory.still_written(str(path), "@misc{b}\n")
    path.write_text("@misc{a}, edited by hand\n", encoding="utf-8")
    assert not memory.still_written(str(path), "@misc{a}\n")
    gone = str(tmp_path / "gone.bib")
    memory.wrote(gone, "@misc{c}\n")
    assert not memory.still_written(gone, "@misc{c}\n")
