"""Every path into a page's <head> (title, description, author, OpenGraph, citation and Dublin Core tags,
JSON-LD) carries text from the data and the settings as text: read back by html.parser it is the text
written, and it adds no element. Reference managers find the citation tags they read."""

from __future__ import annotations

import dataclasses
import json
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs_explainer.data.catalog import build_catalog
from mkdocs_explainer.outputs import seo
from mkdocs_explainer.pages.history import PageDates
from mkdocs_explainer.plugin import _title_text
from mkdocs_explainer.problems import ProblemsFound
from mkdocs_explainer.siteinfo import License, SiteInfo
from outputs_helpers import ROOT, build, copy_project
from test_properties import CHARACTERS, SYNTAX

CATALOG = build_catalog(ROOT / "data", ROOT)

HOSTILE = "</title><script>alert(1)</script> Q&A &amp; \"x\" 'y' <!-- </script>"
TEXT = st.lists(st.one_of(SYNTAX, st.sampled_from([HOSTILE, "</title>", "<script>"]), st.text(CHARACTERS, max_size=4)),
                max_size=8).map("".join)
# The head's text is whatever html.parser reads back; \r is the one character HTML itself rewrites (to \n),
# and NUL is refused by the data loader before it reaches a page.
HEAD_TEXT = TEXT.map(lambda text: text.replace("\r", "").replace("\0", "") + "x")


