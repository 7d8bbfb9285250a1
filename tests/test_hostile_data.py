"""Hostile and careless data: each input is refused with file:line, field and a message that says what
was read, or reaches every export in a form its reader takes back unchanged and can't be fooled by."""

from __future__ import annotations

import csv
import gzip
import io
import os
import re
from pathlib import Path

import pytest
from ci import ci_enabled
from conftest import FACTS, KURSK_SOURCES, SOURCES
from mkdocs_explainer.data import load
from mkdocs_explainer.data.catalog import build_catalog, link
from mkdocs_explainer.data.files import MAX_FILE_BYTES
from mkdocs_explainer.data.schema import SECTIONS
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.outputs import safecsv, seo
from mkdocs_explainer.problems import Problem, ProblemsFound

REVIEWED = "reviewed: 2026-11-01\n  - id: troops-total-us"


def problems(text: str, name: str = "data/facts.yml") -> list[str]:
    return [str(p) for p in check_file(name, text.encode()).problems]


def edited(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# (old, new, the one message expected), all in FACTS: fact troops-near-kursk starts on line 5, its value
# is on line 7; troops-total-us (in the estimate group) has its value on line 18.
REFUSED_IN_FACTS = [
    # 4. values YAML would silently change
    ("value: 8000", "value: 1:10", "data/facts.yml:7: facts[0].value (troops-near-kursk): `1:10` is not a plain decimal "
     "number (YAML reads it as the number 70); write the number in plain digits (like 1000 or 2.5), or put text in "
     "quotes: \"1:10\""),
    ("value: 8000", "value: 0x3E8", "`0x3E8` is not a plain decimal number (YAML reads it as the number 1000)"),
    ("value: 8000", "value: 0o17", "`0o17` is not a plain decimal number (YAML reads it as text here, and as a number"),
    ("value: 8000", "value: 017", "`017` is not a plain decimal number (YAML reads it as the number 15)"),
    ("value: 8000", "value: 1_000", "`1_000` is not a plain decimal number (YAML reads it as the number 1000)"),
    ("value: 8000", "value: {min: no, max: 5}", "data/facts.yml:7: facts[0].value.min (troops-near-kursk): `no` is "
     "read by YAML as false"),
    ("value: 8000", "value: {min: 1, max: yes}", "facts[0].value.max (troops-near-kursk): `yes` is read by YAML as true"),
    ("value: 8000", "value: {min: abc, max: 5}", "data/facts.yml:7: facts[0].value.min (troops-near-kursk): 'abc' is "
     "not a number (write it in plain digits, like 1000 or 2.5)"),
    # 3. not a number at all
    ("value: 8000", "value: .nan", "`.nan` is not a plain decimal number (YAML reads it as not a number)"),
    ("value: 8000", "value: .inf", "`.inf` is not a plain decimal number (YAML reads it as infinity)"),
    ("value: 8000", "value: -.inf", "`-.inf` is not a plain decimal number (YAML reads it as infinity)"),
    ("value: 8000", "value: 1e309", "`1e309` is not a plain decimal number"),
    ("value: 8000", "value: 1.0e+309", "`1.0e+309` is not a plain decimal number (YAML reads it as infinity)"),
    ("value: 8000", "value: 2000000000000000", "facts[0].value (troops-near-kursk): 2000000000000000 is out of range"),
    # 3. control characters written as YAML escapes
    *[("label: Troops near Kursk", f'label: "Troops{escape}near"',
       f"data/facts.yml:6: facts[0].label: contains the control character U+{code:04X}")
      for escape, code in [("\\v", 0x0B), ("\\0", 0), ("\\e", 0x1B), ("\\uFFFE", 0xFFFE), ("\\x01", 1), ("\\f", 0x0C),
                           ("\\uFFFF", 0xFFFF), ("\\x9b", 0x9B)]],
    ("label: Troops near Kursk", 'label: "Troops\\ud800near"', "data/facts.yml:6: not valid YAML: found invalid Unicode"),
    # 5. a raw control byte, a date too late or too early
    ("label: Troops near Kursk", "label: Troops\x0bnear", "data/facts.yml:6: label: the control character U+000B at "
     "column 18 is not allowed (a word processor's soft line break?); remove it"),
    (REVIEWED, REVIEWED.replace("2026-11-01", "2107-01-01"), "data/facts.yml:14: facts[0].reviewed (troops-near-kursk): "
     "2107-01-01 is outside the allowed range 1900-01-01 .. "),
    (REVIEWED, REVIEWED.replace("2026-11-01", "2100-01-01"), "2100-01-01 is outside the allowed range"),
    (REVIEWED, REVIEWED.replace("2026-11-01", "1899-12-31"), "1899-12-31 is outside the allowed range 1900-01-01"),
    (REVIEWED, REVIEWED + "\n    revisions:\n      - date: 2200-01-01\n        change: Added.",
     "facts[1].revisions[0].date (troops-total-us): 2200-01-01 is outside the allowed range"),
    # 5. a charted value that is negative, text or too long
    ("value: 10000", "value: -5", "data/facts.yml:18: facts[1].value (troops-total-us): -5 can't be charted: a fact in "
     "the estimate group 'troops-total' needs a number, or min/max, of zero or more"),
    ("value: 10000\n    unit: troops", "value: lots", "data/facts.yml:18: facts[1].value (troops-total-us): 'lots' can't be charted"),
    ("value: 10000", "value: {min: -2, max: 5}", "facts[1].value (troops-total-us): {'min': -2, 'max': 5} can't be charted"),
    ("value: 10000", "value: " + "9" * 400, "data/facts.yml:18: facts[1].value (troops-total-us): `99999999999999999999"),
    # 7. ids with invisible characters
    ("id: troops-near-kursk", 'id: "troops\\u202ekursk"', "facts[0].id (troops\\u202ekursk): 'troops\\u202ekursk' is not "
     "an id"),
    ("id: troops-near-kursk", 'id: "troops\\u200b"', "'troops\\u200b' is not an id"),
    ("id: troops-near-kursk", 'id: "troops\\n"', "is not an id"),
    # 10. a number where text belongs, a yes/no word
    ("unit: troops", "unit: 1000", "facts[0].unit (troops-near-kursk): 1000 is a number here, and this field is text: "
     "put it in quotes, like \"1000\""),
    ("unit: troops", "unit: off", "facts[0].unit (troops-near-kursk): `off` is read by YAML as false"),
]


@pytest.mark.parametrize(("old", "new", "expected"), REFUSED_IN_FACTS, ids=[case[1][:40] for case in REFUSED_IN_FACTS])
def test_refused_with_line_field_and_what_was_read(old: str, new: str, expected: str):
    found = problems(edited(FACTS, old, new))
    assert len(found) == 1, found
    assert expected in found[0]
    assert re.match(r"data/facts\.yml:\d+: \S", found[0])


def test_a_5000_digit_number_is_not_printed_in_full():
    [message] = problems(edited(FACTS, "value: 8000", "value: " + "12345" * 1000))
    assert len(message) < 250
    assert "5,000 characters" in message and "is too long for a number" in message


REFUSED_IN_SOURCES = [
    ("https://example.org/ap", "https://evil.example\\@good.example/", "data/sources.yml:5: sources[0].url (ap-report): "
     "'https://evil.example\\\\@good.example/': a web address may not hold a backslash"),
    ("https://example.org/ap", "https://evil.example@good.example/", "a web address may not hold a user name"),
    ("https://example.org/ap", "https://user:pw@example.org/", "a web address may not hold a user name"),
    ("https://example.org/ap", '"https://exa\\u200bmple.org/"', "'https://exa\\u200bmple.org/': a web address may not hold "
     "spaces, control, bidi or zero-width characters"),
    ("https://example.org/ap", '"https://example.org/\\u202egpj.exe"', "bidi or zero-width characters"),
    ("https://example.org/ap", '"https://example.org/\\u2066x"', "bidi or zero-width characters"),
    ("https://example.org/ap", "https://example.org:99999/", "is not a web address"),
    ("https://example.org/ap", "https:///nohost", "is not a web address"),
    ("kind: government", "kind: government\n    country: NO", "data/sources.yml:12: claimants[0].country (us-gov): `NO` "
     "is read by YAML as false (yes/no, on/off and true/false are YAML's true and false); to mean the text, put it in "
     "quotes: \"NO\""),
    ("published: 2024-10-31", "published: 2999-01-01", "sources[0].published (ap-report): 2999-01-01 is outside the "
     "allowed range"),
]


@pytest.mark.parametrize(("old", "new", "expected"), REFUSED_IN_SOURCES, ids=[case[1][:40] for case in REFUSED_IN_SOURCES])
def test_deceptive_addresses_and_guessed_words_are_refused(old: str, new: str, expected: str):
    found = problems(edited(SOURCES, old, new), "data/sources.yml")
    assert len(found) == 1, found
    assert expected in found[0]


@pytest.mark.parametrize(("value", "read_as", "field"), [
    (value, read_as, field)
    for value, read_as in (('"several thousand"', "text ('several thousand')"), ("8,000x", "text ('8,000x')"),
                           ("2024-10-31", "a date"))
    for field in ("qualifier: about", "prefix: $", "unit: troops")
    if (value, field) != ("2024-10-31", "unit: troops")  # in test_a_record_whose_fields_contradict_each_other_is_refused
])
def test_a_hedge_prefix_or_unit_without_a_figure_is_refused_at_its_line(value: str, read_as: str, field: str):
    # Shown as it is, a text or a date would drop them without a word: "about" would reach no reader.
    name = field.split(":")[0]
    facts = edited(FACTS, "value: 8000\n    qualifier: about\n    unit: troops", f"value: {value}\n    {field}")
    found = problems(facts)
    assert found[0].startswith(f"data/facts.yml:8: facts[0].{name} (troops-near-kursk): the value is {read_as}; "
                               f"`{name}` goes with a number or a span only"), found
    assert not any(f"facts[0].{other}" in p for p in found for other in ("qualifier", "prefix", "unit") if other != name)
    assert not any("goes with a number" in p for p in problems(edited(facts, f"\n    {field}", "")))


@pytest.mark.parametrize(("old", "new", "field", "value"), [
    ("    date: 2024-10-31\n", "    date: 2024-10-31\n    time: 07:10\n    timezone: KST\n", "time", "07:10"),
    ("    date: 2024-10-31\n", "    date: 2024-10-31\n    time: 23:59\n    timezone: KST\n", "time", "23:59"),
    # a text value stands alone: a hedge or a unit goes with a number
    ("value: 8000\n    qualifier: about\n    unit: troops", 'value: "0x3E8"', "value", "0x3E8"),
    ("value: 8000\n    qualifier: about\n    unit: troops", "value: '1:10'", "value", "1:10"),
    ("value: 8000", "value: -7.5", "value", -7.5),
    ("value: 8000", "value: 0", "value", 0),
    ("date: 2024-10-31", "date: 1066-10-14", "date", "1066-10-14"),  # what happened may be history
    ("unit: troops", 'unit: "NO"', "unit", "NO"),
])
def test_what_is_written_plainly_or_quoted_is_read_as_written(old: str, new: str, field: str, value: object):
    text = edited(FACTS, old, new)
    if field == "value":  # a changed figure changes with its source's words
        text = text.replace("About 8,000 troops", f"About {value} troops")
    result = check_file("data/facts.yml", text.encode())
    assert result.problems == []
    assert result.records["facts"][0][field] == value


def test_a_top_level_list_is_explained_in_the_editors_words():
    sections = ", ".join(f"`{name}:`" for name in SECTIONS)
    assert sections.startswith("`claimants:`, `sources:`, `groups:`, `facts:`, `quotes:`, `events:`")
    assert problems("- id: a\n- id: b\n") == [
        f"data/facts.yml:1: (top level): the file should hold sections ({sections}), each a list; it holds a list"]


def test_range_errors_name_the_field_without_pydantic_suffixes():
    found = problems(edited(FACTS, "value: 8000", "value: {min: x, max: y}"))
    assert len(found) == 2
    assert not any(".int" in p or ".float" in p for p in found)


def test_escape_and_bidi_characters_in_data_are_never_echoed_raw():
    text = edited(FACTS, "id: troops-near-kursk", 'id: "\\e[31mred\\u202e"')
    text = edited(text, "    qualifier: about\n", '    "qual\\u202eifier": about\n')
    found = problems(text)
    assert found and all("\x1b" not in p and "\u202e" not in p for p in found)
    assert any("\\x1b[31mred\\u202e" in p for p in found)
    assert str(Problem("f.yml", 1, "a\u2067b", "c\x07d")) == "f.yml:1: a\\u2067b: c\\x07d"


def test_a_bad_date_and_a_misspelled_claimant_are_reported_in_one_pass():
    text = edited(FACTS, "date: 2024-10-28", "date: 28/10/2024")
    text = edited(text, f"claimant: us-gov\n    status: reported\n    {KURSK_SOURCES}\n    reviewed: 2026-11-01\n  - id",
                  f"claimant: us-gvo\n    status: reported\n    {KURSK_SOURCES}\n    reviewed: 2026-11-01\n  - id")
    with pytest.raises(ProblemsFound) as raised:
        link([check_file("data/sources.yml", SOURCES.encode()), check_file("data/facts.yml", text.encode())])
    assert [str(p) for p in raised.value.problems] == [
        "data/facts.yml:11: facts[0].claimant: no claimant has the id 'us-gvo'. Did you mean 'us-gov'?",
        "data/facts.yml:20: facts[1].date (troops-total-us): '28/10/2024' is not a date (use YYYY-MM-DD)",
    ]


def linked_problems(facts: str, sources: str = SOURCES) -> list[str]:
    try:
        link([check_file("data/sources.yml", sources.encode()), check_file("data/facts.yml", facts.encode())])
    except ProblemsFound as error:
        return [str(p) for p in error.problems]
    return []


def test_a_facts_group_is_checked():
    assert linked_problems(edited(FACTS, "group: troops-total", "group: troops-totl")) == [
        "data/facts.yml:17: facts[1].group: no group has the id 'troops-totl'. Did you mean 'troops-total'?"]


@pytest.mark.parametrize(("facts", "sources", "expected"), [
    (edited(FACTS, "value: 8000", "value: {min: 8000, max: 8000}"), SOURCES,
     "data/facts.yml:7: facts[0].value (troops-near-kursk): min and max are both 8000: give the single number as the value"),
    (edited(edited(FACTS, "value: 8000\n    qualifier: about", "value: 2024-10-31"), "About 8,000 troops",
            "On 31 October 2024 troops"), SOURCES,
     "data/facts.yml:8: facts[0].unit (troops-near-kursk): the value is a date; `unit` goes with a number or a span only"),
    (edited(FACTS, KURSK_SOURCES, "sources: [ap-report, {source: ap-report, excerpt: \"About 8,000 troops are near "
     "the border.\"}, ap-report]"), SOURCES,
     "data/facts.yml:13: facts[0].sources (troops-near-kursk): 'ap-report' is listed more than once; list each once"),
    (FACTS, edited(SOURCES, "    published: 2024-10-31\n", "    published_inferred: The page is undated.\n"),
     "data/sources.yml:6: sources[0].published_inferred (ap-report): it explains a `published` date, and none is given"),
])
def test_a_record_whose_fields_contradict_each_other_is_refused(facts: str, sources: str, expected: str):
    found = linked_problems(facts, sources)
    assert len(found) == 1 and found[0].startswith(expected), found


def test_one_source_cited_for_two_different_excerpts_is_fine():
    two = ("sources: [{source: ap-report, excerpt: \"About 8,000 troops\"}, "
           "{source: ap-report, excerpt: \"are near the border.\"}]")
    assert linked_problems(edited(FACTS, KURSK_SOURCES, two)) == []


def test_references_to_a_failed_files_ids_are_not_reported_again():
    broken_sources = edited(SOURCES, "published: 2024-10-31", "published: 31/10/2024")
    with pytest.raises(ProblemsFound) as raised:
        link([check_file("data/sources.yml", broken_sources.encode()), check_file("data/facts.yml", FACTS.encode())])
    assert [p.where for p in raised.value.problems] == ["sources[0].published (ap-report)"]


def test_a_refused_value_is_reported_once_and_the_rest_of_the_file_still_checked():
    text = edited(FACTS, "label: Troops near Kursk", 'label: "a\\vb"')
    text = edited(text, "date: 2024-10-28", "date: 28/10/2024")
    assert [p.split(": ")[1] for p in problems(text)] == ["facts[0].label", "facts[1].date (troops-total-us)"]


def test_gzip_timestamp_of_a_far_date_does_not_crash():
    assert gzip.decompress(seo.gzipped("<x/>", "2107-01-01")) == b"<x/>"


# --- 6. files that aren't data files -------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "data").mkdir(parents=True)
    (root / "data/sources.yml").write_text(SOURCES)
    (root / "data/facts.yml").write_text(FACTS)
    return root


def catalog_problems(root: Path) -> list[str]:
    with pytest.raises(ProblemsFound) as raised:
        build_catalog(root / "data", root)
    return [str(p) for p in raised.value.problems]


def test_a_link_out_of_the_project_is_refused_and_never_read(project: Path, tmp_path: Path):
    secret = tmp_path / "secret.yml"
    secret.write_text("claimants:\n  - id: secret-line-1\n    name: root:x:0:0\n    kind: government\n")
    (project / "data/zz.yml").symlink_to(secret)
    [message] = catalog_problems(project)
    assert message == f"data/zz.yml: is a link to {secret.resolve()}, outside the project; a data file must be inside the project"
    assert "root:x" not in message


def test_a_link_to_dev_zero_is_refused_at_once(project: Path):
    (project / "data/zero.yml").symlink_to("/dev/zero")
    assert catalog_problems(project) == ["data/zero.yml: is a link to /dev/zero, outside the project; a data file must "
                                         "be inside the project"]


def test_a_link_inside_the_project_is_read(project: Path):
    (project / "shared").mkdir()
    (project / "shared/more.yml").write_text("groups:\n  - id: other\n    title: Other\n")
    (project / "data/more.yml").symlink_to(project / "shared/more.yml")
    assert "other" in build_catalog(project / "data", project)["groups"]


@pytest.mark.parametrize(("make_it", "expected"), [
    (lambda p: p.symlink_to(p.parent / "missing.yml"), "is a link to {parent}/missing.yml, which does not exist"),
    (lambda p: p.symlink_to(p), "is a link that leads back to itself (a symbolic link loop)"),
    (lambda p: p.mkdir(), "is a folder, not a data file; rename it or move its files into data/"),
    (lambda p: os.mkfifo(p), "is not a regular file (a pipe, socket or device?); a data file must be a plain file"),
    (lambda p: p.write_bytes(b"#" * (MAX_FILE_BYTES + 1)), "is 10.0 MB; a data file may hold at most 10 MB, so split it "
     "into several files"),
], ids=["dangling link", "link loop", "folder", "fifo", "too large"])
def test_what_is_not_a_plain_file_is_named_without_a_crash_or_a_hang(project: Path, make_it, expected: str):
    target = project / "data/x.yml"
    make_it(target)
    assert catalog_problems(project) == [f"data/x.yml: {expected.format(parent=target.parent)}"]


def test_a_large_file_without_aliases_is_not_blamed_on_aliases(monkeypatch):
    monkeypatch.setattr(load, "MAX_NODES", 1000)  # the same rule, at a size that loads quickly
    loaded = load.load_text("data/big.yml", b"groups:\n" + b"  - 1\n" * 1500)
    assert loaded.problems == [] and len(loaded.data["groups"]) == 1500
    bomb = "a: &a [" + ",".join(["x"] * 40) + "]\nb: &b [" + ",".join(["*a"] * 40) + "]\n"
    [problem] = load.load_text("data/bomb.yml", bomb.encode()).problems
    assert "aliases referencing aliases" in problem.message


def test_upper_case_suffix_is_a_data_file_too(project: Path):
    (project / "data/facts.yml").rename(project / "data/facts.YML")
    catalog = build_catalog(project / "data", project)
    assert "troops-near-kursk" in catalog.items


# --- 3. CSV cells that a spreadsheet would evaluate ------------------------------------------------------------

PAYLOADS = ["=HYPERLINK(\"https://evil.example\",\"x\")", "@SUM(1+1)", "+1+cmd|' /C calc'!A0", "-2+3", "=1+1",
            "==1+1", "\t=1", "\r=1", "\n=1", "\0=1", "|x", "%0A", " =1+1", "-", "+", " \nplain", "  \t=1"]
SAFE = ["foo@example.org", "1-2", "-1.5", "+7", "-12", "8000", "3.14", "a=b", "", "Text", "XX-large", "X=Y", " X=1",
        " plain"]


@pytest.mark.parametrize("cell", PAYLOADS)
def test_formula_cells_get_a_leading_quote(cell: str):
    assert safecsv.neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", SAFE)
def test_safe_cells_and_numbers_stay_as_they_are(cell: str):
    assert safecsv.neutralise(cell) == cell


def test_the_writer_neutralises_every_cell_and_quotes_per_rfc_4180():
    buffer = io.StringIO()
    safecsv.SafeWriter(buffer).writerow(["=1+1", 'a "b", c', "-1.5", 7])
    assert buffer.getvalue() == "'=1+1,\"a \"\"b\"\", c\",-1.5,7\r\n"
    assert next(csv.reader(io.StringIO(buffer.getvalue()))) == ["'=1+1", 'a "b", c', "-1.5", "7"]


@pytest.mark.parametrize(("value", "expected"), [("", False), ("true", True), ("TRUE", True), ("1", True), ("yes", True),
                                                 ("Yes ", True), ("0", False), ("false", False), ("no", False)])
def test_the_ci_flag_is_read_one_way(value: str, expected: bool):
    assert ci_enabled({"CI": value}) is expected


def test_zero_is_a_figure_a_charted_group_may_hold():
    """Charted values are refused below zero, not at zero ("no troops" is a claim to draw)."""
    text = edited(edited(FACTS, "value: 10000", "value: 0"), "has sent 10,000 troops", "has sent 0 troops")
    assert problems(text) == []
    assert problems(edited(FACTS, "value: 10000", "value: {min: 0, max: 5}").replace("10,000 troops", "0 to 5 troops")) == []
