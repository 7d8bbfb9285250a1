"""Property tests: any text in any field is either refused with file, line and field, or reaches every
export in a form its own parser reads back unchanged; and no bytes at all make the loader raise."""

from __future__ import annotations

import copy
import csv
import io
import json
import xml.etree.ElementTree as ET
from typing import Any

import pytest
import yaml
from hypothesis import event, example, given
from hypothesis import strategies as st
from mkdocs_explainer.data.catalog import link
from mkdocs_explainer.data.load import FORBIDDEN_CHARACTERS
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.outputs import export, feed, safecsv, seo
from mkdocs_explainer.pages.history import PageDates
from mkdocs_explainer.siteinfo import SiteInfo

SPREADSHEET_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "|", "%", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""What Excel, LibreOffice and Google Sheets take as the start of a formula (OWASP's list, DDE's `|` and `%`, and
the full-width ＝ ＋ － ＠ that Excel converts in East Asian input), written out here independently of the product."""


def spreadsheet_runs(cell: str) -> bool:
    """Would a spreadsheet evaluate this cell? (A leading apostrophe makes it text; a plain number stays one.)"""
    return cell.lstrip(" ").startswith(SPREADSHEET_STARTS) and not _is_plain_number(cell)


def _is_plain_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return cell.strip() == cell and not any(c.isalpha() and c not in "eE" for c in cell)

SITE = SiteInfo("Test <site> & \"co\"", "What it explains.", "https://example.org/x/", "facts/")
NAME = "data/zz.yml"

# Syntax of every output (HTML, XML, JSON, CSV, YAML) and the characters that fool readers and terminals.
SYNTAX = st.sampled_from([
    "<", ">", "&", '"', "'", "=", "+", "-", "@", "|", "%", "\t", "\r", "\n", "\0", "\\", ":", "#", "- ", "{{", "}}",
    "</script>", "<!--", "]]>", "&amp;", "\x0b", "\x1b[31m", "\x85", "\u2028", "\u202e", "\u2066", "\u2069", "\u200b",
    "\ufeff", "\ufffe", "\U0001f600", "é", "ü", "𝕏",
])
CHARACTERS = st.one_of(
    st.characters(categories=["Cc", "Cf", "Zl", "Zp"]), st.characters(), st.characters(codec="ascii"),
)
TEXT = st.lists(st.one_of(SYNTAX, st.text(CHARACTERS, max_size=4)), max_size=8).map("".join)
ALLOWED_TEXT = TEXT.map(lambda text: FORBIDDEN_CHARACTERS.sub("", text) + "x")
"""Text the loader takes (no control characters, never blank), still full of markup, quotes and bidi."""

BASE: dict[str, Any] = {
    "claimants": [{"id": "cl", "name": "N", "short": "S", "kind": "government", "role": "R", "country": "C"}],
    "sources": [
        {"id": "s1", "publisher": "P1", "title": "T1", "url": "https://example.org/1?a=1&b=2", "published": "2024-01-01",
         "author": "A1", "via": "V1"},
        {"id": "s2", "publisher": "P2", "title": "T2", "url": "https://example.org/2", "published": "2024-01-02"},
    ],
    "groups": [{"id": "g", "title": "G", "note": "GN"}],
    "facts": [
        {"id": "f1", "label": "L", "value": 5, "qualifier": "about", "prefix": "$", "unit": "U", "group": "g",
         "date": "2024-01-02", "time": "07:10", "timezone": "KST", "claimant": "cl", "status": "reported",
         "sources": ["s1", "s2"], "note": "FN", "reviewed": "2024-02-01",
         "revisions": [{"date": "2024-01-05", "change": "CH", "reason": "RE"}]},
        {"id": "f2", "label": "L2", "value": "V", "date": "2024-01-03", "claimant": "cl", "status": "claimed",
         "sources": ["s2", "s1"], "reviewed": "2024-02-02"},
    ],
    "quotes": [{"id": "q", "text": "QT", "occasion": "QO", "date": "2024-01-04", "claimant": "cl", "status": "confirmed",
                "sources": ["s1"], "reviewed": "2024-02-03"}],
    "events": [{"id": "e", "title": "ET", "date": "2024-01-05", "claimant": "cl", "status": "confirmed",
                "sources": ["s2"], "reviewed": "2024-02-04"}],
    "corrections": [{"id": "k", "topic": "KT", "article": "KA", "record": "KR", "items": ["f1"], "sources": ["s1"]}],
}
TEXT_FIELDS = [
    ("claimants", 0, "name"), ("claimants", 0, "short"), ("claimants", 0, "role"), ("claimants", 0, "country"),
    ("sources", 0, "publisher"), ("sources", 0, "title"), ("sources", 0, "author"), ("sources", 0, "via"),
    ("sources", 1, "title"), ("groups", 0, "title"), ("groups", 0, "note"),
    ("facts", 0, "label"), ("facts", 0, "prefix"), ("facts", 0, "unit"), ("facts", 0, "note"),
    ("facts", 1, "label"), ("facts", 1, "value"),
    ("quotes", 0, "text"), ("quotes", 0, "occasion"), ("events", 0, "title"),
    ("corrections", 0, "topic"), ("corrections", 0, "article"), ("corrections", 0, "record"),
]
"""Every free-text field of the schema, each once."""


def with_texts(texts: list[str]) -> dict[str, Any]:
    document = copy.deepcopy(BASE)
    for (section, index, key), text in zip(TEXT_FIELDS, texts, strict=True):
        document[section][index][key] = text
    document["facts"][0]["revisions"][0]["change"] = texts[0]
    return document


def no_constants(name: str) -> None:
    raise AssertionError(f"{name} is not JSON")


def assert_exports_read_back(document: dict[str, Any]) -> None:
    result = check_file(NAME, yaml.safe_dump(document, allow_unicode=False, sort_keys=False).encode())
    event("refused" if result.problems else "accepted")
    if result.problems:  # refused: every problem names the file, a line and the field (or bad YAML syntax there)
        assert all(p.file == NAME and p.line > 0 and (p.where or p.message.startswith("not valid YAML"))
                   for p in result.problems), result.problems
        return
    catalog = link([result])
    # JSON: strict (no NaN or Infinity), and every text as written (stripped of outer spaces, as the schema does).
    data = json.loads(export.render_json(catalog, SITE), parse_constant=no_constants)
    assert data["claimants"][0]["name"] == document["claimants"][0]["name"].strip()
    assert data["facts"][0]["label"] == document["facts"][0]["label"].strip()
    assert data["quotes"][0]["text"] == document["quotes"][0]["text"].strip()
    # XML: the feed parses, and its text comes back as written.
    atom = ET.fromstring(feed.render(catalog, SITE))
    contents = "".join(e.text or "" for e in atom.iter("{http://www.w3.org/2005/Atom}content"))
    assert document["quotes"][0]["text"].strip() in contents
    # CSV: one row per item, each cell as written or behind a leading ', and none a formula.
    rows = list(csv.reader(io.StringIO(export.render_csv(catalog, SITE), newline="")))
    assert rows[0] == list(export.CSV_COLUMNS) and len(rows) == 1 + len(catalog.items)
    for row in rows[1:]:
        raw = export.csv_row(catalog.items[row[0]], catalog, SITE)
        for cell, written in zip(row, raw, strict=True):
            assert cell in (written, "'" + written)
            assert not spreadsheet_runs(cell), f"a spreadsheet would run {cell!r}"


@given(st.lists(ALLOWED_TEXT, min_size=len(TEXT_FIELDS), max_size=len(TEXT_FIELDS)))
@example(["<b>x</b>", "=1+1", "@SUM(A1)", "+1", "-1+2", "\tx", "a\x0bb", "\u202eevil", "x\u200by", '"\'&<>', "]]>",
          "</script><script>alert(1)</script>", "{{ 7*7 }}", "a|b", "%0A", "\x1b[2J", "\ufffe", "\x00", "NaN", "1e309",
          "é𝕏\U0001f600", "\r\n", "&amp;"])
def test_any_text_in_every_field_is_refused_or_read_back_exactly(texts: list[str]):
    assert_exports_read_back(with_texts(texts))


@given(TEXT)
@example("=HYPERLINK(\"https://evil.example\")")
@example("<img src=x onerror=alert(1)>")
def test_one_hostile_text_in_every_field_at_once(text: str):
    assert_exports_read_back(with_texts([text] * len(TEXT_FIELDS)))


@given(st.text(CHARACTERS, max_size=30), st.dates().map(str))
@example("a&b<c>", "2107-01-01")
def test_the_sitemap_is_well_formed_xml_or_refused(path: str, modified: str):
    pages = [seo.PageInfo("T", "D", path, "../", False, PageDates("2000-01-01", modified), False)]
    try:
        text = seo.sitemap(pages, SITE)
    except ValueError as error:  # a character XML can't hold: refused, never written
        assert "can't be written in XML" in str(error)
        return
    root = ET.fromstring(text)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    assert root.findtext("s:url/s:loc", namespaces=ns) == SITE.address(path)
    assert seo.gzipped(text, modified)  # any date: no overflow of gzip's 32-bit time


YAML_PIECES = st.sampled_from([
    "facts:", "sources:", "claimants:", "\n", "  ", "- ", "id: ", "value: ", "date: ", "reviewed: ", "&a ", "*a", "<<: ",
    "!!python/object/apply:os.system ['x']", "!!binary ", "[", "]", "{", "}", ",", '"', "'", "\\x0b", "\\e", "\t", ":",
    "1:10", ".nan", "yes", "0x3E8", "2107-01-01", "9" * 50, "\x0b", "\x00", "\ufeff", "\xff", "%YAML 1.1\n", "---\n",
    "? ", "|\n", ">\n", "#", "a" * 10,
])


@given(st.one_of(st.binary(max_size=200), st.lists(YAML_PIECES, max_size=40).map(lambda p: "".join(p).encode())))
@example(b"a: \"\\ud800\"\n")
@example(b"facts: " + b"[" * 2000)
@example(b"facts:\n" + b"  " * 400 + b"- x\n")
def test_no_bytes_make_the_loader_raise(raw: bytes):
    result = check_file(NAME, raw)  # must not raise, whatever the bytes
    for problem in result.problems:
        assert problem.file == NAME and problem.message
        assert problem.line > 0 or problem.message.startswith(("the file is empty", "not valid YAML"))


@pytest.mark.parametrize("cell", [
    "=1+1", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", "\n=1", "|calc", "%0A",
    "  =1+1", "\uff1d1+1", "\uff0bcmd", "\uff20SUM(1)", "=HYPERLINK(\"https://evil.example\",\"x\")",
])
def test_cells_a_spreadsheet_would_run_are_written_as_text(cell: str):
    [written] = _one_cell_csv(cell)
    assert written == "'" + cell
    assert spreadsheet_runs(cell) and not spreadsheet_runs(written)


@pytest.mark.parametrize("cell", ["-1.5", "+7", "8000", "foo@example.org", "1-2", "a=b", "", "Text", "100%"])
def test_plain_cells_and_numbers_are_written_as_they_are(cell: str):
    assert _one_cell_csv(cell) == [cell]


def _one_cell_csv(cell: str) -> list[str]:
    """The row a spreadsheet's CSV reader gets back from the product's writer."""
    buffer = io.StringIO(newline="")
    safecsv.SafeWriter(buffer).writerow([cell])
    [row] = csv.reader(io.StringIO(buffer.getvalue(), newline=""))
    return row
