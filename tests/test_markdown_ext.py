"""Shortcodes inside Python-Markdown (issue 9, page side): where a shortcode is is the parser's call, data
never becomes markup, placeholders cannot be forged, and no shortcode vanishes without a word."""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from markupsafe import Markup
from mkdocs_explainer.data import schema
from mkdocs_explainer.data.catalog import Catalog, build_catalog
from mkdocs_explainer.pages import shortcodes
from mkdocs_explainer.pages.markdown_ext import PageParser
from mkdocs_explainer.pages.page_job import PageJob
from mkdocs_explainer.pages.render import PageContext
from pages_helpers import EXTENSIONS, check, convert
from pydantic import BaseModel, BeforeValidator
from test_views import DATA


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = tmp_path_factory.mktemp("data")
    (root / "data").mkdir()
    (root / "data" / "all.yml").write_text(DATA, encoding="utf-8")
    return build_catalog(root / "data", root)


def context(catalog: Catalog) -> PageContext:
    return PageContext(catalog, fact_index_url="../facts/", links={"corrections": "../method/"})


class Structure(HTMLParser):
    """Every element with its attribute names: what markup in data would change."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.elements: Counter[tuple[str, tuple[str, ...]]] = Counter()
        self.urls: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements[tag, tuple(sorted(name for name, _ in attrs))] += 1
        self.urls += [value or "" for name, value in attrs if name in ("href", "src", "srcset", "action", "xlink:href")]


# --- The page comes out as before, without Markdown parsing our HTML ----------------------------------------


def test_a_page_comes_out_as_when_markdown_parsed_our_html(catalog: Catalog) -> None:
    import markdown

    page = ("# Deployment\n\nWashington said <!-- fact:f-us --> were there, **<!-- value:f-us -->**\n"
            "<!-- date:e --> it said.\n\n<!-- estimates:troops -->\n\nAfter the table.\n")
    ours = convert(page, context(catalog)).html
    parsed = markdown.markdown(shortcodes.replace(page, context(catalog)), extensions=EXTENSIONS)
    assert re.sub(r"\n+", "\n", ours) == re.sub(r"\n+", "\n", parsed)


def test_a_marker_starting_a_wrapped_line_stays_in_its_paragraph(catalog: Catalog) -> None:
    page = convert("The agency,\n<!-- claimant:kr -->, said so\n<!-- value:f-text -->.\n", context(catalog))
    assert page.html.count("<p>") == 1 and "</span>, said so" in page.html


def test_a_block_inside_an_admonition_stays_inside_it(catalog: Catalog) -> None:
    page = convert('!!! note "Estimates"\n\n    <!-- estimates:troops -->\n\nOutside.\n', context(catalog))
    admonition = page.html.split('<div class="admonition note">', 1)[1].split("<p>Outside.</p>")[0]
    assert "<table>" in admonition and page.problems == []


# --- Category 1: markup in data ------------------------------------------------------------------------------


def text_fields(model: type[BaseModel]) -> dict[str, object]:
    """Field name → True for free text, or the nested model for lists of records (revisions)."""
    fields: dict[str, object] = {}
    for name, info in model.model_fields.items():
        if any(isinstance(m, BeforeValidator) and m.func in (schema._text, schema._value) for m in info.metadata):
            fields[name] = True
        nested = [a for a in getattr(info.annotation, "__args__", ()) if isinstance(a, type) and issubclass(a, BaseModel)]
        if nested:
            fields[name] = nested[0]
    return fields


def put_in_every_text_field(catalog: Catalog, payload: str) -> int:
    """Set every free-text field of every record (empty optional ones too, and a revision) to `payload`."""
    count = 0

    def fill(record: dict, model: type[BaseModel]) -> None:
        nonlocal count
        for name, kind in text_fields(model).items():
            if name == "value" and record.get("value_kind") != "text":
                continue
            if kind is True:
                record[name], count = payload, count + 1
            elif isinstance(kind, type):
                record[name] = record.get(name) or [{"date": "2024-11-01", "change": "", "reason": ""}]
                for entry in record[name]:
                    fill(entry, kind)

    for section, info in schema.DataFile.model_fields.items():
        for record in catalog[section].values():
            fill(record, info.annotation.__args__[0])
    return count


EVERY_KIND = "\n\n".join([
    "# Every kind",
    "## Heading <!-- claimant:kr --> and <!-- value:f-text --> on <!-- date:e -->",
    "Text: <!-- fact:f-us -->, <!-- value:f-kr -->, <!-- date:e -->, <!-- phrase:q -->, <!-- event:e -->, "
    "<!-- claimant:us -->.",
    *[f"<!-- {kind} -->" for kind in ("legend", "facts", "downloads", "timeline", "sources", "corrections", "places")],
    "<!-- quote:q -->", "<!-- estimates:troops -->", "<!-- card:f-us -->", "<!-- chart:troops -->",
    "<!-- correction:c -->", "<!-- trend:troops -->", "<!-- question:qq -->", "<!-- questions -->",
    "<!-- fact-links -->", "",
])
PAYLOAD = ("<img src=x onerror=alert(1)>\"'&<b>*em*</b> [x](javascript:alert(1)) ![](https://evil.example/i.png) "
           "fxinline0z fxblock0z \x02wzxhzdk:0\x03 </script>")


def test_the_page_names_every_kind() -> None:
    named = set(re.findall(r"<!-- ([a-z-]+)", EVERY_KIND))
    # `map` needs map outlines and places in data/ (its escaping: tests/test_maps.py).
    assert named == set(shortcodes.KINDS) - {"shortcodes", "map"}


def test_markup_in_every_text_field_adds_no_element_or_attribute(tmp_path: Path) -> None:
    def built(payload: str) -> str:
        (tmp_path / "data").mkdir(exist_ok=True)
        (tmp_path / "data" / "all.yml").write_text(DATA, encoding="utf-8")
        fresh = build_catalog(tmp_path / "data", tmp_path)
        assert put_in_every_text_field(fresh, payload) > 20
        page = convert(EVERY_KIND, context(fresh))
        assert page.problems == []
        return page.html

    plain, hostile = Structure(built("Plain words")), Structure(built(PAYLOAD))
    assert hostile.elements == plain.elements
    assert not [url for url in hostile.urls if "javascript:" in url or "evil.example" in url]
    text = built(PAYLOAD)
    assert "<script" not in text and "<img" not in text and "\x02" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_every_kind_returns_markup_from_a_template(catalog: Catalog) -> None:
    args = {"fact": "f-us", "value": "f-us", "date": "e", "quote": "q", "estimates": "troops", "card": "f-us",
            "chart": "troops", "phrase": "q", "event": "e", "claimant": "us", "correction": "c", "trend": "troops",
            "question": "qq"}
    for kind in set(shortcodes.KINDS) - {"map"}:  # no map in this data (tests/test_maps.py renders one)
        assert isinstance(shortcodes.render_shortcode(context(catalog), kind, args.get(kind, "")), Markup), kind


def test_the_time_zone_of_a_date_is_escaped(catalog: Catalog) -> None:
    catalog["events"]["e"]["timezone"] = "<script>alert(1)</script>"
    try:
        text = convert("On <!-- date:e -->.", context(catalog)).html
    finally:
        catalog["events"]["e"]["timezone"] = "KST"
    assert "<script>" not in text and "07:10 &lt;script&gt;alert(1)&lt;/script&gt;" in text


@pytest.mark.parametrize("name", ["[x](javascript:alert(1))", "*x*", "![](https://evil.example/i.png)", "a  b\tc",
                                  "Q&A &amp; &lt;/title&gt; &#60;"])
def test_data_in_a_heading_is_text_and_the_anchor_stays_a_slug(catalog: Catalog, name: str) -> None:
    catalog["claimants"]["kr"]["name"] = name
    try:
        page = convert("## Said by <!-- claimant:kr -->\n\nText.\n", context(catalog))
    finally:
        catalog["claimants"]["kr"]["name"] = "South Korea"
    heading = page.html.split("</h2>")[0]
    assert "<a href=\"javascript" not in heading and "<em>" not in heading and "<img" not in heading
    assert html.escape(" ".join(name.split()), quote=False) in heading
    [token] = page.md.toc_tokens
    assert re.fullmatch(r"[\w-]+", token["id"]), token["id"]
    assert token["name"] == html.escape(f"Said by {' '.join(name.split())}", quote=False)


# --- Category 2: placeholders prose or data could forge ------------------------------------------------------


def test_placeholders_typed_in_prose_are_prose(catalog: Catalog) -> None:
    prose = "Words fxinline0z and fxblock0z and \x02wzxhzdk:0\x03 and wzxhzdk:0.\n\n<!-- estimates:troops -->\n"
    page = convert(prose, context(catalog))
    assert "fxinline0z and fxblock0z and wzxhzdk:0 and wzxhzdk:0." in page.html
    assert page.html.count("<table>") == 1


def test_placeholders_in_data_are_text_in_headings_and_in_text(catalog: Catalog) -> None:
    catalog["claimants"]["kr"]["name"] = "fxinline0z \x02wzxhzdk:0\x03 wzxhzdk:1"
    try:
        page = convert("## By <!-- claimant:kr -->\n\n<!-- estimates:troops -->\n\n<!-- claimant:kr -->\n",
                       context(catalog))
    finally:
        catalog["claimants"]["kr"]["name"] = "South Korea"
    assert page.html.count("<table>") == 1  # the estimates table, not a copy in the heading or the sentence
    assert page.html.count("fxinline0z wzxhzdk:0 wzxhzdk:1") == 3  # heading, its table row, the sentence
    assert re.fullmatch(r"[\w-]+", page.md.toc_tokens[0]["id"])


# --- Category 8: shortcodes that vanish ----------------------------------------------------------------------


@pytest.mark.parametrize(("written", "meant"), [
    ("<!-- fact: f-us -->", "<!-- fact:f-us -->"),
    ("<!-- FACT:f-us -->", "<!-- fact:f-us -->"),
    ("<!-- fact:f-us extra -->", "<!-- fact:f-us -->"),
    ("<!-- Fact : f-us -->", "<!-- fact:f-us -->"),
    ("<!-- LEGEND -->", "<!-- legend -->"),
])
def test_a_near_miss_fails_with_page_line_and_did_you_mean(catalog: Catalog, written: str, meant: str) -> None:
    problems, shown = check(f"# Page\n\nIt was {written} then.\n", catalog)
    assert [(p.file, p.line, p.where) for p in problems] == [("docs/x.md", 3, written)]
    assert f"Did you mean {meant!r}?" in problems[0].message
    assert shown == []


def test_front_matter_counts_in_the_line(catalog: Catalog) -> None:
    from mkdocs.utils import meta
    from mkdocs_explainer.pages.markdown_ext import PageParser

    markers = PageParser(EXTENSIONS, {}, meta.get_data).markers("---\ntitle: X\n---\n\n# X\n\n<!-- FACT:f-us -->\n")
    assert [m.line for m in markers] == [7]


def test_comments_that_are_notes_are_left_alone(catalog: Catalog) -> None:
    problems, shown = check("<!-- a note: check this -->\n\nText <!-- TODO: Facts below -->.\n", catalog)
    assert problems == [] and shown == []


def test_a_stray_backtick_hides_no_shortcode(catalog: Catalog) -> None:
    text = "One stray ` backtick, then <!-- value:f-us -->.\n\n" + "".join(
        f"Paragraph {n}: <!-- value:f-kr --> and `code`.\n\n" for n in range(11))
    page = convert(text, context(catalog))
    assert page.problems == [] and len(page.shown) == 12
    assert page.html.count("fx-value") == 12


@pytest.mark.parametrize("text", [
    "A stray ` backtick, then <!-- value:f-us --> and `code`.\n",
    "A `span\n<!-- value:f-us --> over` lines.\n",
    "Two `<!-- value:f-us --> <!-- value:f-kr -->` in one span.\n",
])
def test_a_stray_backtick_that_swallows_a_shortcode_is_an_error(catalog: Catalog, text: str) -> None:
    page = convert(text, context(catalog))
    assert page.problems and all("a stray backtick?" in problem.message for problem in page.problems)
    assert page.problems[0].line == 1 + text.count("\n", 0, text.index("<!-- value:f-us"))


EXAMPLES = {
    "indented code": "Text.\n\n    <!-- fact:nope -->\n\nMore.\n",
    "inline code": "Write `<!-- fact:nope -->` here.\n",
    "fence": "```\n<!-- fact:nope -->\n```\n",
    "fence in a list": "- item\n\n    ```\n    <!-- fact:nope -->\n    ```\n",
    "fence in a list, line start": "- item\n\n  ```\n  <!-- value:nope -->\n  ```\n",
    "fence in an admonition": '!!! note "Example"\n\n    ```\n    <!-- fact:nope -->\n    ```\n',
    "indented code in an admonition": '!!! note\n\n        <!-- fact:nope -->\n',
    "alone in a code span over lines": "A `\n<!-- fact:nope -->\n` example.\n",
}


@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_in_code_are_shown_as_written_never_live(catalog: Catalog, name: str) -> None:
    page = convert(EXAMPLES[name], context(catalog))
    assert page.problems == [] and page.shown == []
    written = re.search(r"<!-- \w+:nope -->", EXAMPLES[name]).group(0)
    assert html.escape(written, quote=False) in page.html
    code = "".join(re.findall(r"<code>.*?</code>", page.html, re.S))
    assert html.escape(written, quote=False) in code


NOT_SHOWN = {
    "link text": ("See [<!-- value:f-us -->](https://example.org/).\n", "inside a link's text"),
    "image alt": ("![<!-- value:f-us -->](pic.png)\n", "inside an attribute"),
    "link title": ('[a](https://example.org/ "<!-- value:f-us -->")\n', "inside an attribute"),
    "attr_list": ('Text.\n{: title="<!-- value:f-us -->" }\n', "inside an attribute"),
    "commented out": ("<!-- Removed for now:\n<!-- fact:f-us -->\n-->\n", "inside raw HTML or inside another comment"),
    "raw html": ("<div>\n<!-- fact:f-us -->\n</div>\n", "inside raw HTML"),
    "link definition": ('[ref]: https://example.org/ "<!-- fact:f-us -->"\n', "drops this shortcode"),
}


@pytest.mark.parametrize("name", NOT_SHOWN)
def test_a_shortcode_where_it_cannot_render_is_refused(catalog: Catalog, name: str) -> None:
    text, message = NOT_SHOWN[name]
    page = convert(text, context(catalog))
    assert [p.where for p in page.problems] == [re.search(r"<!-- \w+:f-us -->", text).group(0)], page.problems
    assert message in page.problems[0].message and page.shown == []
    assert "fx-value" not in page.html and "<span" not in page.html  # nothing half-rendered


TRICKY = [
    "Text <!-- value:f-us --> and `<!-- value:f-kr -->`.\n",
    "- <!-- fact:f-us -->\n- `x` <!-- value:f-kr --> `y`\n\n    <!-- value:f-text -->\n",
    "| a | b |\n|---|---|\n| <!-- value:f-us --> | `<!-- value:f-kr -->` |\n",
    "> quoted <!-- claimant:us -->\n>\n> ```\n> <!-- claimant:kr -->\n> ```\n",
    '!!! note\n\n    Inline <!-- value:f-kr -->\n\n    ```\n    <!-- value:f-us -->\n    ```\n',
    "``<!-- value:f-us -->`` ` <!-- value:f-kr --> `\n\n~~~\n<!-- value:f-text -->\n~~~\n<!-- date:e -->\n",
    "# <!-- claimant:us -->\n\n*<!-- value:f-us -->* **`<!-- value:f-kr -->`**\n",
]


@pytest.mark.parametrize("text", TRICKY)
def test_the_scan_and_the_page_agree_on_what_is_shown(catalog: Catalog, text: str) -> None:
    page = convert(text, context(catalog))
    rendered = Counter(re.findall(r'data-fact="([\w-]+)"|href="\.\./facts/#([\w-]+)"', page.html))
    shown = {code.arg for code in page.shown}
    assert page.problems == []
    for code in page.shown:  # every shortcode the scan counts is on the page...
        assert code.kind in ("claimant", "date") or any(code.arg in pair for pair in rendered), code
    rendered_ids = {i for pair in rendered for i in pair if i}
    assert rendered_ids <= shown  # ...and nothing the scan skipped was rendered


# --- Property: random text in data is text ---------------------------------------------------------------------

SPECIAL = st.sampled_from(list("<>&\"'`*_[]()!#=+-@|\\\t\r\n\x00\x02\x03\x0b\u202e\u2066\u2069\u200b"))
TEXT = st.text(st.one_of(SPECIAL, st.characters(categories=["Cc", "Cf", "Zl", "Zp"]), st.characters()),
               min_size=1, max_size=40)


@given(name=TEXT, value=TEXT)
@example(name="<script>alert(1)</script>", value="*x* [a](javascript:b) <!-- fact:f-us -->")
@example(name="\U0001f600 é <b>", value="\x02wzxhzdk:0\x03")
def test_any_text_in_data_reaches_the_page_as_text(catalog: Catalog, name: str, value: str) -> None:
    names, values = catalog["claimants"]["kr"], catalog["facts"]["f-text"]
    before = names["name"], values["value"]
    page_text = "## By <!-- claimant:kr -->\n\nSaid <!-- claimant:kr -->: <!-- fact:f-text -->.\n\n<!-- card:f-text -->\n"
    try:
        plain = convert(page_text, context(catalog)).html
        names["name"], values["value"] = name, value
        hostile = convert(page_text, context(catalog))
    finally:
        names["name"], values["value"] = before
    assert Structure(hostile.html).elements == Structure(plain).elements
    assert re.fullmatch(r"[\w-]*", hostile.md.toc_tokens[0]["id"])


def test_the_page_scan_reads_text_without_converting_and_skips_code(catalog: Catalog, monkeypatch, tmp_path: Path) -> None:
    import markdown
    from mkdocs_explainer.pages.scan import scan_pages

    (tmp_path / "docs").mkdir()
    page = ("# Index\n\n```md\n<!-- facts -->\n```\n\nWrite `<!-- sources -->` to list them.\n\n"
            "~~~\n<!-- corrections -->\n~~~\n\n<!-- facts -->\n\nSee <!-- value:f-us -->.\n")
    (tmp_path / "docs" / "b.md").write_text(page, encoding="utf-8")
    (tmp_path / "docs" / "a.md").write_text("An example: `<!-- facts -->`.\n", encoding="utf-8")
    monkeypatch.setattr(markdown.Markdown, "convert", lambda *a: pytest.fail("the scan converted a page"))
    scan = scan_pages(tmp_path / "docs", tmp_path, catalog)
    assert [(c.kind, c.arg, c.line) for c in scan.codes["b.md"]] == [("facts", "", 13), ("value", "f-us", 15)]
    assert scan.first_page_with("facts") == "b.md" and scan.pages_with(("sources", "corrections")) == {}
    assert scan.shown == {"f-us"}


# --- Shortcodes another extension stashed as HTML (found in the output, not in the tree) -------------------------

STASHED = {
    # inlinehilite stashes inline code: a marker sharing its code span with other text is a stray backtick, even
    # with a code block further down the page
    "inline code with other text, a block below": (
        "Set `<!-- value:f-us --> and more` here.\n\n```\nblock\n```\n", "inside inline code that holds other text"),
    # raw HTML after a closed element inside it is still raw HTML, not an attribute
    "raw html after a nested element": ("<div><span>x</span> <!-- fact:f-us --></div>\n", "inside raw HTML"),
}


@pytest.mark.parametrize("name", STASHED)
def test_a_shortcode_in_html_another_extension_stashed_is_refused_for_what_it_is_in(catalog: Catalog, name: str) -> None:
    text, message = STASHED[name]
    page = convert(text, context(catalog), [*EXTENSIONS, "pymdownx.inlinehilite"])
    assert [p.where for p in page.problems] == [re.search(r"<!-- \w+:f-us -->", text).group(0)], page.problems
    assert message in page.problems[0].message and page.shown == []


def test_a_shortcode_alone_in_stashed_inline_code_is_an_example(catalog: Catalog) -> None:
    page = convert("Type `<!-- value:f-us -->` to show a figure.\n", context(catalog), [*EXTENSIONS, "pymdownx.inlinehilite"])
    assert page.problems == [] and page.shown == []
    assert "&lt;!-- value:f-us --&gt;" in page.html


# --- Where a line came from, when something was inserted before conversion ---------------------------------------

def test_a_line_no_snippet_holds_is_placed_at_the_page_line_it_was_inserted_at(tmp_path: Path) -> None:
    from mkdocs_explainer.pages.markdown_ext import _Lines

    job = PageJob(first_line=10, snippet_dirs=(tmp_path,))  # an empty folder: no snippet holds the line
    three = _Lines(job, ["a", "b", "c"], ["a", "inserted", "b", "c"])
    assert [three.origin(i) for i in range(4)] == [(None, 10), (None, 11), (None, 11), (None, 12)]
    # After a page's last line: that line, never one past the page's end.
    one = _Lines(job, ["a"], ["a", "inserted"])
    assert one.origin(1) == (None, 10)


def test_a_line_inserted_with_no_snippet_folder_is_looked_for_under_the_current_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs_explainer.pages.markdown_ext import _Lines

    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "note.md").write_text("\ufeffinserted\nsecond\n", encoding="utf-8")  # after a byte-order mark
    monkeypatch.chdir(tmp_path)
    lines = _Lines(PageJob(first_line=1, root=tmp_path), ["a"], ["a", "inserted"])
    assert lines.origin(1) == ("parts/note.md", 1)


def test_a_block_shortcode_on_the_line_after_text_is_a_block_of_its_own(catalog: Catalog) -> None:
    page = convert("Intro line\n<!-- card:f-us -->\nNext line\n", context(catalog))
    assert page.problems == []
    assert "<p>Intro line</p>" in page.html and "<p>Next line</p>" in page.html
    assert not re.search(r"<p>[^<]*<(div|article|section)", page.html)  # the card is not inside a paragraph


def test_text_that_looks_like_another_pages_tag_stays_as_written(catalog: Catalog) -> None:
    # The example in the code block leaves this page's tag in the HTML, which is then taken out: only this page's.
    page = convert("Code fx0123456789abcdefn1e here.\n\n```\n<!-- value:f-us -->\n```\n", context(catalog))
    assert page.problems == [] and "Code fx0123456789abcdefn1e here" in page.html
    assert "&lt;!-- value:f-us --&gt;" in page.html


def test_the_parser_given_the_extension_by_its_entry_point_name_still_finds_each_marker_once() -> None:
    text = "# X\n\nText <!-- value:f-us --> and <!-- FACT:f-us -->.\n"
    plain = [(m.text, m.line) for m in PageParser(EXTENSIONS).markers(text)]
    assert plain == [("<!-- value:f-us -->", 3), ("<!-- FACT:f-us -->", 3)]
    assert [(m.text, m.line) for m in PageParser(["explainer", *EXTENSIONS]).markers(text)] == plain
