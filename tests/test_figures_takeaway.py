"""Every chart and map offers its data (CSV), its drawing (SVG) and an embeddable page: the CSV holds exactly
what the figure's table or list shows, the SVG is a file of its own, and the embed page is light and local."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from hypothesis import example, given
from mkdocs_explainer.data.catalog import build_catalog
from mkdocs_explainer.pages import figures
from mkdocs_explainer.siteinfo import SiteInfo
from outputs_helpers import ROOT, SITE_URL, build, copy_project
from test_properties import TEXT

SVG = "{http://www.w3.org/2000/svg}"


class Elements(HTMLParser):
    """Every element with its attributes and text, and the text inside each table row and list item."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.rows: list[tuple[dict[str, str], list[str]]] = []
        self.textareas: list[str] = []
        self._cells: list[str] | None = None
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.elements.append((tag, a))
        if tag == "tr":
            self.rows.append((a, []))
        if tag in ("th", "td") and self.rows:
            self.rows[-1][1].append("")
        if tag == "textarea":
            self.textareas.append("")
        self._in.append(tag)

    def handle_endtag(self, tag):
        if tag in self._in:
            while self._in and self._in.pop() != tag:
                pass

    def handle_data(self, data):
        if "textarea" in self._in:
            self.textareas[-1] += data
        elif any(t in ("th", "td") for t in self._in) and self.rows and self.rows[-1][1]:
            self.rows[-1][1][-1] += data


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("figures") / "project")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def figures_in(site: Path) -> dict[str, Path]:
    """Each figure id with the page that shows it, found in the built pages."""
    found: dict[str, Path] = {}
    for page in sorted(site.rglob("index.html")):
        if "embed" in page.relative_to(site).parts:
            continue
        for tag, a in parse(page.read_text(encoding="utf-8")).elements:
            if tag == "figure" and a.get("class", "").split()[0] in ("fx-chart", "fx-map"):
                found.setdefault(a["id"], page)
    return found


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_every_chart_and_map_offers_its_data_image_and_embed(site):
    shown = figures_in(site)
    assert any(name.startswith("chart-") for name in shown) and any(name.startswith("map-") for name in shown)
    for name, page in shown.items():
        links = {a.get("href") for tag, a in parse(page.read_text(encoding="utf-8")).elements if tag == "a"}
        for target in (f"figures/{name}.csv", f"figures/{name}.svg", f"embed/{name}/"):
            [href] = [h for h in links if h and h.endswith(target)]
            assert (page.parent / href).resolve().exists(), (name, href)


def test_every_charts_csv_is_its_table(site):
    """The table under a chart, read from the page, and the chart's CSV: the same items, owners, figures
    and statuses, in the same order."""
    for name, page in figures_in(site).items():
        if not name.startswith("chart-"):
            continue
        html = page.read_text(encoding="utf-8")
        start = html.index(f'id="{name}"')
        table = parse(html[start:html.index("</table>", start)])
        shown = [(a["data-fact"], cells[0].strip(), cells[1].strip(), cells[3].strip())
                 for a, cells in table.rows if "data-fact" in a]
        rows = read_csv(site / "figures" / f"{name}.csv")
        assert [(r["id"], r["claimant"], r["value"]) for r in rows] == [s[:3] for s in shown], name
        assert all(r["status"] and r["status"] in status.lower() for r, (*_, status) in zip(rows, shown, strict=True)), name
        for row in rows:
            assert row["date"] and row["source_urls"].startswith("http") and row["permalink"].startswith(SITE_URL)
            assert float(row["value_low"]) <= float(row["value_high"])
        # The drawing has one bar per row.
        drawing = ElementTree.parse(site / "figures" / f"{name}.svg").getroot()
        bars = [e for e in drawing.iter(f"{SVG}rect") if "fx-chart__bar" in e.get("class", "")]
        assert len(bars) == len(rows), name


