"""Maps from data: the projection against published values, the editor's mistakes named with file,
line and field, and markers that move when their coordinates change in YAML."""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from conftest import FACTS, SOURCES
from mkdocs_explainer.data.catalog import build_catalog, link
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.pages import basemap, maps, shortcodes
from mkdocs_explainer.pages.projection import LambertConic
from mkdocs_explainer.pages.render import PageContext
from mkdocs_explainer.problems import ProblemsFound
from pages_helpers import check
from project import ROOT, copy_project

CLARKE_1866 = (6_378_206.4, 1 - math.sqrt(1 - 0.00676866))
"""Snyder's ellipsoid for the worked example: a = 6,378,206.4 m, e² = 0.00676866."""


# Snyder, Map Projections: A Working Manual (USGS PP 1395), numerical examples for the Lambert
# conformal conic, pp. 295-297: standard parallels 33° and 45° N, origin 23° N 96° W, point 35° N 75° W.
def test_snyder_sphere_example():
    cone = LambertConic(33, 45, 23, -96, a=1.0, flattening=0.0)
    x, y = cone.forward(35, -75)
    assert cone.n == pytest.approx(0.6304777, abs=1e-7)
    assert (x, y) == (pytest.approx(0.2966785, abs=1e-7), pytest.approx(0.2462112, abs=1e-7))
    assert cone.scale_factor(35) == pytest.approx(0.9970040, abs=1e-7)


def test_snyder_ellipsoid_example():
    cone = LambertConic(33, 45, 23, -96, *CLARKE_1866)
    x, y = cone.forward(35, -75)
    assert cone.n == pytest.approx(0.6304965, abs=1e-6)
    assert (x, y) == (pytest.approx(1_894_410.9, abs=0.1), pytest.approx(1_564_649.5, abs=0.1))
    assert cone.scale_factor(35) == pytest.approx(0.9970171, abs=1e-7)


def test_a_region_gets_standard_parallels_a_sixth_inside_its_edges_and_its_middle_meridian():
    """Snyder p. 105's rule of thumb, worked by hand: 30°–60° N gives parallels 35° and 55°."""
    cone = LambertConic.for_region(south=30, north=60, west=20, east=40)
    assert (cone.parallel_1, cone.parallel_2, cone.origin_lat, cone.central_lon) == (35, 55, 30, 30)
    south = LambertConic.for_region(south=-60, north=-30, west=-10, east=10)
    assert (south.parallel_1, south.parallel_2, south.origin_lat, south.central_lon) == (-55, -35, -60, 0)


def test_a_point_past_the_antimeridian_is_drawn_the_short_way_round():
    cone = LambertConic(35, 55, 30, 170)
    # 200° east of the central meridian is 160° west of it
    assert cone.forward(45, 10) == pytest.approx(cone.forward(45, 370))
    east, west = cone.forward(45, 170 + 200), cone.forward(45, 170 - 160)
    assert east == pytest.approx(west)


def test_a_cone_needs_two_different_parallels():
    with pytest.raises(ValueError, match="give two different standard parallels"):
        LambertConic(40, 40, 30, 0)


def test_the_cones_apex_is_its_pole():
    north = LambertConic(35, 55, 0, 0)
    x, y = north.forward(90, 25)  # every meridian meets there
    assert math.hypot(x, y) > 0  # the apex is not the map's origin
    assert north.inverse(x, y) == (90.0, 0.0)
    south = LambertConic(-55, -35, 0, 0)
    assert south.inverse(*south.forward(-90, 25))[0] == pytest.approx(-90.0)


def test_scale_is_true_on_the_standard_parallels_and_north_is_up_on_the_central_meridian():
    cone = LambertConic.for_region(south=40, north=58, west=30, east=140)
    assert cone.scale_factor(cone.parallel_1) == pytest.approx(1, abs=1e-12)
    assert cone.scale_factor(cone.parallel_2) == pytest.approx(1, abs=1e-12)
    (x1, y1), (x2, y2) = cone.forward(45, 85), cone.forward(55, 85)
    assert x1 == pytest.approx(0, abs=1e-6) and x2 == pytest.approx(0, abs=1e-6) and y2 > y1


def test_a_ring_is_cut_to_the_frame():
    square = [(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0)]
    clipped = maps.clip_ring(square, 0, 0, 10, 10)
    assert sorted(set(clipped)) == [(0.0, 0.0), (0.0, 5.0), (5.0, 0.0), (5.0, 5.0)]
    assert maps.clip_ring(square, 20, 20, 30, 30) == []


# --- the editor's mistakes -------------------------------------------------------------------------

PLACES = """\
places:
  - id: najin
    name: Najin
    lat: 42.34
    lon: 130.39
    kind: port
    what: Loading port.
    sources:
      - source: ap-report
        excerpt: "42°20′24″N 130°23′23″E"
  - id: dunay
    name: Dunay
    lat: 42.88
    lon: 132.338
    kind: port
    what: Port of arrival.
    sources:
      - source: ap-report
        excerpt: "42°52′49″N 132°20′15″E"
routes:
  - id: shipments
    title: Shipments
    places: [najin, dunay]
    modes: [ship]
    start: 2023-09-07
    end: 2023-10-01
    claimant: us-gov
    status: reported
    sources: [ap-report]
maps:
  - id: far-east
    title: The Far East
    caption: Ports.
    region: {west: 120, east: 140, south: 35, north: 50}
    routes: [shipments]
"""


def messages(places: str) -> list[str]:
    files = {"data/sources.yml": SOURCES, "data/facts.yml": FACTS, "data/places.yml": places}
    try:
        link([check_file(name, text.encode()) for name, text in files.items()])
    except ProblemsFound as error:
        return [str(problem) for problem in error.problems]
    return []


def test_the_example_is_valid():
    assert messages(PLACES) == []


