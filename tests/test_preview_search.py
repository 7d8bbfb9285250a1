"""The fast preview's search index: after rebuilding some pages, it is the whole site's, in page order,
whichever search plugin wrote it (MkDocs' own keeps `_entries`; Material's `entries` and a previous index
that it would patch)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.structure.files import File, Files
from mkdocs_explainer import preview
from mkdocs_explainer.data.catalog import Catalog
from mkdocs_explainer.pages.scan import PageScan


def entry(url: str, anchor: str = "", text: str = "old") -> dict[str, str]:
    return {"location": url + (f"#{anchor}" if anchor else ""), "title": anchor or url, "text": text}


LAST = {"": [entry(""), entry("", "intro")], "b/": [entry("b/"), entry("b/", "gone")], "c/": [entry("c/")]}


@pytest.fixture
def two_of_three_rebuilt(tmp_path: Path):
    files = Files([File(name, str(tmp_path), str(tmp_path / "site"), True) for name in ("index.md", "b.md", "c.md")])
    saved = vars(preview.preview).copy()
    preview.preview.enabled, preview.preview.files, preview.preview.rebuilt = True, files, {"index.md", "b.md"}
    preview.preview.pending = preview.LastBuild("inputs", Catalog({}), PageScan(), search=dict(LAST))
    yield [entry("b/", text="new"), entry("", text="new"), entry("b/", "added", text="new")]  # in build order
    vars(preview.preview).update(saved)


EXPECTED = [entry("", text="new"), entry("b/", text="new"), entry("b/", "added", text="new"), entry("c/")]


def test_mkdocs_search_plugin_gets_every_page(two_of_three_rebuilt):
    plugin = SimpleNamespace(search_index=SimpleNamespace(_entries=list(two_of_three_rebuilt)))
    preview.complete_search_index(SimpleNamespace(plugins={"search": plugin}))
    assert plugin.search_index._entries == EXPECTED


def test_material_search_plugin_gets_every_page_and_patches_nothing(two_of_three_rebuilt):
    plugin = SimpleNamespace(search_index=SimpleNamespace(entries=list(two_of_three_rebuilt)),
                             search_index_prev=SimpleNamespace(entries=[entry("b/", "gone")]))
    preview.complete_search_index(SimpleNamespace(plugins={"material/search": plugin}))
    assert plugin.search_index.entries == EXPECTED
    assert plugin.search_index_prev is None