def test_each_row_says_what_its_record_in_the_data_says():
    """Every column of a chart's and a map's rows, read against the records themselves; a range plots both ends,
    a text or a quote nothing."""
    catalog = build_catalog(ROOT / "data", ROOT)
    site = SiteInfo("Site", "", "https://example.org/", "facts/")
    columns, rows = figures.figure_table(catalog, "chart", "nk-casualties", lambda *_: set(), site)
    assert columns == figures.ITEM_COLUMNS and [row["id"] for row in rows] == [
        fact["id"] for fact in catalog.group_members("nk-casualties")]
    for row in rows:
        fact = catalog.items[row["id"]]
        claimant = catalog["claimants"][fact["claimant"]]
        assert set(row) == set(columns)
        assert (row["claimant"], row["claimant_id"], row["date"], row["status"], row["unit"]) == (
            claimant["name"], claimant["id"], fact["date"], fact["status"], fact["unit"])
        assert (row["value_low"], row["value_high"]) == (fact["value"], fact["value"])
        assert f"{fact['value']:,}" in row["value"] and row["permalink"] == f"https://example.org/facts/#{fact['id']}"
    assert figures._plotted({"value_kind": "range", "value": {"min": 8000, "max": 10000}}) == (8000, 10000)
    assert figures._plotted({"value_kind": "text", "value": "Kursk"}) == (None, None)
    quote = next(item for item in catalog.items.values() if item["kind"] == "quote")
    [row] = figures.item_rows(catalog, [quote], None)
    assert (row["value"], row["value_low"], row["value_high"], row["permalink"]) == (None, None, None, None)

    places, routes = [], []
    for map_id, spec in catalog["maps"].items():
        columns, rows = figures.figure_table(catalog, "map", map_id, lambda *_: set())
        assert columns == figures.MAP_COLUMNS and [row["id"] for row in rows if row["id"] in catalog["routes"]] == spec["routes"]
        places += [row for row in rows if row["type"] == "place"]
        routes += [row for row in rows if row["type"] == "route"]
    assert len(places) + len(routes) == sum(len(figures.map_rows(catalog, map_id)) for map_id in catalog["maps"])
    for row in places:
        place = catalog["places"][row["id"]]
        assert (row["name"], row["lat"], row["lon"]) == (place["name"], place["lat"], place["lon"])
        assert row["radius_km"] == (place["radius_km"] if place.get("approximate") else None)
    assert any(row["radius_km"] for row in places) and not all(row["radius_km"] for row in places)
    assert routes
    for row in routes:
        route = catalog["routes"][row["id"]]
        claimant = catalog["claimants"][route["claimant"]]
        assert (row["name"], row["claimant"], row["claimant_id"], row["date"], row["status"]) == (
            route["title"], claimant["name"], claimant["id"], f"{route['start']}/{route['end']}", route["status"])


def test_every_maps_csv_is_its_list(site):
    for name, page in figures_in(site).items():
        if not name.startswith("map-"):
            continue
        html = page.read_text(encoding="utf-8")
        start = html.index(f'id="{name}"')
        listed = html[start:html.index("</ul>", start)]
        rows = read_csv(site / "figures" / f"{name}.csv")
        assert rows, name
        for row in rows:
            assert f"#{row['id']}\"" in listed, (name, row["id"])
            assert row["source_urls"].startswith("http")
            if row["type"] == "place":
                assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180
            else:
                assert row["claimant"] and row["status"] and re.fullmatch(r"\d{4}-\d\d-\d\d/\d{4}-\d\d-\d\d", row["date"])
        drawing = ElementTree.parse(site / "figures" / f"{name}.svg").getroot()
        markers = [e for e in drawing.iter() if "fx-map__marker" in e.get("class", "") or "fx-map__area" in e.get("class", "")]
        assert len(markers) == sum(r["type"] == "place" for r in rows), name


def test_each_svg_is_a_file_of_its_own_with_its_style(site):
    for path in sorted((site / "figures").glob("*.svg")):
        root = ElementTree.parse(path).getroot()
        assert root.tag == f"{SVG}svg" and root.get("width") and root.get("height")
        [style] = root.findall(f"{SVG}style")
        assert ".fx-chart__bar" in (style.text or "") and "var(" not in (style.text or "")
        assert root.find(f"{SVG}title") is not None


def test_each_embed_page_is_light_local_and_links_back(site):
    shown = figures_in(site)
    for name, page in shown.items():
        embed = site / "embed" / name / "index.html"
        html = embed.read_text(encoding="utf-8")
        elements = parse(html).elements
        assert not [a for tag, a in elements if tag == "script"], name
        base = SITE_URL + f"embed/{name}/"
        for tag, a in elements:
            for attribute in ("src", "href"):
                if attribute in a and (tag != "a" or a.get("rel") == "stylesheet"):
                    assert urljoin(base, a[attribute]).startswith((SITE_URL, "data:")), (name, a)
            if tag == "link" and a.get("rel") == "stylesheet":
                assert (embed.parent / a["href"]).resolve().is_file()
        hrefs = [a.get("href", "") for tag, a in elements if tag == "a"]
        back = [h for h in hrefs if h.endswith(f"#{name}")]
        assert back, name
        assert (site / urlsplit(back[0].removeprefix(SITE_URL)).path).resolve() == page.parent.resolve()
        assert "https://creativecommons.org/licenses/by/4.0/" in hrefs
        for row in read_csv(site / "figures" / f"{name}.csv"):
            for url in row["source_urls"].split(figures.JOINER):
                assert url in hrefs, (name, url)
        # Every relative link of the figure resolves to a built file.
        for href in hrefs:
            if href and not re.match(r"[a-z]+:", href):
                target = (embed.parent / urlsplit(href).path).resolve()
                assert target.exists() or (target / "index.html").exists(), (name, href)


def test_the_iframe_snippet_to_copy_points_at_the_embed_page(site):
    for name, page in figures_in(site).items():
        snippets = parse(page.read_text(encoding="utf-8")).textareas
        [snippet] = [s for s in snippets if f"embed/{name}/" in s]
        [(tag, a)] = parse(snippet).elements
        assert tag == "iframe" and a["src"] == SITE_URL + f"embed/{name}/" and a["title"]


