"""changes.xml: a valid Atom feed with one entry per revision, dated by the data."""

from __future__ import annotations

import json
import re
import uuid
import xml.etree.ElementTree as ET

import pytest
from mkdocs_explainer.data.catalog import link, site_vocabulary
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.outputs import feed
from mkdocs_explainer.siteinfo import License, SiteInfo
from outputs_helpers import ROOT, TEST_DATA

A = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def catalog():
    site = site_vocabulary(ROOT)  # the site's place kinds (mkdocs.yml)
    results = [check_file(p.relative_to(ROOT).as_posix(), p.read_bytes(), vocabulary=site) for p in sorted((ROOT / "data").glob("*.yml"))]
    results.append(check_file("data/zz-test.yml", TEST_DATA.encode()))
    return link(results)


SITE = SiteInfo("Test site", "About tests.", "https://example.org/x/", "facts/")


def parse(catalog, site: SiteInfo = SITE) -> ET.Element:
    root = ET.fromstring(feed.render(catalog, site).encode("utf-8"))
    assert root.tag == f"{A}feed"
    return root


def test_feed_has_the_elements_atom_requires(catalog):
    root = parse(catalog)
    for tag in ("id", "title", "updated"):
        assert (root.findtext(f"{A}{tag}") or "").strip(), f"feed lacks <{tag}>"
    assert root.find(f"{A}author/{A}name") is not None  # required at feed level when entries have none
    assert root.find(f"{A}link[@rel='self']").get("href") == "https://example.org/x/changes.xml"
    entries = root.findall(f"{A}entry")
    assert entries
    for entry in entries:
        for tag in ("id", "title", "updated"):
            assert (entry.findtext(f"{A}{tag}") or "").strip(), f"entry lacks <{tag}>"
        assert entry.find(f"{A}content") is not None or entry.find(f"{A}link[@rel='alternate']") is not None
        assert entry.findtext(f"{A}updated").endswith("T00:00:00Z")  # RFC 3339 date-time
    ids = [e.findtext(f"{A}id") for e in entries]
    assert len(ids) == len(set(ids)) and all(i.startswith("urn:uuid:") for i in ids)


def test_each_revision_is_an_entry_and_unrevised_items_appear_once(catalog, monkeypatch):
    monkeypatch.setattr(feed, "MAX_ENTRIES", 100_000)  # every entry: the probe's are the oldest (2001)
    entries = parse(catalog).findall(f"{A}entry")
    revised = [e for e in entries if e.find(f"{A}link").get("href").endswith("#zz-revised")]
    assert sorted(e.findtext(f"{A}updated")[:10] for e in revised) == ["2001-02-10", "2001-02-20"]
    assert "Why: The ministry revised its count." in " ".join(e.findtext(f"{A}content") for e in revised)
    unrevised = [i for i in catalog.items.values() if not i["revisions"]]
    recorded = [e for e in entries if e.findtext(f"{A}title").startswith("Recorded: ")]
    assert len(recorded) == len(unrevised)
    event = next(e for e in entries if e.find(f"{A}link").get("href").endswith("#zz-event"))
    assert event.findtext(f"{A}updated").startswith("2001-01-20")  # its reviewed date


def test_feed_updated_is_the_newest_entry_and_stable(catalog):
    root = parse(catalog)
    newest = max(e.findtext(f"{A}updated") for e in root.findall(f"{A}entry"))
    assert root.findtext(f"{A}updated") == newest
    site = SiteInfo("Test site", "About tests.", "https://example.org/x/", "facts/")
    assert feed.render(catalog, site) == feed.render(catalog, site)
    # Ids do not depend on where the site is hosted.
    elsewhere = parse(catalog, SiteInfo("Test site", "About tests.", "https://mirror.example.net/", "facts/"))
    assert [e.findtext(f"{A}id") for e in elsewhere.iter(f"{A}entry")] == [e.findtext(f"{A}id") for e in root.iter(f"{A}entry")]


def test_text_from_data_is_escaped_not_markup(catalog):
    text = feed.render(catalog, SiteInfo("Test site", "", "", "facts/"))
    assert "<b>" not in text and "&lt;b&gt;of&lt;/b&gt;" in text


