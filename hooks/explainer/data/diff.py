"""What changed between two catalogs, by id, and which records show the change.

A record's rendering reads the records it points at (an item's claimant and sources, a fact's group, a
correction's items), so a change to one of those changes how the record looks too. The preview uses this
to rebuild only the pages that show something that changed.
"""

from __future__ import annotations

from collections.abc import Iterator

from .catalog import Catalog
from .records import Record

POINTERS = ("claimant", "sources", "group", "items")
"""Fields holding ids of other records (see validate._references); ids are unique across all sections."""


def changed_ids(old: Catalog, new: Catalog) -> set[str]:
    """Ids of records added, removed or changed in any section, or moved from one section to another."""
    before, after = _by_id(old), _by_id(new)
    return {record_id for record_id in before.keys() | after.keys() if before.get(record_id) != after.get(record_id)}


def _by_id(catalog: Catalog) -> dict[str, tuple[str, Record]]:
    return {record_id: (section, record) for section, records in catalog.sections.items()
            for record_id, record in records.items()}


def pointers(record: Record) -> Iterator[str]:
    """The ids a record points at."""
    for name in POINTERS:
        value = record.get(name)
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from (v for v in value if isinstance(v, str))


def affected_ids(old: Catalog, new: Catalog, changed: set[str]) -> set[str]:
    """`changed` plus every record that points at an affected record, directly or through others, in
    either catalog (a fact that left a group still changes how the group's old members are shown)."""
    pointed_at_by: dict[str, set[str]] = {}
    for catalog in (old, new):
        for records in catalog.sections.values():
            for record_id, record in records.items():
                for target in pointers(record):
                    pointed_at_by.setdefault(target, set()).add(record_id)
    affected, todo = set(changed), list(changed)
    while todo:
        for source in pointed_at_by.get(todo.pop(), ()):
            if source not in affected:
                affected.add(source)
                todo.append(source)
    return affected