def test_out_of_range_latitude():
    assert messages(PLACES.replace("lat: 42.34", "lat: 142.34")) == [
        "data/places.yml:4: places[0].lat (najin): Input should be less than or equal to 90"]


def test_swapped_latitude_and_longitude_are_noticed():
    text = PLACES.replace("lat: 42.88\n    lon: 132.338", "lat: 132.338\n    lon: 42.88")
    assert messages(text) == [
        "data/places.yml:13: places[1].lat (dunay): Input should be less than or equal to 90"]
    # Swapped and still valid numbers (Kursk, 51.7° N 36.2° E, typed the wrong way round): only the map's region can tell.
    text = PLACES.replace("lat: 42.34\n    lon: 130.39", "lat: 36.2\n    lon: 51.7").replace(
        "region: {west: 120, east: 140, south: 35, north: 50}", "region: {west: 30, east: 140, south: 40, north: 58}")
    found = messages(text)
    assert ("data/places.yml:4: places[0].lat (najin): lat 36.2, lon 51.7 is outside the map 'far-east' "
            "(lat 40 to 58, lon 30 to 140). Latitude and longitude look swapped.") in found
    # and where the excerpt gives the position, it says so too
    assert [m for m in found if "is not where the excerpt puts it" in m] == [
        "data/places.yml:4: places[0].lat (najin): 36.2 is not where the excerpt puts it (42.3400, from "
        "“42°20′24″N 130°23′23″E”); check the latitude",
        "data/places.yml:5: places[0].lon (najin): 51.7 is not where the excerpt puts it (130.3897, from "
        "“42°20′24″N 130°23′23″E”); check the longitude"]


def test_unknown_place_in_a_route():
    assert messages(PLACES.replace("places: [najin, dunay]", "places: [najin, dunai]")) == [
        "data/places.yml:23: routes[0].places[1]: no place has the id 'dunai'. Did you mean 'dunay'?"]


def test_a_route_needs_two_places():
    [message] = messages(PLACES.replace("places: [najin, dunay]", "places: [najin]"))
    assert message.startswith("data/places.yml:23: routes[0].places (shipments): List should have at least 2 items")


def test_one_mode_per_leg():
    assert messages(PLACES.replace("modes: [ship]", "modes: [ship, rail]")) == [
        "data/places.yml:21: routes[0] (shipments): give one mode per leg: 2 places make 1 leg, but 2 modes are given"]


def test_a_place_needs_an_excerpt():
    text = PLACES.replace('      - source: ap-report\n        excerpt: "42°20′24″N 130°23′23″E"', "      - ap-report")
    assert messages(text) == [
        "data/places.yml:2: places[0] (najin): give at least one source as {source: id, excerpt: \"the source's words\"}"]


def test_an_approximate_place_says_why():
    text = PLACES.replace("    kind: port\n    what: Loading port.", "    kind: port\n    approximate: true\n    what: Loading port.")
    [message] = messages(text)
    assert message == "data/places.yml:2: places[0] (najin): an approximate place needs `radius_km` and `why_approximate`"


# --- drawing from data ---------------------------------------------------------------------------

def draw(project: Path, map_id: str) -> tuple[str, maps.Frame]:
    catalog = build_catalog(project / "data", project)
    context = PageContext(catalog, links={"places": "../places/"}, basemap=project / "data" / "basemap.json")
    return shortcodes.KINDS["map"].render(context, map_id), maps.Frame.fit(catalog["maps"][map_id]["region"])


def marker_at(html: str, x: float, y: float) -> bool:
    """A port's square marker centred on (x, y), within rounding."""
    for left, top in re.findall(r'<rect class="fx-map__marker" x="([\d.]+)" y="([\d.]+)"', html):
        if abs(float(left) + 5 - x) < 0.2 and abs(float(top) + 5 - y) < 0.2:
            return True
    return False


def test_moving_a_place_in_yaml_moves_its_marker(tmp_path):
    project = copy_project(tmp_path / "project")
    html, frame = draw(project, "munitions-map")
    assert marker_at(html, *frame.point(42.880, 132.338))  # Dunay, where data/places.yml puts it
    places = project / "data" / "places.yml"
    moved = places.read_text(encoding="utf-8").replace("lat: 42.880\n    lon: 132.338", "lat: 47.5\n    lon: 120.0")
    places.write_text(moved.replace("42°52′49″N 132°20′15″E", "47°30′N 120°00′E"), encoding="utf-8")  # the source's words too
    html, frame = draw(project, "munitions-map")
    assert marker_at(html, *frame.point(47.5, 120.0))
    assert not marker_at(html, *frame.point(42.880, 132.338))
    assert "Dunay (port, 47.5° N, 120° E)" in html  # the text alternative moved too


@pytest.mark.parametrize("map_id", ["deployment-map", "munitions-map", "icbm-map"])
def test_maps_name_every_place_and_route_in_words_and_list_them_with_links(map_id):
    html, _ = draw(ROOT, map_id)
    catalog = build_catalog(ROOT / "data", ROOT)
    spec = catalog["maps"][map_id]
    desc = unescape(re.search(r"<desc [^>]*>(.*?)</desc>", html, re.S).group(1))
    listing = html[html.index('<ul class="fx-map__list"'):]
    assert 'role="img"' in html and "<title id=" in html and "<figcaption>" in html
    for place_id in maps.map_place_ids(catalog, spec):
        place = catalog["places"][place_id]
        assert place["name"] in desc
        assert f'href="../places/#{place_id}"' in listing
    for route_id in spec["routes"]:
        assert catalog["routes"][route_id]["title"] in desc
        assert f'href="../places/#{route_id}"' in listing