def test_the_feed_holds_only_the_newest_entries():
    """A catalog with more items than the cap: the feed keeps MAX_ENTRIES, the newest ones, newest first."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synth

    data = synth.make_data(feed.MAX_ENTRIES + 50)
    big = link([check_file(f"data/{name}", text.encode()) for name, text in data.files.items()])
    chosen = feed.entries(big, SITE)
    assert len(chosen) == feed.MAX_ENTRIES
    dates = sorted((item["reviewed"] for item in big.items.values()), reverse=True)
    assert [entry.updated for entry in chosen] == dates[:feed.MAX_ENTRIES]


def test_a_feed_reader_sees_each_change_worded_and_dated_as_recorded():
    """A worked example: the probe data's two revisions and its unrevised event, as a reader's feed shows them.
    Ids are pinned: a changed id makes every reader show the entry again as new."""
    probe = link([check_file("data/zz-test.yml", TEST_DATA.encode())])
    root = parse(probe)
    urn = lambda *parts: uuid.uuid5(uuid.NAMESPACE_URL, "/".join(["explainer", "Test site", *parts])).urn  # noqa: E731
    assert root.findtext(f"{A}id") == urn("changes") == "urn:uuid:ceef6f3e-259e-5f5b-a84c-9b6f26903738"
    assert root.findtext(f"{A}title") == "Test site: changes to the facts"
    assert root.findtext(f"{A}subtitle") == "About tests."
    assert root.findtext(f"{A}updated") == "2001-02-20T00:00:00Z"  # the newest entry, not the newest review
    now = ("Tests run in the test period: 400–500 tests. According to Test ministry <b>of</b> tests, 1 February 2001. "
           "Status: disputed. Reviewed 1 March 2001. Sources: Test Gazette, “Testers say 500 tests were run” "
           "<https://example.org/tests?a=1&b=2>.")
    expected = [
        (urn("zz-revised", "revision", "1", "2001-02-20"), "Changed: Tests run in the test period", "2001-02-20T00:00:00Z",
         f"20 February 2001: Range widened to 400-500. Why: The ministry revised its count.\n\nNow: {now}"),
        (urn("zz-revised", "revision", "0", "2001-02-10"), "Changed: Tests run in the test period", "2001-02-10T00:00:00Z",
         f"10 February 2001: First recorded as 400.\n\nNow: {now}"),
        (urn("zz-event", "recorded"), "Recorded: The tests began", "2001-01-20T00:00:00Z",
         "The tests began. According to Test ministry <b>of</b> tests, 15 January 2001. Status: confirmed. Reviewed "
         "20 January 2001. Sources: Test Gazette, “Testers say 500 tests were run” <https://example.org/tests?a=1&b=2>."),
    ]
    assert [(e.findtext(f"{A}id"), e.findtext(f"{A}title"), e.findtext(f"{A}updated"), e.findtext(f"{A}content"))
            for e in root.findall(f"{A}entry")] == expected


QUOTE = """\
claimants:
  - {id: zz-c, name: A minister, kind: government}
sources:
  - {id: zz-s, publisher: Gazette, title: Remarks, url: "https://example.org/r", published: 2001-02-03}
quotes:
  - id: zz-q
    text: %s
    occasion: A briefing
    date: 2001-02-01
    claimant: zz-c
    status: confirmed
    sources: [{source: zz-s, excerpt: %s}]
    reviewed: 2001-03-01
"""


@pytest.mark.parametrize("words", ["Will they come?", "They came!", "They came.", "来了。", "来了吗？", "来了！", "They came"])
def test_a_quotes_own_end_mark_is_kept_and_none_is_doubled(words):
    probe = link([check_file("data/zz-quote.yml", (QUOTE % (json.dumps(words), json.dumps(words))).encode())])
    [entry] = feed.entries(probe, SITE)
    sentence = entry.content.split(" According to ")[0]
    ends_itself = words[-1] in ".?!。？！"
    assert sentence == (f"“{words}”" if ends_itself else f"“{words}”.")


def test_the_feed_names_its_author_licence_and_both_its_addresses():
    licensed = SiteInfo("Test site", "", "https://example.org/x/", "facts/",
                        license=License("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"))
    root = parse(link([check_file("data/zz-test.yml", TEST_DATA.encode())]), licensed)
    assert root.findtext(f"{A}author/{A}name") == "Test site"
    assert root.findtext(f"{A}rights") == licensed.license.statement("Test site")
    assert root.find(f"{A}subtitle") is None  # no description, no empty subtitle
    links = [(element.get("rel"), element.get("type"), element.get("href")) for element in root.findall(f"{A}link")]
    assert links == [("self", "application/atom+xml", "https://example.org/x/changes.xml"),
                     ("alternate", "text/html", "https://example.org/x/")]
    for entry in root.findall(f"{A}entry"):
        [link_] = entry.findall(f"{A}link")
        assert (link_.get("rel"), link_.get("type")) == ("alternate", "text/html")
    relative = parse(link([check_file("data/zz-test.yml", TEST_DATA.encode())]), SiteInfo("Test site", "", "", "facts/"))
    assert relative.find(f"{A}link[@rel='alternate']").get("href") == "./"  # no address configured: the site's root


def test_a_feed_with_no_entries_is_dated_by_the_newest_review_or_never():
    empty = link([check_file("data/zz-empty.yml", b"claimants: []\n")])
    root = parse(empty)
    assert root.findall(f"{A}entry") == [] and root.findtext(f"{A}updated") == "1970-01-01T00:00:00Z"


def test_the_xml_writer_declares_its_xml_and_names_what_it_refuses():
    from mkdocs_explainer.outputs import safexml

    assert safexml.to_string(ET.Element("feed")) == "<?xml version='1.0' encoding='utf-8'?>\n<feed />\n"
    text = "x" * 70 + "\x0b"
    with pytest.raises(ValueError, match=re.escape(f"U+000B can't be written in XML: {text[:60]!r}") + "$"):
        safexml.checked(text)
