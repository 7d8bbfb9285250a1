"""The plain shapes a checked data file is stored in: records as dicts, ids with their lines, problems.

Shared by the validator, the cache and the catalog, so none of them imports another to know them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..problems import Problem

Record = dict[str, Any]

ITEM_SECTIONS = ("facts", "quotes", "events")
"""Sections whose records are claims (id, date, claimant, status, sources)."""


class Typed(NamedTuple):
    """A figure typed by hand in a record's text (a note, a summary): the build compares it with the facts."""

    written: str
    """The number as written, e.g. `20,000`."""
    after: str
    """The words right after it, lowercase, to tell `12 km` from a bare 12."""
    line: int
    where: str


class Reference(NamedTuple):
    """An id written at a place in a data file: a definition (`ids`) or a pointer (`refs`).

    A named tuple, not a dataclass: a large site has tens of thousands, and a tuple is made twice as fast."""

    section: str
    """Section the id lives in; `items` means any of facts, quotes and events."""
    id: str
    line: int
    where: str


@dataclass
class FileResult:
    """One data file, checked: its records by section, the ids it defines and points at, its problems."""

    name: str
    records: dict[str, list[Record]] = field(default_factory=dict)
    ids: list[Reference] = field(default_factory=list)
    refs: list[Reference] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unchecked_ids: list[str] = field(default_factory=list)
    """Ids written in a file that failed its checks: other files may point at them without a second error."""
    unreadable: bool = False
    """The file could not be read at all, so which ids it defines is unknown."""
    positions: list[Reference] = field(default_factory=list)
    """Where each place's latitude is written: a place outside its map's region is found only once files are joined."""
    marks: list[Reference] = field(default_factory=list)
    """Fields checked once files are joined, by kind (`url`, `status`, `formerly`): the id is the field's value
    (a source's address) or the record's id (an item's status)."""
    typed: list[Typed] = field(default_factory=list)
    """Figures written in the records' own text (notes, summaries, titles), to compare with the facts' values."""
    warnings: list[Problem] = field(default_factory=list)
    """What a strict build refuses but a preview shows anyway (a confirmed item without the source's words)."""

    def to_json(self) -> dict[str, Any]:
        """JSON-ready form: records as they are, references and problems as lists of their fields."""
        return {
            "name": self.name,
            "records": self.records,
            "ids": self.ids,  # tuples: JSON lists of their fields
            "refs": self.refs,
            "problems": [[p.file, p.line, p.where, p.message] for p in self.problems],
            "unchecked_ids": self.unchecked_ids,
            "unreadable": self.unreadable,
            "positions": self.positions,
            "marks": self.marks,
            "typed": self.typed,
            "warnings": [[p.file, p.line, p.where, p.message] for p in self.warnings],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FileResult:
        return cls(
            name=data["name"],
            records=data["records"],
            ids=list(map(Reference._make, data["ids"])),
            refs=list(map(Reference._make, data["refs"])),
            problems=[Problem(*p) for p in data["problems"]],
            unchecked_ids=data["unchecked_ids"],
            unreadable=data["unreadable"],
            positions=list(map(Reference._make, data["positions"])),
            marks=list(map(Reference._make, data["marks"])),
            typed=list(map(Typed._make, data["typed"])),
            warnings=[Problem(*p) for p in data["warnings"]],
        )
