"""How long this site's maps take to draw their outlines, and to read them back from the cache.

    .venv/bin/python benchmarks/maps.py

A map's projected, clipped outlines are a pure function of the basemap's bytes, the region and the width
(pages/basemap.py), so a build reads them from `.cache/explainer-maps/` unless one of these changed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from mkdocs_explainer.data.catalog import build_catalog  # noqa: E402  (after the path is set)
from mkdocs_explainer.pages import basemap, maps  # noqa: E402


def main() -> None:
    catalog = build_catalog(ROOT / "data", ROOT)
    for label, site_file in [("the site's basemap.json", ROOT / "data" / "basemap.json"), ("the package's world", None)]:
        outlines = basemap.load(site_file)
        with tempfile.TemporaryDirectory() as cache:
            for run in ("drawn", "cached"):
                best = float("inf")
                for _ in range(3 if run == "cached" else 1):
                    start = time.perf_counter()
                    for spec in catalog["maps"].values():
                        basemap.land(maps.Frame.fit(spec["region"]), spec["region"], outlines, Path(cache))
                    best = min(best, time.perf_counter() - start)
                print(f"{label:24} {run:6} {len(catalog['maps'])} maps: {best * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
