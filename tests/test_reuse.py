"""Generated files reused only when their inputs are unchanged and their copies intact."""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs_explainer.data.catalog import Catalog, build_catalog
from mkdocs_explainer.outputs import Outputs, citations, datapackage, export
from mkdocs_explainer.outputs.reuse import REMEMBERED, KeptFiles, Remembered
from mkdocs_explainer.pages.scan import PageScan
from mkdocs_explainer.siteinfo import SiteInfo
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


# --- the preview's exports: only what a data edit changed is rendered again ------------------------------

PREVIEW_SITE = SiteInfo("Test site", "What the tests build", "https://example.org/", "facts/")


def write_exports(site_dir: Path, catalog: Catalog) -> dict[str, bytes]:
    """The per-item outputs (exports, citation files, data package tables) as the build writes them."""
    site_dir.mkdir(exist_ok=True)
    site = dataclasses.replace(PREVIEW_SITE, homes=dict.fromkeys(catalog.items, "facts/"))  # every item has a card
    export.write(site_dir, catalog, site)
    citations.write(site_dir, catalog, site)
    datapackage.write(site_dir, catalog, site)
    return {path.relative_to(site_dir).as_posix(): path.read_bytes() for path in sorted(site_dir.rglob("*"))
            if path.is_file()}


@pytest.fixture
def preview_memory(monkeypatch) -> Iterator[list[str]]:
    """The preview's memory of rendered pieces, on, fresh; yields the ids whose citation is rendered."""
    rendered: list[str] = []
    real = citations.csl_item
    monkeypatch.setattr(citations, "csl_item", lambda item, *rest: rendered.append(item["id"]) or real(item, *rest))
    monkeypatch.setattr(REMEMBERED, "enabled", True)
    REMEMBERED.begin(f"test-{id(rendered)}")
    yield rendered
    REMEMBERED.begin("")  # forget what this test rendered


def rebuilt(project: Path, file: str, old: str, new: str) -> Catalog:
    path = project / "data" / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return build_catalog(project / "data", project)


def one_build(site: Path, catalog: Catalog) -> dict[str, bytes]:
    """One preview build's exports into `site` (the folder it serves)."""
    REMEMBERED.begin("k")
    written = write_exports(site, catalog)
    REMEMBERED.end()
    return written


def first_build(tmp_path: Path) -> tuple[Path, Path, Catalog, dict[str, bytes]]:
    """A copy of the project, the preview's site folder, the catalog and what the first build wrote."""
    project = copy_project(tmp_path / "project")
    catalog = build_catalog(project / "data", project)
    return project, tmp_path / "served", catalog, one_build(tmp_path / "served", catalog)


def fresh(tmp_path: Path, catalog: Catalog, name: str) -> dict[str, bytes]:
    """What a build with nothing remembered writes (a one-off `mkdocs build`)."""
    enabled, REMEMBERED.enabled = REMEMBERED.enabled, False
    try:
        return write_exports(tmp_path / name, catalog)
    finally:
        REMEMBERED.enabled = enabled


def test_a_preview_data_edit_renders_only_the_items_it_changed_and_writes_what_a_clean_build_would(
        tmp_path, preview_memory):
    project, site, catalog, _ = first_build(tmp_path)
    assert len(preview_memory) == len(catalog.items)
    preview_memory.clear()

    edited = rebuilt(project, "deployment.yml", "    note: Given at", "    note: Edited 8765. Given at")
    served = one_build(site, edited)
    [changed] = preview_memory
    assert "Edited 8765" in edited.items[changed]["note"]
    assert served == fresh(tmp_path, edited, "clean")


def test_a_renamed_claimant_renders_again_every_item_it_claims(tmp_path, preview_memory):
    project, site, catalog, _ = first_build(tmp_path)
    preview_memory.clear()

    claimant = catalog["claimants"]["blinken"]
    edited = rebuilt(project, "claimants.yml", f"name: {claimant['name']}", "name: Antony J. Blinken (renamed)")
    served = one_build(site, edited)
    claimed = sorted(i["id"] for i in edited.items.values() if i["claimant"] == "blinken")
    assert claimed and sorted(preview_memory) == claimed
    assert b"(renamed)" in served["facts.csv"]
    assert served == fresh(tmp_path, edited, "clean")


def test_a_preview_rewrites_a_citation_file_changed_or_removed_behind_its_back(tmp_path, preview_memory):
    _, site, catalog, clean = first_build(tmp_path)
    names = sorted(name for name in clean if name.startswith("cite/"))
    (site / names[0]).unlink()
    (site / names[1]).write_text("changed by hand, longer than before " * 20)
    assert one_build(site, catalog) == clean


def test_a_preview_stores_its_exports_for_the_next_start_only_when_it_stops(tmp_path, monkeypatch):
    """Storing thousands of files after every data edit would cost the editor more than the edit."""
    made = tmp_path / "made"
    made.mkdir()
    (made / "facts.json").write_text('{"a": 1}')
    monkeypatch.setattr(REMEMBERED, "enabled", True)
    REMEMBERED.begin("store")
    REMEMBERED.keep_later(KeptFiles(tmp_path / "kept", "key-1"), [made / "facts.json"], made)
    assert not (tmp_path / "kept").exists()
    REMEMBERED.keep_now()
    site = tmp_path / "site"
    site.mkdir()
    assert KeptFiles(tmp_path / "kept", "key-1").restore(site)
    assert (site / "facts.json").read_text() == '{"a": 1}'