@pytest.mark.parametrize("map_id", ["deployment-map", "munitions-map", "icbm-map"])
def test_labels_do_not_collide_and_stay_inside(map_id):
    catalog = build_catalog(ROOT / "data", ROOT)
    drawn = maps.layout(catalog, catalog["maps"][map_id], maps.read_basemap(ROOT / "data" / "basemap.json"))
    boxes = [label.box for label in drawn.labels]
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if maps.overlaps(a, b)]
    assert all(b[0] >= 0 and b[2] <= drawn.width and b[1] >= 0 and b[3] <= drawn.height for b in boxes)
    named = {label.text for label in drawn.labels if label.kind == "place"}
    assert named == {m.place["name"] for m in drawn.markers}, "every place is named on the drawing"


def test_an_approximate_place_is_drawn_as_an_area_of_its_radius():
    catalog = build_catalog(ROOT / "data", ROOT)
    drawn = maps.layout(catalog, catalog["maps"]["icbm-map"], maps.read_basemap(ROOT / "data" / "basemap.json"))
    frame = maps.Frame.fit(catalog["maps"]["icbm-map"]["region"])
    [splash] = [m for m in drawn.markers if m.place["id"] == "splashdown-area"]
    assert splash.radius == pytest.approx(50 * frame.units_per_km(splash.place["lat"]), abs=0.1)
    html, _ = draw(ROOT, "icbm-map")
    assert f'<circle class="fx-map__area" cx="{splash.x}" cy="{splash.y}" r="{splash.radius}"/>' in html


def test_a_map_on_a_page_checks_its_id():
    catalog = build_catalog(ROOT / "data", ROOT)
    problems, _ = check("Text\n\n<!-- map:munitions-mao -->\n", catalog)
    assert [str(p) for p in problems] == [
        "docs/x.md:3: <!-- map:munitions-mao -->: unknown map 'munitions-mao'. Did you mean 'munitions-map'?"]


WORLD_ATLAS = ROOT / "node_modules" / "world-atlas" / "countries-50m.json"


@pytest.mark.skipif(not WORLD_ATLAS.exists(), reason="npm's world-atlas is not installed (npm ci --ignore-scripts)")
def test_the_committed_basemap_is_what_the_script_makes(tmp_path):
    out = tmp_path / "basemap.json"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_basemap.py"), "--out", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == (ROOT / "data" / "basemap.json").read_bytes()
    assert "Natural Earth" in json.loads(out.read_text(encoding="utf-8"))["attribution"]


def test_a_map_past_the_outlines_is_refused(tmp_path):
    project = copy_project(tmp_path / "project")
    places = project / "data" / "places.yml"
    places.write_text(places.read_text(encoding="utf-8").replace("region: {west: 123, east: 146,", "region: {west: 123, east: 170,"),
                      encoding="utf-8")
    with pytest.raises(ProblemsFound) as error:
        draw(project, "icbm-map")
    assert str(error.value.problems[0]) == (
        "data/basemap.json: maps: icbm-map: the outlines cover only 25° to 150° east, 30° to 66° north; the map shows "
        "123° to 170° east, 35° to 46° north: widen the file's region, or delete it to draw on the world outlines that "
        "come with the package")


def test_places_and_the_items_tied_to_them_link_both_ways():
    catalog = build_catalog(ROOT / "data", ROOT)
    context = PageContext(catalog, fact_index_url="../facts/", links={"places": "../places/"})
    cards = shortcodes.KINDS["places"].render(context, "")
    dunay = cards[cards.index('<article class="fx-card fx-place" id="dunay">'):]
    dunay = dunay[:dunay.index("</article>")]
    assert 'href="../facts/#shipment-port"' in dunay  # the place's card links to the fact
    assert "<q>42°52′49″N 132°20′15″E</q>" in dunay  # with the source's own words for its position
    facts = shortcodes.KINDS["facts"].render(context, "")
    fact = facts[facts.index('<article class="fx-card" id="shipment-port">'):]
    fact = fact[:fact.index("</article>")]
    assert 'On the map: <a href="../places/#dunay">Dunay</a>' in fact  # and the fact's card links back


# --- the package's world outlines ------------------------------------------------------------------

