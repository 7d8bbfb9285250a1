"""The benchmark's report says what its own figures say, and the Lighthouse server serves like a static host."""

from __future__ import annotations

import gzip
import sys
import urllib.request
from pathlib import Path

from lighthouse_audit import serve

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench
from browser.browser_support import ports


def config(ours: list[float], plain: list[float]) -> bench.Config:
    runs = {label: [bench.Run(wall=1.0, cpu=cpu, rss_mb=1.0) for cpu in ours] for label in ("ours-warm", "ours-cold")}
    runs["plain"] = [bench.Run(wall=1.0, cpu=cpu, rss_mb=1.0) for cpu in plain]
    return bench.Config(facts=1000, pages=50, rounds=len(plain), runs=runs)


def test_conclusions_say_slower_when_the_figures_are_slower() -> None:
    lines = bench.conclusions([config([1.27, 1.10, 1.20], [1.0, 1.0, 1.0])], {"yaml": [1.2, 1.1], "markdown": [1.0, 1.0]})
    warm = next(line for line in lines if "warm" in line)
    assert "1.20× plain's CPU time (20 % above plain)" in warm and "ranged 1.10–1.27" in warm
    assert "1.15× a Markdown edit (plain), 15 % above it" in lines[-1]


def test_conclusions_say_below_only_when_measured_below() -> None:
    lines = bench.conclusions([config([0.9, 0.9], [1.0, 1.0])], {"yaml": [0.5], "markdown": [1.0]})
    assert "(10 % below plain)" in lines[0] and "50 % below it" in lines[-1]


def test_cold_goal_says_how_much_of_its_allowance_the_floor_takes() -> None:
    # plain 0.60 s: a 2.0× goal leaves 0.60 s above it; 0.40 s of parsing and 0.05 s of imports take 75 % of it
    ten_thousand = config([3.0, 3.3, 3.6], [0.6, 0.6, 0.6])
    ten_thousand.facts = 10000
    lines = bench.issue19_goals([ten_thousand], None, [], bench.Floor(compose=0.40, imports=0.05))
    cold = next(line for line in lines if line.startswith("- cold build"))
    assert "5.50× CPU" in cold and cold.endswith("**missed**")
    floor = lines[lines.index(cold) + 1]
    assert "0.60 s of CPU above plain's 0.60 s" in floor and "0.40 s" in floor and "0.05 s" in floor
    assert "0.45 s, 75% of it" in floor
    assert not any("what it leaves" in line for line in bench.issue19_goals([ten_thousand], None, []))


def test_site_is_served_gzip_compressed_like_a_static_host(tmp_path: Path) -> None:
    page = "<!doctype html><title>t</title>" + "words " * 500
    (tmp_path / "deployment").mkdir()
    (tmp_path / "deployment" / "index.html").write_text(page)
    with serve(tmp_path, ports()) as origin:
        request = urllib.request.Request(origin + "/deployment/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()).decode() == page
        with urllib.request.urlopen(origin + "/deployment/") as response:  # a client that takes no gzip
            assert response.headers["Content-Encoding"] is None and response.read().decode() == page
        with urllib.request.urlopen(origin + "/deployment") as response:  # the folder's URL, redirected
            assert response.url == origin + "/deployment/"
