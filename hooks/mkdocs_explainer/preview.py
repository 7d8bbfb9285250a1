"""The fast preview: `mkdocs serve --dirty` rebuilds only the pages a save changes, data edits included.

MkDocs' dirty build rebuilds a page when its Markdown is newer than its HTML. It knows nothing of
`data/`, and it leaves the rest of the site as one page's rebuild would: other pages' titles unread
(so the navigation it renders is wrong), the search index and our sitemap holding only the rebuilt
pages. This module, called from the hooks, completes it:

- on a data edit, the catalog is diffed by id and only the pages showing a changed record are marked
  modified, through the `File` objects MkDocs passes to `on_files`;
- anything else that shapes every page (pages added, removed or renamed, `mkdocs.yml`, templates,
  snippets, the data having errors now or before, a failed build) cleans the site folder, so that the
  build is a full one, as without `--dirty`;
- pages not rebuilt get back the title and front matter the last build read, for the navigation; if a
  rebuilt page's title changed, every page is rebuilt;
- the search index and the sitemap are the last build's entries with the rebuilt pages' entries
  swapped in, in page order, so they equal a clean build's.

The state of the last build lives in this module, which MkDocs does not reload between builds.
`mkdocs build` never uses any of it: publishing is always a full, clean build.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import clean_directory

from .data.catalog import Catalog
from .outputs.reuse import REMEMBERED
from .pages.affected import pages_to_rebuild
from .pages.render import TEMPLATES
from .pages.scan import PageScan

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.explainer")

WATCH_EVERY = 0.2
"""Seconds between two looks of the preview's file watcher for saved files. MkDocs looks every 0.5 s and offers
no option: an editor waits 0.25 s on average before a save is even seen, a quarter of a fact edit's wait at 500
pages. A look costs about 3 ms of CPU at 500 pages (a listing of docs/ and data/)."""
COLLECT_AFTER = 50_000
"""While previewing: new objects between two passes of Python's garbage collector over its youngest generation
(Python's default is 700). A preview keeps a large heap alive (the catalog, the last build's pages), and every
tenth pass of the middle generation walks all of it: about a sixth of a fact edit's CPU at 500 pages. Cycles are
still collected, less often; a build (one process, one build) keeps Python's default."""
_PYTHON_THRESHOLD = gc.get_threshold()
T = TypeVar("T")


@dataclass
class LastBuild:
    """What the last complete build of the preview left in the site folder."""

    inputs: str
    """Digest of what shapes every page besides the data (see _inputs_digest)."""
    catalog: Catalog
    scan: PageScan
    looks: dict[str, tuple[str | None, dict[str, Any]]] = field(default_factory=dict)
    """Per page (src_uri): its title and front matter, which other pages' navigation shows."""
    search: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Per page URL: its search index entries."""
    page_infos: dict[str, Any] = field(default_factory=dict)
    """Per page URL: what the sitemap says of it."""


@dataclass
class Preview:
    enabled: bool = False
    last: LastBuild | None = None
    rebuilt: set[str] | None = None
    """This build's rebuilt pages (src_uri); None while the build is a full one."""
    pending: LastBuild | None = None
    """What this build will leave, once complete."""
    files: Files | None = None


preview = Preview()


def start(command: str, dirty: bool) -> None:
    """Only `mkdocs serve --dirty` takes the fast path."""
    preview.enabled = command == "serve" and dirty
    preview.last = None
    gc.set_threshold(COLLECT_AFTER if preview.enabled else _PYTHON_THRESHOLD[0], *_PYTHON_THRESHOLD[1:])
    REMEMBERED.enabled = preview.enabled  # the exports: re-render only the records an edit changed
    if preview.enabled:
        logging.getLogger("mkdocs.commands.build").addFilter(_no_dirty_warning)


def watch_often(server: LiveReloadServer) -> None:
    """`on_serve`: MkDocs' watcher (watchdog's PollingObserver) looks for saved files every WATCH_EVERY seconds."""
    observer = getattr(server, "observer", None)  # a host's server other than MkDocs' own has none
    if observer is None:
        return
    # watchdog keeps the interval in `_timeout`, on the observer (for watches added later) and on each watch's
    # emitter, and offers no setter. Were it renamed, the watcher would keep MkDocs' 0.5 s: a test says so.
    for part in (observer, *observer.emitters):
        if hasattr(part, "_timeout"):
            part._timeout = WATCH_EVERY