@pytest.mark.skipif(not WORLD_ATLAS.exists(), reason="npm's world-atlas is not installed (npm ci --ignore-scripts)")
def test_the_packaged_world_outlines_are_what_the_script_makes(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_basemap
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert make_basemap.make_world(WORLD_ATLAS, 0.04) == basemap.PACKAGED.read_bytes()


def test_the_packaged_form_decodes_to_degrees_by_hand():
    """The package's compact form: each ring's first point, then steps from the one before, in hundredths of a
    degree. Worked by hand: 10.00°E 20.00°N, then 0.05° east and south, then back."""
    import gzip

    packed = {"scale": 100, "attribution": "Test outlines", "region": {"west": 0, "east": 30, "south": 0, "north": 40},
              "countries": [{"name": "Testland", "rings": [[1000, 2000, 5, -5, -5, 5], [-150, 30]]}]}
    plain = basemap.decode(gzip.compress(json.dumps(packed).encode("utf-8")))
    assert plain == {"attribution": "Test outlines", "region": packed["region"],
                     "countries": [{"name": "Testland", "rings": [[10.0, 20.0, 10.05, 19.95, 10.0, 20.0], [-1.5, 0.3]]}]}
    packed["countries"][0]["rings"] = [[1000, 2000, 5]]  # a longitude with no latitude: a damaged file
    with pytest.raises(ValueError):
        basemap.decode(gzip.compress(json.dumps(packed).encode("utf-8")))
    world = basemap.load(None)
    assert world.attribution == basemap.ATTRIBUTION and world.region == basemap.WORLD and not world.own
    assert world.outlines["attribution"].startswith("Country outlines: Natural Earth")


def test_without_its_own_outlines_a_site_draws_on_the_packaged_world(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "data" / "basemap.json").unlink()
    html, frame = draw(project, "icbm-map")
    region = build_catalog(ROOT / "data", ROOT)["maps"]["icbm-map"]["region"]
    world = dict(basemap.land(frame, region, basemap.load(None), None)[0])
    own = dict(basemap.land(frame, region, basemap.load(ROOT / "data" / "basemap.json"), None)[0])
    # The same source (Natural Earth 1:50m, thinned alike): the same countries, drawn almost alike.
    assert set(world) == set(own) and {"Japan", "North Korea", "South Korea"} <= set(world)
    assert all(abs(len(world[name]) - len(own[name])) <= 0.1 * len(own[name]) + 20 for name in own)
    assert "Natural Earth" in html and all(f'<path d="{d}"/>' in html for d in world.values())


def _frame_land(region):
    frame = maps.Frame.fit(region)
    return frame, dict(maps._land(frame, basemap.load(None).outlines)[0])


@pytest.mark.parametrize("region", [
    {"west": 150, "east": 180, "south": 50, "north": 72},     # Chukotka runs past 180°, where the data is cut
    {"west": 100, "east": 180, "south": -50, "north": 10},    # Fiji, and Antarctica round the pole
    {"west": -180, "east": 180, "south": -60, "north": 75},   # the whole world
])
def test_outlines_crossing_the_date_line_stay_in_one_piece(region):
    frame, land = _frame_land(region)
    assert land
    for name, d in land.items():
        # A ring drawn in two pieces would join them with an edge across the whole map.
        points = [tuple(map(float, p)) for p in re.findall(r"M(-?[\d.]+) (-?[\d.]+)", d)]
        assert all(-1 <= x <= frame.width + 1 and -1 <= y <= frame.height + 1 for x, y in points), name
    if region["west"] == 100:
        assert {"Australia", "New Zealand", "Fiji"} <= set(land)


def test_a_region_centred_on_the_equator_is_drawn():
    frame, land = _frame_land({"west": 33, "east": 42, "south": -5, "north": 5})
    assert {"Kenya", "Somalia", "Ethiopia"} <= set(land)
    assert 300 < frame.height < 500  # about as tall as wide, as the region is


def test_the_frame_reaches_past_the_region_at_its_corners():
    frame = maps.Frame.fit({"west": 25, "east": 150, "south": 30, "north": 66})
    south, north, west, east = frame.reach(margin=0)
    assert north > 66 and south < 30 and west <= -62.5 and east >= 62.5
    # the projection's inverse takes a point back where it came from
    x, y = frame.projection.forward(51.7, 36.2)
    lat, east_of_centre = frame.projection.inverse(x, y)
    assert lat == pytest.approx(51.7, abs=1e-9) and east_of_centre == pytest.approx(36.2 - 87.5, abs=1e-9)


def test_each_maps_outlines_are_kept_and_reused(tmp_path, monkeypatch):
    region = {"west": 120, "east": 140, "south": 35, "north": 50}
    frame = maps.Frame.fit(region)
    outlines = basemap.load(None)
    first = basemap.land(frame, region, outlines, tmp_path)
    assert len(list(tmp_path.iterdir())) == 1

    def no_drawing(*args):
        raise AssertionError("drawn again")

    monkeypatch.setattr(maps, "_land", no_drawing)
    assert basemap.land(frame, region, outlines, tmp_path) == first  # from the cache, exactly
    other = {**region, "east": 141}
    with pytest.raises(AssertionError, match="drawn again"):
        basemap.land(maps.Frame.fit(other), other, outlines, tmp_path)
    # A damaged entry is drawn again, not trusted.
    next(tmp_path.iterdir()).write_text("{", encoding="utf-8")
    with pytest.raises(AssertionError, match="drawn again"):
        basemap.land(frame, region, outlines, tmp_path)


def test_kept_outlines_belong_to_their_basemap_and_a_saved_basemap_is_read_again(tmp_path):
    """The cache key holds the basemap's bytes: another basemap with the same region is drawn, not served the first
    one's outlines. A site's basemap.json saved again (same size, or same time) is read again."""
    region = {"west": 120, "east": 140, "south": 35, "north": 50}
    frame = maps.Frame.fit(region)
    world = basemap.load(None)
    own_file = tmp_path / "basemap.json"
    plain = json.loads((ROOT / "data" / "basemap.json").read_text(encoding="utf-8"))
    own_file.write_text(json.dumps({**plain, "countries": [c for c in plain["countries"] if c["name"] == "Japan"]}),
                        encoding="utf-8")  # outlines of Japan only
    own = basemap.load(own_file)
    assert (world.name, own.name, basemap.load(own_file, "data/my-outlines.json").name) == (
        "the package's world outlines", "data/basemap.json", "data/my-outlines.json")
    drawn_world = basemap.land(frame, region, world, tmp_path / "cache")
    assert [name for name, _ in basemap.land(frame, region, own, tmp_path / "cache")[0]] == ["Japan"] != [
        name for name, _ in drawn_world[0]]
    assert len(list((tmp_path / "cache").iterdir())) == 2

    text = own_file.read_text(encoding="utf-8")
    attribution = json.loads(text)["attribution"]
    later = own_file.stat().st_mtime_ns + 10**9
    own_file.write_text(text.replace(attribution, attribution.swapcase()), encoding="utf-8")  # the same size
    os.utime(own_file, ns=(later, later))
    assert basemap.load(own_file).attribution == attribution.swapcase()
    own_file.write_text(text.replace(attribution, "Other outlines"), encoding="utf-8")  # the same time
    os.utime(own_file, ns=(later, later))
    assert basemap.load(own_file).attribution == "Other outlines"


@pytest.mark.parametrize(("region", "message"), [
    ("{west: 130, east: 130.001, south: 35, north: 50}", "the region is too small to draw"),
    ("{west: 120, east: 140, south: 35, north: 35.000001}", "the region is too small to draw"),
    ("{west: 140, east: 120, south: 35, north: 50}", "west must be less than east"),
])
def test_a_degenerate_region_is_named_with_file_line_and_field(region, message):
    [problem] = messages(PLACES.replace("region: {west: 120, east: 140, south: 35, north: 50}", f"region: {region}"))
    assert problem.startswith("data/places.yml:34: maps[0].region (far-east): " + message)


def test_only_the_newest_kept_outlines_stay(tmp_path, monkeypatch):
    import os

    monkeypatch.setattr(basemap, "KEEP", 2)
    outlines = basemap.load(ROOT / "data" / "basemap.json")
    regions = [{"west": 120, "east": east, "south": 35, "north": 50} for east in range(140, 146)]
    for number, region in enumerate(regions):
        basemap.land(maps.Frame.fit(region), region, outlines, tmp_path)
        for entry in tmp_path.iterdir():  # file times one second apart, oldest first
            if entry.stat().st_mtime > 1_000_000 + number:
                os.utime(entry, (1_000_000 + number, 1_000_000 + number))
    assert len(list(tmp_path.iterdir())) == 2
    drawn = []
    monkeypatch.setattr(maps, "_land", lambda frame, plain: drawn.append(frame.width) or ([], []))
    monkeypatch.setattr(basemap, "_keep", lambda *args: None)
    for region in regions:
        before = len(drawn)
        basemap.land(maps.Frame.fit(region), region, outlines, tmp_path)
        assert (len(drawn) > before) == (region["east"] < 144), region  # the two newest are kept, by time


def test_a_cache_folder_that_cannot_be_tidied_still_keeps_the_new_entry(tmp_path):
    """A folder to make on the way, and an entry that cannot be read while tidying (a dangling link): the map is
    drawn and kept, and nothing is left half-written."""
    region = {"west": 120, "east": 140, "south": 35, "north": 50}
    cache = tmp_path / "deep" / "cache"
    basemap.land(maps.Frame.fit(region), region, basemap.load(None), cache)
    assert [entry.suffix for entry in cache.iterdir()] == [".json"]
    (cache / "broken.json").symlink_to(tmp_path / "nowhere.json")
    other = {**region, "east": 141}
    basemap.land(maps.Frame.fit(other), other, basemap.load(None), cache)
    assert sorted(entry.suffix for entry in cache.iterdir() if entry.exists()) == [".json", ".json"]
    assert not [entry for entry in cache.iterdir() if entry.name.startswith(".writing-")]


# --- coordinates follow the value rules; a record that contradicts itself is refused -------------------

@pytest.mark.parametrize(("old", "new", "expected"), [
    ("lat: 42.34", "lat: 042",
     "data/places.yml:4: places[0].lat (najin): `042` is not a plain decimal number (YAML reads it as the number 34)"),
    ("lat: 42.34", "lat: 4_2.34",
     "data/places.yml:4: places[0].lat (najin): `4_2.34` is not a plain decimal number (YAML reads it as the number 42.34)"),
    ("lon: 130.39", "lon: 1:10",
     "data/places.yml:5: places[0].lon (najin): `1:10` is not a plain decimal number (YAML reads it as the number 70)"),
    ("lon: 130.39", 'lon: "130.39"', "data/places.yml:5: places[0].lon (najin): '130.39' is text here; a coordinate is a number"),
    ("lon: 130.39", "lon: .inf", "data/places.yml:5: places[0].lon (najin): `.inf` is not a plain decimal number"),
    ("lon: 130.39", "lon: yes", "data/places.yml:5: places[0].lon (najin): `yes` is read by YAML as true"),
    ("west: 120,", "west: 0x78,", "data/places.yml:34: maps[0].region.west (far-east): `0x78` is not a plain decimal number"),
])
def test_coordinates_follow_the_value_rules(old, new, expected):
    [message] = messages(PLACES.replace(old, new))
    assert message.startswith(expected), message


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("places: [najin, dunay]\n    modes: [ship]", "places: [najin, dunay, dunay]\n    modes: [ship, rail]",
     "data/places.yml:23: routes[0].places (shipments): 'dunay' is listed twice in a row: a leg from a place to itself goes nowhere"),
    ("routes: [shipments]", "routes: [shipments]\n    places: [najin, dunay, najin]",
     "data/places.yml:36: maps[0].places (far-east): 'najin' is listed more than once; list each once"),
    ("routes: [shipments]", "routes: [shipments, shipments]",
     "data/places.yml:35: maps[0].routes (far-east): 'shipments' is listed more than once; list each once"),
    ("    sources: [ap-report]\nmaps:", "    sources: [ap-report, ap-report]\nmaps:",
     "data/places.yml:29: routes[0].sources (shipments): 'ap-report' is listed more than once; list each once"),
    ("    name: Najin\n", "    name: Najin\n    spellings: [Rajin, Najin]\n",
     "data/places.yml:4: places[0].spellings (najin): 'Najin' is listed more than once; list each once"),
    ("    what: Port of arrival.\n", "    what: Port of arrival.\n    items: [troops-near-kursk, troops-near-kursk]\n",
     "data/places.yml:17: places[1].items (dunay): 'troops-near-kursk' is listed more than once; list each once"),
    ("    kind: port\n    what: Loading port.", "    kind: port\n    approximate: true\n    radius_km: 0\n"
     "    why_approximate: The record names the county.\n    what: Loading port.",
     "data/places.yml:8: places[0].radius_km (najin): Input should be greater than 0"),
])
def test_a_record_that_contradicts_itself_is_refused(old, new, expected):
    assert old in PLACES
    assert messages(PLACES.replace(old, new)) == [expected]


