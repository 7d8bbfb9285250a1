"""The generated parts of pages: timeline, bibliography, charts, corrections, shortcodes in code."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs_explainer.data.catalog import Catalog, build_catalog
from mkdocs_explainer.pages import shortcodes, views
from mkdocs_explainer.pages.render import PageContext
from mkdocs_explainer.problems import ProblemsFound
from pages_helpers import convert

DATA = """
claimants:
  - {id: us, name: "<script>alert(1)</script> Agency", short: US, kind: agency}
  - {id: kr, name: South Korea, kind: government, role: "Government & people"}
sources:
  - {id: zeta, publisher: Zeta News, title: Z, url: "https://z.example/a?b=1&c=2", published: 2024-10-30}
  - {id: alpha, publisher: Alpha Wire, title: A, url: "https://a.example/", published: 2024-10-31}
  - {id: unused, publisher: Beta, title: B, url: "https://b.example/", published: 2024-10-01}
groups:
  - {id: troops, title: Troops}
facts:
  - {id: f-us, label: US figure, group: troops, value: 10000, qualifier: about, unit: troops, date: 2024-10-28,
     claimant: us, status: reported, sources: [{source: alpha, excerpt: "about 10,000 troops"}], reviewed: 2026-11-25}
  - {id: f-kr, label: Korean figure, group: troops, value: {min: 11000, max: 12000}, unit: troops, date: 2024-10-30,
     claimant: kr, status: claimed, sources: [{source: zeta, excerpt: "11,000 to 12,000"}, alpha], reviewed: 2026-11-25}
  - {id: f-text, label: Port, value: "Najin", date: 2024-10-30, claimant: kr, status: reported,
     sources: [{source: zeta, excerpt: loaded at Najin}], reviewed: 2026-11-25}
quotes:
  - {id: q, text: "we would expect", occasion: press, date: 2024-10-30, claimant: us, status: reported,
     sources: [{source: alpha, excerpt: "but we would expect that"}], reviewed: 2026-11-25}
events:
  - {id: e, title: A meeting, date: 2024-10-30, time: "07:10", timezone: KST, claimant: us, status: confirmed,
     sources: [alpha], reviewed: 2026-11-25}
corrections:
  - {id: c, topic: By sea, article: by rail, record: by sea, items: [f-text], sources: [zeta]}
questions:
  - {id: qq, title: How many?, note: They differ., positions: [
      {claimant: us, date: 2024-10-28, stance: estimate, summary: The agency gave a figure., items: [f-us]},
      {claimant: kr, date: 2024-10-30, stance: estimate, summary: Korea gave a span., items: [f-kr, q]}]}