def test_a_cache_that_cannot_be_completed_leaves_nothing_behind(tmp_path):
    """A generated file gone before it could be kept (a crash, a cleaned folder): no cache, no staging folder."""
    made, _ = kept_pair(tmp_path)
    (made / "facts.csv").unlink()
    folder = tmp_path / "cache" / "deeper" / "kept"  # folders that do not exist yet are made
    KeptFiles(folder, "key-2").keep([made / "facts.json", made / "facts.csv"], made)
    assert not folder.exists() and list(folder.parent.iterdir()) == []
    KeptFiles(folder, "key-2").keep([made / "facts.json"], made)
    site = tmp_path / "site-2"
    site.mkdir()
    assert KeptFiles(folder, "key-2").restore(site) and (site / "facts.json").read_text() == '{"a": 1}'


def test_without_a_manifest_nothing_is_restored(tmp_path):
    _, site = kept_pair(tmp_path)
    (tmp_path / "kept" / "manifest.json").unlink()
    assert not KeptFiles(tmp_path / "kept", "key-1").restore(site)


def test_where_files_cannot_be_linked_they_are_copied(tmp_path, monkeypatch):
    def no_links(source, target):
        raise OSError("another file system")

    monkeypatch.setattr("os.link", no_links)
    _, site = kept_pair(tmp_path)
    assert KeptFiles(tmp_path / "kept", "key-1").restore(site)
    assert (site / "facts.csv").read_text() == "id\na\n" and not (site / "facts.csv").samefile(tmp_path / "kept" / "facts.csv")


def test_outside_a_preview_every_piece_is_rendered_afresh():
    """A one-off build keeps nothing: memory stays what the build itself needs."""
    calls = []

    def two_builds(memory: Remembered) -> int:
        before = len(calls)
        for _ in range(2):
            memory.begin("k")
            memory.get("piece", {"same": "inputs"}, lambda: calls.append(1) or "text")
            memory.end()
        return len(calls) - before

    assert two_builds(Remembered()) == 2
    preview = Remembered()
    preview.enabled = True
    assert two_builds(preview) == 1  # the second build reuses the first one's piece


def test_a_newer_cache_replaces_the_older_one(tmp_path):
    made, site = kept_pair(tmp_path)
    (made / "facts.json").write_text('{"a": 2}')
    KeptFiles(tmp_path / "kept", "key-2").keep([made / "facts.json", made / "facts.csv"])
    assert not KeptFiles(tmp_path / "kept", "key-1").restore(site)
    assert KeptFiles(tmp_path / "kept", "key-2").restore(site) and (site / "facts.json").read_text() == '{"a": 2}'


def test_exports_restored_in_a_preview_are_never_stored_under_another_datas_key(tmp_path, monkeypatch):
    """Data A, an edit to B, then back to A (whose exports the cache still holds): the preview restores A's files.
    B's pending store must not then file A's files under B's key, or the next start with data B serves A's."""
    monkeypatch.setattr(REMEMBERED, "enabled", True)
    project = copy_project(tmp_path / "project")
    cache, site = tmp_path / "cache", tmp_path / "served"
    site.mkdir()
    first = build_catalog(project / "data", project)
    Outputs(PREVIEW_SITE, first, PageScan(), cache).write(site)
    REMEMBERED.keep_now()  # an earlier preview stopped: the cache holds A's exports
    shutil.rmtree(site)  # a full preview build (a page added, say) empties the site folder
    site.mkdir()
    second = rebuilt(project, "deployment.yml", "    note: Given at", "    note: Edited 8765. Given at")
    Outputs(PREVIEW_SITE, second, PageScan(), cache).write(site)  # B's store is put off until the preview stops
    Outputs(PREVIEW_SITE, first, PageScan(), cache).write(site)  # back to A: restored from the cache
    REMEMBERED.keep_now()
    REMEMBERED.begin("")  # forget what this test rendered
    monkeypatch.setattr(REMEMBERED, "enabled", False)
    later = tmp_path / "later"
    later.mkdir()
    Outputs(PREVIEW_SITE, second, PageScan(), cache).write(later)  # the next start, with data B
    assert "Edited 8765" in (later / "facts.json").read_text(encoding="utf-8")


def test_exports_kept_for_one_sites_settings_are_not_restored_for_anothers(tmp_path):
    project = copy_project(tmp_path / "project")
    catalog = build_catalog(project / "data", project)
    cache = tmp_path / "cache"
    for name in ("First name", "Renamed"):
        site = tmp_path / name
        site.mkdir()
        Outputs(dataclasses.replace(PREVIEW_SITE, name=name), catalog, PageScan(), cache).write(site)
        assert json.loads((site / "facts.json").read_text(encoding="utf-8"))["name"] == name