def test_a_round_trip_is_not_a_repeat():
    text = PLACES.replace("places: [najin, dunay]\n    modes: [ship]", "places: [najin, dunay, najin]\n    modes: [ship, ship]")
    assert messages(text) == []


def test_coordinates_are_shown_with_every_digit_written():
    place = {"lat": 42.34567, "lon": -0.00001, "approximate": False}
    assert maps.position(place) == "42.34567° N, 0.00001° W"
    assert maps.position({"lat": -45, "lon": 131.96712, "approximate": True, "radius_km": 2.5}) == \
        "an area of about 2.5 km around 45° S, 131.96712° E"


def test_a_routes_claimant_is_checked():
    assert messages(PLACES.replace("claimant: us-gov", "claimant: us-gvo")) == [
        "data/places.yml:27: routes[0].claimant: no claimant has the id 'us-gvo'. Did you mean 'us-gov'?"]


@pytest.mark.parametrize("map_id", ["deployment-map", "munitions-map", "icbm-map"])
def test_east_is_right_and_north_is_up_on_every_map(map_id):
    """Geography as the oracle: of any two markers, the one further east is further right, and (within a few
    degrees of longitude, where a conic's meridians lean little) the one further north is higher."""
    catalog = build_catalog(ROOT / "data", ROOT)
    drawn = maps.layout(catalog, catalog["maps"][map_id], maps.read_basemap(ROOT / "data" / "basemap.json"))
    markers = drawn.markers
    pairs = [(a, b) for a in markers for b in markers if a.place["lon"] < b.place["lon"] - 0.5]
    assert pairs, "the map needs two places to compare"
    for a, b in pairs:
        if abs(a.place["lat"] - b.place["lat"]) < 3:
            assert a.x < b.x, f"{a.place['id']} is west of {b.place['id']} but drawn to its right"
    for a, b in [(a, b) for a in markers for b in markers if a.place["lat"] < b.place["lat"] - 0.5]:
        if abs(a.place["lon"] - b.place["lon"]) < 3:
            assert a.y > b.y, f"{a.place['id']} is south of {b.place['id']} but drawn above it"


