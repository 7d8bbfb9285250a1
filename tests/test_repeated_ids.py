"""An id used twice on a page (the same map or chart twice, a heading whose anchor is an item's id) is
reported with the page and its lines, and fails a strict build."""

from __future__ import annotations

from markdown.extensions.toc import slugify
from mkdocs_explainer import cli
from mkdocs_explainer.pages import anchors
from project import mkdocs

PAGE = """\
---
title: More
---
# More

## Example figure latest

<!-- facts -->

```
## Example figure latest
```

The chart again:

<!-- chart:example-figures -->

<!-- chart:example-figures -->

## Example figure latest
"""


def test_the_same_chart_twice_and_a_heading_on_a_facts_anchor_are_reported_with_page_and_lines(tmp_path):
    project = tmp_path / "site"
    cli.new(project)
    (project / "docs" / "more.md").write_text(PAGE)
    result = mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    warnings = [line.split("-  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings == [
        "docs/more.md:8: the id 'example-figure-latest' is used 2 times on this page (lines 6, 8): a link to "
        "#example-figure-latest reaches only the first. Show a map, chart or list once per page, and give a heading "
        "whose anchor is an item's id another anchor ({#another-id})",
        "docs/more.md:18: the id 'chart-example-figures' is used 2 times on this page (lines 16, 18): a link to "
        "#chart-example-figures reaches only the first. Show a map, chart or list once per page, and give a heading "
        "whose anchor is an item's id another anchor ({#another-id})",
    ]
    fixed = PAGE.replace("<!-- chart:example-figures -->\n\n<!-- chart", "<!-- chart").replace(
        "## Example figure latest\n\n<!-- facts", "## All figures\n\n<!-- facts").removesuffix("## Example figure latest\n")
    (project / "docs" / "more.md").write_text(fixed)
    assert mkdocs(project, "build", "--strict").returncode == 0


def test_ids_are_read_in_every_attribute_quoting_and_headings_outside_code():
    assert anchors.ids_in("""<p id="a"></p><div class=x id='b'><span id=c data-id="no">""") == ["a", "b", "c"]
    markdown = "# One\n\n```\n# Not a heading\n```\n\n## Two {#second .wide}\n### Three ###\n## One\n"
    assert anchors.heading_lines(markdown, slugify, 10) == [(10, "one"), (16, "second"), (17, "three"), (18, "one_1")]
    # Lines count from 1 unless told; an attribute list without an id is not part of the anchor.
    assert anchors.heading_lines("# Two words {.wide}\n", slugify) == [(1, "two-words")]


def test_repeated_ids_are_found_with_the_lines_that_made_them_one_finding_per_drawing():
    html = ('<figure id="map-a"><title id="map-a-title"></title></figure><h2 id="one"></h2>'
            '<figure id="map-a"><title id="map-a-title"></title></figure><p id="x"></p><p id="x"></p><p id="x"></p>'
            '<p id="y"></p><p id="y"></p>')
    produced = [(8, ["map-a", "map-a-title"]), (3, ["one"]), (6, ["map-a", "map-a-title"])]
    assert anchors.repeated_ids(html, produced) == [
        anchors.RepeatedId("map-a", 2, (6, 8)),  # its title, made by the same lines, is the same finding
        anchors.RepeatedId("x", 3, ()), anchors.RepeatedId("y", 2, ()),  # no line known: one finding each
    ]
    assert anchors.repeated_ids('<p id="a"></p><p id="b"></p>', [(1, ["a"]), (2, ["b"])]) == []
    # An id no line made, then one made on line 1: two findings, however many came before.
    html = '<p id="a"></p><p id="a"></p><p id="x"></p><p id="x"></p><p id="z"></p><p id="z"></p>'
    assert anchors.repeated_ids(html, [(5, ["a"]), (1, ["z"])]) == [
        anchors.RepeatedId("a", 2, (5,)), anchors.RepeatedId("x", 2, ()), anchors.RepeatedId("z", 2, (1,))]
