"""Make data/basemap.json, the country outlines the maps are drawn on, from Natural Earth.

The outlines come from npm's `world-atlas` (Natural Earth's 1:50m Admin 0 countries as TopoJSON),
pinned in package.json, so `npm ci --ignore-scripts` brings them. This script decodes the TopoJSON,
keeps the part inside one region (the story's: by default 25-150° E, 30-66° N), drops points closer
than 0.04° to the last one kept, and writes plain longitude/latitude rings. The build reads only the
committed result: it never needs npm or the network.

    python scripts/make_basemap.py                  # node_modules/world-atlas/countries-50m.json
    python scripts/make_basemap.py --west 0 --east 60 --south 30 --north 70 --out data/basemap.json
    python scripts/make_basemap.py --package        # the package's world outlines (see pages/basemap.py)

`--package` writes the whole world, thinned the same way, as the compact file the package ships
(hooks/mkdocs_explainer/pages/world-basemap.json.gz): a site without its own basemap.json draws on it.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from mkdocs_explainer.pages import basemap as packaged  # noqa: E402  (after the path is set)
from mkdocs_explainer.pages.maps import clip_ring  # noqa: E402

ATTRIBUTION = packaged.ATTRIBUTION


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs are delta-encoded integers; the transform turns them back into degrees."""
    (kx, ky), (dx, dy) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for step_x, step_y in arc:
            x, y = x + step_x, y + step_y
            points.append((x * kx + dx, y * ky + dy))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Join a ring's arcs; a negative index (~i) means arc i reversed. Shared end points appear once."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc[1:] if points else arc
    return points


def thin(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    kept = [points[0]]
    for x, y in points[1:]:
        if abs(x - kept[-1][0]) > tolerance or abs(y - kept[-1][1]) > tolerance:
            kept.append((x, y))
    return kept


def make(source: Path, west: float, east: float, south: float, north: float, tolerance: float) -> dict[str, Any]:
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs")], "MultiPolygon": geometry.get("arcs")}.get(geometry["type"], [])
        rings = []
        for polygon in polygons:
            for indexes in polygon:
                clipped = clip_ring(ring(indexes, arcs), west, south, east, north)
                points = thin(clipped, tolerance) if clipped else []
                if len(points) >= 3:
                    rings.append([round(v, 2) for point in points for v in point])
        if rings:
            countries.append({"name": geometry["properties"]["name"], "rings": rings})
    return {
        "attribution": ATTRIBUTION,
        "made_by": "scripts/make_basemap.py",
        "region": {"west": west, "east": east, "south": south, "north": north},
        "countries": sorted(countries, key=lambda c: c["name"]),
    }


def make_world(source: Path, tolerance: float) -> bytes:
    """The package's world outlines: every ring thinned, in hundredths of a degree, each point but the
    first as the step from the one before, gzipped without a timestamp (the same input makes the same bytes)."""
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs")], "MultiPolygon": geometry.get("arcs")}.get(geometry["type"], [])
        rings = []
        for polygon in polygons:
            for indexes in polygon:
                points = [(round(x * packaged.SCALE), round(y * packaged.SCALE)) for x, y in thin(ring(indexes, arcs), tolerance)]
                if len(points) >= 3:
                    steps = [points[0], *((b[0] - a[0], b[1] - a[1]) for a, b in itertools.pairwise(points))]
                    rings.append([v for step in steps for v in step])
        if rings:
            countries.append({"name": geometry["properties"]["name"], "rings": rings})
    world = {"attribution": ATTRIBUTION, "made_by": "scripts/make_basemap.py --package",
             "region": {"west": -180, "east": 180, "south": -90, "north": 90}, "scale": packaged.SCALE,
             "countries": sorted(countries, key=lambda c: c["name"])}
    return gzip.compress(json.dumps(world, separators=(",", ":"), ensure_ascii=False).encode(), 9, mtime=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=ROOT / "node_modules/world-atlas/countries-50m.json")
    parser.add_argument("--out", type=Path, default=ROOT / "data/basemap.json")
    parser.add_argument("--west", type=float, default=25)
    parser.add_argument("--east", type=float, default=150)
    parser.add_argument("--south", type=float, default=30)
    parser.add_argument("--north", type=float, default=66)
    parser.add_argument("--tolerance", type=float, default=0.04, help="degrees between kept points")
    parser.add_argument("--package", action="store_true", help=f"write the package's world outlines ({packaged.PACKAGED.name})")
    args = parser.parse_args()
    if not args.source.exists():
        sys.exit(f"{args.source} not found: run `npm ci --ignore-scripts` first (world-atlas is in package.json)")
    if args.package:
        packaged.PACKAGED.write_bytes(make_world(args.source, args.tolerance))
        print(f"{packaged.PACKAGED}: {packaged.PACKAGED.stat().st_size / 1000:.1f} KB")
        return
    basemap = make(args.source, args.west, args.east, args.south, args.north, args.tolerance)
    # One country per line: small diffs when the outlines are regenerated.
    lines = [json.dumps({k: v for k, v in basemap.items() if k != "countries"}, ensure_ascii=False)[:-1] + ', "countries": [']
    lines += [json.dumps(c, separators=(",", ":"), ensure_ascii=False) + "," for c in basemap["countries"]]
    lines[-1] = lines[-1].rstrip(",")
    args.out.write_text("\n".join(lines) + "\n]}\n", encoding="utf-8")
    print(f"{args.out}: {len(basemap['countries'])} countries, {args.out.stat().st_size / 1000:.1f} KB")


if __name__ == "__main__":
    main()