def test_places_on_the_edges_of_a_map_s_region_are_inside_it():
    # najin sits on the south-west corner, dunay on the north-east one
    edges = PLACES.replace("region: {west: 120, east: 140, south: 35, north: 50}",
                           "region: {west: 130.39, east: 132.338, south: 42.34, north: 42.88}")
    assert messages(edges) == []


def test_a_point_given_in_degrees_east_of_the_centre_falls_where_its_longitude_does():
    frame = maps.Frame.fit({"west": 25, "east": 150, "south": 30, "north": 66})  # its left edge is west of x = 0
    assert frame.min_x < 0
    for lat, lon in [(51.7, 36.2), (40.0, 140.0), (89.9, 87.5), (35.0, 25.0)]:
        east = lon - frame.projection.central_lon
        assert frame.projection_point(lat, east) == pytest.approx(frame.point(lat, lon), abs=1e-9)


def _marker(x: float, y: float, radius: float = 0) -> maps.Marker:
    return maps.Marker(place={}, x=x, y=y, radius=radius, number=1)


def test_a_route_leg_runs_from_edge_to_edge_of_its_markers_worked_by_hand():
    # A 3-4-5 triangle: the leg is 50 units long, so each gap moves 3/5 of it across and 4/5 of it down.
    # Point markers: 5 units of marker, then 2 clear at the start and 4 at the end (room for the arrowhead).
    assert maps._trim(_marker(0, 0), _marker(30, 40)) == ((4.2, 5.6), (24.6, 32.8))
    # Areas: their radius instead of the point marker's 5 (3 + 2 = 5 at the start; 11 + 4 = 15 at the end).
    assert maps._trim(_marker(0, 0, 3), _marker(30, 40, 11)) == ((3.0, 4.0), (21.0, 28.0))
    # Not a right triangle: the leg is √58 = 7.6158 long; 7 and 9 units in, rounded to a tenth. (The markers are so
    # close that the trimmed leg points back: it is not drawn then, but the arithmetic is the same.)
    assert maps._trim(_marker(0, 0), _marker(7, 3)) == ((6.4, 2.8), (-1.3, -0.5))
    # Two markers in one place: no direction to go, and no division by zero.
    assert maps._trim(_marker(10, 10), _marker(10, 10)) == ((10.0, 10.0), (10.0, 10.0))


def test_a_place_on_the_equator_and_the_prime_meridian_is_north_and_east():
    assert maps.position({"lat": 0, "lon": 0, "approximate": False}) == "0° N, 0° E"
    assert maps.position({"lat": -33.9, "lon": -18.4, "approximate": False}) == "33.9° S, 18.4° W"


@pytest.mark.parametrize("map_id", ["munitions-map", "icbm-map"])
def test_a_maps_words_list_its_places_then_each_route_with_who_says_so(map_id):
    catalog = build_catalog(ROOT / "data", ROOT)
    spec = catalog["maps"][map_id]
    text = maps.describe(catalog, maps.layout(catalog, spec, maps.read_basemap(ROOT / "data" / "basemap.json")))
    assert ". Places: " in text
    assert spec["routes"]
    for route_id in spec["routes"]:
        route = catalog["routes"][route_id]
        who = catalog.claimant_of(route)["name"]
        assert re.search(rf"\. Route: {re.escape(route['title'])}: [^;]+; [^;]+; according to {re.escape(who)} \(\w+", text)


def test_a_broken_basemap_is_named_by_its_own_folder_and_file(tmp_path):
    catalog = build_catalog(ROOT / "data", ROOT)
    broken = tmp_path / "geo" / "coasts.json"
    broken.parent.mkdir()
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(ProblemsFound) as error:
        shortcodes.KINDS["map"].render(PageContext(catalog, basemap=broken), "icbm-map")
    assert str(error.value.problems[0]).startswith("geo/coasts.json: the map outlines cannot be read (")


def test_a_drawn_map_keeps_its_outlines_in_the_build_cache(tmp_path):
    catalog = build_catalog(ROOT / "data", ROOT)
    context = PageContext(catalog, basemap=ROOT / "data" / "basemap.json", cache_dir=tmp_path / "maps")
    html = shortcodes.KINDS["map"].render(context, "icbm-map")
    assert len(list((tmp_path / "maps").iterdir())) == 1
    assert shortcodes.KINDS["map"].render(context, "icbm-map") == html


