"""Balance as data: each open question with every claimant's dated position (`questions:`).

Two rules follow from the positions. A page that shows one side of a question shows them all (checked
where pages are known, in `pages/`). And an item that one side reports and another side's latest position
contradicts is marked `disputed` (checked here, on the data alone).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..problems import Problem
from .records import Record, Reference

if TYPE_CHECKING:
    from .catalog import Catalog

OPPOSITE = {"yes": "no", "no": "yes"}
"""Stances that contradict each other; `neither` contradicts nothing, and estimates differ without contradicting."""
NEEDS_DISPUTED = ("reported", "claimed")
"""Statuses that must become `disputed` when another claimant contradicts the item. A `confirmed` item rests on
the record itself, and `corrected` and `unverified` already tell the reader to take care."""


def side(position: Record) -> str:
    """What a reader must see for a fair picture: each stance, and for estimates each claimant's figure."""
    return f"estimate:{position['claimant']}" if position["stance"] == "estimate" else str(position["stance"])


def latest_stances(question: Record) -> dict[str, str]:
    """Each claimant's stance in their newest position (a later acknowledgement replaces an earlier denial)."""
    stances: dict[str, str] = {}
    for position in sorted(question["positions"], key=lambda p: p["date"]):
        stances[position["claimant"]] = position["stance"]
    return stances


def contradicted(catalog: Catalog) -> dict[str, list[tuple[str, str, Record]]]:
    """Item id → (question id, contradicting claimant id, their position) for items cited by a yes or no
    position whose opposite another claimant holds in their newest position."""
    found: dict[str, list[tuple[str, str, Record]]] = {}
    for question in catalog["questions"].values():
        latest = latest_stances(question)
        newest = {p["claimant"]: p for p in sorted(question["positions"], key=lambda p: p["date"])}
        for position in question["positions"]:
            opposite = OPPOSITE.get(position["stance"])
            against = [c for c, stance in latest.items() if stance == opposite and c != position["claimant"]]
            for item_id in position["items"]:
                for claimant in against:
                    found.setdefault(item_id, []).append((question["id"], claimant, newest[claimant]))
    return found


def undisputed(catalog: Catalog, statuses: list[tuple[str, Reference]]) -> list[Problem]:
    """Facts and events reported or claimed by one side, contradicted by another, but not marked `disputed`."""
    lines = {mark.id: (name, mark) for name, mark in statuses}
    problems = []
    for item_id, against in sorted(contradicted(catalog).items()):
        item = catalog.items.get(item_id)
        if item is None or item["kind"] == "quote" or item["status"] not in NEEDS_DISPUTED or item_id not in lines:
            continue  # a quotation is on record whatever its words claim; the question shows both sides
        name, mark = lines[item_id]
        who = "; ".join(
            f"{catalog['claimants'][claimant]['name']} answers '{position['stance']}' to question '{question_id}' "
            f"({position['date']})" for question_id, claimant, position in against)
        problems.append(Problem(name, mark.line, mark.where,
                                f"'{item['status']}', but another claimant on the record contradicts it: {who}. "
                                "Mark it `status: disputed`"))
    return problems


def question_items(question: Record) -> set[str]:
    return {item_id for position in question["positions"] for item_id in position["items"]}


def one_sided(question: Record, shown: set[str]) -> list[Record] | None:
    """The positions a page leaves out when it shows items of only one side of `question`; None when it is fair
    (it shows none of the question's items, or more than one side)."""
    shown_sides = {side(p) for p in question["positions"] if shown & set(p["items"])}
    if len(shown_sides) != 1:
        return None
    missing = [p for p in question["positions"] if side(p) not in shown_sides]
    return missing or None
