"""Citations in data files: a source id, or the source with its own words; both read back the same way."""

from __future__ import annotations

import json

import pytest
from conftest import FACTS, KURSK_SOURCES, SOURCES
from mkdocs_explainer.data import editor_schema
from mkdocs_explainer.data.validate import check_file

CITED = FACTS.replace(
    f"    {KURSK_SOURCES}\n    reviewed: 2026-11-01\n  - id: troops-total-us",
    "    sources:\n"
    "      - ap-report\n"
    "      - source: wire-copy\n"
    "        excerpt: “about 8,000 North Korean troops”\n"
    "        locator: paragraph 3\n"
    "    reviewed: 2026-11-01\n  - id: troops-total-us",
)


def problems(text: str, name: str = "data/facts.yml") -> list[str]:
    return [str(p) for p in check_file(name, text.encode()).problems]

NO_TRANSLATION = {"lang": None, "translation": None, "translation_by": None}


def test_a_citation_keeps_the_sources_words_beside_the_list_of_ids():
    result = check_file("data/facts.yml", CITED.encode())
    assert result.problems == []
    fact = result.records["facts"][0]
    assert fact["sources"] == ["ap-report", "wire-copy"]
    assert fact["citations"] == [
        {"source": "ap-report", "excerpt": None, "locator": None, **NO_TRANSLATION},
        {"source": "wire-copy", "excerpt": "“about 8,000 North Korean troops”", "locator": "paragraph 3", **NO_TRANSLATION},
    ]
    # the id inside a citation is checked across files like a bare one, at the line it is written on
    assert ("sources", "wire-copy", 15) in [(r.section, r.id, r.line) for r in result.refs]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("        excerpt: “about 8,000 North Korean troops”\n", "",
         "data/facts.yml:15: facts[0].sources[1].excerpt (troops-near-kursk): required field is missing"),
        ("        locator: paragraph 3\n", "        locator: paragraph 3\n        page: 4\n",
         "data/facts.yml:18: facts[0].sources[1].page (troops-near-kursk): unknown field; allowed: source, excerpt, locator, "
         "lang, translation, translation_by"),
        ("      - ap-report\n", "      - AP report\n",
         "data/facts.yml:14: facts[0].sources[0] (troops-near-kursk): 'AP report' is not an id "
         "(use lowercase letters, digits and hyphens, like turnout-2024)"),
        ("        excerpt: “about 8,000 North Korean troops”\n", "        excerpt: '  '\n",
         "data/facts.yml:16: facts[0].sources[1].excerpt (troops-near-kursk): '  ' should be some text"),
    ],
)
def test_citation_mistakes_name_line_and_field(old: str, new: str, expected: str):
    assert old in CITED
    assert problems(CITED.replace(old, new, 1)) == [expected]


def test_the_record_hedges_are_qualifiers_and_a_synonym_is_not():
    for hedge in ("as many as", "some", "possible", "possibly", "up to", "more than"):
        # the source's own hedge, written as the qualifier (the excerpt says it too)
        assert problems(FACTS.replace("qualifier: about", f"qualifier: {hedge}").replace("About 8,000", f"{hedge} 8,000")) == []
    [message] = problems(FACTS.replace("qualifier: about", "qualifier: circa"))
    assert message.startswith("data/facts.yml:8: facts[0].qualifier (troops-near-kursk): 'circa' is not one of")


def test_unverified_reason_goes_with_the_unverified_status_only():
    reason = "    unverified_reason: No transcript of the briefing was found.\n"
    end = "    reviewed: 2026-11-01\n  - id: troops-total-us"
    with_reason = FACTS.replace(end, reason + end)
    assert problems(with_reason.replace("status: reported", "status: unverified", 1)) == []
    record = check_file("data/facts.yml", with_reason.replace("status: reported", "status: unverified", 1).encode())
    assert record.records["facts"][0]["unverified_reason"] == "No transcript of the briefing was found."
    [message] = problems(with_reason)
    assert message.startswith("data/facts.yml:5: facts[0] (troops-near-kursk): `unverified_reason` goes with `status: unverified`")


def test_source_archived_copy_and_inferred_date():
    text = SOURCES.replace(
        "    published: 2024-10-31\n",
        "    published: 2024-10-31\n    archived: https://archive.example/ap\n"
        "    published_inferred: The page says only 'Tuesday'; the briefing it reports was on that date.\n")
    result = check_file("data/sources.yml", text.encode())
    assert result.problems == []
    source = result.records["sources"][0]
    assert source["archived"] == "https://archive.example/ap"
    assert source["published_inferred"].startswith("The page says only")
    assert "citations" not in source
    assert problems(text.replace("https://archive.example/ap", "ftp://archive.example/ap"), "data/sources.yml") == [
        "data/sources.yml:7: sources[0].archived (ap-report): 'ftp://archive.example/ap' is not a web address "
        "(only http:// and https:// links are allowed)"
    ]


def test_editor_schema_completes_a_citation():
    schema = json.loads(editor_schema.render())
    entry = schema["$defs"]["Fact"]["properties"]["sources"]["items"]
    assert {"$ref": "#/$defs/Citation"} in entry["oneOf"]
    citation = schema["$defs"]["Citation"]
    assert citation["required"] == ["source", "excerpt"] and citation["additionalProperties"] is False
    assert "verbatim" in citation["properties"]["excerpt"]["description"]
    assert "archived copy" in schema["$defs"]["Source"]["properties"]["archived"]["description"]