def test_a_routes_dates_on_the_map_are_cldrs_short_forms():
    # en: a thin space each side of the dash; one year where both dates share it
    assert maps.short_dates("2023-09-07", "2023-10-01") == "7 Sept\u2009–\u20091 Oct 2023"
    assert maps.short_dates("2023-12-30", "2024-01-02") == "30 Dec 2023\u2009–\u20092 Jan 2024"
    assert maps.short_dates("2024-10-31", "2024-10-31") == "31 Oct 2024"


# --- the drawing's pieces, worked by hand ----------------------------------------------------------------------

def test_a_labels_box_is_its_estimated_width_from_its_anchor():
    # "Ab": 2 ems of a 10-unit font at 0.62 of the size each = 12.4 wide; 0.8 of the size above the baseline, 0.25 below
    assert maps.text_box("Ab", 100, 50, "start", 10) == (100, 42.0, 112.4, 52.5)
    assert maps.text_box("Ab", 100, 50, "middle", 10) == pytest.approx((93.8, 42.0, 106.2, 52.5))
    assert maps.text_box("Ab", 100, 50, "end", 10) == pytest.approx((87.6, 42.0, 100, 52.5))
    # capitals are wider: 0.68 of the size (country names)
    assert maps.text_box("AB", 100, 50, "middle", 10) == pytest.approx((93.2, 42.0, 106.8, 52.5))


def test_a_box_is_within_another_up_to_and_including_its_edges():
    inside = (2, 5, 100, 90)
    assert maps._within((3, 6, 50, 50), inside) and maps._within((2, 5, 100, 90), inside)
    for outside in [(1.9, 6, 50, 50), (3, 4.9, 50, 50), (3, 6, 100.1, 50), (3, 6, 50, 90.1), (4, 4, 50, 50)]:
        assert not maps._within(outside, inside), outside


def test_path_data_moves_relatively_in_tenths_and_drops_points_too_close_to_see():
    assert maps.path_data([(0, 0), (10, 5), (12, 9)], False) == "M0 0l10 5 2 4"
    assert maps.path_data([(3.04, 7.96), (13.04, 2.96)], True) == "M3 8l10 -5z"
    assert maps.path_data([(0, 0), (0.5, 0.5), (10, 5)], False) == "M0 0l10 5"  # 0.5 + 0.5 < 1.2 units: dropped


def _absolute(path: str) -> list[tuple[int, int]]:
    """A path's points in tenths of a unit, from its relative moves (exact: path_data rounds before it subtracts)."""
    numbers = [round(float(n) * 10) for n in re.findall(r"-?[\d.]+", path)]
    points = [(numbers[0], numbers[1])]
    for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
        points.append((points[-1][0] + dx, points[-1][1] + dy))
    return points


def test_the_grid_has_a_line_every_ten_degrees_inside_the_region_each_reaching_five_degrees_past_it():
    region = {"west": 20, "east": 49.5, "south": 30, "north": 50}
    frame = maps.Frame.fit(region)
    lines = maps._graticule(frame, region)
    # parallels at 30, 40 and 50 (the north edge itself), meridians at 20, 30 and 40 (50 is past the east edge)
    assert len(lines) == 6 and not any(line.endswith("z") for line in lines)
    tenths = lambda lat, lon: tuple(round(c * 10) for c in frame.point(lat, lon))  # noqa: E731
    for line, lat in zip(lines[:3], (30, 40, 50), strict=True):
        points = _absolute(line)
        assert len(points) == 49  # curved: 48 steps from 15° to 54.5° east
        assert points[0] == tenths(lat, 15) and points[-1] == tenths(lat, 54.5)
    for line, lon in zip(lines[3:], (20, 30, 40), strict=True):
        assert _absolute(line) == [tenths(25, lon), tenths(55, lon)]  # straight on a conic map


def test_the_scale_bar_is_a_round_distance_true_at_the_regions_middle_latitude():
    region = {"west": 123, "east": 146, "south": 35, "north": 46}
    frame = maps.Frame.fit(region)
    bar = maps._scale_bar(frame, region)
    assert bar.lat == 40.5
    assert bar.km in (50, 100, 200, 250, 500, 1000, 2000)
    assert bar.length == round(bar.km * frame.units_per_km(40.5), 1)
    assert frame.width / 10 < bar.length <= frame.width / 5 * 1.01  # about a fifth of the map, never more


def test_a_point_drawn_unturned_is_exactly_where_point_puts_it_and_a_turn_goes_once_round_the_globe():
    frame = maps.Frame.fit({"west": 20, "east": 49.5, "south": 30, "north": 50})
    centre = frame.projection.central_lon
    for i in range(200):
        lon = 20 + i * 0.173
        assert frame.point_from_centre(41.3, lon) == frame.point(41.3, lon)  # to the last bit
    assert frame.point_from_centre(41.3, centre + 180) == frame.projection_point(41.3, 180.0)  # not wrapped to -180
    assert frame.point_from_centre(41.3, 30.0, turn=360) == frame.projection_point(41.3, 30.0 - centre + 360)


def test_markers_are_numbered_from_one_and_countries_are_named_in_capitals():
    catalog = build_catalog(ROOT / "data", ROOT)
    drawn = maps.layout(catalog, catalog["maps"]["deployment-map"], maps.read_basemap(ROOT / "data" / "basemap.json"))
    assert [m.number for m in drawn.markers] == list(range(1, len(drawn.markers) + 1))
    countries = [label.text for label in drawn.labels if label.kind == "country"]
    assert countries and all(text == text.upper() and text for text in countries)