"""


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "all.yml").write_text(DATA, encoding="utf-8")
    try:
        return build_catalog(tmp_path / "data", tmp_path)
    except ProblemsFound as error:  # pragma: no cover - shows the problem if the fixture itself is wrong
        pytest.fail(str(error))


def _render(catalog: Catalog, markdown: str) -> str:
    return shortcodes.replace(markdown, PageContext(catalog=catalog, fact_index_url="../facts/",
                                                    links={"corrections": "../method/"}))


def test_timeline_groups_by_day_oldest_first_untimed_items_then_timed_ones_by_time(catalog: Catalog) -> None:
    days = views.timeline_days(catalog)
    assert [day.date for day in days] == ["2024-10-28", "2024-10-30"]
    # The untimed items stand for the whole day (events, facts, quotes, then by id); then the 07:10 event.
    assert [item["id"] for item in days[1].items] == ["f-kr", "f-text", "q", "e"]


def test_a_timed_item_sorts_by_its_time_whatever_its_kind(tmp_path: Path) -> None:
    data = DATA.replace("occasion: press, date: 2024-10-30,", 'occasion: press, date: 2024-10-30, time: "06:05", timezone: KST,')
    data = data.replace('value: "Najin", date: 2024-10-30,', 'value: "Najin", date: 2024-10-30, time: "23:59", timezone: KST,')
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "all.yml").write_text(data, encoding="utf-8")
    day = views.timeline_days(build_catalog(tmp_path / "data", tmp_path))[1]
    assert [(item["id"], item.get("time")) for item in day.items] == [
        ("f-kr", None), ("q", "06:05"), ("e", "07:10"), ("f-text", "23:59")]


@pytest.mark.parametrize(("arg", "ids"), [
    ("kind=event", ["e"]),
    ("kind=fact,kind=quote", ["f-us", "f-kr", "f-text", "q"]),
    ("claimant=kr", ["f-kr", "f-text"]),
    ("claimant=us,kind=fact", ["f-us"]),
    ("group=troops", ["f-us", "f-kr"]),
    ("claimant=kr,group=troops", ["f-kr"]),
])
def test_a_timeline_shows_only_what_its_filters_select(catalog: Catalog, arg: str, ids: list[str]) -> None:
    html = _render(catalog, f"<!-- timeline:{arg} -->")
    import re

    assert re.findall(r'<li class="fx-timeline__item[^"]*" data-fact="([^"]+)"', html) == ids
    assert shortcodes.KINDS["timeline"].dated(catalog, arg) == set(ids)


@pytest.mark.parametrize(("arg", "message"), [
    ("kind=events", "unknown kind 'events' (kinds: event, fact, quote)"),
    ("claimant=k", "unknown claimant 'k'."),
    ("claimant=k-r", "unknown claimant 'k-r'. Did you mean 'kr'?"),
    ("group=troop", "unknown estimate group 'troop'. Did you mean 'troops'?"),
    ("colour=red", "unknown filter 'colour' (filters: kind, group, claimant)"),
    ("event", "'event' is not a filter: write key=value, e.g. kind=event (keys: kind, group, claimant)"),
])
def test_a_wrong_filter_is_named_like_a_wrong_id(catalog: Catalog, arg: str, message: str) -> None:
    from pages_helpers import check

    problems, _ = check(f"Text\n\n<!-- timeline:{arg} -->\n", catalog)
    assert [str(p) for p in problems] == [f"docs/x.md:3: <!-- timeline:{arg} -->: {message}"]
    problems, _ = check(f"Text\n\n<!-- legend:{arg} -->\n", catalog)
    assert [str(p) for p in problems] == [f"docs/x.md:3: <!-- legend:{arg} -->: 'legend' takes no id; write <!-- legend -->"]


def test_bibliography_is_sorted_and_lists_what_cites_each_source(catalog: Catalog) -> None:
    entries = views.bibliography(catalog)
    assert [e["publisher"] for e in entries] == ["Alpha Wire", "Beta", "Zeta News"]
    zeta = entries[2]
    assert [i["id"] for i in zeta["cited_items"]] == ["f-kr", "f-text"]
    assert [c["id"] for c in zeta["cited_corrections"]] == ["c"]
    assert entries[1]["cited_items"] == [] and zeta["host"] == "z.example"


def test_chart_rows_carry_owner_date_and_status(catalog: Catalog) -> None:
    entries = views.chart_entries(catalog, "troops")
    assert [(e.low, e.high) for e in entries] == [(10000, 10000), (11000, 12000)]
    assert "28 October 2024" in entries[0].label and "(reported)" in entries[0].value_text
    description = views.describe_chart(catalog, "troops")
    assert "about 10,000 troops, as of 28 October 2024 (reported)" in description
    assert "11,000–12,000 troops" in description


def test_a_text_fact_in_a_group_cannot_be_charted(catalog: Catalog) -> None:
    catalog["facts"]["f-text"]["group"] = "troops"
    with pytest.raises(ValueError, match="f-text"):
        views.chart_entries(catalog, "troops")


def test_data_text_reaches_the_page_escaped(catalog: Catalog) -> None:
    html = _render(catalog, "<!-- chart:troops -->\n\n<!-- sources -->\n\n<!-- timeline -->\n\nBy <!-- claimant:kr -->.")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; Agency" in html
    assert 'title="Government &amp; people"' in html
    assert 'href="https://z.example/a?b=1&amp;c=2"' in html


def test_generated_lists_link_to_the_permanent_anchors(catalog: Catalog) -> None:
    html = _render(catalog, "<!-- sources -->\n\n<!-- corrections -->\n\n<!-- correction:c -->")
    assert '<li class="fx-bib" id="zeta">' in html and 'href="../facts/#f-kr"' in html
    assert 'href="../method/#c"' in html
    assert '<section class="fx-correction" id="c">' in html


def test_inline_kinds_stay_inside_the_sentence(catalog: Catalog) -> None:
    html = _render(catalog, "He said <!-- phrase:q --> at <!-- event:e --> on <!-- date:e -->.")
    assert "\n" not in html
    assert "“<a href=\"../facts/#q\"" in html and "30 October 2024, 07:10 KST" in html


def test_shortcodes_in_code_are_examples_not_references(catalog: Catalog) -> None:
    markdown = "Write `<!-- fact:nope -->` inline.\n\n```md\n<!-- value:nope -->\n```\n\n<!-- value:f-us -->\n"
    page = convert(markdown, PageContext(catalog=catalog, fact_index_url="../facts/"))
    assert page.problems == [] and shortcodes.items_shown(page.shown, catalog) == {"f-us"}
    assert "<code>&lt;!-- fact:nope --&gt;</code>" in page.html
    assert "&lt;!-- value:nope --&gt;\n</code></pre>" in page.html
    assert "about 10,000 troops" in page.html


def test_the_shortcode_list_is_generated_from_the_kinds(catalog: Catalog) -> None:
    html = _render(catalog, "<!-- shortcodes -->")
    for name in shortcodes.KINDS:
        assert f"&lt;!-- {name}" in html


def _with_claimant_name(catalog: Catalog, claimant_id: str, name: str) -> Catalog:
    catalog["claimants"][claimant_id]["name"] = name
    return catalog


def _name_filling(room: float, suffix: str) -> str:
    """A name whose label (`name · date`) fits in `room` but not in 8 units less: as long as a label can be."""
    from mkdocs_explainer.pages import chart

    name = "W"
    while chart.fits(f"{name}W{suffix}", room):
        name += "W"
    assert chart.fits(name + suffix, room) and not chart.fits(name + suffix, room - chart.PADDING)
    return name


def test_a_chart_row_is_labelled_with_its_owner_and_date_and_the_short_name_only_where_the_full_one_overflows(
        catalog: Catalog) -> None:
    from mkdocs_explainer.pages import chart

    entries = views.chart_entries(catalog, "troops")
    assert entries[1].label == "South Korea · 30 October 2024"
    # As long as the row allows (the chart's width less its padding each side): still the full name.
    longest = _name_filling(chart.WIDTH - 2 * chart.PADDING, " · 28 October 2024")
    assert views.chart_entries(_with_claimant_name(catalog, "us", longest), "troops")[0].label == f"{longest} · 28 October 2024"
    # One character longer: the claimant's short name, which the table below the chart spells out.
    assert views.chart_entries(_with_claimant_name(catalog, "us", longest + "W"), "troops")[0].label == "US · 28 October 2024"


def test_a_trend_charts_legend_shortens_only_a_name_that_does_not_fit(catalog: Catalog) -> None:
    labels = {s.label for s in views.trend_chart(catalog, "troops").series}
    assert labels == {"<script>alert(1)</script> Agency", "South Korea"}
    long = views.trend_chart(_with_claimant_name(catalog, "us", "W" * 80), "troops")
    assert {s.label for s in long.series} == {"US", "South Korea"}


def test_a_text_fact_in_a_trend_is_named_with_its_group(catalog: Catalog) -> None:
    catalog["facts"]["f-text"]["group"] = "troops"
    with pytest.raises(ValueError, match=r"^group 'troops': fact 'f-text' is not a number and cannot be charted$"):
        views.trend_chart(catalog, "troops")


def test_the_charts_words_are_one_sentence_per_bar(catalog: Catalog) -> None:
    assert views.describe_chart(catalog, "troops") == (
        "<script>alert(1)</script> Agency: about 10,000 troops, as of 28 October 2024 (reported); "
        "South Korea: 11,000–12,000 troops, as of 30 October 2024 (claimed).")


def test_a_list_names_a_fact_by_label_and_value_an_event_by_title_a_quote_by_its_words(catalog: Catalog) -> None:
    assert views.item_summary(catalog.items["f-us"]) == "US figure: about 10,000 troops"
    assert views.item_summary(catalog.items["e"]) == "A meeting"
    assert views.item_summary(catalog.items["q"]) == "“we would expect”"


def test_a_fact_index_by_question_lists_the_items_of_its_positions(catalog: Catalog) -> None:
    assert [i["id"] for i in views.filtered_items(catalog, "question=qq")] == ["f-us", "f-kr", "q"]
    assert views.filter_problem(catalog, "question=nope") == "question=nope: no such question; there are qq"
    catalog["questions"].clear()
    assert views.filter_problem(catalog, "question=qq") == "question=qq: no such question; there are none"


def test_the_bibliography_lists_the_places_and_routes_citing_each_source() -> None:
    from project import ROOT

    real = build_catalog(ROOT / "data", ROOT)
    entries = {entry["id"]: entry for entry in views.bibliography(real)}
    for section in ("places", "routes"):
        assert real[section]
        for record in real[section].values():
            for cited in record["sources"]:
                source_id = cited if isinstance(cited, str) else cited["source"]
                assert record["id"] in [r["id"] for r in entries[source_id]["cited_places"]], (section, record["id"])


def test_a_timeline_of_quotes_is_a_valid_filter_and_an_unknown_quote_is_named_as_one(catalog: Catalog) -> None:
    from pages_helpers import check

    assert check("Text\n\n<!-- timeline:kind=quote -->\n", catalog)[0] == []
    problems, _ = check("Text <!-- quote:nope --> here.\n", catalog)
    assert [p.message for p in problems] == ["unknown quote 'nope'."]


def test_a_chart_carries_its_words_for_screen_readers(catalog: Catalog) -> None:
    html = _render(catalog, "<!-- chart:troops -->\n")
    assert "about 10,000 troops, as of 28 October 2024 (reported); South Korea: 11,000–12,000 troops" in html


def test_compiled_templates_are_kept_in_a_folder_that_exists_and_nowhere_without_one(tmp_path: Path) -> None:
    from mkdocs_explainer.pages.render import CompiledTemplates

    kept = CompiledTemplates()
    folder = tmp_path / ".cache" / "explainer-templates"
    kept.keep_in(folder)
    assert kept.folder is not None and folder.is_dir()
    kept.keep_in(folder)  # the next build: the folder is there already
    assert kept.folder is not None and kept.folder.directory == str(folder)
    kept.keep_in(None)
    assert kept.folder is None
    (tmp_path / "a-file").write_text("")
    kept.keep_in(tmp_path / "a-file" / "below")  # cannot be made: compiled in memory only
    assert kept.folder is None


def test_a_shortcode_split_inside_a_word_and_closed_without_a_space_is_suggested_whole(catalog: Catalog) -> None:
    from pages_helpers import check

    problems, _ = check("Text\n\n<!-- fa\nct:f-us-->\n", catalog)
    assert [p.message for p in problems] == ["a shortcode is written on one line; write '<!-- fact:f-us -->'"]


def test_templates_compiled_by_an_earlier_process_are_read_from_the_folder_once_then_kept_in_memory(tmp_path: Path) -> None:
    import jinja2
    from mkdocs_explainer.pages.render import CompiledTemplates

    source = {"t.html": "{{ 6 * 7 }}"}
    earlier = CompiledTemplates()
    earlier.keep_in(tmp_path / "kept")
    jinja2.Environment(loader=jinja2.DictLoader(source), bytecode_cache=earlier).get_template("t.html")
    assert list((tmp_path / "kept").iterdir())  # the earlier process left its compiled template

    later = CompiledTemplates()
    later.keep_in(tmp_path / "kept")
    assert jinja2.Environment(loader=jinja2.DictLoader(source), bytecode_cache=later).get_template("t.html").render() == "42"
    for kept in (tmp_path / "kept").iterdir():
        kept.unlink()  # from now on only the process's memory has it

    def never_compiled(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    environment = jinja2.Environment(loader=jinja2.DictLoader(source), bytecode_cache=later)
    environment.compile = never_compiled  # type: ignore[method-assign]
    assert environment.get_template("t.html").render() == "42"


def test_a_sites_own_template_can_link_to_the_fact_index_and_the_site_root(catalog: Catalog, tmp_path: Path) -> None:
    folder = tmp_path / "explainer-templates"
    (folder / "shortcodes").mkdir(parents=True)
    (folder / "shortcodes" / "all-facts.inline.html").write_text(
        '<a href="{{ fact_index_url }}#{{ record.id }}">{{ record.label }}</a> '
        '<a href="{{ site_root }}{{ links.corrections }}">corrections</a>', encoding="utf-8")
    try:
        assert shortcodes.use_site_kinds(folder) == []
        html = shortcodes.replace("See <!-- all-facts:f-us -->.\n", PageContext(
            catalog, fact_index_url="../facts/", site_root="../", links={"corrections": "method/"}, template_dir=folder))
    finally:
        shortcodes.use_site_kinds(None)
    assert '<a href="../facts/#f-us">US figure</a> <a href="../method/">corrections</a>' in html
