"""Which pages a data edit changes: the catalogs before and after, diffed by id, against the page scan."""

from __future__ import annotations

from collections.abc import Iterable

from ..data.catalog import Catalog
from ..data.diff import affected_ids, changed_ids
from .scan import PageScan
from .shortcodes import KINDS, shows_itself


def pages_to_rebuild(old_scan: PageScan, new_scan: PageScan, old: Catalog, new: Catalog,
                     whole_catalog_pages: Iterable[str] = ()) -> set[str] | None:
    """Pages (paths relative to docs/) whose HTML may differ because `data/` changed from `old` to `new`.

    None means every page: pages were added or removed, or the page that holds a list other pages link
    to (every item's card, the sources) moved. `whole_catalog_pages` are pages that read the whole
    catalog besides their shortcodes (the page describing the downloadable data set).
    """
    if old_scan.kinds.keys() != new_scan.kinds.keys() or old_scan.homes() != new_scan.homes():
        return None
    changed = changed_ids(old, new)
    if not changed:
        return set()
    affected = affected_ids(old, new, changed)
    wanted = set(whole_catalog_pages)
    for page, codes in new_scan.codes.items():
        shown = {(code.kind, code.arg) for code in [*codes, *old_scan.codes.get(page, [])]}
        if page not in wanted and any(_reads(kind, arg, catalog) & affected or _reads_everything(kind)
                                      for kind, arg in shown for catalog in (old, new)):
            wanted.add(page)
    return wanted


def _reads_everything(kind_name: str) -> bool:
    kind = KINDS.get(kind_name)
    return kind is not None and kind.section is None and kind.reads_data


def _reads(kind_name: str, arg: str, catalog: Catalog) -> set[str]:
    """Ids whose records a shortcode's output reads directly (those they point at come from the diff)."""
    kind = KINDS.get(kind_name)
    if kind is None or kind.section is None:
        return set()
    if kind.section == "records":  # a site's shortcode: one or more ids of any records
        return set(arg.split(","))
    if kind.shows is shows_itself and kind.dated is None:  # most shortcodes: one record
        return {arg}
    pool = catalog.items if kind.section == "items" else catalog[kind.section]
    if arg not in pool:  # the id is new or gone: the page shows it or an error, so it must be rebuilt
        return {arg}
    return {arg} | kind.shows(catalog, arg) | (kind.dated or kind.shows)(catalog, arg)
