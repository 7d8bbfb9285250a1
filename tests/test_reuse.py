"""Generated files reused only when their inputs are unchanged and their copies intact."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs_explainer.outputs.reuse import KeptFiles
from project import copy_project, mkdocs


def kept_pair(tmp_path: Path) -> tuple[Path, Path]:
    made = tmp_path / "made"
    made.mkdir()
    (made / "facts.json").write_text('{"a": 1}')
    (made / "facts.csv").write_text("id\na\n")
    KeptFiles(tmp_path / "kept", "key-1").keep([made / "facts.json", made / "facts.csv"])
    site = tmp_path / "site"
    site.mkdir()
    return made, site


def test_kept_files_come_back_for_the_same_key(tmp_path):
    _, site = kept_pair(tmp_path)
    assert KeptFiles(tmp_path / "kept", "key-1").restore(site)
    assert (site / "facts.json").read_text() == '{"a": 1}'


def test_other_inputs_or_an_altered_copy_are_a_miss(tmp_path):
    _, site = kept_pair(tmp_path)
    assert not KeptFiles(tmp_path / "kept", "key-2").restore(site)
    (tmp_path / "kept" / "facts.csv").write_text("tampered")
    assert not KeptFiles(tmp_path / "kept", "key-1").restore(site)
    assert list(site.iterdir()) == []  # nothing half-restored


def test_a_data_edit_after_a_warm_build_reaches_the_exports(tmp_path):
    project = copy_project(tmp_path / "project")
    for _ in range(2):  # the second build reuses the first one's exports
        assert mkdocs(project, "build").returncode == 0
    first = json.loads((project / "site/facts.json").read_text())
    data = project / "data/deployment.yml"
    # An edit the build's evidence checks accept (a changed figure must change with its source's words).
    data.write_text(data.read_text().replace("    note: Given at", "    note: Edited 8765. Given at", 1))
    assert mkdocs(project, "build").returncode == 0
    second = json.loads((project / "site/facts.json").read_text())
    assert first != second
    assert "8765" in (project / "site/facts.csv").read_text()


def test_a_restored_file_written_into_later_is_never_restored_again(tmp_path):
    """Restored files may share their storage with the kept copy (hard links): a step that writes into one in
    place must not leave that text in the cache for the next build."""
    _, site = kept_pair(tmp_path)
    assert KeptFiles(tmp_path / "kept", "key-1").restore(site)
    with open(site / "facts.csv", "w") as stream:  # in place, as a post-processing script might
        stream.write("changed after the build")
    other = tmp_path / "other"
    other.mkdir()
    assert not KeptFiles(tmp_path / "kept", "key-1").restore(other)
    assert list(other.iterdir()) == []


def test_restoring_over_an_earlier_build_replaces_its_files(tmp_path):
    """The preview restores into the site folder it served: files already there are replaced whole."""
    _, site = kept_pair(tmp_path)
    (site / "facts.json").write_text("an older build's export, longer than the new one")
    assert KeptFiles(tmp_path / "kept", "key-1").restore(site)
    assert (site / "facts.json").read_text() == '{"a": 1}'
    assert KeptFiles(tmp_path / "kept", "key-1").restore(site)  # and again, over its own links
    assert (site / "facts.csv").read_text() == "id\na\n"


def test_a_generated_file_written_into_after_it_was_kept_is_not_restored(tmp_path):
    """Kept copies may share storage with the files just generated (hard links) as well."""
    made, site = kept_pair(tmp_path)
    with open(made / "facts.json", "w") as stream:
        stream.write('{"a": 2}')
    assert not KeptFiles(tmp_path / "kept", "key-1").restore(site)


def test_a_file_written_only_if_changed_is_replaced_not_written_into(tmp_path):
    """The per-item citation files: a preview's edit rewrites only what changed, and a changed file gets a
    new file, so a kept copy linked to the old one is left as it was."""
    from mkdocs_explainer.outputs.reuse import write_if_changed

    path, linked = tmp_path / "a.bib", tmp_path / "kept.bib"
    write_if_changed(path, "@misc{a}\r\n")
    linked.hardlink_to(path)
    before = path.stat().st_mtime_ns
    write_if_changed(path, "@misc{a}\r\n")
    assert path.stat().st_mtime_ns == before and path.samefile(linked)  # unchanged: untouched
    write_if_changed(path, "@misc{b}\r\n")
    assert path.read_bytes() == b"@misc{b}\r\n" and linked.read_bytes() == b"@misc{a}\r\n"