def _no_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns on every dirty build that navigation and links may be wrong: here they are not."""
    return not (preview.enabled and record.getMessage().startswith("A 'dirty' build is being performed"))


def choose_pages(files: Files, config: MkDocsConfig, data_dir: Path, catalog: Catalog | None, scan: PageScan | None,
                 dataset_pages: Iterable[str]) -> None:
    """Mark the pages this build must rebuild (`on_files`); clean the site for a full build."""
    preview.rebuilt, preview.pending, preview.files = None, None, files
    if not preview.enabled:
        return
    pages = [file.src_uri for file in files.documentation_pages()]
    inputs = _inputs_digest(config, pages, data_dir)
    last = preview.last
    preview.last = None  # until this build completes
    if catalog is None or scan is None:  # the data or a page has errors: every page shows them
        return _full_build(config, "the data or a page has errors")
    preview.pending = LastBuild(inputs, catalog, scan)
    if last is None:
        return _full_build(config, "no complete build to start from")
    if last.inputs != inputs:
        return _full_build(config, "pages were added or removed, or settings, templates or snippets changed")
    wanted = pages_to_rebuild(last.scan, scan, last.catalog, catalog, dataset_pages)
    if wanted is None:
        return _full_build(config, "a page that others link to changed")
    preview.pending.looks, preview.pending.search, preview.pending.page_infos = last.looks, last.search, last.page_infos
    for file in files.documentation_pages():
        if file.src_uri in wanted:
            _mark_modified(file)
    preview.rebuilt = {file.src_uri for file in files.documentation_pages() if file.is_modified()}
    log.info(f"Preview: rebuilding {len(preview.rebuilt)} of {len(pages)} pages")


def _full_build(config: MkDocsConfig, reason: str) -> None:
    """Empty the site folder: every page is then missing, so MkDocs' dirty build rebuilds them all."""
    log.info(f"Preview: rebuilding every page ({reason})")
    clean_directory(config.site_dir)


def restore_pages(config: MkDocsConfig, files: Files) -> None:
    """`on_env`: give pages not rebuilt their last title and front matter; if a rebuilt page's changed,
    the navigation of every page changes: the rest are read (by MkDocs' own function) and rebuilt too."""
    from mkdocs.commands.build import _populate_page  # MkDocs < 2 (pinned); what its build loop calls

    pending = preview.pending
    if pending is None or preview.rebuilt is None:
        _remember_looks(files)
        return
    changed = False
    for file in files.documentation_pages():
        page = file.page
        if page is None:
            continue
        if file.src_uri in preview.rebuilt:
            changed |= pending.looks.get(file.src_uri) != (page.title, dict(page.meta))
        elif file.src_uri in pending.looks:
            page.title, meta = pending.looks[file.src_uri]
            page.meta = dict(meta)
    if changed:
        log.info("Preview: a page title changed, so every page's navigation: rebuilding every page")
        for file in files.documentation_pages():
            if file.src_uri not in preview.rebuilt and file.page is not None:
                _mark_modified(file)
                _populate_page(file.page, config, files)
                preview.rebuilt.add(file.src_uri)
    _remember_looks(files)


def _remember_looks(files: Files) -> None:
    if preview.pending is not None:
        preview.pending.looks = {f.src_uri: (f.page.title, dict(f.page.meta))
                                 for f in files.documentation_pages() if f.page is not None}


def complete_search_index(config: MkDocsConfig) -> None:
    """`on_post_build`, before the search plugin writes: its index as a clean build would have it.

    Both MkDocs' and Material's search plugins index only the pages built; Material then patches its
    previous index assuming one page was rebuilt. Here the last build's entries of the pages not rebuilt
    are put back around the fresh ones, in page order, and Material's patching is turned off.
    """
    pending, files = preview.pending, preview.files
    if not preview.enabled or files is None:
        return
    urls = [_page_url(file) for file in files.documentation_pages()]
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        entries = getattr(index, "entries", None)
        if entries is None:
            entries = getattr(index, "_entries", None)  # MkDocs' own search plugin
        if not isinstance(entries, list):
            continue
        fresh: dict[str, list[dict[str, Any]]] = {}
        for entry in entries:
            fresh.setdefault(str(entry.get("location", "")).partition("#")[0], []).append(entry)
        merged = _merge(fresh, pending.search if pending else {}, urls, rebuilt=_rebuilt_urls(files))
        entries[:] = [entry for page_entries in merged.values() for entry in page_entries]
        if pending is not None:
            pending.search = merged
        if hasattr(plugin, "search_index_prev"):
            plugin.search_index_prev = None  # Material: the index is complete, nothing to patch
        break