class ParsedHead(HTMLParser):
    """The elements of <head>, each with its attributes and text, as a browser's parser would list them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: dict[int, str] = {}
        self._in_head = True
        self._open: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self._in_head = False
        if self._in_head and tag not in ("html", "head"):
            self.elements.append((tag, {k: v or "" for k, v in attrs}))
            self._open = len(self.elements) - 1 if tag in ("title", "script", "style") else None

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._in_head and self._open is not None:
            self.text[self._open] = self.text.get(self._open, "") + data

    def titles(self) -> list[str]:
        return [self.text.get(n, "") for n, (tag, _) in enumerate(self.elements) if tag == "title"]

    def meta(self) -> dict[str, str]:
        return {a.get("property") or a.get("name", ""): a.get("content", "") for tag, a in self.elements if tag == "meta"}

    def json_ld(self) -> list[Any]:
        return [json.loads(self.text.get(n, "")) for n, (tag, a) in enumerate(self.elements)
                if tag == "script" and a.get("type") == "application/ld+json"]


def parse(html: str) -> ParsedHead:
    head = ParsedHead()
    head.feed(html)
    head.close()
    return head


def head_of(info: seo.PageInfo, site: SiteInfo) -> ParsedHead:
    return parse(str(seo.head(info, site, CATALOG)))


@settings(max_examples=300)
@given(title=HEAD_TEXT, description=HEAD_TEXT, author=HEAD_TEXT, name=HEAD_TEXT, licence=HEAD_TEXT,
       site_author=HEAD_TEXT, language=st.sampled_from(["en", "ko", "pt-BR"]))
@example(title=HOSTILE, description=HOSTILE, author=HOSTILE, name="Q&A", licence="<b>CC</b>", site_author="",
         language="en")
def test_any_text_reaches_the_head_as_that_text(title, description, author, name, licence, site_author, language):
    site = SiteInfo(name, "Site description.", "https://example.org/x/", "facts/",
                    license=License(licence, "https://example.org/licence?a=1&b=2"), language=language,
                    author=site_author)
    info = seo.PageInfo(title, description, "a/", "../", False, PageDates("2001-02-03", "2001-03-04"), True, author)
    head = head_of(info, site)
    # Only the elements the template writes: one title, one JSON-LD script, meta and link.
    assert {tag for tag, _ in head.elements} <= {"title", "meta", "script", "link"}
    assert [a.get("type") for tag, a in head.elements if tag == "script"] == ["application/ld+json"]
    assert head.titles() == [f"{title} - {name}"]
    meta = head.meta()
    for key in ("og:title", "twitter:title", "citation_title", "DC.title"):
        assert meta[key] == title, key
    for key in ("description", "og:description", "twitter:description"):
        assert meta[key] == description, key
    assert meta["author"] == meta["citation_author"] == author
    assert meta["og:site_name"] == name
    assert meta["citation_publisher"] == meta["DC.publisher"] == (site_author or name)
    assert meta["DC.rights"] == f"{licence}: https://example.org/licence?a=1&b=2"
    assert meta["DC.language"] == language
    [data] = head.json_ld()
    webpage = data["@graph"][0]
    assert (webpage["name"], webpage["description"], webpage["isPartOf"]["name"]) == (title, description, name)
    assert webpage["inLanguage"] == language


def rendered_page(tmp_path: Path, markdown: str, heading_html: str, meta: dict[str, Any] | None = None) -> Page:
    """A page rendered by MkDocs itself, its first heading holding `heading_html` as a shortcode renders it."""
    from markdown.extensions import Extension
    from markdown.preprocessors import Preprocessor

    class Stash(Preprocessor):
        def run(self, lines: list[str]) -> list[str]:
            placeholder = self.md.htmlStash.store(heading_html)
            return [line.replace("SHORTCODE", placeholder) for line in lines]

    class StashExtension(Extension):
        def extendMarkdown(self, md):
            md.preprocessors.register(Stash(md), "stash", 25)

    (tmp_path / "docs").mkdir(exist_ok=True)
    config = MkDocsConfig()
    config.load_dict({"site_name": "S", "docs_dir": str(tmp_path / "docs"), "markdown_extensions": [StashExtension()]})
    config.validate()
    file = File("p.md", str(tmp_path / "docs"), str(tmp_path / "site"), True)
    page = Page(None, file, config)
    page.markdown, page.meta = markdown, dict(meta or {})
    page.render(config, Files([file]))
    return page


@settings(max_examples=100, deadline=None)
@given(text=HEAD_TEXT)
@example(text=HOSTILE)
def test_a_title_from_a_shortcode_in_the_first_heading_is_the_text_it_shows(tmp_path_factory, text):
    # What a claimant's name or a fact's words look like in a heading: the shortcode's escaped HTML.
    from markupsafe import escape
    page = rendered_page(tmp_path_factory.mktemp("p"), "# Who: SHORTCODE\n\nBody.\n",
                         f'<span class="fx-claimant" title="{escape(text)}">{escape(text)}</span>')
    expected = " ".join(f"Who: {text}".split())  # MkDocs folds a heading's white space
    assert _title_text(page) == expected
    site = SiteInfo("Site", "D")
    info = seo.PageInfo(_title_text(page), "D", "p/", "../", False, None, False)
    assert head_of(info, site).titles() == [f"{expected} - Site"]


def test_titles_from_front_matter_and_nav_are_taken_as_written(tmp_path):
    page = rendered_page(tmp_path, "# Heading\n", "", {"title": "Q&amp;A <b>"})
    assert _title_text(page) == "Q&amp;A <b>"


@pytest.mark.parametrize(("value", "kind"), [(["a", "b"], "a list"), ({"a": 1}, "a mapping"), (True, "true/false")])
def test_front_matter_that_is_not_text_is_refused_with_its_line(value, kind):
    source = "---\ntitle: T\ndescription:\n  - a\n---\n# T\n"
    with pytest.raises(ProblemsFound) as raised:
        seo.front_matter_text({"description": value}, "description", "docs/p.md", lambda: source)
    [problem] = raised.value.problems
    assert (problem.file, problem.line, problem.where) == ("docs/p.md", 3, "front matter: description")
    assert kind in problem.message


def test_front_matter_numbers_and_dates_are_written_as_text():
    import datetime as dt
    assert seo.front_matter_text({"title": 2024}, "title", "p") == "2024"
    assert seo.front_matter_text({"title": dt.date(2024, 10, 31)}, "title", "p") == "2024-10-31"
    assert seo.front_matter_text({"title": ""}, "title", "p") is None


# A site built for real: the claimant's name makes a page's title through a shortcode in its heading
# (no nav: or front matter title), a page title has an ampersand, the licence's name has markup.
HOSTILE_DATA = """\
claimants:
  - id: zz-hostile
    name: '</title><script>alert(1)</script> Q&A &amp; "x"'
    kind: government
