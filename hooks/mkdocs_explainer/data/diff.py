"""What changed between two catalogs, by id, and which records show the change.

A record's rendering reads the records it points at (an item's claimant and sources, a fact's group, a
correction's items, a map's places), so a change to one of those changes how the record looks too. The preview uses this
to rebuild only the pages that show something that changed.
"""

from __future__ import annotations

from typing import Any

from .catalog import Catalog
from .records import Record


def changed_ids(old: Catalog, new: Catalog) -> set[str]:
    """Ids of records added, removed or changed in any section, or moved from one section to another."""
    before, after = _by_id(old), _by_id(new)
    return {record_id for record_id in before.keys() | after.keys() if before.get(record_id) != after.get(record_id)}


def _by_id(catalog: Catalog) -> dict[str, tuple[str, Record]]:
    return {record_id: (section, record) for section, records in catalog.sections.items()
            for record_id, record in records.items()}


def _texts(record: Record) -> list[str]:
    """Every text in a record, at any depth, but its own id: those that are another record's id are what it points
    at. Ids are unique across all sections and look like `ap-report`, so this finds every reference (a claimant,
    sources, a group, places and routes, a citation's source…) whatever the schema adds next; a text that only
    happens to equal an id makes the preview rebuild a page too many, never too few."""
    texts = []
    stack: list[Any] = [value for key, value in record.items() if key != "id"]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return texts


class _Texts:
    """Each record's texts from the last diff, by id: the preview diffs the catalog after every edit, and
    the records it did not change compare equal (a C-speed comparison) instead of being walked again."""

    def __init__(self) -> None:
        self.last: dict[str, tuple[Record, list[str]]] = {}
        self.next: dict[str, tuple[Record, list[str]]] = {}

    def of(self, record_id: str, record: Record) -> list[str]:
        kept = self.next.get(record_id) or self.last.get(record_id)
        if kept is None or kept[0] != record:
            kept = (record, _texts(record))
        self.next[record_id] = kept
        return kept[1]

    def done(self) -> None:
        self.last, self.next = self.next, {}

    def forget(self) -> None:
        self.last, self.next = {}, {}


_TEXTS = _Texts()


def affected_ids(old: Catalog, new: Catalog, changed: set[str]) -> set[str]:
    """`changed` plus every record that points at an affected record, directly or through others, in
    either catalog (a fact that left a group still changes how the group's old members are shown)."""
    pointed_at_by: dict[str, set[str]] = {}
    for catalog in (old, new):
        ids = _by_id(catalog)
        for records in catalog.sections.values():
            for record_id, record in records.items():
                for target in _TEXTS.of(record_id, record):
                    if target in ids:
                        pointed_at_by.setdefault(target, set()).add(record_id)
    _TEXTS.done()
    affected, todo = set(changed), list(changed)
    while todo:
        for source in pointed_at_by.get(todo.pop(), ()):
            if source not in affected:
                affected.add(source)
                todo.append(source)
    return affected