def complete_page_infos(fresh: list[T], url_of: Callable[[T], str]) -> list[T]:
    """The sitemap's pages: the rebuilt pages' fresh entries and the last build's for the others."""
    pending, files = preview.pending, preview.files
    if pending is None or files is None:
        return fresh
    urls = [_page_url(file) for file in files.documentation_pages()]
    merged = _merge({url_of(info): [info] for info in fresh}, pending.page_infos, urls, rebuilt=_rebuilt_urls(files))
    pending.page_infos = merged
    return [info for infos in merged.values() for info in infos]


def finish() -> None:
    """`on_post_build`: the build is complete, so the next one may start from it."""
    preview.last, preview.pending, preview.rebuilt, preview.files = preview.pending, None, None, None


def stop() -> None:
    """`on_shutdown`: store the last build's exports for the next process (put off while editing)."""
    if preview.enabled:
        REMEMBERED.keep_now()


def failed() -> None:
    """`on_build_error`: the site folder is in an unknown state; the next build is a full one."""
    preview.last, preview.pending, preview.rebuilt, preview.files = None, None, None, None
    REMEMBERED.keep_nothing()


def _rebuilt_urls(files: Files) -> set[str] | None:
    if preview.rebuilt is None:
        return None
    return {_page_url(file) for file in files.documentation_pages() if file.src_uri in preview.rebuilt}


def _merge(fresh: dict[str, list[Any]], last: dict[str, list[Any]], urls: list[str],
           rebuilt: set[str] | None) -> dict[str, list[Any]]:
    """Per page URL in page order: fresh entries for rebuilt pages (all of them in a full build), else the last."""
    merged = {url: fresh.get(url, []) if rebuilt is None or url in rebuilt else last.get(url, []) for url in urls}
    for url, entries in fresh.items():  # entries of no page (another plugin's), kept as a clean build has them
        merged.setdefault(url, entries)
    return merged


def _page_url(file: File) -> str:
    """The URL its page has, as search entries and the sitemap name it (MkDocs' Page.url: the home is '')."""
    return "" if file.url in (".", "./") else file.url


def _mark_modified(file: File) -> None:
    # MkDocs asks `is_modified()` before reading and before writing a page in a dirty build.
    file.is_modified = lambda: True  # type: ignore[method-assign]


def _inputs_digest(config: MkDocsConfig, pages: list[str], data_dir: Path) -> str:
    """Everything besides `data/` and each page's own Markdown that shapes every page."""
    digest = hashlib.sha256("\n".join(pages).encode())
    digest.update(repr(config.site_url).encode())
    if config.config_file_path:
        digest.update(Path(config.config_file_path).read_bytes())
    data_dir = data_dir.resolve()
    folders = [TEMPLATES, *(Path(p) for p in config.watch)]
    if config.theme.custom_dir:
        folders.append(Path(config.theme.custom_dir))
    snippets = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", [])
    folders += [Path(p) for p in ([snippets] if isinstance(snippets, str) else snippets)]
    # In the data folder, the catalog's diff covers the YAML files; anything else there (the map outlines,
    # basemap.json, which every map's drawing and caption read) shapes pages too.
    folders.append(data_dir)
    for folder in folders:
        paths = sorted(folder.rglob("*")) if folder.is_dir() else [folder] if folder.exists() else []
        if folder.resolve() == data_dir:
            paths = [path for path in paths if path.suffix not in (".yml", ".yaml")]
        for path in paths:
            stat = os.stat(path)
            digest.update(f"{path}\0{stat.st_mtime_ns}\0{stat.st_size}\n".encode())
    return digest.hexdigest()
