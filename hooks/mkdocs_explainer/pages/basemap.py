"""The country outlines maps are drawn on: the site's own `basemap.json`, or the world's, which ships with
the package, and each map's outlines projected and cut to its frame, kept in `.cache/` between builds.

The package's copy (`world-basemap.json.gz`, made by the repository's scripts/make_basemap.py --package) is
Natural Earth's 1:50m countries (public domain), thinned to 0.04°: every map works after `pip install`, with
no npm and no script. A site that wants other outlines puts them in its data folder as `basemap.json`.
A map's outlines are a pure function of the basemap's bytes, the map's region and its width, so they are
cached under that key: drawing them costs a tenth of a build, reading them back a few milliseconds.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from ..data.catalog import Record
from . import maps

PACKAGED = Path(__file__).resolve().parent / "world-basemap.json.gz"
SCALE = 100
"""The package's copy stores hundredths of a degree as integers."""
FOLDER = Path(".cache") / "explainer-maps"
"""Where each map's projected outlines are kept, relative to the project root."""
KEEP = 64
"""Entries kept (the newest): a site has a few maps, each drawn for a few regions while its editor works on it."""
CODE = ("basemap.py", "maps.py", "projection.py")
"""Modules that decide the outlines' drawing: editing one invalidates every kept map."""

Land = tuple[list[tuple[str, str]], list[tuple[str, maps.Point, float]]]
"""Each country's path data, and the centre and area of its largest visible part (see maps._land)."""


ATTRIBUTION = ("Country outlines: Natural Earth (public domain), 1:50m Admin 0 countries, version 4.1.0, "
               "via the npm package world-atlas 2.0.2 (ISC licence). Made with natural earth data: naturalearthdata.com")
"""The package's outlines' credit, shown under each map drawn on them (scripts/make_basemap.py writes it into the file)."""
WORLD = {"west": -180, "east": 180, "south": -90, "north": 90}


class Basemap:
    """Outlines, read and decoded only when a map is drawn that the cache does not hold."""

    def __init__(self, raw: bytes, name: str, own: bool) -> None:
        self.raw = raw
        self.digest = hashlib.sha256(raw).hexdigest()
        """With the map's region and width, what its drawing depends on."""
        self.name = name
        """How a message names it: the site's file, or the package's outlines."""
        self.own = own
        """Whether the site supplied it (the package's covers the whole world)."""

    @functools.cached_property
    def outlines(self) -> dict[str, Any]:
        """{attribution, region, countries: [{name, rings: [[lon, lat, lon, lat, ...], ...]}]}"""
        plain: dict[str, Any] = json.loads(self.raw.decode("utf-8")) if self.own else decode(self.raw)
        return plain

    @property
    def region(self) -> Record:
        return self.outlines["region"] if self.own else WORLD

    @property
    def attribution(self) -> str:
        return str(self.outlines["attribution"]) if self.own else ATTRIBUTION


def load(site_file: Path | None, shown_as: str = "data/basemap.json") -> Basemap:
    """The site's `basemap.json` if it has one, else the package's world outlines."""
    if site_file is not None and site_file.is_file():
        stat = site_file.stat()
        return _read_site(site_file, stat.st_mtime_ns, stat.st_size, shown_as)
    return _read_packaged()


@functools.cache
def _read_site(path: Path, mtime: int, size: int, shown_as: str) -> Basemap:
    return Basemap(path.read_bytes(), shown_as, own=True)


@functools.cache
def _read_packaged() -> Basemap:
    return Basemap(PACKAGED.read_bytes(), "the package's world outlines", own=False)


def decode(raw: bytes) -> dict[str, Any]:
    """The package's compact file as the plain form a site's basemap.json has (rings of lon, lat in degrees)."""
    packed = json.loads(gzip.decompress(raw).decode("utf-8"))
    scale = packed["scale"]
    countries = []
    for country in packed["countries"]:
        rings = []
        for steps in country["rings"]:
            x = y = 0
            flat: list[float] = []
            for dx, dy in zip(steps[::2], steps[1::2], strict=True):
                x, y = x + dx, y + dy
                flat += (x / scale, y / scale)
            rings.append(flat)
        countries.append({"name": country["name"], "rings": rings})
    return {"attribution": packed["attribution"], "region": packed["region"], "countries": countries}


@functools.cache
def _code_digest() -> str:
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for module in CODE:
        digest.update(module.encode() + b"\0" + (here / module).read_bytes() + b"\0")
    return digest.hexdigest()


def land(frame: maps.Frame, region: Record, basemap: Basemap, cache_dir: Path | None) -> Land:
    """The outlines of one map, from the cache when the basemap, the region and the width are unchanged."""
    key = hashlib.sha256(json.dumps([basemap.digest, _code_digest(), [region[k] for k in ("west", "east", "south", "north")],
                                     frame.width]).encode()).hexdigest()
    path = cache_dir / f"{key}.json" if cache_dir is not None else None
    if path is not None:
        try:
            kept = json.loads(path.read_text(encoding="utf-8"))
            return ([(name, d) for name, d in kept["land"]],
                    [(name, (x, y), area) for name, (x, y), area in kept["centres"]])
        except (OSError, ValueError, KeyError, TypeError):
            pass  # missing or damaged: draw it again
    drawn = maps._land(frame, basemap.outlines)
    if path is not None:
        _keep(path, {"land": drawn[0], "centres": drawn[1]})
    return drawn


def _keep(path: Path, value: dict[str, Any]) -> None:
    """Write a cache entry whole or not at all; a cache that cannot be written is skipped."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".writing-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(value, out, separators=(",", ":"))
        os.replace(temporary, path)
        # Regions change as editors work on a map: keep the newest entries, not every region ever tried.
        kept = sorted(path.parent.glob("*.json"), key=lambda entry: entry.stat().st_mtime, reverse=True)
        for old in kept[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