@given(TEXT)
@example('"><script>alert(1)</script>')
def test_the_snippet_holds_any_title_as_text(title):
    snippet = figures.embed_snippet("chart-x", title, SiteInfo("S", "D", "https://example.org/"), "../")
    parsed = parse(snippet)
    [(tag, a)] = parsed.elements
    assert (tag, a["title"]) == ("iframe", title)
    assert a["src"] == "https://example.org/embed/chart-x/"


def test_the_snippet_without_the_sites_address_points_at_the_embed_page_from_here():
    assert figures.embed_snippet("map-x", "A map", None, "../") == (
        '<iframe src="../embed/map-x/" title="A map" width="100%" height="640" style="border:0" loading="lazy"></iframe>')
    assert figures.embed_snippet("map-x", "A map", SiteInfo("S", "D", ""), "../../").startswith(
        '<iframe src="../../embed/map-x/"')


# --- the take-away files in-process, worked by hand --------------------------------------------------------------

def test_a_pages_links_are_made_relative_to_the_embed_page():
    from mkdocs_explainer.outputs import figures as takeaway

    assert takeaway.rebase("../places/#a", "deployment/") == "../../places/#a"
    assert takeaway.rebase("data.csv", "deployment/") == "../../deployment/data.csv"  # a file: no slash added
    assert takeaway.rebase("", "facts/") == "../../facts/"  # the page itself
    assert takeaway.rebase("#x", "facts/") == "#x" and takeaway.rebase("https://a.example/", "facts/") == "https://a.example/"
    assert takeaway.rebase("./", "") == "../../"  # the home page
    assert takeaway.rebase_links('<a class="c" href="../places/">P</a> <a href="#n">N</a>', "deployment/") == (
        '<a class="c" href="../../places/">P</a> <a href="#n">N</a>')


def test_a_figure_is_titled_from_its_map_or_group_and_its_svg_carries_the_sites_style(tmp_path):
    from mkdocs_explainer.outputs import figures as takeaway

    catalog = build_catalog(ROOT / "data", ROOT)
    map_id, group_id = next(iter(catalog["maps"])), next(iter(catalog["groups"]))
    assert takeaway.title_of(catalog, "map", map_id) == catalog["maps"][map_id]["title"]
    assert takeaway.title_of(catalog, "chart", group_id) == catalog["groups"][group_id]["title"]
    assert takeaway.title_of(catalog, "chart", "nothing-by-this-id") == "nothing-by-this-id"
    html = '<figure><svg viewBox="0 0 420 96.5" role="img"><rect/></svg></figure>'
    svg = takeaway.standalone_svg(html, None)
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg viewBox="0 0 420 96.5" role="img" width="420" height="96.5">')
    assert "fx-" in svg  # the package's figure style
    (tmp_path / "figure.svg.css").write_text("rect { fill: teal } /* ]]> */", encoding="utf-8")
    own = takeaway.standalone_svg(html, tmp_path)
    assert "rect { fill: teal } /* ]]&gt; */" in own and "fx-" not in own


def test_each_shown_figure_gets_its_csv_svg_and_embed_page_with_the_drawing_and_the_sites_own_template(tmp_path):
    from mkdocs_explainer.outputs import figures as takeaway

    catalog = build_catalog(ROOT / "data", ROOT)
    group_id = next(iter(catalog["groups"]))
    drawing = '<figure><svg viewBox="0 0 10 5"><a href="../places/">x</a></svg></figure>'
    shown = {("chart", group_id): takeaway.Shown("deployment/", drawing)}
    site = SiteInfo("Site", "", SITE_URL, "facts/")
    written = takeaway.write(tmp_path / "site", catalog, site, shown)
    name = figures.figure_id("chart", group_id)
    assert sorted(p.relative_to(tmp_path / "site").as_posix() for p in written) == sorted(
        [f"figures/{name}.csv", f"figures/{name}.svg", f"embed/{name}/index.html"])
    embed = (tmp_path / "site" / "embed" / name / "index.html").read_text(encoding="utf-8")
    assert '<svg viewBox="0 0 10 5"><a href="../../places/">x</a></svg>' in embed
    assert f'{SITE_URL}deployment/#{name}' in embed  # the link back
    assert (tmp_path / "site" / "figures" / f"{name}.csv").read_bytes().count(b"\r\n") >= 2  # RFC 4180 line ends
    own = tmp_path / "templates"
    own.mkdir()
    (own / "embed.html").write_text("<p>{{ title }}: {{ figure }}</p>\n", encoding="utf-8")
    takeaway.write(tmp_path / "own", catalog, site, shown, own)
    assert (tmp_path / "own" / "embed" / name / "index.html").read_text(encoding="utf-8") == (
        f'<p>{catalog["groups"][group_id]["title"]}: <figure><svg viewBox="0 0 10 5"><a href="../../places/">x</a>'
        "</svg></figure></p>")