def test_a_routes_dates_go_on_its_longest_leg_and_every_label_sits_where_its_box_says():
    catalog = build_catalog(ROOT / "data", ROOT)
    for map_id in ("munitions-map", "icbm-map"):
        spec = catalog["maps"][map_id]
        drawn = maps.layout(catalog, spec, maps.read_basemap(ROOT / "data" / "basemap.json"))
        for route_id in spec["routes"]:
            route = catalog["routes"][route_id]
            legs = [leg for leg in drawn.legs if leg.route["id"] == route_id]
            longest = max(legs, key=lambda leg: math.dist(leg.start, leg.end))
            dated = [label for label in drawn.labels if label.kind == "leg" and label.text.endswith(
                ", " + maps.short_dates(route["start"], route["end"]))]
            assert [label.text for label in dated] == [f"by {maps.travel_mode(longest.mode)}, "
                                                       f"{maps.short_dates(route['start'], route['end'])}"]
        for label in drawn.labels:
            size = {"place": maps.FONT, "leg": maps.LEG_FONT, "country": maps.COUNTRY_FONT}[label.kind]
            box = maps.text_box(label.text, label.x, label.y, label.anchor, size)
            assert box == pytest.approx(label.box, abs=0.06), label  # x and y are rounded to a tenth


def test_a_ring_is_cut_edge_by_edge_worked_by_hand():
    # Sutherland-Hodgman against x >= 0, x <= 10, y >= 0, y <= 10 in turn, each pass starting from the last point:
    # the right edge cuts (20, 0)-(0, 20) at (10, 10); the bottom edge then cuts (0, 20)-(0, 0) at (0, 10), keeps
    # (10, 10), which lies on it, and cuts (10, 10)-(0, 20) at (10, 10) again.
    assert maps.clip_ring([(0, 0), (20, 0), (0, 20)], 0, 0, 10, 10) == [(0, 10), (0, 0), (10, 0), (10, 10), (10, 10)]
    assert maps.clip_ring([(0, 0), (10, 0), (10, 10), (0, 10)], 0, 0, 10, 10) == [(0, 0), (10, 0), (10, 10), (0, 10)]


def test_an_outlines_area_and_centre_of_mass_worked_by_hand():
    assert maps._area([(0, 0), (10, 0), (10, 10), (0, 10)]) == 100
    assert maps._area([(0, 0), (0, 3), (4, 0)]) == 6  # either way round
    assert maps._centroid([(0, 0), (10, 0), (10, 10), (0, 10)]) == pytest.approx((5, 5))
    assert maps._centroid([(0, 0), (6, 0), (0, 3)]) == pytest.approx((2, 1))  # a third of the way from the right angle
    # crowded points along one coast do not pull the centre their way (the mean of the corners would)
    assert maps._centroid([(0, 0), (1, 0), (2, 0), (3, 0), (10, 0), (10, 10), (0, 10)]) == pytest.approx((5, 5))


def test_a_ring_is_turned_to_stay_in_one_piece_near_the_maps_centre():
    # Near the centre: drawn where it is.
    assert maps._ring_turns([10, 20, 20, 10], [40, 40, 50, 50], 15) == ([0, 0, 0, 0], 0.0)
    # Across the ±180° seam, the map centred on 0°: the points east of the seam go round once, then the whole ring
    # once back, to lie within 180° of the centre (from 190° to 170° west, not 170° to 190° east).
    assert maps._ring_turns([170, -170, -170, 170], [60, 60, 70, 70], 0) == ([-360, 0, 0, -360], 0.0)
    # Round the south pole (its steps add up to a full turn): closed along the parallel beside the pole.
    assert maps._ring_turns([-150, -90, -30, 30, 90, 150], [-70] * 6, 0) == ([0] * 6, -maps.POLE_LAT)
    assert maps._ring_turns([150, 90, 30, -30, -90, -150], [70] * 6, 0) == ([0] * 6, maps.POLE_LAT)


def test_a_frame_fits_the_region_in_its_width_with_padding_and_a_height_in_tenths():
    region = {"west": 123, "east": 146, "south": 35, "north": 46}
    frame = maps.Frame.fit(region)
    edge = [frame.point(lat, lon) for lat in (35, 40.5, 46) for lon in (123, 134.5, 146)]
    xs, ys = [p[0] for p in edge], [p[1] for p in edge]
    assert min(xs) == pytest.approx(maps.PADDING) and max(xs) == pytest.approx(frame.width - maps.PADDING)
    assert min(ys) == pytest.approx(maps.PADDING)
    assert max(ys) == pytest.approx(frame.height - maps.PADDING, abs=0.05)
    assert round(frame.height * 10) == pytest.approx(frame.height * 10, abs=1e-9)  # one decimal


def test_the_frames_reach_is_the_latitudes_its_edges_show_or_every_longitude_round_a_pole_on_the_map():
    frame = maps.Frame.fit({"west": 25, "east": 150, "south": 30, "north": 66})
    south = frame.reach(margin=0)[0]
    right, bottom = frame.min_x + frame.width / frame.scale, frame.max_y - frame.height / frame.scale
    bottom_edge = [frame.projection.inverse(frame.min_x + (right - frame.min_x) * i / 64, bottom)[0] for i in range(65)]
    left_edge = [frame.projection.inverse(frame.min_x, bottom + (frame.max_y - bottom) * i / 64)[0] for i in range(65)]
    assert south == pytest.approx(min(bottom_edge + left_edge), abs=1e-9)  # the lowest latitude the drawing shows
    # A pole on the map: every longitude, and from the pole to a little past the farthest corner
    north_cap = maps.Frame.fit({"west": -180, "east": 180, "south": 60, "north": 89}).reach(margin=2)
    assert north_cap[1:] == (90.0, -540.0, 540.0) and 40 < north_cap[0] < 60
    south_cap = maps.Frame.fit({"west": -180, "east": 180, "south": -89, "north": -60}).reach(margin=2)
    assert (south_cap[0], *south_cap[2:]) == (-90.0, -540.0, 540.0) and -60 < south_cap[1] < -40


def test_a_map_round_the_south_pole_draws_the_land_there():
    assert "Antarctica" in _frame_land({"west": -180, "east": 180, "south": -89, "north": -60})[1]
