"""The site's own word lists: the kinds of places (each with its marker's shape), of claimants, and the modes of
a route's legs (each with its line). A story sets them with the plugin's options; the defaults are neutral.

The statuses are not among them: they are the method (see siteinfo.STATUS_MEANING), the same on every site.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..i18n import N_
from .settings import SettingsError

SHAPES = {"circle": "●", "square": "■", "triangle": "▲", "diamond": "◆"}
"""A place kind's marker on a map, and the character for it in the lists: kinds differ by shape, not colour."""
LINES = {"solid": N_("solid line"), "dashed": N_("dashed line"), "dash-dot": N_("dash-dot line"), "dotted": N_("dotted line")}
"""A route mode's line on a map, and how the list below the map names it (translated where shown)."""


@dataclass(frozen=True)
class Vocabulary:
    place_kinds: Mapping[str, str] = field(default_factory=lambda: {
        "city": "circle", "town": "circle", "village": "circle", "region": "circle", "island": "circle",
        "port": "square", "airport": "square", "border crossing": "triangle", "facility": "triangle", "site": "diamond"})
    """Kind → marker shape (one of SHAPES)."""
    claimant_kinds: tuple[str, ...] = ("government", "agency", "official", "person", "media", "state media",
                                       "organisation", "company", "court")
    route_modes: Mapping[str, str] = field(default_factory=lambda: {
        "road": "dash-dot", "rail": "solid", "ship": "dashed", "air": "dotted", "foot": "dotted"})
    """Mode → line style (one of LINES)."""

    @property
    def digest(self) -> str:
        """What a data file's checked form depends on besides its bytes (see cache.py)."""
        return hashlib.sha256(json.dumps([dict(self.place_kinds), list(self.claimant_kinds), dict(self.route_modes)],
                                         sort_keys=True).encode()).hexdigest()

    def shape(self, kind: str) -> str:
        return self.place_kinds.get(kind, "circle")

    def line(self, mode: str) -> str:
        return self.route_modes.get(mode, "solid")


DEFAULT = Vocabulary()


def from_options(place_kinds: Any = None, claimant_kinds: Any = None, route_modes: Any = None) -> Vocabulary:
    """The vocabulary the plugin's options give (None: the default list). Raises SettingsError naming the option."""
    places = DEFAULT.place_kinds if place_kinds is None else _choices("place_kinds", place_kinds, SHAPES)
    modes = DEFAULT.route_modes if route_modes is None else _choices("route_modes", route_modes, LINES)
    claimants = DEFAULT.claimant_kinds
    if claimant_kinds is not None:
        if not isinstance(claimant_kinds, list) or not claimant_kinds or not all(_word(k) for k in claimant_kinds):
            raise SettingsError(f"claimant_kinds: expected a list of words (e.g. [government, agency]), but found {claimant_kinds!r}")
        claimants = tuple(claimant_kinds)
    return Vocabulary(places, claimants, modes)


def _word(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and value == value.strip()


def _choices(option: str, value: Any, allowed: Mapping[str, str]) -> dict[str, str]:
    example = next(iter(allowed))
    if not isinstance(value, dict) or not value:
        what, kind = ("shape", "city") if allowed is SHAPES else ("line", "rail")
        raise SettingsError(f"{option}: expected each kind with its {what} (e.g. `{kind}: {example}`), but found {value!r}")
    for kind, style in value.items():
        if not _word(kind) or style not in allowed:
            raise SettingsError(f"{option}: {kind!r}: {style!r} is not one of {', '.join(allowed)}")
    return dict(value)