"""
HOSTILE_PAGE = """\
# Who says so: <!-- claimant:zz-hostile -->

The count: <!-- fact:zz-revised -->.
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("head") / "project")
    data = project / "data" / "zz-test.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("claimants:\n", HOSTILE_DATA, 1), encoding="utf-8")
    (project / "docs" / "zz-hostile.md").write_text(HOSTILE_PAGE, encoding="utf-8")
    (project / "docs" / "zz-amp.md").write_text("---\ntitle: Q&A\n---\n# Q&amp;A\n\nText.\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("license: CC BY 4.0", "license: '<b class=\"fx-probe\">CC</b> BY'")
    text = text.replace("  /zz-plain.md\n", "  /zz-plain.md\n  /zz-hostile.md\n  /zz-amp.md\n")
    config.write_text(text, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_a_heading_made_of_data_gives_the_page_a_title_of_text(hostile_site):
    head = parse((hostile_site / "zz-hostile" / "index.html").read_text(encoding="utf-8"))
    name = '</title><script>alert(1)</script> Q&A &amp; "x"'
    [title] = head.titles()
    assert title.startswith(f"Who says so: {name} - ")
    assert head.meta()["og:title"] == head.meta()["citation_title"] == f"Who says so: {name}"
    assert [a.get("type") for tag, a in head.elements if tag == "script" and not a.get("src")].count(
        "application/ld+json") == 1


def test_no_page_has_markup_from_data_or_settings_in_its_head_or_doubly_escaped_text(hostile_site):
    for page in sorted(hostile_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        head = parse(html)
        assert len(head.titles()) == 1, page
        assert not [a for _, a in head.elements if "fx-probe" in a.get("class", "")], page
        scripts = [head.text.get(n, "") for n, (tag, a) in enumerate(head.elements)
                   if tag == "script" and a.get("type") != "application/ld+json"]
        assert not [text for text in scripts if "alert(1)" in text], page
        assert 'class="fx-probe"' not in html, page
    amp = parse((hostile_site / "zz-amp" / "index.html").read_text(encoding="utf-8"))
    assert amp.meta()["og:title"] == amp.meta()["citation_title"] == "Q&A"
    assert amp.titles()[0].startswith("Q&A - ")


def test_the_footer_states_the_licence_name_as_text(hostile_site):
    html = (hostile_site / "zz-plain" / "index.html").read_text(encoding="utf-8")
    assert "&lt;b class=&#34;fx-probe&#34;&gt;CC&lt;/b&gt; BY" in html or "&lt;b class=&quot;fx-probe&quot;&gt;CC" in html


def test_a_list_as_description_stops_the_build_naming_page_line_and_field(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "zz-plain.md").write_text(textwrap.dedent("""\
        ---
        description:
          - one
          - two
        ---
        # Plain page
        """), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "zz-plain.md:2: front matter: description: must be text, not a list" in result.stderr


def test_every_page_carries_what_reference_managers_read(hostile_site):
    for page in sorted(p for p in hostile_site.rglob("index.html") if not {"search", "embed"} & set(p.parts)):
        head = parse(page.read_text(encoding="utf-8"))
        meta = head.meta()
        [title] = head.titles()
        assert meta["og:type"] == "article"
        assert title.startswith(meta["citation_title"]), page
        assert meta["citation_publisher"] == meta["og:site_name"]
        assert meta["DC.type"] == "Text" and meta["DC.language"] == "en"
        assert meta["DC.rights"].endswith("https://creativecommons.org/licenses/by/4.0/")
        webpage = head.json_ld()[0]["@graph"][0]
        if "dateModified" in webpage:
            # The page's dates are those of the items it shows, as the JSON-LD states them.
            assert meta["citation_publication_date"] == webpage["datePublished"].replace("-", "/")
            assert meta["citation_online_date"] == webpage["dateModified"].replace("-", "/")
            assert meta["article:modified_time"] == webpage["dateModified"]
        else:
            assert "citation_online_date" not in meta and "article:modified_time" not in meta
    dated = parse((hostile_site / "zz-test" / "index.html").read_text(encoding="utf-8")).meta()
    assert (dated["citation_publication_date"], dated["citation_online_date"]) == ("2001/01/20", "2001/03/01")


@pytest.mark.parametrize("name", ["<b>Site</b>", "AT&amp;T explained", "Prices &copy 2024"])
def test_a_site_name_a_browser_would_read_as_markup_is_refused(tmp_path, name):
    project = copy_project(tmp_path / "project", with_test_data=False)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(f"site_name: {json.dumps(name)}\n" + text.split("\n", 1)[1], encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "site_name: write it as plain text" in result.stderr


# --- the head's parts in-process, worked by hand -------------------------------------------------------------

SMALL = textwrap.dedent("""\
    claimants:
      - {id: us, name: Washington, kind: government}
    sources:
      - {id: s, publisher: P, title: T, url: "https://p.example/", published: 2024-10-30}
    facts:
      - {id: f, label: Troops, value: 10000, unit: troops, date: 2024-10-28, claimant: us, status: reported,
         sources: [{source: s, excerpt: "10,000 troops"}], reviewed: 2026-11-25}
    events:
      - {id: e, title: A meeting, date: 2024-11-02, claimant: us, status: confirmed, sources: [s], reviewed: 2026-11-20}
    places:
      - {id: a, name: Alpha, kind: city, lat: 51.5, lon: 36.25, approximate: false, what: here,
         sources: [{source: s, excerpt: "51.5, 36.25"}]}
      - {id: b, name: Beta, kind: city, lat: 43.1, lon: 131.9, approximate: false, what: there,
         sources: [{source: s, excerpt: "43.1, 131.9"}]}
""")


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Any:
    root = tmp_path_factory.mktemp("small")
    (root / "data").mkdir()
    (root / "data" / "all.yml").write_text(SMALL, encoding="utf-8")
    return build_catalog(root / "data", root)


ADDRESSED = SiteInfo("Site", "About troops.", "https://example.org/x/", "facts/",
                     license=License("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"), author="Desk")


def test_a_pages_json_ld_names_it_dates_it_and_places_it_in_the_site(small):
    info = seo.PageInfo("Deployment", "Who sent whom.", "deployment/", "../", False,
                        PageDates("2024-10-28", "2026-11-25"), False)
    [webpage] = seo.json_ld(info, ADDRESSED, small)["@graph"]
    assert webpage == {
        "@type": "WebPage", "name": "Deployment", "headline": "Deployment", "description": "Who sent whom.",
        "inLanguage": "en", "isPartOf": {"@type": "WebSite", "name": "Site", "url": "https://example.org/x/"},
        "image": "https://example.org/x/assets/social-card.png",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "url": "https://example.org/x/deployment/", "@id": "https://example.org/x/deployment/",
        "datePublished": "2024-10-28", "dateModified": "2026-11-25"}
    # Without the site's address: links relative to the page, and no address of its own.
    bare = SiteInfo("Site", "About troops.")
    [webpage] = seo.json_ld(dataclasses.replace(info, dates=None), bare, small)["@graph"]
    assert webpage["image"] == "../assets/social-card.png" and webpage["isPartOf"] == {"@type": "WebSite", "name": "Site"}
    assert not {"url", "@id", "license", "datePublished", "dateModified"} & set(webpage)


def test_the_dataset_covers_the_items_dates_and_the_places_area_with_one_download_per_format(small):
    info = seo.PageInfo("Facts", "All of them.", "facts/", "../", False, None, True)
    dataset = seo.json_ld(info, ADDRESSED, small)["@graph"][1]
    assert dataset["name"] == "Site: facts"
    assert dataset["description"] == ("2 facts, quotes and events about: About troops. Each with who claims it, its "
                                      "status, its dates and its sources.")
    assert dataset["creator"] == {"@type": "Organization", "name": "Desk", "url": "https://example.org/x/"}
    assert dataset["@type"] == "Dataset" and dataset["inLanguage"] == "en"
    assert (dataset["license"], dataset["url"], dataset["isAccessibleForFree"]) == (
        "https://creativecommons.org/licenses/by/4.0/", "https://example.org/x/facts/", True)
    assert dataset["temporalCoverage"] == "2024-10-28/2024-11-02" and dataset["dateModified"] == "2026-11-25"
    assert dataset["spatialCoverage"]["geo"] == {"@type": "GeoShape", "box": "43.1 36.25 51.5 131.9"}
    assert [p["name"] for p in dataset["spatialCoverage"]["containsPlace"]] == ["Alpha", "Beta"]
    assert dataset["spatialCoverage"]["containsPlace"][1]["geo"] == {
        "@type": "GeoCoordinates", "latitude": 43.1, "longitude": 131.9}
    assert [(d["name"], d["encodingFormat"], d["contentUrl"]) for d in dataset["distribution"]] == [
        ("facts.json", "application/json", "https://example.org/x/facts.json"),
        ("facts.csv", "text/csv", "https://example.org/x/facts.csv"),
        ("datapackage.json", "application/vnd.datapackage+json", "https://example.org/x/datapackage.json"),
        ("citations.csl.json", "application/vnd.citationstyles.csl+json", "https://example.org/x/citations.csl.json")]
    del small.items["e"]
    try:
        one = seo.json_ld(info, ADDRESSED, small)["@graph"][1]["description"]
    finally:
        small.items["e"] = small["events"]["e"]
    assert one.startswith("1 fact, quote or event about: ")


def test_a_page_is_described_by_its_front_matter_else_its_first_paragraph_the_home_page_by_the_site():
    html = "<h1>T</h1><p>First words.</p><p>Second.</p>"
    assert seo.description("Given.", html, "Site.", False) == "Given."
    assert seo.description(None, html, "Site.", False) == "First words."
    assert seo.description(None, html, "Site.", True) == "Site."
    assert seo.description(None, "<h1>No paragraph</h1>", "Site.", False) == "Site."
    # A long paragraph is cut at the last word that leaves room for the ellipsis within 200 characters.
    assert seo.first_paragraph("<p>" + "word " * 50 + "</p>") == " ".join(["word"] * 39) + "…"


def test_the_sitemap_lists_the_home_page_first_then_by_address_with_dates_and_other_editions():
    pages = [seo.PageInfo("B", "", "b/", "../", False, PageDates("2024-01-01", "2024-02-02"), False),
             seo.PageInfo("Home", "", "", "./", True, None, False, alternates=(("en", "https://example.org/x/"),
                                                                                 ("ko", "https://example.org/x/ko/"))),
             seo.PageInfo("A", "", "a/", "../", False, None, False)]
    text = seo.sitemap(pages, ADDRESSED)
    assert text.index("<loc>https://example.org/x/</loc>") < text.index("<loc>https://example.org/x/a/</loc>") \
        < text.index("<loc>https://example.org/x/b/</loc>")
    assert text.count("<lastmod>") == 1 and "<loc>https://example.org/x/b/</loc>\n    <lastmod>2024-02-02</lastmod>" in text
    assert '<xhtml:link rel="alternate" hreflang="ko" href="https://example.org/x/ko/" />' in text
    assert "<loc>/a/</loc>" in seo.sitemap(pages, SiteInfo("Site", ""))  # no address: root-relative


def test_the_gzipped_sitemap_is_stamped_with_the_datas_newest_date_not_the_clock():
    import gzip
    import struct

    stamp = lambda data: struct.unpack("<I", data[4:8])[0]  # noqa: E731  (gzip's MTIME field)
    assert stamp(seo.gzipped("x", "2024-10-31")) == 1730332800  # 2024-10-31T00:00:00Z
    assert stamp(seo.gzipped("x", None)) == 0
    assert stamp(seo.gzipped("x", "2107-01-01")) == 0  # past what gzip's 32-bit field holds: no stamp
    assert gzip.decompress(seo.gzipped("Ünïcode", "2024-10-31")).decode("utf-8") == "Ünïcode"
