"""A newsroom's own shortcode: a template in the site's templates folder (custom_templates/shortcodes/) becomes
a shortcode kind that receives the records it names, with the same checks as the package's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs_explainer.data.catalog import Catalog, build_catalog
from mkdocs_explainer.pages import shortcodes
from mkdocs_explainer.pages.render import PageContext
from pages_helpers import check, convert
from project import ROOT

BOX = ('<aside class="pull">{% for r in records %}<p data-id="{{ r.id }}">{{ r.get("label") or r.get("title") or r.get("name") }}</p>'
       '{% endfor %}</aside>\n')
INLINE = '<b class="who">{{ record.name }}</b>\n'


@pytest.fixture
def templates(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "explainer-templates"
    (folder / "shortcodes").mkdir(parents=True)
    (folder / "shortcodes/pull-box.html").write_text(BOX)
    (folder / "shortcodes/who.inline.html").write_text(INLINE)
    yield folder
    shortcodes.use_site_kinds(None)  # the package's kinds only, for the other tests


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return build_catalog(ROOT / "data", ROOT)


def test_a_template_becomes_a_shortcode_that_receives_the_records_it_names(templates: Path, catalog: Catalog) -> None:
    assert shortcodes.use_site_kinds(templates) == []
    fact, event = next(iter(catalog["facts"])), next(iter(catalog["events"]))
    claimant = next(iter(catalog["claimants"]))
    text = f"Text by <!-- who:{claimant} -->.\n\n<!-- pull-box:{fact},{event} -->\n"
    problems, codes = check(text, catalog)
    assert problems == []
    html = convert(text, PageContext(catalog, template_dir=templates)).html
    assert f'<p data-id="{fact}">' in html and f'<p data-id="{event}">' in html
    assert '<aside class="pull">' in html and "<p><aside" not in html  # a block of its own
    assert f'Text by <b class="who">{catalog["claimants"][claimant]["name"]}</b>.' in html  # inline, in the sentence
    assert shortcodes.items_shown(codes, catalog) == {fact, event}  # so the fact counts as shown


def test_an_unknown_id_gets_the_same_message(templates: Path, catalog: Catalog) -> None:
    shortcodes.use_site_kinds(templates)
    fact = next(iter(catalog["facts"]))
    problems, _ = check(f"Text\n\n<!-- pull-box:{fact},{fact[:-1]} -->\n", catalog)
    [problem] = [str(p) for p in problems]  # the nearest id first (more may follow, as the data grows)
    assert problem.startswith(f"docs/x.md:3: <!-- pull-box:{fact},{fact[:-1]} -->: unknown id '{fact[:-1]}' "
                              f"(no record of any kind has it). Did you mean '{fact}'")
    problems, _ = check("Text\n\n<!-- pull-box -->\n", catalog)
    assert [str(p) for p in problems] == ["docs/x.md:3: <!-- pull-box -->: 'pull-box' needs an id: <!-- pull-box:some-id -->"]
    problems, _ = check(f"Text <!-- pull-box:{fact} --> inline.\n", catalog)
    assert [str(p) for p in problems] == [f"docs/x.md:1: <!-- pull-box:{fact} -->: 'pull-box' shows a block; put it on a line of its own"]


def test_a_name_taken_or_malformed_is_refused_with_a_warning(templates: Path) -> None:
    (templates / "shortcodes/fact.html").write_text("<p>mine</p>\n")
    (templates / "shortcodes/Big_Box.html").write_text("<p>mine</p>\n")
    warnings = shortcodes.use_site_kinds(templates)
    assert len(warnings) == 2
    assert warnings[0] == (f"{templates / 'shortcodes/Big_Box.html'}: a shortcode's name is lower-case letters and hyphens "
                           "(e.g. key-quote.html); this template is not used")
    assert "fact.html: 'fact' is a shortcode already" in warnings[1] and "copy its template" in warnings[1]
    assert shortcodes.KINDS["fact"] is shortcodes.BUILT_IN["fact"] and "pull-box" in shortcodes.KINDS


def test_a_removed_template_is_no_longer_a_shortcode(templates: Path, catalog: Catalog) -> None:
    shortcodes.use_site_kinds(templates)
    (templates / "shortcodes/pull-box.html").unlink()
    shortcodes.use_site_kinds(templates)
    problems, _ = check(f"Text\n\n<!-- pull-box:{next(iter(catalog['facts']))} -->\n", catalog)
    assert "unknown shortcode 'pull-box'" in str(problems[0])
